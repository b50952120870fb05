package dev.cairn.contract;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A search index a feature declares over one of its tables: which attributes are searched and
 * how, who may find an item, and the version of its mapping. The table stays the source of truth:
 * its stream feeds an indexer in AWS and on the local stack, and a reindex rebuilds the index from
 * it. The API queries the index through the alias {@link #name()}; the indices behind it are
 * {@code NAME-vVERSION-SUFFIX}, so a reindex builds a new one and swaps the alias.
 *
 * @param name the alias the API queries, e.g. {@code recipes}: lower case words joined by {@code -}
 * @param table the table whose items are the documents; its stream feeds the index
 * @param mappingVersion the version of the mapping: any change to {@code fields} or to the
 *     blueprint's languages needs a new version, and ships with a reindex
 * @param route the route that searches it, as a gateway route key: {@code GET /api/recipes/search}
 * @param fields the attributes indexed, in the order they are listed
 * @param languageAttribute the item attribute naming the item's language ({@link Language#code()});
 *     an item without it is in the blueprint's first language
 * @param access who may find an item
 */
public record SearchIndex(
        String name,
        TableDefinition table,
        int mappingVersion,
        String route,
        List<Field> fields,
        String languageAttribute,
        Access access) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public SearchIndex {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "search index name must be lower case words joined by '-' (value: " + name + ")");
        }
        Objects.requireNonNull(table, () -> "table of search index " + name + " must be set (value: null)");
        if (mappingVersion < 1) {
            throw new IllegalArgumentException(
                    "mappingVersion of search index " + name + " must be at least 1 (value: " + mappingVersion + ")");
        }
        if (route == null || !route.startsWith("GET " + RoutePolicy.API_PATH_PREFIX)) {
            throw new IllegalArgumentException(
                    "route of search index " + name + " must be a GET under /api/ (value: " + route + ")");
        }
        fields = List.copyOf(fields);
        Set<String> names = new HashSet<>();
        for (Field field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException(
                        "fields of search index " + name + " must be unique (value: " + field.name() + ")");
            }
        }
        if (fields.stream().noneMatch(f -> f.kind() == Kind.TEXT)) {
            throw new IllegalArgumentException(
                    "search index " + name + " must have a text field (value: " + fields + ")");
        }
        Objects.requireNonNull(access, () -> "access of search index " + name + " must be set (value: null)");
    }

    /** The field named {@code fieldName}; fails naming the index and its fields if there is none. */
    public Field field(String fieldName) {
        return fields.stream()
                .filter(f -> f.name().equals(fieldName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("field of search index " + name + " must be one of "
                        + fields.stream().map(Field::name).toList() + " (value: " + fieldName + ")"));
    }

    /** How an attribute is indexed. */
    public enum Kind {
        /** Full text: analyzed once per language, searched with typos, phrases and highlights. */
        TEXT,
        /** Exact values (a string or a list of strings): filters and facet counts. */
        KEYWORD,
        /** A number: range filters. */
        NUMBER
    }

    /**
     * An indexed attribute.
     *
     * @param name the item attribute (top level); a list of strings is indexed value by value
     * @param kind how it is indexed
     * @param boost how much a text match in it counts against the others (title over body); 1 for
     *     the others
     * @param facet whether a search answers counts of its values (keyword fields only)
     * @param vocabulary a keyword field's closed list of values (a filter by any other is refused);
     *     empty: any value
     */
    public record Field(String name, Kind kind, double boost, boolean facet, List<String> vocabulary) {
        public Field(String name, Kind kind, double boost, boolean facet) {
            this(name, kind, boost, facet, List.of());
        }

        public Field {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("field name must not be blank (value: " + name + ")");
            }
            Objects.requireNonNull(kind, () -> "kind of field " + name + " must be set (value: null)");
            if (!(boost > 0)) {
                throw new IllegalArgumentException(
                        "boost of field " + name + " must be above 0 (value: " + boost + ")");
            }
            if (facet && kind != Kind.KEYWORD) {
                throw new IllegalArgumentException("only a keyword field can be a facet (value: " + name + ")");
            }
            vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
            if (!vocabulary.isEmpty() && kind != Kind.KEYWORD) {
                throw new IllegalArgumentException("only a keyword field can have a vocabulary (value: " + name + ")");
            }
            if (vocabulary.stream().anyMatch(String::isBlank)
                    || new HashSet<>(vocabulary).size() != vocabulary.size()) {
                throw new IllegalArgumentException("the vocabulary of field " + name
                        + " must hold distinct, non-blank values (value: " + vocabulary + ")");
            }
        }

        public static Field text(String name, double boost) {
            return new Field(name, Kind.TEXT, boost, false);
        }

        public static Field keyword(String name) {
            return new Field(name, Kind.KEYWORD, 1, false);
        }

        /** A keyword field whose values' counts a search answers. */
        public static Field facet(String name) {
            return new Field(name, Kind.KEYWORD, 1, true);
        }

        /** A facet whose values come from a closed list: a filter by any other value is refused. */
        public static Field facet(String name, List<String> vocabulary) {
            return new Field(name, Kind.KEYWORD, 1, true, vocabulary);
        }

        public static Field number(String name) {
            return new Field(name, Kind.NUMBER, 1, false);
        }
    }

    /**
     * Who may find an item: its owner, the users it is shared with, and anyone when it is public.
     * The API adds this as a filter to every query; nobody else's items ever match.
     *
     * @param ownerAttribute the attribute holding the owner's user id (the table's partition key for
     *     owned items)
     * @param readersAttribute the attribute listing the user ids the item is shared with, or null if
     *     items are never shared
     * @param publicAttribute the attribute that makes an item public, or null if none ever is
     * @param publicValue the value of {@code publicAttribute} that makes it public
     */
    public record Access(String ownerAttribute, String readersAttribute, String publicAttribute, String publicValue) {
        public Access {
            if (ownerAttribute == null || ownerAttribute.isBlank()) {
                throw new IllegalArgumentException("ownerAttribute must not be blank (value: " + ownerAttribute + ")");
            }
            if ((publicAttribute == null) != (publicValue == null)) {
                throw new IllegalArgumentException("publicAttribute and publicValue must be set together (value: "
                        + publicAttribute + "=" + publicValue + ")");
            }
        }
    }
}
