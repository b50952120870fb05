package dev.cairn.api.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.Cursors;
import dev.cairn.api.secrets.SigningSecret;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The engine's pure parts: cursors, merge patch, and the JSON to item mapping. */
class CollectionPartsTest {
    private static ApplicationContext context;
    private static JsonMapper json;
    private static Cursors cursors;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of(
                "cairn.signing.secret", "a-test-signing-secret-of-enough-length", "cairn.aws.region", "eu-west-1"));
        json = context.getBean(JsonMapper.class);
        cursors = new Cursors(context.getBean(SigningSecret.class));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aCursorRoundTripsOnlyInItsOwnScope() {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put("userId", AttributeValue.fromS("user-1"));
        key.put("guitarId", AttributeValue.fromS("0190-abc"));
        key.put("order", AttributeValue.fromN("12.5"));

        String cursor = cursors.encode("guitar\nuser-1", key);

        assertThat(cursors.decode("guitar\nuser-1", cursor)).hasValue(key);
        assertThat(cursors.decode("guitar\nuser-2", cursor)).isEmpty();
        assertThat(cursors.decode("guitar\nuser-1", "x" + cursor)).isEmpty();
        assertThat(cursors.decode("guitar\nuser-1", cursor.replace('.', '-'))).isEmpty();
        assertThat(cursors.decode("guitar\nuser-1", "not base64!.AAAA")).isEmpty();
    }

    @Test
    void mergePatchFollowsRfc7386() throws IOException {
        // The example of RFC 7386, section 3.
        JsonNode target = tree("{\"title\":\"Goodbye!\",\"author\":{\"givenName\":\"John\",\"familyName\":\"Doe\"},"
                + "\"tags\":[\"example\",\"sample\"],\"content\":\"This will be unchanged\"}");
        JsonNode patch = tree("{\"title\":\"Hello!\",\"phoneNumber\":\"+01-123-456-7890\","
                + "\"author\":{\"familyName\":null},\"tags\":[\"example\"]}");

        JsonNode result = MergePatch.apply(target, patch);

        assertThat(result)
                .isEqualTo(tree("{\"title\":\"Hello!\",\"author\":{\"givenName\":\"John\"},\"tags\":[\"example\"],"
                        + "\"content\":\"This will be unchanged\",\"phoneNumber\":\"+01-123-456-7890\"}"));
    }

    @Test
    void documentsBecomeItemsAndComeBackUnchanged() throws IOException {
        JsonNode document = tree("{\"brand\":\"Fender\",\"year\":1965,\"price\":1800.50,\"caseIncluded\":true,"
                + "\"specs\":{\"radius\":\"7.25 in\"},\"tags\":[\"a\",\"b\"],\"gone\":null}");

        Map<String, AttributeValue> item = ItemCodec.toItem(document);

        assertThat(item).doesNotContainKey("gone");
        assertThat(item.get("year").n()).isEqualTo("1965");
        assertThat(item.get("price").n()).isEqualTo("1800.5");
        assertThat(item.get("specs").m()).containsEntry("radius", AttributeValue.fromS("7.25 in"));
        assertThat(item.get("tags").l()).containsExactly(AttributeValue.fromS("a"), AttributeValue.fromS("b"));
        JsonNode back = ItemCodec.toJson(item);
        assertThat(json.writeValueAsString(back))
                .isEqualTo("{\"brand\":\"Fender\",\"year\":1965,\"price\":1800.5,\"caseIncluded\":true,"
                        + "\"specs\":{\"radius\":\"7.25 in\"},\"tags\":[\"a\",\"b\"]}");
        assertThat(ItemCodec.toJson(AttributeValue.fromSs(List.of("x")))).isEqualTo(tree("[\"x\"]"));
    }

    private static JsonNode tree(String text) throws IOException {
        return json.readValue(text, JsonNode.class);
    }
}
