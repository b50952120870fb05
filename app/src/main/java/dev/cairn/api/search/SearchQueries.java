package dev.cairn.api.search;

import dev.cairn.contract.Language;
import dev.cairn.contract.SearchIndex;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.search.HighlightField;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;

/**
 * How a search becomes the engine's request: the one place relevance is tuned.
 *
 * <ul>
 *   <li>filter (no effect on scores): who may read (owner, a reader, or public) always, then the
 *       keyword values, number ranges and language asked for;
 *   <li>must: the words in any text field, each field as folded text ({@code f}) and analyzed in
 *       every language of the blueprint ({@code f_en}, {@code f_pt}...: only the item's own language
 *       holds text), weighted by the field's boost, with typos forgiven ({@code AUTO} fuzziness, the
 *       first letter exact);
 *   <li>should: the words as a phrase in the folded fields, {@value #PHRASE_BOOST} times the field's
 *       boost, so an exact phrase ranks first;
 *   <li>sort: score, then most recently updated, then the item id (a total order, so {@code
 *       search_after} pages have no gaps); without words, most recently updated first;
 *   <li>highlights of the text fields ({@code <em>} marks, HTML-escaped text) and counts of the
 *       facet fields' {@value #FACET_SIZE} commonest values.
 * </ul>
 */
public final class SearchQueries {
    /** How much more a phrase match counts than the same words apart. */
    public static final float PHRASE_BOOST = 2;
    /** How many values a facet counts. */
    public static final int FACET_SIZE = 20;
    /** The typos forgiven: none up to 2 characters, one up to 5, two beyond. */
    public static final String FUZZINESS = "AUTO";
    /** The letters that must match exactly before a typo is forgiven. */
    public static final int PREFIX_LENGTH = 1;
    /**
     * The tiebreaker of the sort, unique per document: the item's id (a UUIDv7 sort key, or the
     * partition key), a keyword with doc values. Not {@code _id}, whose sort loads every id into
     * the heap (fielddata) and which a cluster may refuse ({@code indices.id_field_data.enabled}).
     */
    public static final String TIEBREAKER = SearchFields.ITEM_ID;

    private SearchQueries() {}

    /**
     * The engine's request for {@code query}, by user {@code caller}, on the alias of {@code index}:
     * one item more than the page holds, which tells whether there is a next page.
     */
    public static SearchRequest request(SearchIndex index, List<Language> languages, SearchQuery query, String caller) {
        SearchRequest.Builder request = new SearchRequest.Builder()
                .index(index.name())
                .size(query.limit() + 1)
                .query(query(index, languages, query, caller))
                .sort(sort(query))
                .source(s -> s.filter(f -> f.excludes(SearchFields.READERS)))
                .highlight(h -> h.encoder(HighlighterEncoder.Html)
                        .preTags("<em>")
                        .postTags("</em>")
                        .fields(highlightFields(index, languages)))
                .aggregations(facets(index));
        if (query.after() != null) {
            request.searchAfter(
                    query.after().stream().map(SearchQueries::fieldValue).toList());
        }
        return request.build();
    }

