package dev.cairn.api.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.DynamoNumbers;
import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.ApiException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemDocumentsTest {
    private static final String MINE = "0190b6a0-0000-7000-8000-000000000001";
    private static final String ALSO_MINE = "0190b6a0-0000-7000-8000-000000000002";
    private static final String NOT_MINE = "0190b6a0-0000-7000-8000-000000000003";
    private static final Map<String, AttributeValue> STORED_AT_3 = Map.of("version", AttributeValue.fromN("3"));

    private static ApplicationContext context;
    private static JsonMapper json;
    private static ItemDocuments<Thing> documents;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of(
                "cairn.signing.secret", "a-test-signing-secret-of-enough-length", "cairn.aws.region", "eu-west-1"));
        json = context.getBean(JsonMapper.class);
        ImageAttachments images = new ImageAttachments() {
            @Override
            public Optional<StoredImage> find(String userId, String imageId) {
                return userId.equals("user-1") && (imageId.equals(MINE) || imageId.equals(ALSO_MINE))
                        ? Optional.of(new StoredImage("u/" + imageId, "u/" + imageId + "-thumb"))
                        : Optional.empty();
            }

            @Override
            public Optional<PublishedImage> published(String userId, String imageId) {
                return Optional.empty();
            }

            @Override
            public String url(String key) {
                return "https://cdn.example/" + key;
            }

            @Override
            public void delete(String userId, String imageId) {}
        };
        documents = new ItemDocuments<>(
                Thing.COLLECTION,
                context.getBean(Validator.class),
                json,
                images,
                new CollectionErrors("thing", "Thing"));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void theServersAttributesAndManagedOnesAreNotTheClients() throws IOException {
        JsonNode fields = documents.clientFields(tree("{\"id\":\"x\",\"thingId\":\"x\",\"userId\":\"u\",\"version\":3,"
                + "\"createdAt\":\"t\",\"updatedAt\":\"t\",\"notes\":[],\"name\":\"Strat\",\"brand\":\"Fender\"}"));

        assertThat(fields).isEqualTo(tree("{\"name\":\"Strat\",\"brand\":\"Fender\"}"));
        assertThat(problems(() -> documents.clientFields(tree("[1]"))))
                .containsExactly(new ApiError.FieldError(null, "must be a JSON object"));
    }

    @Test
    void ifMatchWinsOverTheBodysVersionAndNeitherMeansTheStoredOne() throws IOException {
        JsonNode body = tree("{\"version\":5}");

        assertThat(documents.expectedVersion(STORED_AT_3, body, "\"7\"")).isEqualTo(7);
        assertThat(documents.expectedVersion(STORED_AT_3, body, "W/\"8\"")).isEqualTo(8);
        assertThat(documents.expectedVersion(STORED_AT_3, body, "*")).isEqualTo(3);
        assertThat(documents.expectedVersion(STORED_AT_3, body, null)).isEqualTo(5);
        assertThat(documents.expectedVersion(STORED_AT_3, tree("{}"), " ")).isEqualTo(3);
        assertThat(problems(() -> documents.expectedVersion(STORED_AT_3, body, "abc")))
                .containsExactly(new ApiError.FieldError("If-Match", "must be a version number"));
        assertThat(problems(() -> documents.expectedVersion(STORED_AT_3, tree("{\"version\":\"5\"}"), null)))
                .containsExactly(new ApiError.FieldError("version", "must be a number"));
    }

    @Test
    void everyProblemNamesItsField() throws IOException {
        assertThat(problems(() -> documents.validate("user-1", tree("{\"name\":\"\"}"))))
                .extracting(ApiError.FieldError::field)
                .containsExactly("name");
        assertThat(problems(() -> documents.validate("user-1", tree("{\"name\":\"Strat\",\"year\":\"old\"}"))))
                .containsExactly(new ApiError.FieldError("year", "has the wrong type"));
        assertThat(problems(() -> documents.validate("user-1", tree("{\"name\":\"Strat\",\"price\":1e200}"))))
                .containsExactly(new ApiError.FieldError("price", DynamoNumbers.BODY_PROBLEM));
    }

    @Test
    void attachedImagesMustBeTheOwnersOnceEachWithOnePrimary() throws IOException {
        JsonNode body = tree("{\"name\":\"Strat\",\"images\":[" + "{\"id\":\"" + MINE + "\",\"isPrimary\":true},"
                + "{\"id\":\"" + NOT_MINE + "\"}," + "{\"id\":\"" + MINE + "\"},"
                + "{\"id\":\"" + ALSO_MINE + "\",\"isPrimary\":true}]}");

        assertThat(problems(() -> documents.validate("user-1", body)))
                .containsExactly(
                        new ApiError.FieldError("images", "has more than one primary image"),
                        new ApiError.FieldError("images[1].id", "is not one of your images"),
                        new ApiError.FieldError("images[2].id", "is attached twice"));
        assertThat(problems(() -> documents.validate(
                        "user-2", tree("{\"name\":\"Strat\",\"images\":[{\"id\":\"" + MINE + "\"}]}"))))
                .containsExactly(new ApiError.FieldError("images[0].id", "is not one of your images"));
    }

    @Test
    void aValidDocumentIsNormalisedWithItsImagesObjectKeys() throws IOException {
        JsonNode document = documents.validate(
                "user-1", tree("{\"name\":\"Strat\",\"brand\":null,\"images\":[{\"id\":\"" + MINE + "\"}]}"));

        assertThat(document.get("name").getStringValue()).isEqualTo("Strat");
        JsonNode image = document.get("images").values().iterator().next();
        assertThat(image.get("key").getStringValue()).isEqualTo("u/" + MINE);
        assertThat(image.get("thumbnailKey").getStringValue()).isEqualTo("u/" + MINE + "-thumb");
    }

    @Test
    void theStoredItemHoldsKeyFieldsCarriedAttributesOrderVersionAndTimes() throws IOException {
        ItemDocuments<Thing> ordered = new ItemDocuments<>(
                Thing.ORDERED, context.getBean(Validator.class), json, null, new CollectionErrors("thing", "Thing"));

        Map<String, AttributeValue> item = ordered.toItem(
                "user-1",
                "0190-a",
                tree("{\"name\":\"Strat\",\"year\":1965}"),
                2,
                "2026-01-01T00:00:00Z",
                "2026-01-02T00:00:00Z",
                Map.of("receipt", AttributeValue.fromS("r/1.pdf")));

        assertThat(new ArrayList<>(item.keySet()))
                .containsExactly(
                        "userId",
                        "thingId",
                        "name",
                        "year",
                        "receipt",
                        "listOrder",
                        "version",
                        "createdAt",
                        "updatedAt");
        assertThat(item.get("listOrder").s()).isEqualTo("Strat#0190-a");
        assertThat(item.get("year").n()).isEqualTo("1965");
        assertThat(item.get("version").n()).isEqualTo("2");
        assertThat(item.get("updatedAt").s()).isEqualTo("2026-01-02T00:00:00Z");
    }

    private static List<ApiError.FieldError> problems(ThrowingRunnable request) {
        try {
            request.run();
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("THING_VALIDATION_ERROR");
            return e.details();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("The request was accepted");
    }

    private interface ThrowingRunnable {
        void run() throws IOException;
    }

    private static JsonNode tree(String text) throws IOException {
        return json.readValue(text, JsonNode.class);
    }
}
