package dev.cairn.api.collection;

import dev.cairn.api.data.Cursors;
import dev.cairn.api.data.TableNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Makes the {@link CollectionService} of each declared collection; resources expose them as beans. */
@Singleton
public final class CollectionServices {
    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final Cursors cursors;
    private final Validator validator;
    private final JsonMapper json;
    private final ImageAttachments images;

    CollectionServices(
            DynamoDbClient dynamoDb,
            TableNames tables,
            Cursors cursors,
            Validator validator,
            JsonMapper json,
            ImageAttachments images) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.cursors = cursors;
        this.validator = validator;
        this.json = json;
        this.images = images;
    }

    public <T> CollectionService<T> serve(OwnedCollection<T> collection) {
        return serve(collection, ItemHooks.NONE);
    }

    /** The service of a collection whose views and deletions the resource extends. */
    public <T> CollectionService<T> serve(OwnedCollection<T> collection, ItemHooks hooks) {
        return serve(collection, hooks, null);
    }

    /** The service of a collection with at most {@code limit} items per owner (none if null). */
    public <T> CollectionService<T> serve(OwnedCollection<T> collection, ItemHooks hooks, @Nullable ItemLimit limit) {
        return new CollectionService<>(
                collection,
                dynamoDb,
                tables.of(collection.table()),
                cursors,
                validator,
                json,
                images,
                hooks,
                limit,
                Clock.systemUTC());
    }
}
