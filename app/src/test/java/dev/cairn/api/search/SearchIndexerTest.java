package dev.cairn.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.cairn.api.data.TableNames;
import dev.cairn.contract.Blueprints;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the indexer decides before it reaches the engine (the engine's side runs against a real
 * node in the end-to-end {@code SearchIndexingTest}): records it cannot index are reported, records
 * of other tables are skipped, and stream attributes convert to the SDK's.
 */
class SearchIndexerTest {
    static final String ARN =
            "arn:aws:dynamodb:eu-west-1:123456789012:table/test-recipes/stream/2026-01-01T00:00:00.000";

    // No engine: every record here is settled before a request would be sent.
    private final SearchIndexer indexer =
            new SearchIndexer(null, Blueprints.RECIPE_ARCHIVE, new TableNames(Map.of("recipes", "test-recipes")));

    @Test
    void recordsThatCannotBeIndexedAreReportedAndTheHandlerAnswersTheEarliest() {
        Map<String, AttributeValue> versionless = image("r-1", null);
        DynamodbEvent.DynamodbStreamRecord insert = record("INSERT", "11", null, versionless, ARN);
        DynamodbEvent.DynamodbStreamRecord removeWithoutOldImage = record("REMOVE", "12", null, null, ARN);
        removeWithoutOldImage.getDynamodb().setKeys(keys("r-2"));
        DynamodbEvent.DynamodbStreamRecord modifyWithoutNewImage = record("MODIFY", "13", image("r-3", "1"), null, ARN);
        DynamodbEvent.DynamodbStreamRecord otherTable = record(
                "INSERT", "10", null, image("r-4", null), "arn:aws:dynamodb:eu-west-1:1:table/test-users/stream/x");

        List<DynamodbEvent.DynamodbStreamRecord> failed =
                indexer.index(List.of(otherTable, insert, removeWithoutOldImage, modifyWithoutNewImage));

        assertThat(failed).containsExactly(insert, removeWithoutOldImage, modifyWithoutNewImage);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(otherTable, modifyWithoutNewImage, insert));
        StreamsEventResponse response = new SearchIndexerHandler(indexer).handleRequest(event, null);
        assertThat(response.getBatchItemFailures())
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("13");
    }

    @Test
    void anEmptyEventHasNoFailures() {
        StreamsEventResponse response = new SearchIndexerHandler(indexer).handleRequest(new DynamodbEvent(), null);
        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    @Test
    void theTableIsReadFromTheStreamArn() {
        assertThat(SearchIndexer.tableOf(ARN)).isEqualTo("test-recipes");
        assertThat(SearchIndexer.tableOf("arn:aws:dynamodb:us-east-1:1:table/t"))
                .isEqualTo("t");
        assertThat(SearchIndexer.tableOf("not an arn")).isNull();
        assertThat(SearchIndexer.tableOf(null)).isNull();
    }

    @Test
    void streamAttributesBecomeTheSdksOfEveryType() {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put("s", new AttributeValue().withS("text"));
        values.put("n", new AttributeValue().withN("4.5"));
        values.put("b", new AttributeValue().withB(ByteBuffer.wrap(new byte[] {1, 2})));
        values.put("ss", new AttributeValue().withSS("a", "b"));
        values.put("ns", new AttributeValue().withNS("1", "2"));
        values.put(
                "l", new AttributeValue().withL(new AttributeValue().withS("x"), new AttributeValue().withBOOL(true)));
        values.put("m", new AttributeValue().withM(Map.of("k", new AttributeValue().withN("1"))));
        values.put("nul", new AttributeValue().withNULL(true));

        var converted = SearchIndexer.attributes(values);

        assertThat(converted.get("s").s()).isEqualTo("text");
        assertThat(converted.get("n").n()).isEqualTo("4.5");
        assertThat(converted.get("b").b().asByteArray()).containsExactly(1, 2);
        assertThat(converted.get("ss").ss()).containsExactly("a", "b");
        assertThat(converted.get("ns").ns()).containsExactly("1", "2");
        assertThat(converted.get("l").l().get(0).s()).isEqualTo("x");
        assertThat(converted.get("l").l().get(1).bool()).isTrue();
        assertThat(converted.get("m").m().get("k").n()).isEqualTo("1");
        assertThat(converted.get("nul").nul()).isTrue();
    }

    static Map<String, AttributeValue> keys(String recipe) {
        return Map.of("userId", new AttributeValue().withS("user-1"), "recipeId", new AttributeValue().withS(recipe));
    }

    static Map<String, AttributeValue> image(String recipe, String version) {
        Map<String, AttributeValue> image = new HashMap<>(keys(recipe));
        image.put("title", new AttributeValue().withS("Soup"));
        if (version != null) {
            image.put("version", new AttributeValue().withN(version));
        }
        return image;
    }

    static DynamodbEvent.DynamodbStreamRecord record(
            String name,
            String sequence,
            Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage,
            String arn) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID("event-" + sequence);
        record.setEventName(name);
        record.setEventSourceARN(arn);
        StreamRecord change = new StreamRecord();
        change.setSequenceNumber(sequence);
        Map<String, AttributeValue> image = newImage != null ? newImage : oldImage;
        if (image != null) {
            change.setKeys(Map.of("userId", image.get("userId"), "recipeId", image.get("recipeId")));
        }
        change.setOldImage(oldImage);
        change.setNewImage(newImage);
        record.setDynamodb(change);
        return record;
    }
}
