package dev.cairn.api.site;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.collection.CollectionServices;
import dev.cairn.api.collection.OwnedCollection;
import dev.cairn.api.collection.OwnedCollection.ListFilter;
import dev.cairn.api.collection.OwnedCollection.ListOrder;
import dev.cairn.api.http.ApiError;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Tables;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** Seed 004's notes and bookmarks, declared on their tables. */
@Factory
public class SiteCollections {
    static final OwnedCollection<Note> NOTE_COLLECTION = OwnedCollection.of("note", "Note", Note.class, Tables.NOTES)
            .filter(ListFilter.contains("tag", "tags"))
            .filter(ListFilter.flag("pinned"))
            // Pinned notes first, each group newest first: "1#<id>" sorts after "0#<id>" and lists descend.
            .order(new ListOrder(Tables.NOTE_ORDER_INDEX, "listOrder", SiteCollections::pinnedFirst))
            .images("images")
            .build();

    static final OwnedCollection<Bookmark> BOOKMARK_COLLECTION = OwnedCollection.of(
                    "bookmark", "Bookmark", Bookmark.class, Tables.BOOKMARKS)
            .filter(ListFilter.contains("tag", "tags"))
            .check(SiteCollections::checkUrl)
            .build();

    @Singleton
    @ServedBy(Feature.NOTES)
    CollectionService<Note> notes(CollectionServices services) {
        return services.serve(NOTE_COLLECTION);
    }

    @Singleton
    @ServedBy(Feature.BOOKMARKS)
    CollectionService<Bookmark> bookmarks(CollectionServices services) {
        return services.serve(BOOKMARK_COLLECTION);
    }

    static String pinnedFirst(JsonNode note) {
        JsonNode pinned = note.get("pinned");
        boolean isPinned = pinned != null && pinned.isBoolean() && pinned.getBooleanValue();
        return (isPinned ? "1#" : "0#") + note.get("id").getStringValue();
    }

    static List<ApiError.FieldError> checkUrl(Bookmark bookmark) {
        if (bookmark.url() == null || bookmark.url().isBlank()) {
            return List.of();
        }
        try {
            URI uri = new URI(bookmark.url().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return List.of();
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        return List.of(new ApiError.FieldError("url", "must be an http or https URL with a host"));
    }
}
