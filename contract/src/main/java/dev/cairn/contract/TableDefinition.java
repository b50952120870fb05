package dev.cairn.contract;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A DynamoDB table of a blueprint, as the CDK app creates it, the local stack creates it in
 * DynamoDB Local and the app reads it: its keys, its global secondary indexes and its TTL
 * attribute. The app finds the deployed name in {@link #environmentVariable()}.
 *
 * @param name short name, e.g. {@code guitars}; the app's configuration key is {@code
 *     cairn.tables.NAME}
 * @param partitionKey the partition key attribute
 * @param sortKey the sort key attribute, or null for a table keyed by its partition key alone
 * @param indexes global secondary indexes, each projecting all attributes
 * @param timeToLive the attribute DynamoDB expires items by (epoch seconds), or null for none
 */
public record TableDefinition(String name, Key partitionKey, Key sortKey, List<Index> indexes, String timeToLive) {

    public TableDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank (value: " + name + ")");
        }
        Objects.requireNonNull(partitionKey, () -> "partitionKey of table " + name + " must be set (value: null)");
        indexes = List.copyOf(indexes);
    }

    /** A table of string keys and no TTL: what most tables are. */
    public static TableDefinition of(String name, String partitionKey, String sortKey, Index... indexes) {
        return new TableDefinition(name, Key.text(partitionKey), Key.textOrNull(sortKey), List.of(indexes), null);
    }

    /** The same table, with items expiring by {@code attribute}. */
    public TableDefinition expiringBy(String attribute) {
        return new TableDefinition(name, partitionKey, sortKey, indexes, attribute);
    }

    /** {@code DYNAMODB_TABLE_API_KEYS} for {@code api-keys}: what the Lambda environment sets. */
    public String environmentVariable() {
        return EnvironmentVariables.TABLE_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The index named {@code indexName}; fails, naming the table and the index, if there is none. */
    public Index index(String indexName) {
        return indexes.stream()
                .filter(i -> i.name().equals(indexName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("index of table " + name + " must be one of "
                        + indexes.stream().map(Index::name).toList() + " (value: " + indexName + ")"));
    }

    /**
     * A key attribute: a string, or a number where order matters numerically.
     *
     * @param name the attribute's name
     * @param numeric true for a number attribute, false (the usual) for a string
     */
    public record Key(String name, boolean numeric) {
        public Key {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("key name must not be blank (value: " + name + ")");
            }
        }

        public static Key text(String name) {
            return new Key(name, false);
        }

        public static Key number(String name) {
            return new Key(name, true);
        }

        /** The attribute's name, or null for no key (a table or index without a sort key). */
        public static String nameOf(Key key) {
            return key == null ? null : key.name();
        }

        static Key textOrNull(String name) {
            return name == null ? null : text(name);
        }
    }

    /**
     * A global secondary index projecting all attributes.
     *
     * @param name the index's name, as queries name it
     * @param partitionKey its partition key
     * @param sortKey its sort key, or null
     */
    public record Index(String name, Key partitionKey, Key sortKey) {
        public Index {
            Objects.requireNonNull(partitionKey, () -> "partitionKey of index " + name + " must be set (value: null)");
        }

        public static Index of(String name, String partitionKey, String sortKey) {
            return new Index(name, Key.text(partitionKey), Key.textOrNull(sortKey));
        }
    }
}
