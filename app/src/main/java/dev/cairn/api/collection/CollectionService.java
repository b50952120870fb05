package dev.cairn.api.collection;

import dev.cairn.api.data.DynamoNumbers;
import dev.cairn.api.data.Ids;
import dev.cairn.api.data.Transactions;
import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.http.FieldErrors;
import dev.cairn.api.user.UserData;
import dev.cairn.contract.TableDefinition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Everything an {@link OwnedCollection} does, for any record type: validated, conditional writes
 * scoped to the owner's partition, Query-only lists with signed cursors, optimistic locking, facet
 * counts, attached images and sub-item lists. It also exports and erases the owner's items.
 *
 * @param <T> the record clients send
 */
public final class CollectionService<T> implements UserData {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** Item ids are UUIDs and sort at or after "0"; the server's own rows ("#facet#...") sort before. */
    static final String ID_FLOOR = "0";

    static final String FACET_PREFIX = "#facet#";
    /** The server's row counting the owner's items, where the collection has an {@link ItemLimit}. */
    static final String COUNT_ROW = "#count";

    static final int MAX_ENTRIES = 200;
    private static final int MAX_QUERY_PAGES = 10;
    private static final String VERSION = "version";
    private static final String CREATED_AT = "createdAt";
    private static final String UPDATED_AT = "updatedAt";

    private final OwnedCollection<T> collection;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Cursors cursors;
    private final Validator validator;
    private final JsonMapper json;
    private final ImageAttachments images;
    private final ItemHooks hooks;
    private final Clock clock;
    private final @Nullable ItemLimit limit;
    private final Set<String> reserved;

    CollectionService(
            OwnedCollection<T> collection,
            DynamoDbClient dynamoDb,
            String table,
            Cursors cursors,
            Validator validator,
            JsonMapper json,
            ImageAttachments images,
            ItemHooks hooks,
            @Nullable ItemLimit limit,
            Clock clock) {
        this.collection = collection;
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.cursors = cursors;
        this.validator = validator;
        this.json = json;
        this.images = images;
        this.hooks = hooks;
        this.clock = clock;
        this.limit = limit;
        this.reserved =
                Set.of("id", collection.ownerAttribute(), collection.idAttribute(), VERSION, CREATED_AT, UPDATED_AT);
    }

    public OwnedCollection<T> collection() {
        return collection;
    }

    public JsonNode get(String owner, String id) {
        return view(owner, read(owner, id));
    }

    public JsonNode create(String owner, JsonNode body) {
        return create(owner, Ids.newId(), body, Map.of());
    }

    /**
     * Creates an item the server drives (e.g. from a completed upload): the client's fields are
     * validated as on {@code POST}, and managed attributes are set from {@code managed}. The id
     * must be a new UUID; an id that exists already is 409 {@code CONFLICT}.
     */
    public JsonNode create(String owner, String id, JsonNode body, Map<String, JsonNode> managed) {
        if (!isId(id)) {
            throw new IllegalArgumentException("Not an item id: " + id);
        }
        Map<String, AttributeValue> carried = new LinkedHashMap<>();
        managed.forEach((attribute, value) -> {
            requireManaged(attribute);
            if (value != null && !value.isNull()) {
                carried.put(attribute, ItemCodec.toAttribute(value));
            }
        });
        Document document = document(owner, withoutServerFields(body, true));
        String now = clock.instant().toString();
        Map<String, AttributeValue> item = item(owner, id, document, 1, now, now, carried);
        List<TransactWriteItem> alongside = facetUpdates(owner, Map.of(), document.facets());
        if (limit != null) {
            seedCount(owner);
            alongside.add(countUpdate(owner, 1));
        }
        try {
            commit(null, item, "attribute_not_exists(#id)", Map.of("#id", collection.idAttribute()), null, alongside);
        } catch (TransactionCanceledException e) {
            if (limit != null && lastConditionFailed(e)) {
                throw new ApiException(429, ErrorCodes.RATE_LIMITED, limit.message());
            }
            throw e;
        }
        return view(owner, item);
    }

    /** Replaces the item's fields with the body's; server-managed sub-items stay. */
    public JsonNode replace(String owner, String id, JsonNode body, @Nullable String ifMatch) {
        Map<String, AttributeValue> current = read(owner, id);
        long expected = expectedVersion(current, body, ifMatch);
        return write(owner, id, current, expected, withoutServerFields(body, true));
    }

