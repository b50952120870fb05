package dev.cairn.api.collection;

import static dev.cairn.api.collection.StoredItem.CREATED_AT;
import static dev.cairn.api.collection.StoredItem.UPDATED_AT;
import static dev.cairn.api.collection.StoredItem.VERSION;

import dev.cairn.api.data.DynamoNumbers;
import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.FieldErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's document, from a request's JSON to the stored item: the client's fields (the server's
 * own left out), read into the record type, validated (constraints, the collection's checks,
 * storable numbers), normalised through the record, with attached images resolved to the owner's
 * stored images; then the stored item around it. Every problem is a 400 naming the field.
 *
 * @param <T> the record clients send
 */
final class ItemDocuments<T> {
    private final OwnedCollection<T> collection;
    private final Validator validator;
    private final JsonMapper json;
    private final ImageAttachments images;
    private final CollectionErrors errors;
    private final Set<String> serverAttributes;

    ItemDocuments(
            OwnedCollection<T> collection,
            Validator validator,
            JsonMapper json,
            ImageAttachments images,
            CollectionErrors errors) {
        this.collection = collection;
        this.validator = validator;
        this.json = json;
        this.images = images;
        this.errors = errors;
        this.serverAttributes = StoredItem.serverAttributes(collection);
    }

    /** The body's fields a client may write: without the server's attributes and the managed ones. */
    JsonNode clientFields(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw errors.validation("The request body must be a JSON object", null, "must be a JSON object");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        body.entries().forEach(e -> {
            if (!serverAttributes.contains(e.getKey()) && !collection.managed().contains(e.getKey())) {
                fields.put(e.getKey(), e.getValue());
            }
        });
        return JsonNode.createObjectNode(fields);
    }

