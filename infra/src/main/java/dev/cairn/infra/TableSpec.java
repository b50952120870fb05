package dev.cairn.infra;

import java.util.List;
import java.util.Locale;

/**
 * A table a blueprint needs: its keys and indexes, named as the seeds name them. The app declares
 * the same tables (dev.cairn.api.data.TableDefinition); a contract test keeps the two equal.
 *
 * @param logicalName e.g. {@code guitars}; the api function finds it in {@code DYNAMODB_TABLE_GUITARS}
 * @param partitionKey the partition key attribute
 * @param sortKey the sort key attribute, or null
 * @param indexes global secondary indexes
 * @param timeToLive the attribute DynamoDB expires items by (epoch seconds), or null
 */
public record TableSpec(String logicalName, Key partitionKey, Key sortKey, List<Index> indexes, String timeToLive) {

    public TableSpec {
        indexes = List.copyOf(indexes);
    }

    public TableSpec(String logicalName, Key partitionKey, Key sortKey, List<Index> indexes) {
        this(logicalName, partitionKey, sortKey, indexes, null);
    }

    /** The same table, with items expiring by {@code attribute}. */
    public TableSpec expiringBy(String attribute) {
        return new TableSpec(logicalName, partitionKey, sortKey, indexes, attribute);
    }

    public static TableSpec of(String logicalName, String partitionKey, String sortKey, Index... indexes) {
        return new TableSpec(
                logicalName, Key.text(partitionKey), sortKey == null ? null : Key.text(sortKey), List.of(indexes));
    }

    public String environmentVariable() {
        return "DYNAMODB_TABLE_" + logicalName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** A key attribute: a string, or a number where order matters numerically. */
    public record Key(String name, boolean numeric) {
        public static Key text(String name) {
            return new Key(name, false);
        }

        public static Key number(String name) {
            return new Key(name, true);
        }
    }

    /** A global secondary index projecting all attributes. */
    public record Index(String name, Key partitionKey, Key sortKey) {
        public static Index of(String name, String partitionKey, String sortKey) {
            return new Index(name, Key.text(partitionKey), sortKey == null ? null : Key.text(sortKey));
        }
    }
}
