package dev.cairn.local;

import dev.cairn.api.data.TableDefinition;
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

/** Creates the app's tables in DynamoDB Local, with the keys and indexes the app declares. */
final class LocalTables {
    static final String PREFIX = "cairn-local-";

    private LocalTables() {}

    /** Creates each table that is not there yet; returns the {@code cairn.tables.*} properties. */
    static Map<String, Object> create(DynamoDbClient dynamoDb, List<TableDefinition> tables) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (TableDefinition table : tables) {
            String name = PREFIX + table.logicalName();
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
            properties.put("cairn.tables." + table.logicalName(), name);
        }
        return properties;
    }

    private static List<AttributeDefinition> attributes(TableDefinition table) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        names.add(table.partitionKey());
        names.add(table.sortKey());
        table.indexes().forEach(i -> {
            names.add(i.partitionKey());
            names.add(i.sortKey());
        });
        for (String name : names) {
            if (name != null) {
                attributes.putIfAbsent(
                        name,
                        AttributeDefinition.builder()
                                .attributeName(name)
                                .attributeType(ScalarAttributeType.S)
                                .build());
            }
        }
        return List.copyOf(attributes.values());
    }

    private static List<KeySchemaElement> keys(String partitionKey, String sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder()
                .attributeName(partitionKey)
                .keyType(KeyType.HASH)
                .build());
        if (sortKey != null) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(sortKey)
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
