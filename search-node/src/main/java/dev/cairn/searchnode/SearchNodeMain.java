package dev.cairn.searchnode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opensearch.Version;
import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * A single OpenSearch node for the local stack, in a JVM of its own.
 *
 * <p>It listens on 127.0.0.1 only, on ports the system picks, keeps its data under the directory
 * given as the only argument, and serves the HTTP/REST API with the language analyzers of {@code
 * analysis-common}. Once the cluster is at least yellow it prints one line, {@value #READY_PREFIX}
 * followed by a space and the HTTP endpoint ({@code http://127.0.0.1:PORT}), on standard output.
 * It stops, closing the node, when its standard input closes or when it is terminated.
 */
public final class SearchNodeMain {
    /** The start of the line that announces the node's HTTP endpoint. */
    public static final String READY_PREFIX = "CAIRN_SEARCH_NODE";

    private static final TimeValue START_TIMEOUT = TimeValue.timeValueSeconds(60);

    private SearchNodeMain() {}

    /**
     * Starts the node and waits until it is told to stop; exits with status 1 if it cannot start.
     *
     * @param args the node's home directory (its data goes under {@code data} there)
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SearchNodeMain HOME_DIR");
            System.exit(2);
        }
        try {
            run(Path.of(args[0]).toAbsolutePath());
        } catch (Exception | LinkageError e) {
            // The node's own threads would keep the JVM up: exit, so the parent sees it failed.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path home) throws Exception {
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        Settings settings = Settings.builder()
                .put("cluster.name", "cairn-local")
                .put("node.name", "cairn-local-search")
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", "0")
                .put("transport.port", "0")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("cluster.default_number_of_replicas", 0)
                .put("logger.level", System.getProperty("cairn.search-node.log-level", "WARN"))
                .build();
        LogConfigurator.configureWithoutConfig(settings);

        LocalNode node = new LocalNode(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, stopped), "cairn-search-node-shutdown"));
        node.start();
        ClusterHealthResponse health = node.client()
                .admin()
                .cluster()
                .prepareHealth()
                .setWaitForYellowStatus()
                .setTimeout(START_TIMEOUT)
                .get();
        if (health.isTimedOut()) {
            System.err.println("The search node was not yellow within " + START_TIMEOUT + ": " + health.getStatus());
            System.exit(1);
        }
        TransportAddress http = node.injector()
                .getInstance(HttpServerTransport.class)
                .boundAddress()
                .publishAddress();
        System.out.println(READY_PREFIX + " http://" + http.getAddress() + ":" + http.getPort());
        System.out.flush();

        awaitEndOfInput(System.in);
        stop(node, stopped);
        System.exit(0);
    }

    private static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Whatever the parent writes is ignored: only the end of the stream matters.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone: stop as on end of input.
        }
    }

    private static void stop(Node node, CountDownLatch stopped) {
        synchronized (stopped) {
            if (stopped.getCount() == 0) {
                return;
            }
            try {
                node.close();
                node.awaitClose(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                System.err.println("The search node did not close cleanly: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stopped.countDown();
            }
        }
    }

    /** A node given its plugins as classes on the classpath (no plugins directory). */
    private static final class LocalNode extends Node {
        LocalNode(Settings settings) {
            super(
                    InternalSettingsPreparer.prepareEnvironment(
                            settings, java.util.Map.of(), null, () -> "cairn-local-search"),
                    List.of(
                            plugin(Netty4ModulePlugin.class, "transport-netty4"),
                            plugin(CommonAnalysisModulePlugin.class, "analysis-common")),
                    true);
        }

        private static PluginInfo plugin(Class<? extends Plugin> type, String name) {
            return new PluginInfo(
                    name,
                    name + " (on the classpath)",
                    Version.CURRENT.toString(),
                    Version.CURRENT,
                    System.getProperty("java.specification.version"),
                    type.getName(),
                    List.of(),
                    false);
        }
    }
}
