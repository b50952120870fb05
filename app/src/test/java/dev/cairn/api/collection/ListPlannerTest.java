package dev.cairn.api.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.Cursors;
import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.secrets.SigningSecret;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

class ListPlannerTest {
    private static ApplicationContext context;
    private static Cursors cursors;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of(
                "cairn.signing.secret", "a-test-signing-secret-of-enough-length", "cairn.aws.region", "eu-west-1"));
        cursors = new Cursors(context.getBean(SigningSecret.class));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static ListPlanner planner(OwnedCollection<?> collection) {
        return new ListPlanner(collection, cursors, new CollectionErrors("thing", "Thing"));
    }

    @Test
    void withoutFiltersTheTableIsReadNewestFirstWithoutTheServersRows() {
        ListPlanner.Plan plan = planner(Thing.COLLECTION).plan("user-1", Map.of());

        QueryRequest query = plan.query();
        assertThat(query.indexName()).isNull();
        assertThat(query.keyConditionExpression()).isEqualTo("#owner = :owner AND #id >= :floor");
        assertThat(query.expressionAttributeValues()).containsEntry(":floor", AttributeValue.fromS("0"));
        assertThat(query.scanIndexForward()).isFalse();
        assertThat(query.limit()).isEqualTo(ListPlanner.DEFAULT_LIMIT);
        assertThat(query.filterExpression()).isNull();
        assertThat(plan.keyAttributes()).containsExactly("userId", "thingId");
    }

    @Test
    void anIndexedFilterBecomesTheKeyConditionAndTheOthersTheFilter() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("tag", "vintage");
        parameters.put("brand", "Fender");
        parameters.put("yearFrom", "1960");
        parameters.put("pinned", "true");
        parameters.put("limit", "5");

        ListPlanner.Plan plan = planner(Thing.COLLECTION).plan("user-1", parameters);

        QueryRequest query = plan.query();
        assertThat(query.indexName()).isEqualTo(Thing.BRAND_INDEX);
        assertThat(query.keyConditionExpression()).isEqualTo("#f0 = :f0 AND #owner = :owner");
        assertThat(query.filterExpression()).isEqualTo("#f1 >= :f1 AND contains(#f2, :f2) AND #f3 = :f3");
        assertThat(query.expressionAttributeValues())
                .containsEntry(":f0", AttributeValue.fromS("Fender"))
                .containsEntry(":f1", AttributeValue.fromN("1960"))
                .containsEntry(":f3", AttributeValue.fromBool(true));
        assertThat(query.limit()).isEqualTo(5);
        assertThat(plan.keyAttributes()).containsExactly("userId", "thingId", "brand");
    }

    @Test
    void aCollectionWithAnOrderIsReadThroughItsIndex() {
        ListPlanner.Plan plan = planner(Thing.ORDERED).plan("user-1", Map.of("pinned", "false"));

        assertThat(plan.query().indexName()).isEqualTo(Thing.ORDER_INDEX);
        assertThat(plan.query().keyConditionExpression()).isEqualTo("#owner = :owner");
        assertThat(plan.query().filterExpression()).isEqualTo("#f0 = :f0");
        assertThat(plan.keyAttributes()).containsExactly("userId", "thingId", "listOrder");
    }

    @Test
    void badParametersAreValidationErrorsNamingTheParameter() {
        ListPlanner planner = planner(Thing.COLLECTION);

        assertThat(problem(() -> planner.plan("user-1", Map.of("limit", "101"))))
                .isEqualTo(new ApiError.FieldError("limit", "must be between 1 and 100"));
        assertThat(problem(() -> planner.plan("user-1", Map.of("limit", "ten"))))
                .isEqualTo(new ApiError.FieldError("limit", "must be between 1 and 100"));
        assertThat(problem(() -> planner.plan("user-1", Map.of("pinned", "yes"))))
                .isEqualTo(new ApiError.FieldError("pinned", "must be true or false"));
        assertThat(problem(() -> planner.plan("user-1", Map.of("yearFrom", "1e999999999")))
                        .field())
                .isEqualTo("yearFrom");
        assertThat(problem(() -> planner.plan("user-1", Map.of("tag", "x".repeat(201)))))
                .isEqualTo(new ApiError.FieldError("tag", "is too long"));
    }

    @Test
    void aCursorContinuesOnlyTheListItWasMadeFor() {
        ListPlanner planner = planner(Thing.COLLECTION);
        ListPlanner.Plan plan = planner.plan("user-1", Map.of("brand", "Fender"));
        Map<String, AttributeValue> next = key("0190-b");
        next.put("brand", AttributeValue.fromS("Fender"));
        String cursor = planner.cursor(plan, next);

        ListPlanner.Plan continued = planner.plan("user-1", Map.of("brand", "Fender", "cursor", cursor));

        assertThat(continued.query().exclusiveStartKey()).isEqualTo(next);
        assertThat(planner.cursor(plan, null)).isNull();
        assertThat(problem(() -> planner.plan("user-2", Map.of("brand", "Fender", "cursor", cursor))))
                .isEqualTo(new ApiError.FieldError("cursor", "is not valid"));
        assertThat(problem(() -> planner.plan("user-1", Map.of("brand", "Gibson", "cursor", cursor))))
                .isEqualTo(new ApiError.FieldError("cursor", "is not valid"));
        // Signed for this list, but not a key of the index it reads.
        String tableKey = planner.cursor(plan, key("0190-b"));
        assertThat(problem(() -> planner.plan("user-1", Map.of("brand", "Fender", "cursor", tableKey))))
                .isEqualTo(new ApiError.FieldError("cursor", "is not valid"));
    }

    @Test
    void aPageFilledInsideAQueryPageContinuesRightAfterItsLastItem() {
        ListPlanner.Plan plan = planner(Thing.COLLECTION).plan("user-1", Map.of("limit", "2"));

        ListPlanner.Filled page = ListPlanner.fill(
                plan,
                List.of(page(List.of("a"), key("a")), page(List.of("b", "c"), key("c")), page(List.of("d"), null)));

        assertThat(page.items()).extracting(i -> i.get("thingId").s()).containsExactly("a", "b");
        assertThat(page.next()).isEqualTo(key("b"));
    }

    @Test
    void aPageContinuesWhereTheQueryStopped() {
        ListPlanner.Plan plan = planner(Thing.COLLECTION).plan("user-1", Map.of("limit", "2"));

        ListPlanner.Filled exactly =
                ListPlanner.fill(plan, List.of(page(List.of(), key("x")), page(List.of("a", "b"), key("b"))));
        ListPlanner.Filled last = ListPlanner.fill(plan, List.of(page(List.of("a"), null)));

        assertThat(exactly.items()).hasSize(2);
        assertThat(exactly.next()).isEqualTo(key("b"));
        assertThat(last.items()).hasSize(1);
        assertThat(last.next()).isNull();
    }

    @Test
    void aFilterMatchingLittleEndsThePageAfterTheLastQueryPageItMayRead() {
        ListPlanner.Plan plan = planner(Thing.COLLECTION).plan("user-1", Map.of("limit", "2"));
        List<Integer> read = new ArrayList<>();
        Iterable<QueryResponse> endless = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public QueryResponse next() {
                read.add(read.size());
                return page(List.of(), key("stop-" + read.size()));
            }
        };

        ListPlanner.Filled page = ListPlanner.fill(plan, endless);

        assertThat(read).hasSize(ListPlanner.MAX_QUERY_PAGES);
        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isEqualTo(key("stop-" + ListPlanner.MAX_QUERY_PAGES));
    }

    private static ApiError.FieldError problem(Runnable request) {
        try {
            request.run();
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("THING_VALIDATION_ERROR");
            assertThat(e.details()).hasSize(1);
            return e.details().getFirst();
        }
        throw new AssertionError("The request was accepted");
    }

    private static QueryResponse page(List<String> ids, Map<String, AttributeValue> lastKey) {
        QueryResponse.Builder response = QueryResponse.builder()
                .items(ids.stream().map(ListPlannerTest::key).toList());
        return (lastKey == null ? response : response.lastEvaluatedKey(lastKey)).build();
    }

    private static Map<String, AttributeValue> key(String id) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put("userId", AttributeValue.fromS("user-1"));
        key.put("thingId", AttributeValue.fromS(id));
        return key;
    }
}
