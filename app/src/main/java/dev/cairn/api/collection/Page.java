package dev.cairn.api.collection;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of a list. {@code nextCursor} continues it and is null on the last page.
 */
@Serdeable
public record Page(
        List<JsonNode> items,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nextCursor) {}
