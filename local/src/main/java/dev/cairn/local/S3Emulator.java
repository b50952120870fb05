package dev.cairn.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S3Mock in its own JVM (it is a Spring Boot app whose libraries clash with Micronaut's). It
 * honours pre-signed URLs and path-style requests, which is all the app needs of S3.
 */
final class S3Emulator implements AutoCloseable {
    private final ChildProcess process;
    private final URI endpoint;

    private S3Emulator(ChildProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static S3Emulator start(Path jar, Path storeRoot, boolean keepFiles, List<String> buckets) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock is missing at " + jar
                    + ": build the local module first (./mvnw -pl local -am package -DskipTests)");
        }
        int port = Ports.free();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--http.port=" + port,
                "--vectors.http.port=0",
                "--vectors.https.port=0",
                "--spring.main.banner-mode=off",
                "--com.adobe.testing.s3mock.store.root=" + storeRoot,
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=" + keepFiles,
                "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets)));
        ChildProcess process = ChildProcess.start(
                "S3Mock",
                command,
                storeRoot,
                Map.of(),
                line -> line.contains("Started S3MockApplication"),
                line -> {},
                Duration.ofSeconds(90));
        return new S3Emulator(process, URI.create("http://127.0.0.1:" + port));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.close();
    }
}
