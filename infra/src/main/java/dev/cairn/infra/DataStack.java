package dev.cairn.infra;

import dev.cairn.constructs.AuthPool;
import dev.cairn.constructs.AuthPoolProps;
import dev.cairn.constructs.DataTable;
import dev.cairn.constructs.DataTableProps;
import dev.cairn.constructs.MediaBucket;
import dev.cairn.constructs.MediaBucketProps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The stateful tier of one blueprint and stage: its tables, the media bucket and the user pool.
 * Outside dev everything is retained and protected from deletion, and the stack itself is
 * termination-protected.
 */
public final class DataStack extends Stack {
    static final String DISPOSABLE = "The dev stage is disposable: its data is test data and the stage is"
            + " torn down with `cdk destroy`; staging and prod retain and protect it.";

    private final Map<String, DataTable> tables = new LinkedHashMap<>();
    private final MediaBucket media;
    private final AuthPool auth;

    public DataStack(
            Construct scope,
            String id,
            StackProps props,
            StageConfig stage,
            Blueprint blueprint,
            List<String> corsOrigins) {
        super(scope, id, props);
        for (TableSpec spec : blueprint.allTables()) {
            DataTable table = new DataTable(
                    this,
                    constructId(spec.logicalName()) + "Table",
                    DataTableProps.builder()
                            .partitionKey(attribute(spec.partitionKey()))
                            .sortKey(spec.sortKey() == null ? null : attribute(spec.sortKey()))
                            .globalSecondaryIndexes(spec.indexes().stream()
                                    .map(index -> GlobalSecondaryIndexProps.builder()
                                            .indexName(index.name())
                                            .partitionKey(attribute(index.partitionKey()))
                                            .sortKey(index.sortKey() == null ? null : attribute(index.sortKey()))
                                            .build())
                                    .toList())
                            .deletionProtection(stage.retainsData())
                            .removalPolicy(stage.removalPolicy())
                            .build());
            tables.put(spec.logicalName(), table);
            disposableInDev(stage, table);
        }
        this.media = new MediaBucket(
                this,
                "Media",
                MediaBucketProps.builder()
                        .corsAllowedOrigins(corsOrigins)
                        .archivePrefix(blueprint.privateMedia() ? "private/receipts/" : null)
                        .archiveAfterDays(blueprint.privateMedia() ? 365 : null)
                        .removalPolicy(stage.removalPolicy())
                        .build());
        disposableInDev(stage, media);
        this.auth = new AuthPool(
                this,
                "Auth",
                AuthPoolProps.builder()
                        .groups(List.of("admin"))
                        .deletionProtection(stage.retainsData())
                        .removalPolicy(stage.removalPolicy())
                        .build());
        disposableInDev(stage, auth);
    }

    /** In dev only, the construct's warnings about weakened data protection are expected. */
    private static void disposableInDev(StageConfig stage, IConstruct construct) {
        if (stage.retainsData()) {
            return;
        }
        for (String prop : List.of("removalPolicy", "deletionProtection")) {
            Annotations.of(construct).acknowledgeWarning("@cairn/constructs:" + prop, DISPOSABLE);
        }
    }

    private static Attribute attribute(TableSpec.Key key) {
        return Attribute.builder()
                .name(key.name())
                .type(key.numeric() ? AttributeType.NUMBER : AttributeType.STRING)
                .build();
    }

    /** {@code api-keys} becomes {@code ApiKeys}: construct ids, and so logical ids, stay stable. */
    static String constructId(String logicalName) {
        StringBuilder id = new StringBuilder();
        for (String part : logicalName.split("-")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }

    public Map<String, DataTable> tables() {
        return tables;
    }

    public MediaBucket media() {
        return media;
    }

    public AuthPool auth() {
        return auth;
    }
}
