package dev.cairn.api.search;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A search as the caller asked it, checked against the index: what {@link SearchQueries} turns into
 * the engine's request.
 *
 * @param text the words searched ({@code q}), or empty for everything the caller may read
 * @param keywords the values each keyword field must all have, by field
 * @param ranges the bounds of number fields, by field
 * @param language only items in this language (its code), or null for all
 * @param limit how many items a page holds
 * @param after where the previous page stopped (the engine's sort values), or null for the first
 */
public record SearchQuery(
        String text,
        Map<String, List<String>> keywords,
        Map<String, Range> ranges,
        @Nullable String language,
        int limit,
        @Nullable List<Object> after) {

    public SearchQuery {
        text = text == null ? "" : text;
        keywords = Map.copyOf(keywords);
        ranges = Map.copyOf(ranges);
        after = after == null ? null : List.copyOf(after);
    }

    /** Whether words were given: results then come by relevance, else newest first. */
    public boolean hasText() {
        return !text.isBlank();
    }

    /** The same search from {@code after} on. */
    public SearchQuery from(List<Object> sortValues) {
        return new SearchQuery(text, keywords, ranges, language, limit, sortValues);
    }

    /**
     * What makes two searches the same one, whatever the order of their parameters: a cursor is
     * signed over it, so a cursor from another search does not verify.
     */
    public String canonical() {
        StringBuilder out = new StringBuilder("q=").append(text.strip());
        new TreeMap<>(keywords).forEach((field, values) -> out.append('\n')
                .append(field)
                .append('=')
                .append(String.join(",", values.stream().sorted().toList())));
        new TreeMap<>(ranges).forEach((field, range) -> out.append('\n')
                .append(field)
                .append(':')
                .append(range.min() == null ? "" : range.min().toPlainString())
                .append("..")
                .append(range.max() == null ? "" : range.max().toPlainString()));
        if (language != null) {
            out.append("\nlanguage=").append(language);
        }
        return out.toString();
    }

    /** The bounds of a number field, each inclusive and either absent. */
    public record Range(@Nullable BigDecimal min, @Nullable BigDecimal max) {}
}
