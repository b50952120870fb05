package dev.cairn.local;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The benchmarks' way to the local stack's DynamoDB Local and table provisioning, so that they
 * use exactly what the local stack and the end-to-end tests use (same package, bench classpath).
 */
public final class BenchBackends implements AutoCloseable {
    private final DynamoDbLocal dynamoDb;
    private final Map<String, Object> tableProperties;

    private BenchBackends(DynamoDbLocal dynamoDb, Map<String, Object> tableProperties) {
        this.dynamoDb = dynamoDb;
        this.tableProperties = tableProperties;
    }

    /** DynamoDB Local in memory, with the tables of {@code blueprint}. */
    public static BenchBackends start(String blueprint) {
        DynamoDbLocal dynamoDb = DynamoDbLocal.start(null);
        try (DynamoDbClient provisioning = DynamoDbClient.builder()
                .endpointOverride(dynamoDb.endpoint())
                .region(Region.of(LocalCairn.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            return new BenchBackends(dynamoDb, LocalTables.create(provisioning, LocalTables.of(blueprint)));
        }
    }

    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    /** {@code cairn.tables.<logical name>} to the table's local name. */
    public Map<String, Object> tableProperties() {
        return tableProperties;
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
