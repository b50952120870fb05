package dev.cairn.api.collection;

import dev.cairn.api.http.ApiError;
import dev.cairn.contract.TableDefinition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A kind of thing users own, declared once: its record type (a {@code @Serdeable} record with
 * jakarta constraints), its table, how lists filter and order it, and what the server manages in
 * it. {@link CollectionService} and {@link CollectionController} give it the whole create, read,
 * list, replace, patch and delete behaviour.
 *
 * <p>The table's partition key is the owner's id and its sort key the item's UUIDv7 id, so a user
 * can only ever reach their own partition and lists come newest first without an index.
 *
 * @param <T> the record clients send
 */
public final class OwnedCollection<T> {
    private final String resource;
    private final String label;
    private final TableDefinition table;
    private final Argument<T> type;
    private final List<ListFilter> filters;
    private final @Nullable ListOrder order;
    private final List<String> facets;
    private final @Nullable String imagesAttribute;
    private final Set<String> managed;
    private final Function<T, List<ApiError.FieldError>> check;

    private OwnedCollection(Builder<T> builder) {
        this.resource = builder.resource;
        this.label = builder.label;
        this.table = builder.table;
        this.type = builder.type;
        this.filters = List.copyOf(builder.filters);
        this.order = builder.order;
        this.facets = List.copyOf(builder.facets);
        this.imagesAttribute = builder.imagesAttribute;
        this.managed = Set.copyOf(builder.managed);
        this.check = builder.check;
        if (table.sortKey() == null) {
            throw new IllegalArgumentException("An owned collection's table needs a sort key: " + table);
        }
        for (ListFilter filter : filters) {
            if (filter.index() != null
                    && table.indexes().stream().noneMatch(i -> i.name().equals(filter.index()))) {
                throw new IllegalArgumentException(
                        "Filter " + filter.parameter() + " names an index the table lacks: " + filter.index());
            }
        }
        if (order != null && table.indexes().stream().noneMatch(i -> i.name().equals(order.index()))) {
            throw new IllegalArgumentException("The order names an index the table lacks: " + order.index());
        }
    }

    /**
     * Starts a collection.
     *
     * @param resource singular, lower case: {@code guitar} gives {@code GUITAR_NOT_FOUND}
     * @param label singular, as a sentence starts: {@code Guitar}
     */
    public static <T> Builder<T> of(String resource, String label, Class<T> type, TableDefinition table) {
        return new Builder<>(resource, label, Argument.of(type), table);
    }

    public String resource() {
        return resource;
    }

    public String label() {
        return label;
    }

    public TableDefinition table() {
        return table;
    }

    public Argument<T> type() {
        return type;
    }

    public List<ListFilter> filters() {
        return filters;
    }

    @Nullable
    public ListOrder order() {
        return order;
    }

    public List<String> facets() {
        return facets;
    }

    @Nullable
    public String imagesAttribute() {
        return imagesAttribute;
    }

    /** Attributes only the server writes (sub-item lists): kept on replace and patch, ignored on create. */
    public Set<String> managed() {
        return managed;
    }

    /** Problems the constraint annotations cannot express (e.g. a year no later than next year). */
    List<ApiError.FieldError> check(T value) {
        return check.apply(value);
    }

    public String ownerAttribute() {
        return table.partitionKey().name();
    }

    public String idAttribute() {
        return table.sortKey().name();
    }

    /**
     * The attributes of an item's key on the table ({@code index} null: owner and id) or on one of
     * its indexes (the table's key, then the index's own attributes): what a list cursor holds.
     */
    List<String> keyAttributes(@Nullable String index) {
        List<String> attributes = new ArrayList<>(List.of(ownerAttribute(), idAttribute()));
        if (index != null) {
            TableDefinition.Index definition = table.indexes().stream()
                    .filter(i -> i.name().equals(index))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No index " + index + " on " + table));
            for (String attribute :
                    new String[] {definition.partitionKey().name(), TableDefinition.Key.nameOf(definition.sortKey())}) {
                if (attribute != null && !attributes.contains(attribute)) {
                    attributes.add(attribute);
                }
            }
        }
        return attributes;
    }