    /** If-Match wins over a {@code version} in the body; with neither, the stored version is expected. */
    long expectedVersion(Map<String, AttributeValue> current, @Nullable JsonNode body, @Nullable String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            Long expected = EntityTags.expectedBy(ifMatch, StoredItem.version(current));
            if (expected == null) {
                throw errors.validation(
                        "If-Match must hold the item's version", "If-Match", "must be a version number");
            }
            return expected;
        }
        JsonNode version = body == null ? null : body.get(VERSION);
        if (version != null && !version.isNull()) {
            if (!version.isNumber()) {
                throw errors.validation("version must be a number", VERSION, "must be a number");
            }
            return version.getLongValue();
        }
        return StoredItem.version(current);
    }

    /** Validated client fields, normalised through the record type, with images resolved. */
    JsonNode validate(String owner, JsonNode fields) {
        List<ApiError.FieldError> unstorable = new ArrayList<>();
        unstorableNumbers(fields, null, unstorable);
        if (!unstorable.isEmpty()) {
            throw errors.invalid(unstorable);
        }
        T value;
        try {
            value = json.readValueFromTree(fields, collection.type());
        } catch (IOException | RuntimeException e) {
            String field = fieldOf(e);
            throw errors.validation(
                    "The request is not a valid " + collection.resource(),
                    field,
                    field == null ? "the body does not match the schema" : "has the wrong type");
        }
        if (value == null) {
            throw errors.validation("The request body must be a JSON object", null, "must be a JSON object");
        }
        List<ApiError.FieldError> problems = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            problems.add(
                    new ApiError.FieldError(FieldErrors.fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        problems.addAll(collection.check(value));
        Map<String, JsonNode> normalised = new LinkedHashMap<>();
        toTree(value).entries().forEach(e -> normalised.put(e.getKey(), e.getValue()));
        String imagesAttribute = collection.imagesAttribute();
        if (imagesAttribute != null && normalised.containsKey(imagesAttribute)) {
            normalised.put(imagesAttribute, resolveImages(owner, normalised.get(imagesAttribute), problems));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(p -> String.valueOf(p.field())));
            throw errors.invalid(problems);
        }
        return JsonNode.createObjectNode(normalised);
    }

    /**
     * The stored item: its key, the document's fields, the attributes {@code carried} over (managed
     * ones), the list-order value derived from the fields, the version and the timestamps.
     */
    Map<String, AttributeValue> toItem(
            String owner,
            String id,
            JsonNode document,
            long version,
            String createdAt,
            String updatedAt,
            Map<String, AttributeValue> carried) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(collection.ownerAttribute(), AttributeValue.fromS(owner));
        item.put(collection.idAttribute(), AttributeValue.fromS(id));
        item.putAll(ItemCodec.toItem(document));
        item.putAll(carried);
        OwnedCollection.ListOrder order = collection.order();
        if (order != null) {
            Map<String, JsonNode> withId = new LinkedHashMap<>();
            document.entries().forEach(e -> withId.put(e.getKey(), e.getValue()));
            withId.put("id", JsonNode.createStringNode(id));
            item.put(
                    order.attribute(),
                    AttributeValue.fromS(order.sortValue().apply(JsonNode.createObjectNode(withId))));
        }
        item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
        item.put(CREATED_AT, AttributeValue.fromS(createdAt));
        item.put(UPDATED_AT, AttributeValue.fromS(updatedAt));
        return item;
    }

    /** A value (a record, a sub-item) as a JSON tree. */
    JsonNode toTree(Object value) {
        try {
            return json.writeValueToTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not serialise a " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Numbers DynamoDB could not store, by field path, found before anything converts them: a
     * number out of range would otherwise reach DynamoDB (500) or be spelt out digit by digit.
     */
    static void unstorableNumbers(JsonNode node, @Nullable String path, List<ApiError.FieldError> problems) {
        if (node.isNumber()) {
            if (!DynamoNumbers.storable(node.getNumberValue())) {
                problems.add(new ApiError.FieldError(path, DynamoNumbers.BODY_PROBLEM));
            }
        } else if (node.isObject()) {
            node.entries()
                    .forEach(e -> unstorableNumbers(
                            e.getValue(), path == null ? e.getKey() : path + "." + e.getKey(), problems));
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node.values()) {
                unstorableNumbers(element, (path == null ? "" : path) + "[" + i++ + "]", problems);
            }
        }
    }

    /** {@code privateInfo.purchasePrice} from the nested property errors of a failed read, or null. */
    @Nullable
    static String fieldOf(Exception failure) {
        List<String> path = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidPropertyFormatException property) {
                path.add(property.getArgument().getName());
            }
        }
        return path.isEmpty() ? null : String.join(".", path);
    }

    /**
     * The attached images with their stored object keys, or problems: an image that is not the
     * owner's, one attached twice, more than one primary.
     */
    private JsonNode resolveImages(String owner, JsonNode refs, List<ApiError.FieldError> problems) {
        List<JsonNode> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int primaries = 0;
        int i = 0;
        for (JsonNode ref : refs.values()) {
            String field = collection.imagesAttribute() + "[" + i++ + "]";
            String imageId = ref.get("id") == null ? "" : ref.get("id").getStringValue();
            if (!seen.add(imageId)) {
                problems.add(new ApiError.FieldError(field + ".id", "is attached twice"));
                continue;
            }
            if (ref.get("isPrimary") != null && ref.get("isPrimary").getBooleanValue()) {
                primaries++;
            }
            Optional<ImageAttachments.StoredImage> image =
                    StoredItem.isId(imageId) ? images.find(owner, imageId) : Optional.empty();
            if (image.isEmpty()) {
                problems.add(new ApiError.FieldError(field + ".id", "is not one of your images"));
                continue;
            }
            Map<String, JsonNode> stored = new LinkedHashMap<>();
            ref.entries().forEach(e -> stored.put(e.getKey(), e.getValue()));
            stored.put("key", JsonNode.createStringNode(image.get().key()));
            stored.put("thumbnailKey", JsonNode.createStringNode(image.get().thumbnailKey()));
            resolved.add(JsonNode.createObjectNode(stored));
        }
        if (primaries > 1) {
            problems.add(new ApiError.FieldError(collection.imagesAttribute(), "has more than one primary image"));
        }
        return JsonNode.createArrayNode(resolved);
    }
}
