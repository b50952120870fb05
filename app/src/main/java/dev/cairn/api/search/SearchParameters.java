package dev.cairn.api.search;

import dev.cairn.api.data.DynamoNumbers;
import dev.cairn.api.http.ApiError;
import dev.cairn.contract.Language;
import dev.cairn.contract.SearchIndex;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of a search route, read against the index they search:
 *
 * <ul>
 *   <li>{@code q}: the words, at most {@value #MAX_TEXT} characters (absent or blank: everything the
 *       caller may read, newest first)
 *   <li>each keyword field by its name ({@code tags}, {@code dietary}), repeated or comma-separated:
 *       an item must have every value given, at most {@value #MAX_VALUES} values of at most
 *       {@value #MAX_VALUE_LENGTH} characters, from the field's vocabulary when it has one
 *   <li>each number field {@code f} as {@code minF} and {@code maxF} ({@code minTotalMinutes}),
 *       inclusive, plain decimals
 *   <li>{@code language}: one of the blueprint's language codes
 *   <li>{@code limit} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code cursor}
 * </ul>
 *
 * Anything else, or a parameter given twice where one value is expected, is a field error.
 */
public final class SearchParameters {
    public static final int MAX_TEXT = 200;
    public static final int MAX_VALUES = 10;
    public static final int MAX_VALUE_LENGTH = 100;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;

    public static final String TEXT = "q";
    public static final String LANGUAGE = "language";
    public static final String LIMIT = "limit";
    public static final String CURSOR = "cursor";

    private SearchParameters() {}

    /** The parameter bounding a number field from below: {@code minTotalMinutes}. */
    public static String min(SearchIndex.Field field) {
        return "min" + capitalized(field.name());
    }

    /** The parameter bounding a number field from above: {@code maxTotalMinutes}. */
    public static String max(SearchIndex.Field field) {
        return "max" + capitalized(field.name());
    }

    /**
     * The search the parameters ask for, with no cursor applied yet ({@link Parsed#cursor()} holds
     * it), and the problems found: none means the search can run.
     */
    public static Parsed parse(SearchIndex index, List<Language> languages, Map<String, List<String>> parameters) {
        List<ApiError.FieldError> problems = new ArrayList<>();
        Map<String, SearchIndex.Field> keywordFields = new LinkedHashMap<>();
        Map<String, SearchIndex.Field> bounds = new LinkedHashMap<>();
        for (SearchIndex.Field field : index.fields()) {
            switch (field.kind()) {
                case KEYWORD -> keywordFields.put(field.name(), field);
                case NUMBER -> {
                    bounds.put(min(field), field);
                    bounds.put(max(field), field);
                }
                case TEXT -> {}
            }
        }
        Set<String> known = new LinkedHashSet<>(List.of(TEXT, LANGUAGE, LIMIT, CURSOR));
        known.addAll(keywordFields.keySet());
        known.addAll(bounds.keySet());

        String text = "";
        String language = null;
        int limit = DEFAULT_LIMIT;
        String cursor = null;
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        Map<String, BigDecimal[]> ranges = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue() == null ? List.of() : parameter.getValue();
            if (!known.contains(name)) {
                problems.add(new ApiError.FieldError(name, "is not a parameter of this search; it takes " + known));
                continue;
            }
            if (values.isEmpty()) {
                continue;
            }
            if (keywordFields.containsKey(name)) {
                List<String> all = new ArrayList<>();
                for (String value : values) {
                    for (String part : value.split(",", -1)) {
                        String stripped = part.strip();
                        if (!stripped.isEmpty() && !all.contains(stripped)) {
                            all.add(stripped);
                        }
                    }
                }
                if (all.size() > MAX_VALUES) {
                    problems.add(new ApiError.FieldError(name, "must have at most " + MAX_VALUES + " values"));
                } else if (all.stream().anyMatch(v -> v.length() > MAX_VALUE_LENGTH)) {
                    problems.add(new ApiError.FieldError(
                            name, "values must be at most " + MAX_VALUE_LENGTH + " characters"));
                } else if (!keywordFields.get(name).vocabulary().isEmpty()
                        && !keywordFields.get(name).vocabulary().containsAll(all)) {
                    problems.add(new ApiError.FieldError(
                            name,
                            "values must be among " + keywordFields.get(name).vocabulary()));
                } else if (!all.isEmpty()) {
                    keywords.put(name, all);
                }
                continue;
            }
            if (values.size() > 1) {
                problems.add(new ApiError.FieldError(name, "must be given once"));
                continue;
            }
            String value = values.getFirst();
            switch (name) {
                case TEXT -> {
                    if (value.length() > MAX_TEXT) {
                        problems.add(new ApiError.FieldError(name, "must be at most " + MAX_TEXT + " characters"));
                    } else {
                        text = value.strip();
                    }
                }
                case LANGUAGE -> {
                    List<String> codes = languages.stream().map(Language::code).toList();
                    String code = value.strip().toLowerCase(Locale.ROOT);
                    if (codes.contains(code)) {
                        language = code;
                    } else if (!value.isBlank()) {
                        problems.add(new ApiError.FieldError(name, "must be one of " + codes));
                    }
                }
                case LIMIT -> {
                    Optional<Integer> parsed = limit(value);
                    if (parsed.isPresent()) {
                        limit = parsed.get();
                    } else {
                        problems.add(new ApiError.FieldError(name, "must be a whole number from 1 to " + MAX_LIMIT));
                    }
                }
                case CURSOR -> cursor = value;
                default -> {
                    if (value.length() > MAX_TEXT) {
                        problems.add(new ApiError.FieldError(name, DynamoNumbers.FILTER_PROBLEM));
                        continue;
                    }
                    Optional<BigDecimal> number = DynamoNumbers.parsePlain(value);
                    if (number.isEmpty()) {
                        problems.add(new ApiError.FieldError(name, DynamoNumbers.FILTER_PROBLEM));
                        continue;
                    }
                    SearchIndex.Field field = bounds.get(name);
                    BigDecimal[] range = ranges.computeIfAbsent(field.name(), f -> new BigDecimal[2]);
                    range[name.equals(min(field)) ? 0 : 1] = number.get();
                }
            }
        }
        Map<String, SearchQuery.Range> checked = new LinkedHashMap<>();
        ranges.forEach((field, range) -> {
            if (range[0] != null && range[1] != null && range[0].compareTo(range[1]) > 0) {
                SearchIndex.Field declared = index.field(field);
                problems.add(new ApiError.FieldError(min(declared), "must be at most " + max(declared)));
            }
            checked.put(field, new SearchQuery.Range(range[0], range[1]));
        });
        return new Parsed(new SearchQuery(text, keywords, checked, language, limit, null), cursor, problems);
    }

    private static Optional<Integer> limit(String value) {
        String text = value.strip();
        if (!text.matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        int limit = Integer.parseInt(text);
        return limit >= 1 && limit <= MAX_LIMIT ? Optional.of(limit) : Optional.empty();
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /**
     * What the parameters ask for.
     *
     * @param query the search, from its first page
     * @param cursor the cursor given, not yet verified, or null
     * @param problems what is wrong with the parameters, field by field
     */
    public record Parsed(SearchQuery query, String cursor, List<ApiError.FieldError> problems) {}
}
