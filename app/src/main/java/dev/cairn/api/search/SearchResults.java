package dev.cairn.api.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * A page of search results.
 *
 * @param items the matching items the caller may read, best first (newest first without words):
 *     each with its {@code id}, {@code owner}, {@code score}, {@code language}, {@code version},
 *     {@code public}, the index's fields and the {@code highlights} of its text fields
 * @param facets for each facet field, its commonest values among all matches, with their counts
 * @param total how many items match (counted exactly up to 10,000, then at least that)
 * @param nextCursor where the next page starts, or absent on the last page
 */
@Serdeable
public record SearchResults(
        List<JsonNode> items,
        Map<String, List<FacetCount>> facets,
        long total,
        @Nullable String nextCursor) {

    /** One value of a facet field and how many matching items have it. */
    @Serdeable
    public record FacetCount(String value, long count) {}
}