    /** A filter a list request may give as a query parameter. */
    public record ListFilter(
            String parameter,
            String attribute,
            Kind kind,
            @Nullable String index) {

        public enum Kind {
            /** The attribute equals the value. */
            EQUALS,
            /** A number attribute is at least the value. */
            AT_LEAST,
            /** A number attribute is at most the value. */
            AT_MOST,
            /** A list attribute contains the value. */
            CONTAINS,
            /** A boolean attribute is {@code true} or {@code false}, as the value says. */
            FLAG
        }

        public static ListFilter equalTo(String attribute) {
            return new ListFilter(attribute, attribute, Kind.EQUALS, null);
        }

        public static ListFilter flag(String attribute) {
            return new ListFilter(attribute, attribute, Kind.FLAG, null);
        }

        public static ListFilter atLeast(String parameter, String attribute) {
            return new ListFilter(parameter, attribute, Kind.AT_LEAST, null);
        }

        public static ListFilter atMost(String parameter, String attribute) {
            return new ListFilter(parameter, attribute, Kind.AT_MOST, null);
        }

        public static ListFilter contains(String parameter, String attribute) {
            return new ListFilter(parameter, attribute, Kind.CONTAINS, null);
        }

        /**
         * Answers this filter from a global secondary index whose partition key is the attribute
         * and whose sort key is the owner: the query reads only matching items.
         */
        public ListFilter viaIndex(String indexName) {
            if (kind != Kind.EQUALS) {
                throw new IllegalArgumentException("Only an equality filter can use an index: " + parameter);
            }
            return new ListFilter(parameter, attribute, kind, indexName);
        }

        boolean numeric() {
            return kind == Kind.AT_LEAST || kind == Kind.AT_MOST;
        }
    }

    /**
     * An order other than newest first: a global secondary index (partition key the owner, sort key
     * {@code attribute}) whose sort value the server derives from the item on every write. Lists
     * read it in descending order.
     */
    public record ListOrder(String index, String attribute, Function<JsonNode, String> sortValue) {}

    public static final class Builder<T> {
        private final String resource;
        private final String label;
        private final Argument<T> type;
        private final TableDefinition table;
        private final List<ListFilter> filters = new ArrayList<>();
        private ListOrder order;
        private final List<String> facets = new ArrayList<>();
        private String imagesAttribute;
        private final List<String> managed = new ArrayList<>();
        private Function<T, List<ApiError.FieldError>> check = value -> List.of();

        private Builder(String resource, String label, Argument<T> type, TableDefinition table) {
            this.resource = Objects.requireNonNull(resource);
            this.label = Objects.requireNonNull(label);
            this.type = type;
            this.table = Objects.requireNonNull(table);
        }

        public Builder<T> filter(ListFilter filter) {
            filters.add(filter);
            return this;
        }

        public Builder<T> order(ListOrder order) {
            this.order = order;
            return this;
        }

        /**
         * Keeps per-owner counts of an attribute's values in the owner's partition, so the distinct
         * values are one small query away however many items there are.
         */
        public Builder<T> facet(String attribute) {
            facets.add(attribute);
            return this;
        }

        /** The attribute holding attached images ({@link ImageRef}s); their media go with the item. */
        public Builder<T> images(String attribute) {
            this.imagesAttribute = attribute;
            return this;
        }

        /** An attribute only the server writes, through sub-item routes. */
        public Builder<T> managed(String attribute) {
            managed.add(attribute);
            return this;
        }

        public Builder<T> check(Function<T, List<ApiError.FieldError>> check) {
            this.check = Objects.requireNonNull(check);
            return this;
        }

        public OwnedCollection<T> build() {
            return new OwnedCollection<>(this);
        }
    }
}
