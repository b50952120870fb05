package dev.cairn.api;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.cairn.api.data.TableSchemas;
import dev.cairn.contract.TableDefinition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local for the app's tests: embedded, in memory, on a free loopback port, with tables
 * made from the contract's definitions as the stacks make them (keys, indexes projecting all).
 */
public final class LocalDynamoDb implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    public LocalDynamoDb() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        this.server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", Integer.toString(port)});
        server.start();
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Creates the tables; answers the app's properties for them and for this endpoint. */
    public Map<String, Object> create(List<TableDefinition> tables) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("cairn.aws.dynamodb-endpoint", endpoint.toString());
        for (TableDefinition table : tables) {
            String name = "test-" + table.name();
            client.createTable(TableSchemas.createRequest(name, table));
            properties.put("cairn.tables." + table.name(), name);
        }
        return properties;
    }

    @Override
    public void close() throws IOException {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IOException("DynamoDB Local did not stop", e);
        }
    }
}
