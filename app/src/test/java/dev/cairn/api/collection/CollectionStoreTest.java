package dev.cairn.api.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.collection.CollectionStore.ConditionFailed;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The store against a DynamoDB stand-in that answers what each test lines up and records what it is sent. */
class CollectionStoreTest {
    private final Scripted dynamoDb = new Scripted();
    private final CollectionStore store = new CollectionStore(dynamoDb, "things-table", "userId", "thingId");

    @Test
    void aMissingItemReadsAsEmptyAndReadsAreConsistent() {
        assertThat(store.read("user-1", "0190-a")).isEmpty();

        GetItemRequest get = (GetItemRequest) dynamoDb.sent.getFirst();
        assertThat(get.tableName()).isEqualTo("things-table");
        assertThat(get.consistentRead()).isTrue();
        assertThat(get.key()).isEqualTo(key("0190-a"));
    }

    @Test
    void anItemWithNothingAlongsideIsOneConditionalPut() {
        store.replace(item("0190-a"), 3, List.of());

        PutItemRequest put = (PutItemRequest) dynamoDb.sent.getFirst();
        assertThat(put.tableName()).isEqualTo("things-table");
        assertThat(put.conditionExpression()).isEqualTo("#version = :expected");
        assertThat(put.expressionAttributeValues()).containsEntry(":expected", AttributeValue.fromN("3"));
    }

