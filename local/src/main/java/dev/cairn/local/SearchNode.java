package dev.cairn.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A real single-node OpenSearch on 127.0.0.1, in its own JVM (module {@code search-node}, class
 * {@code dev.cairn.searchnode.SearchNodeMain}): OpenSearch's Netty, Jackson and Log4j never meet
 * the app's classpath. Its HTTP port is picked by the system and read from the line the node
 * prints once its cluster is at least yellow.
 *
 * <p>Nothing starts it unless asked: the local stack runs no search node for the blueprints that
 * exist today, so their start time and memory are unchanged.
 */
public final class SearchNode implements AutoCloseable {
    /** The line the child prints when it serves requests, followed by a space and its endpoint. */
    static final String READY_PREFIX = "CAIRN_SEARCH_NODE ";

    private final ChildProcess process;
    private final URI endpoint;
    private final Path temporaryHome;

    private SearchNode(ChildProcess process, URI endpoint, Path temporaryHome) {
        this.process = process;
        this.endpoint = endpoint;
        this.temporaryHome = temporaryHome;
    }

    /**
     * Starts a node and waits until it serves requests.
     *
     * @param repoDir the repository root, where {@code search-node/target} holds the node's classes
     *     and libraries
     * @param home where the node keeps its indices across restarts; {@code null} for a temporary
     *     directory removed on {@link #close()}
     * @return the running node
     */
    public static SearchNode start(Path repoDir, Path home) {
        Path module = repoDir.resolve("search-node/target");
        Path classes = module.resolve("classes");
        Path lib = module.resolve("lib");
        if (!Files.isRegularFile(classes.resolve("dev/cairn/searchnode/SearchNodeMain.class"))
                || !Files.isDirectory(lib)) {
            throw new IllegalStateException("The search node is not built under " + module
                    + ": build it first (./mvnw -pl search-node package)");
        }
        Path temporary = null;
        Path nodeHome = home;
        try {
            if (nodeHome == null) {
                temporary = Files.createTempDirectory("cairn-search-node");
                nodeHome = temporary;
            } else {
                Files.createDirectories(nodeHome);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the search node's directory", e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xms256m",
                "-Xmx512m",
                // C1 only: the node is ready in about half the time, and is smaller, on a busy machine.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + nodeHome,
                "-cp",
                classes + File.pathSeparator + lib.resolve("*"),
                "dev.cairn.searchnode.SearchNodeMain",
                nodeHome.toString());
        AtomicReference<String> endpoint = new AtomicReference<>();
        ChildProcess process;
        try {
            process = ChildProcess.start(
                    "OpenSearch",
                    command,
                    nodeHome,
                    Map.of(),
                    line -> line.startsWith(READY_PREFIX)
                            && endpoint.compareAndSet(
                                    null, line.substring(READY_PREFIX.length()).strip()),
                    line -> {},
                    Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            delete(temporary);
            throw e;
        }
        return new SearchNode(process, URI.create(endpoint.get()), temporary);
    }

    /** The node's HTTP/REST endpoint, {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The node's process, alive until {@link #close()} returns. */
    public ProcessHandle process() {
        return process.handle();
    }

    /** Stops the node (it closes its indices on the way out) and removes a temporary home. */
    @Override
    public void close() {
        process.close();
        delete(temporaryHome);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
