package dev.cairn.api.data;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Locale;

/**
 * A DynamoDB table as the app reads it: its keys and indexes. The CDK app creates tables with
 * these keys for each blueprint, the local stack creates them in DynamoDB Local, and the app finds
 * the deployed name in {@link #environmentVariable()}.
 *
 * @param logicalName short name, e.g. {@code users}; the configuration key is {@code cairn.tables.NAME}
 * @param partitionKey the partition key attribute (a string)
 * @param sortKey the sort key attribute (a string), or null
 * @param indexes global secondary indexes
 */
public record TableDefinition(
        String logicalName, String partitionKey, @Nullable String sortKey, List<Index> indexes) {

    public TableDefinition {
        indexes = List.copyOf(indexes);
    }

    /** {@code DYNAMODB_TABLE_USERS} for {@code users}: what the Lambda environment sets. */
    public String environmentVariable() {
        return "DYNAMODB_TABLE_" + logicalName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** A global secondary index projecting all attributes. */
    public record Index(
            String name, String partitionKey, @Nullable String sortKey) {}
}
