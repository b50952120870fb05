package dev.cairn.local;

import dev.cairn.api.data.TableSchemas;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.TableDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Creates a blueprint's tables in DynamoDB Local, with the keys and indexes the contract declares. */
final class LocalTables {
    static final String PREFIX = "cairn-local-";

    /** The local name of {@code table}. */
    static String name(TableDefinition table) {
        return PREFIX + table.name();
    }

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
        return create(dynamoDb, tables, Set.of());
    }

    /**
     * Creates each table that is not there yet, those named in {@code streamed} with a stream of
     * new and old images (what a search index is fed from, as in AWS); returns the {@code
     * cairn.tables.*} properties.
     */
    static Map<String, Object> create(DynamoDbClient dynamoDb, List<TableDefinition> tables, Set<String> streamed) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (TableDefinition table : tables) {
            String name = PREFIX + table.name();
            CreateTableRequest request = TableSchemas.createRequest(name, table);
            if (streamed.contains(table.name())) {
                request = request.toBuilder()
                        .streamSpecification(
                                s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                        .build();
            }
            try {
                dynamoDb.createTable(request);
            } catch (ResourceInUseException e) {
                // A file-backed stack keeps its tables across restarts.
            }
            properties.put("cairn.tables." + table.name(), name);
        }
        return properties;
    }
}
