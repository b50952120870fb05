package dev.cairn.local;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local stack's data layer alone: DynamoDB Local in memory with a blueprint's tables, created
 * exactly as {@link LocalCairn} creates them. For the benchmarks and tools that measure or drive the
 * app's data access without starting S3Mock, cognito-local and the HTTP API emulation.
 */
public final class DynamoDbLocalWithTables implements AutoCloseable {
    private final DynamoDbLocal dynamoDb;
    private final Map<String, Object> tableProperties;

    private DynamoDbLocalWithTables(DynamoDbLocal dynamoDb, Map<String, Object> tableProperties) {
        this.dynamoDb = dynamoDb;
        this.tableProperties = tableProperties;
    }

    /** DynamoDB Local in memory, with the tables of {@code blueprint}. */
    public static DynamoDbLocalWithTables start(String blueprint) {
        DynamoDbLocal dynamoDb = DynamoDbLocal.start(null);
        try (DynamoDbClient provisioning = DynamoDbClient.builder()
                .endpointOverride(dynamoDb.endpoint())
                .region(Region.of(LocalCairn.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            return new DynamoDbLocalWithTables(dynamoDb, LocalTables.create(provisioning, LocalTables.of(blueprint)));
        }
    }

    /** Where DynamoDB Local listens (loopback, a free port). */
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
