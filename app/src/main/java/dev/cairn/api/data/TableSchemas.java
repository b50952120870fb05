package dev.cairn.api.data;

import dev.cairn.contract.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A contract table as a DynamoDB {@code CreateTable} request: its keys (string or number), its
 * global secondary indexes projecting all attributes, on-demand billing. The local stack and the
 * app's tests make their DynamoDB Local tables with it; in AWS the CDK app makes them.
 */
public final class TableSchemas {
    private TableSchemas() {}

    /** The request that creates {@code table} under the name {@code name}. */
    public static CreateTableRequest createRequest(String name, TableDefinition table) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes(table))
                .keySchema(keys(table.partitionKey(), table.sortKey()));
        if (!table.indexes().isEmpty()) {
            request.globalSecondaryIndexes(table.indexes().stream()
                    .map(i -> GlobalSecondaryIndex.builder()
                            .indexName(i.name())
                            .keySchema(keys(i.partitionKey(), i.sortKey()))
                            .projection(p -> p.projectionType(ProjectionType.ALL))
                            .build())
                    .toList());
        }
        return request.build();
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
}
