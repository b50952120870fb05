package dev.cairn.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.URI;
import java.nio.file.Path;

/** DynamoDB Local, embedded: in memory, or in files under a folder that survive restarts. */
final class DynamoDbLocal implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocal(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    static DynamoDbLocal start(Path dataDir) {
        int port = Ports.free();
        String[] args = dataDir == null
                ? new String[] {"-inMemory", "-port", Integer.toString(port)}
                : new String[] {"-sharedDb", "-dbPath", dataDir.toString(), "-port", Integer.toString(port)};
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args);
            server.start();
            return new DynamoDbLocal(server, URI.create("http://127.0.0.1:" + port));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start DynamoDB Local: " + e.getMessage(), e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop DynamoDB Local", e);
        }
    }
}
