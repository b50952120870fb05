package dev.cairn.api.collection;

import dev.cairn.api.collection.CollectionStore.ConditionFailed;
import dev.cairn.api.data.Cursors;
import dev.cairn.api.data.Ids;
import dev.cairn.api.data.UserData;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.snapstart.PrimingSteps;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything an {@link OwnedCollection} does, for any record type: validated, conditional writes
 * scoped to the owner's partition, Query-only lists with signed cursors, optimistic locking, facet
 * counts, attached images and sub-item lists. It also exports and erases the owner's items.
 *
 * <p>It runs each request through its parts: the {@link ItemDocuments item document} (request to
 * stored item), the {@link CollectionStore store} (DynamoDB), the {@link ListPlanner list planner},
 * the {@link Facets facets}, the {@link SubItems sub-items}, the {@link ItemView client view} and
 * the {@link OwnerData owner's data}; and it says what a failed write condition means to the
 * client: 409 {@code CONFLICT}, or 429 when the owner has as many items as the collection allows.
 *
 * @param <T> the record clients send
 */
public final class CollectionService<T> implements UserData {
    public static final int DEFAULT_LIMIT = ListPlanner.DEFAULT_LIMIT;
    public static final int MAX_LIMIT = ListPlanner.MAX_LIMIT;

    private final OwnedCollection<T> collection;
    private final CollectionStore store;
    private final ItemDocuments<T> documents;
    private final ItemView view;
    private final ListPlanner planner;
    private final Facets facets;
    private final SubItems subItems;
    private final OwnerData ownerData;
    private final CollectionErrors errors;
    private final ImageAttachments images;
    private final ItemHooks hooks;
    private final Clock clock;
    private final @Nullable ItemLimit limit;

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
        this.errors = new CollectionErrors(collection.resource(), collection.label());
        this.store = new CollectionStore(dynamoDb, table, collection.ownerAttribute(), collection.idAttribute());
        this.documents = new ItemDocuments<>(collection, validator, json, images, errors);
        this.view = new ItemView(collection, images, hooks);
        this.planner = new ListPlanner(collection, cursors, errors);
        this.facets = new Facets(collection.resource(), collection.facets());
        this.subItems = new SubItems(collection, errors);
        this.ownerData = new OwnerData(store, view, collection.keyAttributes(null));
        this.images = images;
        this.hooks = hooks;
        this.clock = clock;
        this.limit = limit;
    }

    public OwnedCollection<T> collection() {
        return collection;
    }

    public JsonNode get(String owner, String id) {
        return view.of(read(owner, id));
    }

    public JsonNode create(String owner, JsonNode body) {
        return create(owner, Ids.newId(), body, Map.of());
    }

    /**
     * The client view of a made-up item, never stored: SnapStart's priming builds and writes it, so
     * that a restored function's first read of a found item does not run this code for the first
     * time (the priming's own read finds nothing).
     */
    JsonNode primingView() {
        String now = clock.instant().toString();
        return view.of(documents.toItem(
                PrimingSteps.SENTINEL_OWNER,
                PrimingSteps.SENTINEL_ID,
                JsonNode.createObjectNode(Map.of()),
                1,
                now,
                now,
                Map.of()));
    }

    /**
     * Creates an item the server drives (e.g. from a completed upload): the client's fields are
     * validated as on {@code POST}, and managed attributes are set from {@code managed}. The id
     * must be a new UUID; an id that exists already is 409 {@code CONFLICT}.
     */
    public JsonNode create(String owner, String id, JsonNode body, Map<String, JsonNode> managed) {
        if (!StoredItem.isId(id)) {
            throw new IllegalArgumentException("Not an item id: " + id);
        }
        Map<String, AttributeValue> carried = new LinkedHashMap<>();
        managed.forEach((attribute, value) -> {
            subItems.requireManaged(attribute);
            if (value != null && !value.isNull()) {
                carried.put(attribute, ItemCodec.toAttribute(value));
            }
        });
        JsonNode document = documents.validate(owner, documents.clientFields(body));
        String now = clock.instant().toString();
        Map<String, AttributeValue> item = documents.toItem(owner, id, document, 1, now, now, carried);
        try {
            store.create(item, facets.moves(Map.of(), facets.of(document)), limit == null ? null : limit.maxItems());
        } catch (ConditionFailed e) {
            throw e.row() == ConditionFailed.Row.ITEM_COUNT
                    ? CollectionErrors.limitReached(limit)
                    : CollectionErrors.conflict();
        }
        return view.of(item);
    }

    /** Replaces the item's fields with the body's; server-managed sub-items stay. */
    public JsonNode replace(String owner, String id, JsonNode body, @Nullable String ifMatch) {
        Map<String, AttributeValue> current = read(owner, id);
        long expected = documents.expectedVersion(current, body, ifMatch);
        return write(owner, id, current, expected, documents.clientFields(body));
    }

    /** Applies a JSON merge patch (RFC 7386) to the item's fields. */
    public JsonNode patch(String owner, String id, JsonNode patch, @Nullable String ifMatch) {
        Map<String, AttributeValue> current = read(owner, id);
        long expected = documents.expectedVersion(current, patch, ifMatch);
        JsonNode merged = MergePatch.apply(view.clientFields(current, false), documents.clientFields(patch));
        return write(owner, id, current, expected, merged);
    }

    public void delete(String owner, String id, @Nullable String ifMatch) {
        Map<String, AttributeValue> current = read(owner, id);
        long expected = documents.expectedVersion(current, null, ifMatch);
        try {
            store.delete(owner, id, expected, facets.moves(facets.of(current), Map.of()), limit != null);
        } catch (ConditionFailed e) {
            throw CollectionErrors.conflict();
        }
        for (String imageId : view.attachedImageIds(current)) {
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
        subItems.requireManaged(attribute);
        boolean remove = value == null || value.isNull();
        try {
            return OptimisticRetry.run(() -> {
                Map<String, AttributeValue> current = read(owner, id);
                Map<String, AttributeValue> updated = store.setAttribute(
                        owner,
                        id,
                        attribute,
                        remove ? null : ItemCodec.toAttribute(value),
                        StoredItem.version(current),
                        clock.instant().toString());
                AttributeValue before = current.get(attribute);
                return new ManagedChange(view.of(updated), before == null ? null : ItemCodec.toJson(before));
            });
        } catch (ConditionFailed e) {
            throw CollectionErrors.conflict();
        }
    }

    /** An item after a managed attribute changed, and the attribute's value before (or null). */
    public record ManagedChange(JsonNode item, @Nullable JsonNode previous) {}

    /** One page of the owner's items, filtered by the request's parameters. */
    public Page list(String owner, Map<String, String> parameters) {
        ListPlanner.Plan plan = planner.plan(owner, parameters);
        ListPlanner.Filled page = ListPlanner.fill(plan, store.pages(plan.query()));
        List<JsonNode> views = page.items().stream().map(view::of).toList();
        return new Page(views, planner.cursor(plan, page.next()));
    }

    /** The distinct values of a facet among the owner's items, sorted. */
    public List<String> facet(String owner, String attribute) {
        facets.require(attribute);
        return Facets.sorted(store.facetValues(owner, attribute));
    }

    /** Appends a sub-item (e.g. a note) to a managed list attribute; returns the item. */
    public JsonNode addEntry(String owner, String id, String attribute, Object entry) {
        subItems.requireManaged(attribute);
        read(owner, id);
        String now = clock.instant().toString();
        AttributeValue element = SubItems.entry(Ids.newId(), documents.toTree(entry), now);
        try {
            return view.of(store.appendEntry(owner, id, attribute, element, SubItems.MAX_ENTRIES, now));
        } catch (ConditionFailed e) {
            read(owner, id); // 404 if it went meanwhile
            throw subItems.full(attribute);
        }
    }

    /** Removes a sub-item by id; returns the item. An unknown sub-item is 404 {@code notFoundCode}. */
    public JsonNode removeEntry(String owner, String id, String attribute, String entryId, String notFoundCode) {
        subItems.requireManaged(attribute);
        try {
            return OptimisticRetry.run(() -> {
                Map<String, AttributeValue> current = read(owner, id);
                int position = SubItems.positionOf(current.get(attribute), entryId);
                if (position < 0) {
                    throw new ApiException(404, notFoundCode, "Not found");
                }
                return view.of(store.removeEntry(
                        owner,
                        id,
                        attribute,
                        position,
                        StoredItem.version(current),
                        clock.instant().toString()));
            });
        } catch (ConditionFailed e) {
            throw CollectionErrors.conflict();
        }
    }

    @Override
    public String name() {
        return collection.table().name();
    }

    @Override
    public Object export(String owner) {
        return ownerData.export(owner);
    }

    @Override
    public void erase(String owner) {
        ownerData.erase(owner);
    }

    private JsonNode write(
            String owner, String id, Map<String, AttributeValue> current, long expected, JsonNode fields) {
        if (expected != StoredItem.version(current)) {
            throw CollectionErrors.conflict();
        }
        JsonNode document = documents.validate(owner, fields);
        Map<String, AttributeValue> carried = new LinkedHashMap<>();
        for (String attribute : collection.managed()) {
            if (current.containsKey(attribute)) {
                carried.put(attribute, current.get(attribute));
            }
        }
        Map<String, AttributeValue> item = documents.toItem(
                owner,
                id,
                document,
                expected + 1,
                current.get(StoredItem.CREATED_AT).s(),
                clock.instant().toString(),
                carried);
        try {
            store.replace(item, expected, facets.moves(facets.of(current), facets.of(document)));
        } catch (ConditionFailed e) {
            throw CollectionErrors.conflict();
        }
        return view.of(item);
    }

    /** The item, or 404 if the owner has none with this id (someone else's included). */
    private Map<String, AttributeValue> read(String owner, String id) {
        if (!StoredItem.isId(id)) {
            throw errors.notFound();
        }
        return store.read(owner, id).orElseThrow(errors::notFound);
    }
}