    /** Applies a JSON merge patch (RFC 7386) to the item's fields. */
    public JsonNode patch(String owner, String id, JsonNode patch, @Nullable String ifMatch) {
        Map<String, AttributeValue> current = read(owner, id);
        long expected = expectedVersion(current, patch, ifMatch);
        JsonNode merged = MergePatch.apply(clientFields(current, false), withoutServerFields(patch, true));
        return write(owner, id, current, expected, merged);
    }

    public void delete(String owner, String id, @Nullable String ifMatch) {
        Map<String, AttributeValue> current = read(owner, id);
        long expected = expectedVersion(current, null, ifMatch);
        List<TransactWriteItem> alongside = facetUpdates(owner, facetValues(current), Map.of());
        if (limit != null && countRow(owner) != null) {
            // An unseeded count is left alone: seeding counts what is there then.
            alongside.add(countUpdate(owner, -1));
        }
        commit(
                key(owner, id),
                null,
                "#version = :expected",
                Map.of("#version", VERSION),
                Map.of(":expected", number(expected)),
                alongside);
        for (String imageId : attachedImageIds(current)) {
            images.delete(owner, imageId);
        }
        hooks.deleted(owner, ItemCodec.toJson(current));
    }

    /**
     * Sets (or, with null, removes) a managed attribute of the owner's item, such as a reference
     * to a private object. Answers the item and the value the attribute had before, so that the
     * caller can let go of what it referenced.
     */
    public ManagedChange setManaged(String owner, String id, String attribute, @Nullable JsonNode value) {
        requireManaged(attribute);
        for (int attempt = 0; ; attempt++) {
            Map<String, AttributeValue> current = read(owner, id);
            boolean remove = value == null || value.isNull();
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":one", number(1));
            values.put(":now", AttributeValue.fromS(clock.instant().toString()));
            values.put(":expected", current.get(VERSION));
            if (!remove) {
                values.put(":value", ItemCodec.toAttribute(value));
            }
            String update = (remove ? "REMOVE #attribute SET " : "SET #attribute = :value, ")
                    + "#version = #version + :one, #updatedAt = :now";
            try {
                Map<String, AttributeValue> updated = dynamoDb.updateItem(r -> r.tableName(table)
                                .key(key(owner, id))
                                .updateExpression(update)
                                .conditionExpression("#version = :expected")
                                .expressionAttributeNames(
                                        Map.of("#attribute", attribute, "#version", VERSION, "#updatedAt", UPDATED_AT))
                                .expressionAttributeValues(values)
                                .returnValues(ReturnValue.ALL_NEW))
                        .attributes();
                AttributeValue before = current.get(attribute);
                return new ManagedChange(view(owner, updated), before == null ? null : ItemCodec.toJson(before));
            } catch (ConditionalCheckFailedException e) {
                if (attempt >= 2) {
                    throw conflict();
                }
            }
        }
    }

    /** An item after a managed attribute changed, and the attribute's value before (or null). */
    public record ManagedChange(JsonNode item, @Nullable JsonNode previous) {}

    /** One page of the owner's items, filtered by the request's parameters. */
    public Page list(String owner, Map<String, String> parameters) {
        int limit = limit(parameters.get("limit"));
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#owner", collection.ownerAttribute());
        values.put(":owner", AttributeValue.fromS(owner));
        List<String> filterTerms = new ArrayList<>();
        String keyCondition = null;
        String index = null;
        TreeMap<String, String> used = new TreeMap<>();
        int n = 0;
        for (OwnedCollection.ListFilter filter : collection.filters()) {
            String raw = parameters.get(filter.parameter());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            used.put(filter.parameter(), raw);
            String name = "#f" + n;
            String value = ":f" + n;
            n++;
            names.put(name, filter.attribute());
            values.put(value, filterValue(filter, raw));
            if (filter.index() != null && index == null) {
                index = filter.index();
                keyCondition = name + " = " + value + " AND #owner = :owner";
                continue;
            }
            filterTerms.add(
                    switch (filter.kind()) {
                        case EQUALS, FLAG -> name + " = " + value;
                        case AT_LEAST -> name + " >= " + value;
                        case AT_MOST -> name + " <= " + value;
                        case CONTAINS -> "contains(" + name + ", " + value + ")";
                    });
        }
        if (index == null && collection.order() != null) {
            index = collection.order().index();
            keyCondition = "#owner = :owner";
        }
        if (index == null) {
            names.put("#id", collection.idAttribute());
            values.put(":floor", AttributeValue.fromS(ID_FLOOR));
            keyCondition = "#owner = :owner AND #id >= :floor";
        }
        List<String> keyAttributes = keyAttributes(index);
        String scope = collection.resource() + "\n" + owner + "\n" + index + "\n" + used;
        Map<String, AttributeValue> start = null;
        String cursor = parameters.get("cursor");
        if (cursor != null && !cursor.isBlank()) {
            start = cursors.decode(scope, cursor)
                    .filter(k -> k.keySet().equals(Set.copyOf(keyAttributes)))
                    .orElseThrow(() -> validation("The cursor is not valid for this list", "cursor", "is not valid"));
        }
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression(keyCondition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false);
        if (!filterTerms.isEmpty()) {
            query.filterExpression(String.join(" AND ", filterTerms));
        }
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, AttributeValue> next = null;
        for (int pages = 1; ; pages++) {
            QueryResponse response =
                    dynamoDb.query(query.limit(limit).exclusiveStartKey(start).build());
            List<Map<String, AttributeValue>> items = response.items();
            int room = limit - found.size();
            found.addAll(items.subList(0, Math.min(room, items.size())));
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
            if (items.size() > room) {
                // The page filled up inside this response: continue right after its last item.
                next = keyOf(found.getLast(), keyAttributes);
                break;
            }
            if (start == null || found.size() == limit || pages == MAX_QUERY_PAGES) {
                // Where the query stopped: anything between the last item and here did not match.
                next = start;
                break;
            }
        }
        List<JsonNode> views = found.stream().map(item -> view(owner, item)).toList();
        return new Page(views, next == null ? null : cursors.encode(scope, next));
    }

    /** The distinct values of a facet among the owner's items, sorted. */
    public List<String> facet(String owner, String attribute) {
        if (!collection.facets().contains(attribute)) {
            throw new IllegalArgumentException("Not a facet of " + collection.resource() + ": " + attribute);
        }
        List<String> result = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamoDb.query(r -> r.tableName(table)
                    .keyConditionExpression("#owner = :owner AND begins_with(#id, :prefix)")
                    .filterExpression("#count > :zero")
                    .expressionAttributeNames(Map.of(
                            "#owner", collection.ownerAttribute(), "#id", collection.idAttribute(), "#count", "count"))
                    .expressionAttributeValues(Map.of(
                            ":owner", AttributeValue.fromS(owner),
                            ":prefix", AttributeValue.fromS(FACET_PREFIX + attribute + "#"),
                            ":zero", number(0)))
                    .exclusiveStartKey(from));
            response.items().forEach(item -> result.add(item.get("value").s()));
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        result.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        return result;
    }

    /** Appends a sub-item (e.g. a note) to a managed list attribute; returns the item. */
    public JsonNode addEntry(String owner, String id, String attribute, Object entry) {
        requireManaged(attribute);
        read(owner, id);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        fields.put("id", JsonNode.createStringNode(Ids.newId()));
        toTree(entry).entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
        String now = clock.instant().toString();
        fields.put(CREATED_AT, JsonNode.createStringNode(now));
        AttributeValue element = ItemCodec.toAttribute(JsonNode.createObjectNode(fields));
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(r -> r.tableName(table)
                            .key(key(owner, id))
                            .updateExpression("SET #list = list_append(if_not_exists(#list, :empty), :entry),"
                                    + " #version = #version + :one, #updatedAt = :now")
                            .conditionExpression(
                                    "attribute_exists(#id) AND (attribute_not_exists(#list) OR size(#list) < :max)")
                            .expressionAttributeNames(Map.of(
                                    "#list", attribute,
                                    "#version", VERSION,
                                    "#updatedAt", UPDATED_AT,
                                    "#id", collection.idAttribute()))
                            .expressionAttributeValues(Map.of(
                                    ":empty", AttributeValue.fromL(List.of()),
                                    ":entry", AttributeValue.fromL(List.of(element)),
                                    ":one", number(1),
                                    ":now", AttributeValue.fromS(now),
                                    ":max", number(MAX_ENTRIES)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            return view(owner, updated);
        } catch (ConditionalCheckFailedException e) {
            read(owner, id); // 404 if it went meanwhile
            throw validation(
                    "A " + collection.resource() + " holds at most " + MAX_ENTRIES + " " + attribute,
                    attribute,
                    "has " + MAX_ENTRIES + " entries already");
        }
    }

    /** Removes a sub-item by id; returns the item. An unknown sub-item is 404 {@code notFoundCode}. */
    public JsonNode removeEntry(String owner, String id, String attribute, String entryId, String notFoundCode) {
        requireManaged(attribute);
        for (int attempt = 0; ; attempt++) {
            Map<String, AttributeValue> current = read(owner, id);
            AttributeValue list = current.get(attribute);
            int position = -1;
            if (list != null && list.hasL()) {
                for (int i = 0; i < list.l().size(); i++) {
                    AttributeValue entry = list.l().get(i);
                    if (entry.hasM()
                            && entry.m().containsKey("id")
                            && entryId.equals(entry.m().get("id").s())) {
                        position = i;
                        break;
                    }
                }
            }
            if (position < 0) {
                throw new ApiException(404, notFoundCode, "Not found");
            }
            String at = Integer.toString(position);
            try {
                Map<String, AttributeValue> updated = dynamoDb.updateItem(r -> r.tableName(table)
                                .key(key(owner, id))
                                .updateExpression("REMOVE #list[" + at + "] SET #version = #version + :one,"
                                        + " #updatedAt = :now")
                                .conditionExpression("#version = :expected")
                                .expressionAttributeNames(
                                        Map.of("#list", attribute, "#version", VERSION, "#updatedAt", UPDATED_AT))
                                .expressionAttributeValues(Map.of(
                                        ":one", number(1),
                                        ":now",
                                                AttributeValue.fromS(
                                                        clock.instant().toString()),
                                        ":expected", current.get(VERSION)))
                                .returnValues(ReturnValue.ALL_NEW))
                        .attributes();
                return view(owner, updated);
            } catch (ConditionalCheckFailedException e) {
                if (attempt >= 2) {
                    throw conflict();
                }
            }
        }
    }

    @Override
    public String name() {
        return collection.table().name();
    }

    @Override
    public Object export(String owner) {
        List<JsonNode> all = new ArrayList<>();
        forEachItem(owner, false, item -> all.add(view(owner, item)));
        return all;
    }

    @Override
    public void erase(String owner) {
        List<WriteRequest> deletes = new ArrayList<>();
        forEachItem(
                owner,
                true,
                item -> deletes.add(WriteRequest.builder()
                        .deleteRequest(d -> d.key(keyOf(item, keyAttributes(null))))
                        .build()));
        for (int from = 0; from < deletes.size(); from += 25) {
            List<WriteRequest> batch = deletes.subList(from, Math.min(from + 25, deletes.size()));
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == 8) {
                    throw new IllegalStateException("DynamoDB kept refusing deletes from " + table);
                }
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
                if (!pending.isEmpty()) {
                    sleep(50L << attempt);
                }
            }
        }
    }

    private JsonNode write(
            String owner, String id, Map<String, AttributeValue> current, long expected, JsonNode fields) {
        if (expected != version(current)) {
            throw conflict();
        }
        Document document = document(owner, fields);
        Map<String, AttributeValue> carried = new LinkedHashMap<>();
        for (String attribute : collection.managed()) {
            if (current.containsKey(attribute)) {
                carried.put(attribute, current.get(attribute));
            }
        }
        Map<String, AttributeValue> item = item(
                owner,
                id,
                document,
                expected + 1,
                current.get(CREATED_AT).s(),
                clock.instant().toString(),
                carried);
        commit(
                null,
                item,
                "#version = :expected",
                Map.of("#version", VERSION),
                Map.of(":expected", number(expected)),
                facetUpdates(owner, facetValues(current), document.facets()));
        return view(owner, item);
    }

    /**
     * Puts {@code item}, or deletes the item at {@code key}, if the condition holds; with facet
     * counts to move, all in one transaction. A failed condition is 409 and writes nothing.
     */
    private void commit(
            @Nullable Map<String, AttributeValue> key,
            @Nullable Map<String, AttributeValue> item,
            String condition,
            Map<String, String> names,
            @Nullable Map<String, AttributeValue> values,
            List<TransactWriteItem> facetUpdates) {
        try {
            if (facetUpdates.isEmpty() && item != null) {
                dynamoDb.putItem(r -> r.tableName(table)
                        .item(item)
                        .conditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values));
            } else if (facetUpdates.isEmpty()) {
                dynamoDb.deleteItem(r -> r.tableName(table)
                        .key(key)
                        .conditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values));
            } else {
                List<TransactWriteItem> writes = new ArrayList<>();
                writes.add(
                        item != null
                                ? TransactWriteItem.builder()
                                        .put(p -> p.tableName(table)
                                                .item(item)
                                                .conditionExpression(condition)
                                                .expressionAttributeNames(names)
                                                .expressionAttributeValues(values))
                                        .build()
                                : TransactWriteItem.builder()
                                        .delete(d -> d.tableName(table)
                                                .key(key)
                                                .conditionExpression(condition)
                                                .expressionAttributeNames(names)
                                                .expressionAttributeValues(values))
                                        .build());
                writes.addAll(facetUpdates);
                Transactions.write(dynamoDb, writes);
            }
        } catch (ConditionalCheckFailedException e) {
            throw conflict();
        } catch (TransactionCanceledException e) {
            throw firstConditionFailed(e) ? conflict() : e;
        }
    }

    /**
     * Makes sure the owner's count row exists, counting the owner's items once when it does not (a
     * partition written before the collection had a limit). Creating it is conditional, so two
     * requests seeding at once write one row.
     */
    private void seedCount(String owner) {
        if (countRow(owner) != null) {
            return;
        }
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamoDb.query(r -> r.tableName(table)
                    .keyConditionExpression("#owner = :owner AND #id >= :floor")
                    .expressionAttributeNames(
                            Map.of("#owner", collection.ownerAttribute(), "#id", collection.idAttribute()))
                    .expressionAttributeValues(
                            Map.of(":owner", AttributeValue.fromS(owner), ":floor", AttributeValue.fromS(ID_FLOOR)))
                    .select(Select.COUNT)
                    .consistentRead(true)
                    .exclusiveStartKey(from));
            count += response.count();
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        Map<String, AttributeValue> row = new HashMap<>(key(owner, COUNT_ROW));
        row.put("count", number(count));
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(row)
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", collection.idAttribute())));
        } catch (ConditionalCheckFailedException e) {
            // Another request seeded it first.
        }
    }

    @Nullable
    private Map<String, AttributeValue> countRow(String owner) {
        Map<String, AttributeValue> row = dynamoDb.getItem(
                        r -> r.tableName(table).key(key(owner, COUNT_ROW)).consistentRead(true))
                .item();
        return row == null || row.isEmpty() ? null : row;
    }

    /** One more item (only while under the limit) or one fewer. */
    private TransactWriteItem countUpdate(String owner, int delta) {
        return TransactWriteItem.builder()
                .update(u -> {
                    u.tableName(table)
                            .key(key(owner, COUNT_ROW))
                            .updateExpression("ADD #count :delta")
                            .expressionAttributeNames(Map.of("#count", "count"));
                    if (delta > 0) {
                        u.conditionExpression("#count < :max")
                                .expressionAttributeValues(
                                        Map.of(":delta", number(delta), ":max", number(limit.maxItems())));
                    } else {
                        u.expressionAttributeValues(Map.of(":delta", number(delta)));
                    }
                })
                .build();
    }

    /** The item, or 404 if the owner has none with this id (someone else's included). */
    private Map<String, AttributeValue> read(String owner, String id) {
        if (!isId(id)) {
            throw notFound();
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table).key(key(owner, id)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            throw notFound();
        }
        return item;
    }

    /** Validated client fields, normalised through the record type, with images resolved. */
    private Document document(String owner, JsonNode fields) {
        List<ApiError.FieldError> unstorable = new ArrayList<>();
        unstorableNumbers(fields, null, unstorable);
        if (!unstorable.isEmpty()) {
            throw new ApiException(
                    400, ErrorCodes.validation(collection.resource()), "The request is not valid", unstorable);
        }
        T value;
        try {
            value = json.readValueFromTree(fields, collection.type());
        } catch (IOException | RuntimeException e) {
            String field = fieldOf(e);
            throw validation(
                    "The request is not a valid " + collection.resource(),
                    field,
                    field == null ? "the body does not match the schema" : "has the wrong type");
        }
        if (value == null) {
            throw validation("The request body must be a JSON object", null, "must be a JSON object");
        }
        List<ApiError.FieldError> problems = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            problems.add(
                    new ApiError.FieldError(FieldErrors.fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        problems.addAll(collection.check(value));
        JsonNode tree = toTree(value);
        Map<String, JsonNode> normalised = new LinkedHashMap<>();
        tree.entries().forEach(e -> normalised.put(e.getKey(), e.getValue()));
        String imagesAttribute = collection.imagesAttribute();
        if (imagesAttribute != null && normalised.containsKey(imagesAttribute)) {
            normalised.put(imagesAttribute, resolveImages(owner, normalised.get(imagesAttribute), problems));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(p -> String.valueOf(p.field())));
            throw new ApiException(
                    400, ErrorCodes.validation(collection.resource()), "The request is not valid", problems);
        }
        JsonNode document = JsonNode.createObjectNode(normalised);
        Map<String, String> facets = new LinkedHashMap<>();
        for (String facet : collection.facets()) {
            JsonNode facetValue = document.get(facet);
            if (facetValue != null
                    && facetValue.isString()
                    && !facetValue.getStringValue().isBlank()) {
                facets.put(facet, facetValue.getStringValue());
            }
        }
        return new Document(document, facets);
    }

    /**
     * Numbers DynamoDB could not store, by field path, found before anything converts them: a
     * number out of range would otherwise reach DynamoDB (500) or be spelt out digit by digit.
     */
    private static void unstorableNumbers(JsonNode node, @Nullable String path, List<ApiError.FieldError> problems) {
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
    private static String fieldOf(Exception failure) {
        List<String> path = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidPropertyFormatException property) {
                path.add(property.getArgument().getName());
            }
        }
        return path.isEmpty() ? null : String.join(".", path);
    }

    private JsonNode resolveImages(String owner, JsonNode refs, List<ApiError.FieldError> problems) {
        List<JsonNode> resolved = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
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
                    isId(imageId) ? images.find(owner, imageId) : Optional.empty();
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

    private Map<String, AttributeValue> item(
            String owner,
            String id,
            Document document,
            long version,
            String createdAt,
            String updatedAt,
            Map<String, AttributeValue> carried) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(collection.ownerAttribute(), AttributeValue.fromS(owner));
        item.put(collection.idAttribute(), AttributeValue.fromS(id));
        item.putAll(ItemCodec.toItem(document.fields()));
        item.putAll(carried);
        OwnedCollection.ListOrder order = collection.order();
        if (order != null) {
            Map<String, JsonNode> withId = new LinkedHashMap<>();
            document.fields().entries().forEach(e -> withId.put(e.getKey(), e.getValue()));
            withId.put("id", JsonNode.createStringNode(id));
            item.put(
                    order.attribute(),
                    AttributeValue.fromS(order.sortValue().apply(JsonNode.createObjectNode(withId))));
        }
        item.put(VERSION, number(version));
        item.put(CREATED_AT, AttributeValue.fromS(createdAt));
        item.put(UPDATED_AT, AttributeValue.fromS(updatedAt));
        return item;
    }

    /** The item as clients see it: id first, then its fields, then version and timestamps. */
    private JsonNode view(String owner, Map<String, AttributeValue> item) {
        Map<String, JsonNode> view = new LinkedHashMap<>();
        String id = item.get(collection.idAttribute()).s();
        view.put("id", JsonNode.createStringNode(id));
        view.put(collection.idAttribute(), JsonNode.createStringNode(id));
        clientFields(item, true).entries().forEach(e -> view.put(e.getKey(), e.getValue()));
        for (String managed : collection.managed()) {
            if (item.containsKey(managed)) {
                view.put(managed, ItemCodec.toJson(item.get(managed)));
            }
        }
        view.put(VERSION, JsonNode.createNumberNode(version(item)));
        view.put(CREATED_AT, JsonNode.createStringNode(item.get(CREATED_AT).s()));
        view.put(UPDATED_AT, JsonNode.createStringNode(item.get(UPDATED_AT).s()));
        return hooks.view(JsonNode.createObjectNode(view));
    }

    /** Attached images as clients see them: never the object keys; with their CDN URLs if asked. */
    private List<JsonNode> imageRefs(AttributeValue attached, boolean withUrls) {
        List<JsonNode> refs = new ArrayList<>();
        for (AttributeValue ref : attached.l()) {
            Map<String, JsonNode> image = new LinkedHashMap<>();
            ref.m().forEach((k, v) -> {
                if (!k.equals("key") && !k.equals("thumbnailKey")) {
                    image.put(k, ItemCodec.toJson(v));
                }
            });
            if (withUrls) {
                image.put(
                        "url",
                        JsonNode.createStringNode(images.url(ref.m().get("key").s())));
                image.put(
                        "thumbnailUrl",
                        JsonNode.createStringNode(
                                images.url(ref.m().get("thumbnailKey").s())));
            }
            refs.add(JsonNode.createObjectNode(image));
        }
        refs.sort(Comparator.comparingInt(
                r -> r.get("order") == null ? Integer.MAX_VALUE : r.get("order").getIntValue()));
        return refs;
    }

    /**
     * The fields a client writes, as stored: images as references without their object keys, in
     * their order, and with their CDN URLs for a view ({@code withUrls}).
     */
    private JsonNode clientFields(Map<String, AttributeValue> item, boolean withUrls) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        OwnedCollection.ListOrder order = collection.order();
        // DynamoDB returns attributes in no particular order; clients get them sorted, every time.
        new TreeMap<>(item).forEach((name, value) -> {
            if (reserved.contains(name)
                    || collection.managed().contains(name)
                    || (order != null && name.equals(order.attribute()))) {
                return;
            }
            if (name.equals(collection.imagesAttribute()) && value.hasL()) {
                fields.put(name, JsonNode.createArrayNode(imageRefs(value, withUrls)));
                return;
            }
            fields.put(name, ItemCodec.toJson(value));
        });
        return JsonNode.createObjectNode(fields);
    }

    private JsonNode withoutServerFields(JsonNode body, boolean dropManaged) {
        if (body == null || !body.isObject()) {
            throw validation("The request body must be a JSON object", null, "must be a JSON object");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        body.entries().forEach(e -> {
            if (!reserved.contains(e.getKey())
                    && !(dropManaged && collection.managed().contains(e.getKey()))) {
                fields.put(e.getKey(), e.getValue());
            }
        });
        return JsonNode.createObjectNode(fields);
    }

    /** If-Match wins over a {@code version} in the body; with neither, the stored version is expected. */
    private long expectedVersion(
            Map<String, AttributeValue> current, @Nullable JsonNode body, @Nullable String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            if (tag.equals("*")) {
                return version(current);
            }
            tag = tag.startsWith("W/") ? tag.substring(2) : tag;
            tag = tag.replace("\"", "");
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw validation("If-Match must hold the item's version", "If-Match", "must be a version number");
            }
        }
        JsonNode version = body == null ? null : body.get(VERSION);
        if (version != null && !version.isNull()) {
            if (!version.isNumber()) {
                throw validation("version must be a number", VERSION, "must be a number");
            }
            return version.getLongValue();
        }
        return version(current);
    }

    private List<TransactWriteItem> facetUpdates(String owner, Map<String, String> before, Map<String, String> after) {
        List<TransactWriteItem> updates = new ArrayList<>();
        for (String facet : collection.facets()) {
            String old = before.get(facet);
            String now = after.get(facet);
            if (Objects.equals(old, now)) {
                continue;
            }
            if (old != null) {
                updates.add(facetUpdate(owner, facet, old, -1));
            }
            if (now != null) {
                updates.add(facetUpdate(owner, facet, now, 1));
            }
        }
        return updates;
    }

    private TransactWriteItem facetUpdate(String owner, String facet, String value, int delta) {
        return TransactWriteItem.builder()
                .update(u -> u.tableName(table)
                        .key(key(owner, FACET_PREFIX + facet + "#" + value))
                        .updateExpression("ADD #count :delta SET #facet = :facet, #value = :value")
                        .expressionAttributeNames(Map.of("#count", "count", "#facet", "facet", "#value", "value"))
                        .expressionAttributeValues(Map.of(
                                ":delta", number(delta),
                                ":facet", AttributeValue.fromS(facet),
                                ":value", AttributeValue.fromS(value))))
                .build();
    }

    private Map<String, String> facetValues(Map<String, AttributeValue> item) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String facet : collection.facets()) {
            AttributeValue value = item.get(facet);
            if (value != null && value.s() != null && !value.s().isBlank()) {
                values.put(facet, value.s());
            }
        }
        return values;
    }

    private List<String> attachedImageIds(Map<String, AttributeValue> item) {
        String attribute = collection.imagesAttribute();
        AttributeValue attached = attribute == null ? null : item.get(attribute);
        if (attached == null || !attached.hasL()) {
            return List.of();
        }
        return attached.l().stream()
                .filter(AttributeValue::hasM)
                .map(ref -> ref.m().get("id"))
                .filter(Objects::nonNull)
                .map(AttributeValue::s)
                .toList();
    }

    private void forEachItem(
            String owner, boolean includeServerRows, java.util.function.Consumer<Map<String, AttributeValue>> action) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamoDb.query(r -> r.tableName(table)
                    .keyConditionExpression(includeServerRows ? "#owner = :owner" : "#owner = :owner AND #id >= :floor")
                    .expressionAttributeNames(
                            includeServerRows
                                    ? Map.of("#owner", collection.ownerAttribute())
                                    : Map.of("#owner", collection.ownerAttribute(), "#id", collection.idAttribute()))
                    .expressionAttributeValues(
                            includeServerRows
                                    ? Map.of(":owner", AttributeValue.fromS(owner))
                                    : Map.of(
                                            ":owner",
                                            AttributeValue.fromS(owner),
                                            ":floor",
                                            AttributeValue.fromS(ID_FLOOR)))
                    .consistentRead(true)
                    .exclusiveStartKey(from));
            response.items().forEach(action);
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
    }

    /** The attributes of a key on the table or on one of its indexes. */
    private List<String> keyAttributes(@Nullable String index) {
        List<String> attributes = new ArrayList<>(List.of(collection.ownerAttribute(), collection.idAttribute()));
        if (index != null) {
            TableDefinition.Index definition = collection.table().indexes().stream()
                    .filter(i -> i.name().equals(index))
                    .findFirst()
                    .orElseThrow();
            for (String attribute :
                    new String[] {definition.partitionKey().name(), TableDefinition.Key.nameOf(definition.sortKey())}) {
                if (attribute != null && !attributes.contains(attribute)) {
                    attributes.add(attribute);
                }
            }
        }
        return attributes;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, List<String> attributes) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String attribute : attributes) {
            key.put(attribute, item.get(attribute));
        }
        return key;
    }

    private Map<String, AttributeValue> key(String owner, String id) {
        return Map.of(
                collection.ownerAttribute(), AttributeValue.fromS(owner),
                collection.idAttribute(), AttributeValue.fromS(id));
    }

    private AttributeValue filterValue(OwnedCollection.ListFilter filter, String raw) {
        if (raw.length() > 200) {
            throw validation("Filter values are at most 200 characters", filter.parameter(), "is too long");
        }
        if (filter.kind() == OwnedCollection.ListFilter.Kind.FLAG) {
            if (!raw.equals("true") && !raw.equals("false")) {
                throw validation(
                        filter.parameter() + " must be true or false", filter.parameter(), "must be true or false");
            }
            return AttributeValue.fromBool(Boolean.parseBoolean(raw));
        }
        if (filter.numeric()) {
            // Bounded before any BigDecimal work: "1e999999999" would otherwise become a 1 GB string.
            return DynamoNumbers.parsePlain(raw)
                    .map(number -> AttributeValue.fromN(number.toPlainString()))
                    .orElseThrow(() -> validation(
                            filter.parameter() + " " + DynamoNumbers.FILTER_PROBLEM,
                            filter.parameter(),
                            DynamoNumbers.FILTER_PROBLEM));
        }
        return AttributeValue.fromS(raw);
    }

    private int limit(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw validation("limit must be between 1 and " + MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT);
    }

    private void requireManaged(String attribute) {
        if (!collection.managed().contains(attribute)) {
            throw new IllegalArgumentException(
                    "Not a managed attribute of " + collection.resource() + ": " + attribute);
        }
    }

    private JsonNode toTree(Object value) {
        try {
            return json.writeValueToTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not serialise a " + value.getClass().getSimpleName(), e);
        }
    }

    private static long version(Map<String, AttributeValue> item) {
        AttributeValue version = item.get(VERSION);
        return version == null ? 0 : Long.parseLong(version.n());
    }

    private static boolean isId(String id) {
        try {
            UUID.fromString(id);
            return id.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean lastConditionFailed(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return !reasons.isEmpty()
                && "ConditionalCheckFailed".equals(reasons.getLast().code());
    }

    private static boolean firstConditionFailed(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return !reasons.isEmpty()
                && "ConditionalCheckFailed".equals(reasons.get(0).code());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a write", e);
        }
    }

    private ApiException notFound() {
        return new ApiException(404, ErrorCodes.notFound(collection.resource()), collection.label() + " not found");
    }

    private static ApiException conflict() {
        return new ApiException(
                409, ErrorCodes.CONFLICT, "The item was changed by another request; read it again and retry");
    }

    private ApiException validation(String message, @Nullable String field, String problem) {
        return new ApiException(
                400,
                ErrorCodes.validation(collection.resource()),
                message,
                List.of(new ApiError.FieldError(field, problem)));
    }

    private record Document(JsonNode fields, Map<String, String> facets) {}
}
