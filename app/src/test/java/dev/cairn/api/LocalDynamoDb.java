package dev.cairn.api;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.cairn.contract.TableDefinition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

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
            client.createTable(r -> {
                r.tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attributes(table))
                        .keySchema(keys(table.partitionKey(), table.sortKey()));
                if (!table.indexes().isEmpty()) {
                    r.globalSecondaryIndexes(table.indexes().stream()
                            .map(i -> GlobalSecondaryIndex.builder()
                                    .indexName(i.name())
                                    .keySchema(keys(i.partitionKey(), i.sortKey()))
                                    .projection(p -> p.projectionType(ProjectionType.ALL))
                                    .build())
                            .toList());
                }
            });
            properties.put("cairn.tables." + table.name(), name);
        }
        return properties;
    }

    private static List<AttributeDefinition> attributes(TableDefinition table) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        List<TableDefinition.Key> keys = new ArrayList<>();
        keys.add(table.partitionKey());
        keys.add(table.sortKey());
        table.indexes().forEach(i -> {
            keys.add(i.partitionKey());
            keys.add(i.sortKey());
        });
        for (TableDefinition.Key key : keys) {
            if (key != null) {
                attributes.putIfAbsent(
                        key.name(),
                        AttributeDefinition.builder()
                                .attributeName(key.name())
                                .attributeType(key.numeric() ? ScalarAttributeType.N : ScalarAttributeType.S)
                                .build());
            }
        }
        return List.copyOf(attributes.values());
    }

    private static List<KeySchemaElement> keys(TableDefinition.Key partitionKey, TableDefinition.Key sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder()
                .attributeName(partitionKey.name())
                .keyType(KeyType.HASH)
                .build());
        if (sortKey != null) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(sortKey.name())
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return keys;
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
