package dev.cairn.local;

import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates a blueprint's tables in DynamoDB Local, with the keys and indexes the contract declares. */
final class LocalTables {
    static final String PREFIX = "cairn-local-";

    private LocalTables() {}

    /**
     * Every table {@code blueprint} creates in AWS; for a name that is no built-in blueprint (a
     * custom one, whose API serves no feature), the core tables.
     */
    static List<TableDefinition> of(String blueprint) {
        return Blueprints.find(blueprint).map(Blueprint::allTables).orElse(Blueprint.CORE_TABLES);
    }

    /** Creates each table that is not there yet; returns the {@code cairn.tables.*} properties. */
    static Map<String, Object> create(DynamoDbClient dynamoDb, List<TableDefinition> tables) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (TableDefinition table : tables) {
            String name = PREFIX + table.name();
            try {
                dynamoDb.createTable(r -> {
                    r.tableName(name)
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(attributes(table))
                            .keySchema(keys(table.partitionKey(), table.sortKey()));
                    if (!table.indexes().isEmpty()) {
                        r.globalSecondaryIndexes(indexes(table));
                    }
                });
            } catch (ResourceInUseException e) {
                // A file-backed stack keeps its tables across restarts.
            }
            properties.put("cairn.tables." + table.name(), name);
        }
        return properties;
    }

    private static List<AttributeDefinition> attributes(TableDefinition table) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        List<TableDefinition.Key> keys = new ArrayList<>();
        keys.add(table.partitionKey());
        keys.add(table.sortKey());
        table.indexes().forEach(i -> {
            keys.add(i.partitionKey());
            keys.add(i.sortKey());
        });
        for (TableDefinition.Key key : keys) {
            if (key != null) {
                attributes.putIfAbsent(
                        key.name(),
                        AttributeDefinition.builder()
                                .attributeName(key.name())
                                .attributeType(key.numeric() ? ScalarAttributeType.N : ScalarAttributeType.S)
                                .build());
            }
        }
        return List.copyOf(attributes.values());
    }

    private static List<KeySchemaElement> keys(TableDefinition.Key partitionKey, TableDefinition.Key sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder()
                .attributeName(partitionKey.name())
                .keyType(KeyType.HASH)
                .build());
        if (sortKey != null) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(sortKey.name())
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return keys;
    }

    private static List<GlobalSecondaryIndex> indexes(TableDefinition table) {
        return table.indexes().stream()
                .map(i -> GlobalSecondaryIndex.builder()
                        .indexName(i.name())
                        .keySchema(keys(i.partitionKey(), i.sortKey()))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build())
                .toList();
    }
}
