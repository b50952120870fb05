package dev.cairn.api.collection;

import dev.cairn.contract.TableDefinition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** A record the engine's unit tests declare collections of. */
@Serdeable
record Thing(
        @NotBlank @Size(max = 20) String name,
        @Nullable String brand,
        @Nullable Integer year,
        @Nullable BigDecimal price,
        @Nullable Boolean pinned,
        @Nullable List<String> tags,
        @Nullable @Size(max = 5) List<@Valid ImageRef> images) {

    static final String BRAND_INDEX = "brand-userId-index";
    static final String ORDER_INDEX = "userId-listOrder-index";

    static final TableDefinition TABLE = TableDefinition.of(
            "things",
            "userId",
            "thingId",
            TableDefinition.Index.of(BRAND_INDEX, "brand", "userId"),
            TableDefinition.Index.of(ORDER_INDEX, "userId", "listOrder"));

    /** Filters on every kind, a facet, images and a managed list. */
    static final OwnedCollection<Thing> COLLECTION = OwnedCollection.of("thing", "Thing", Thing.class, TABLE)
            .filter(OwnedCollection.ListFilter.equalTo("brand").viaIndex(BRAND_INDEX))
            .filter(OwnedCollection.ListFilter.atLeast("yearFrom", "year"))
            .filter(OwnedCollection.ListFilter.contains("tag", "tags"))
            .filter(OwnedCollection.ListFilter.flag("pinned"))
            .facet("brand")
            .images("images")
            .managed("notes")
            .build();

    /** Listed pinned first through an order index, with nothing managed. */
    static final OwnedCollection<Thing> ORDERED = OwnedCollection.of("thing", "Thing", Thing.class, TABLE)
            .filter(OwnedCollection.ListFilter.flag("pinned"))
            .order(new OwnedCollection.ListOrder(
                    ORDER_INDEX,
                    "listOrder",
                    thing -> thing.get("name").getStringValue() + "#"
                            + thing.get("id").getStringValue()))
            .images("images")
            .build();
}