    /** The query: access and filters, then the words. */
    static Query query(SearchIndex index, List<Language> languages, SearchQuery query, String caller) {
        List<Query> filters = new ArrayList<>();
        filters.add(access(index, caller));
        query.keywords()
                .forEach((field, values) -> values.forEach(value ->
                        filters.add(Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)))))));
        query.ranges()
                .forEach((field, range) -> filters.add(Query.of(q -> q.range(r -> {
                    r.field(field);
                    if (range.min() != null) {
                        r.gte(JsonData.of(Json.createValue(range.min())));
                    }
                    if (range.max() != null) {
                        r.lte(JsonData.of(Json.createValue(range.max())));
                    }
                    return r;
                }))));
        if (query.language() != null) {
            filters.add(
                    Query.of(q -> q.term(t -> t.field(SearchFields.LANGUAGE).value(FieldValue.of(query.language())))));
        }
        if (!query.hasText()) {
            return Query.of(q -> q.bool(b -> b.filter(filters).must(m -> m.matchAll(a -> a))));
        }
        List<String> analyzed = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        for (SearchIndex.Field field : textFields(index)) {
            folded.add(field.name() + "^" + boost(field));
            analyzed.add(field.name() + "^" + boost(field));
            for (Language language : languages) {
                analyzed.add(SearchFields.analyzed(field.name(), language) + "^" + boost(field));
            }
        }
        return Query.of(q -> q.bool(b -> b.filter(filters)
                .must(m -> m.multiMatch(mm -> mm.query(query.text())
                        .type(TextQueryType.BestFields)
                        .fields(analyzed)
                        .fuzziness(FUZZINESS)
                        .prefixLength(PREFIX_LENGTH)))
                .should(s -> s.multiMatch(mm -> mm.query(query.text())
                        .type(TextQueryType.Phrase)
                        .fields(folded)
                        .boost(PHRASE_BOOST)))));
    }

    /**
     * Who may read: the owner, a user it is shared with, or anyone when it is public. Every query
     * has it, whatever else the caller asks.
     */
    static Query access(SearchIndex index, String caller) {
        List<Query> readers = new ArrayList<>();
        readers.add(Query.of(q -> q.term(t -> t.field(SearchFields.OWNER).value(FieldValue.of(caller)))));
        if (index.access().readersAttribute() != null) {
            readers.add(Query.of(q -> q.term(t -> t.field(SearchFields.READERS).value(FieldValue.of(caller)))));
        }
        if (index.access().publicAttribute() != null) {
            readers.add(Query.of(q -> q.term(t -> t.field(SearchFields.PUBLIC).value(FieldValue.TRUE))));
        }
        return Query.of(q -> q.bool(b -> b.should(readers).minimumShouldMatch("1")));
    }

    /** The sort values a page's last hit gives as its {@code search_after}: how many, in order. */
    static List<SortOptions> sort(SearchQuery query) {
        List<SortOptions> sort = new ArrayList<>();
        if (query.hasText()) {
            sort.add(SortOptions.of(s -> s.score(o -> o.order(SortOrder.Desc))));
        }
        sort.add(SortOptions.of(
                s -> s.field(f -> f.field(SearchFields.UPDATED_AT).order(SortOrder.Desc))));
        sort.add(SortOptions.of(s -> s.field(f -> f.field(TIEBREAKER).order(SortOrder.Asc))));
        return sort;
    }

    /** Highlights of each text field, in its folded and its analyzed forms. */
    static Map<String, HighlightField> highlightFields(SearchIndex index, List<Language> languages) {
        Map<String, HighlightField> fields = new LinkedHashMap<>();
        for (SearchIndex.Field field : textFields(index)) {
            fields.put(field.name(), HighlightField.of(h -> h));
            for (Language language : languages) {
                fields.put(SearchFields.analyzed(field.name(), language), HighlightField.of(h -> h));
            }
        }
        return fields;
    }

    /** A terms aggregation per facet field, named after the field. */
    static Map<String, Aggregation> facets(SearchIndex index) {
        Map<String, Aggregation> facets = new LinkedHashMap<>();
        for (SearchIndex.Field field : index.fields()) {
            if (field.facet()) {
                facets.put(
                        field.name(),
                        Aggregation.of(a -> a.terms(t -> t.field(field.name()).size(FACET_SIZE))));
            }
        }
        return facets;
    }

    private static List<SearchIndex.Field> textFields(SearchIndex index) {
        return index.fields().stream()
                .filter(f -> f.kind() == SearchIndex.Kind.TEXT)
                .toList();
    }

    private static String boost(SearchIndex.Field field) {
        double boost = field.boost();
        return boost == Math.rint(boost) ? Long.toString((long) boost) : Double.toString(boost);
    }

    private static FieldValue fieldValue(Object value) {
        return switch (value) {
            case Double number -> FieldValue.of(number);
            case Long number -> FieldValue.of(number);
            case Number number -> FieldValue.of(number.doubleValue());
            case Boolean bool -> FieldValue.of(bool);
            default -> FieldValue.of(String.valueOf(value));
        };
    }
}