    @Test
    void aFailedConditionIsTheStoresOwnExceptionNotAnHttpOne() {
        dynamoDb.failPut = true;

        assertThatThrownBy(() -> store.create(item("0190-a"), List.of(), null))
                .isInstanceOfSatisfying(
                        ConditionFailed.class, e -> assertThat(e.row()).isEqualTo(ConditionFailed.Row.ITEM));
        PutItemRequest put = (PutItemRequest) dynamoDb.sent.getFirst();
        assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(#id)");
    }

    @Test
    void facetCountsMoveInTheSameTransactionAsTheItem() {
        store.replace(
                item("0190-a"),
                1,
                List.of(new Facets.Move("brand", "Fender", -1), new Facets.Move("brand", "Gibson", 1)));

        List<TransactWriteItem> writes = ((TransactWriteItemsRequest) dynamoDb.sent.getFirst()).transactItems();
        assertThat(writes).hasSize(3);
        assertThat(writes.getFirst().put().item()).isEqualTo(item("0190-a"));
        assertThat(writes.get(1).update().key()).containsEntry("thingId", AttributeValue.fromS("#facet#brand#Fender"));
        assertThat(writes.get(1).update().expressionAttributeValues())
                .containsEntry(":delta", AttributeValue.fromN("-1"));
        assertThat(writes.get(2).update().key()).containsEntry("thingId", AttributeValue.fromS("#facet#brand#Gibson"));
    }

    @Test
    void aCreateOverTheLimitFailsOnTheItemCount() {
        dynamoDb.rows.add(Map.of("count", AttributeValue.fromN("5"))); // the count row exists
        dynamoDb.cancel = List.of("None", "ConditionalCheckFailed");

        assertThatThrownBy(() -> store.create(item("0190-a"), List.of(), 5))
                .isInstanceOfSatisfying(
                        ConditionFailed.class, e -> assertThat(e.row()).isEqualTo(ConditionFailed.Row.ITEM_COUNT));
        TransactWriteItemsRequest transaction = (TransactWriteItemsRequest) dynamoDb.sent.getLast();
        TransactWriteItem count = transaction.transactItems().getLast();
        assertThat(count.update().key()).containsEntry("thingId", AttributeValue.fromS("#count"));
        assertThat(count.update().conditionExpression()).isEqualTo("#count < :max");
        assertThat(count.update().expressionAttributeValues()).containsEntry(":max", AttributeValue.fromN("5"));
    }

    @Test
    void anExistingIdFailsOnTheItemEvenWithALimit() {
        dynamoDb.rows.add(Map.of("count", AttributeValue.fromN("1")));
        dynamoDb.cancel = List.of("ConditionalCheckFailed", "None");

        assertThatThrownBy(() -> store.create(item("0190-a"), List.of(), 5))
                .isInstanceOfSatisfying(
                        ConditionFailed.class, e -> assertThat(e.row()).isEqualTo(ConditionFailed.Row.ITEM));
    }

    @Test
    void anOwnerWithoutACountRowIsCountedOnceAcrossQueryPages() {
        dynamoDb.pages.add(
                QueryResponse.builder().count(2).lastEvaluatedKey(key("0190-b")).build());
        dynamoDb.pages.add(QueryResponse.builder().count(1).build());

        store.create(item("0190-c"), List.of(), 10);

        List<QueryRequest> queries = dynamoDb.sent(QueryRequest.class);
        assertThat(queries).hasSize(2);
        assertThat(queries.getFirst().tableName()).isEqualTo("things-table");
        assertThat(queries.getFirst().keyConditionExpression()).isEqualTo("#owner = :owner AND #id >= :floor");
        assertThat(queries.get(1).exclusiveStartKey()).isEqualTo(key("0190-b"));
        PutItemRequest seed = dynamoDb.sent(PutItemRequest.class).getFirst();
        assertThat(seed.item()).containsEntry("thingId", AttributeValue.fromS("#count"));
        assertThat(seed.item()).containsEntry("count", AttributeValue.fromN("3"));
    }

    @Test
    void aDeleteLeavesAnUnseededCountAlone() {
        store.delete("user-1", "0190-a", 2, List.of(), true);

        DeleteItemRequest delete = dynamoDb.sent(DeleteItemRequest.class).getFirst();
        assertThat(delete.key()).isEqualTo(key("0190-a"));
        assertThat(delete.expressionAttributeValues()).containsEntry(":expected", AttributeValue.fromN("2"));
        assertThat(dynamoDb.sent(TransactWriteItemsRequest.class)).isEmpty();
    }

    @Test
    void subItemUpdatesAnswerTheNewItemOrFailOnTheirCondition() {
        Map<String, AttributeValue> updated =
                store.removeEntry("user-1", "0190-a", "notes", 1, 4, "2026-01-01T00:00:00Z");

        UpdateItemRequest update = dynamoDb.sent(UpdateItemRequest.class).getFirst();
        assertThat(updated).isEqualTo(item("0190-a"));
        assertThat(update.tableName()).isEqualTo("things-table");
        assertThat(update.updateExpression()).startsWith("REMOVE #list[1] ");
        assertThat(update.expressionAttributeValues()).containsEntry(":expected", AttributeValue.fromN("4"));

        dynamoDb.failUpdate = true;
        assertThatThrownBy(() -> store.appendEntry(
                        "user-1", "0190-a", "notes", AttributeValue.fromS("x"), 200, "2026-01-01T00:00:00Z"))
                .isInstanceOf(ConditionFailed.class);
    }

    @Test
    void erasingDeletesInBatchesOfTwentyFiveAndWritesAgainWhatWasLeftUndone() {
        List<Map<String, AttributeValue>> keys =
                IntStream.range(0, 30).mapToObj(i -> key("0190-" + i)).toList();
        dynamoDb.unprocessedOnce = true;

        store.deleteAll(keys);

        List<BatchWriteItemRequest> batches = dynamoDb.sent(BatchWriteItemRequest.class);
        assertThat(batches)
                .extracting(b -> b.requestItems().get("things-table").size())
                .containsExactly(25, 1, 5);
    }

    @Test
    void facetValuesAreReadAcrossPages() {
        dynamoDb.pages.add(QueryResponse.builder()
                .items(List.of(Map.of("value", AttributeValue.fromS("Fender"))))
                .lastEvaluatedKey(key("#facet#brand#Fender"))
                .build());
        dynamoDb.pages.add(QueryResponse.builder()
                .items(List.of(Map.of("value", AttributeValue.fromS("Gibson"))))
                .build());

        assertThat(store.facetValues("user-1", "brand")).containsExactly("Fender", "Gibson");
        assertThat(dynamoDb.sent(QueryRequest.class).getFirst().expressionAttributeValues())
                .containsEntry(":prefix", AttributeValue.fromS("#facet#brand#"));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("userId", AttributeValue.fromS("user-1"), "thingId", AttributeValue.fromS(id));
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of(
                "userId", AttributeValue.fromS("user-1"),
                "thingId", AttributeValue.fromS(id),
                "version", AttributeValue.fromN("1"));
    }

    /** Answers reads from {@code rows} and {@code pages} (empty when they run out); writes succeed unless told. */
    private static final class Scripted implements DynamoDbClient {
        final List<Object> sent = new ArrayList<>();
        final Deque<Map<String, AttributeValue>> rows = new ArrayDeque<>();
        final Deque<QueryResponse> pages = new ArrayDeque<>();
        boolean failPut;
        boolean failUpdate;
        boolean unprocessedOnce;
        List<String> cancel;

        <R> List<R> sent(Class<R> type) {
            return sent.stream().filter(type::isInstance).map(type::cast).toList();
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            sent.add(request);
            return GetItemResponse.builder().item(rows.poll()).build();
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            sent.add(request);
            if (failPut) {
                throw ConditionalCheckFailedException.builder()
                        .message("failed")
                        .build();
            }
            return PutItemResponse.builder().build();
        }

        @Override
        public DeleteItemResponse deleteItem(DeleteItemRequest request) {
            sent.add(request);
            return DeleteItemResponse.builder().build();
        }

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            sent.add(request);
            if (failUpdate) {
                throw ConditionalCheckFailedException.builder()
                        .message("failed")
                        .build();
            }
            return UpdateItemResponse.builder().attributes(item("0190-a")).build();
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            sent.add(request);
            if (cancel != null) {
                throw TransactionCanceledException.builder()
                        .cancellationReasons(cancel.stream()
                                .map(code ->
                                        CancellationReason.builder().code(code).build())
                                .toList())
                        .build();
            }
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            sent.add(request);
            QueryResponse page = pages.poll();
            return page == null ? QueryResponse.builder().count(0).build() : page;
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            sent.add(request);
            if (unprocessedOnce) {
                unprocessedOnce = false;
                List<WriteRequest> batch = request.requestItems().get("things-table");
                return BatchWriteItemResponse.builder()
                        .unprocessedItems(Map.of("things-table", List.of(batch.getLast())))
                        .build();
            }
            return BatchWriteItemResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }
}
