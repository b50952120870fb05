package dev.cairn.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The local stream poller against DynamoDB Local's streams: what Lambda's event source mapping does in AWS. */
class LocalStreamsTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static DynamoDbLocal dynamoDb;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        dynamoDb = DynamoDbLocal.start(null);
        client = DynamoDbClient.builder()
                .endpointOverride(dynamoDb.endpoint())
                .region(Region.of(LocalCairn.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        dynamoDb.close();
    }

    /**
     * The poller takes its iterator while the shard is empty, as it does when the stack starts
     * before the first write: the writes after it still arrive, each once, in order.
     */
    @Test
    void writesAfterThePollerSawAnEmptyShardAreDelivered() throws Exception {
        String arn = streamedTable("Empty");
        List<DynamodbEvent.DynamodbStreamRecord> delivered = new CopyOnWriteArrayList<>();
        try (LocalStreams streams = new LocalStreams(dynamoDb.endpoint(), List.of(arn), batch -> {
            delivered.addAll(batch);
            return List.of();
        })) {
            streams.start();
            await(() -> streams.passes() >= 3);
            put("Empty", "a", 1);
            put("Empty", "b", 1);
            put("Empty", "a", 2);
            await(() -> delivered.size() >= 3);
            Thread.sleep(500);
            assertThat(delivered)
                    .extracting(r -> r.getEventName() + " "
                            + r.getDynamodb().getKeys().get("id").getS() + " v"
                            + r.getDynamodb().getNewImage().get("version").getN())
                    .containsExactly("INSERT a v1", "INSERT b v1", "MODIFY a v2");
            assertThat(delivered
                            .get(2)
                            .getDynamodb()
                            .getOldImage()
                            .get("version")
                            .getN())
                    .isEqualTo("1");
        }
    }

    /** A burst of writes larger than a batch, as a bulk import makes, arrives whole and in order. */
    @Test
    void aBurstOfWritesArrivesWholeInOrder() throws Exception {
        String arn = streamedTable("Burst");
        List<String> delivered = new CopyOnWriteArrayList<>();
        try (LocalStreams streams = new LocalStreams(dynamoDb.endpoint(), List.of(arn), batch -> {
            batch.forEach(r -> delivered.add(r.getDynamodb().getKeys().get("id").getS()));
            return List.of();
        })) {
            streams.start();
            await(() -> streams.passes() >= 3);
            List<String> written = new java.util.ArrayList<>();
            for (int i = 0; i < 600; i++) {
                String id = "item-" + i;
                put("Burst", id, 1);
                written.add(id);
            }
            await(() -> delivered.size() >= written.size());
            assertThat(delivered).containsExactlyElementsOf(written);
        }
    }

    /** A batch whose second record fails is offered again from that record, not from the first. */
    @Test
    void aFailedRecordIsOfferedAgainFromItselfAndTheRecordsBeforeItAreNot() throws Exception {
        String arn = streamedTable("Retried");
        put("Retried", "first", 1);
        put("Retried", "second", 1);
        List<String> offered = new CopyOnWriteArrayList<>();
        try (LocalStreams streams = new LocalStreams(dynamoDb.endpoint(), List.of(arn), batch -> {
            batch.forEach(r -> offered.add(r.getDynamodb().getKeys().get("id").getS()));
            // The second record fails the first time it is offered.
            long seen = offered.stream().filter("second"::equals).count();
            return seen == 1
                    ? batch.stream()
                            .filter(r ->
                                    r.getDynamodb().getKeys().get("id").getS().equals("second"))
                            .toList()
                    : List.of();
        })) {
            streams.start();
            await(() -> offered.size() >= 3);
            Thread.sleep(500);
            assertThat(offered).containsExactly("first", "second", "second");
        }
    }

    private static String streamedTable(String name) {
        return client.createTable(r -> r.tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .streamSpecification(
                                s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription()
                .latestStreamArn();
    }

    private static void put(String table, String id, int version) {
        client.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "id", AttributeValue.fromS(id),
                        "version", AttributeValue.fromN(Integer.toString(version)))));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within " + BOUND).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
