package dev.cairn.local;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 *
 * <p>Every port it opens is on 127.0.0.1: {@code server.address} binds its main (HTTPS)
 * connector, and {@link #LOOPBACK_CONNECTOR} its extra HTTP connector (the S3 endpoint, {@code
 * http.port}), which S3Mock builds itself and for which it has no address setting. Its S3 Vectors
 * connectors open only under the {@code vectors} profile, which is not started here.
 */
final class S3Emulator implements AutoCloseable {
    /**
     * Spring bean definitions added to S3Mock's own ({@code spring.main.sources}): they set the
     * address of S3Mock's {@code httpConnector} bean before its web server starts listening. The
     * bean is created eagerly, which S3Mock's lazy initialization would otherwise skip.
     */
    static final String LOOPBACK_CONNECTOR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="http://www.springframework.org/schema/beans"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="http://www.springframework.org/schema/beans
                       https://www.springframework.org/schema/beans/spring-beans.xsd">
              <bean id="cairnLoopbackHttpConnector" lazy-init="false"
                    class="org.springframework.beans.factory.config.MethodInvokingFactoryBean">
                <property name="targetObject" ref="httpConnector"/>
                <property name="targetMethod" value="setProperty"/>
                <property name="arguments">
                  <list><value>address</value><value>127.0.0.1</value></list>
                </property>
              </bean>
            </beans>
            """;

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
        Path loopbackConnector = storeRoot.resolveSibling("s3mock-loopback.xml");
        try {
            Files.writeString(loopbackConnector, LOOPBACK_CONNECTOR);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + loopbackConnector, e);
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
                "--spring.main.sources=" + loopbackConnector.toUri(),
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
