package dev.cairn.infra;

import dev.cairn.constructs.ApiFunction;
import dev.cairn.constructs.ApiFunctionProps;
import dev.cairn.constructs.Compliance;
import dev.cairn.constructs.DataTable;
import dev.cairn.constructs.SearchCollection;
import dev.cairn.constructs.SearchCollectionProps;
import dev.cairn.constructs.SearchDomain;
import dev.cairn.constructs.SearchDomainProps;
import dev.cairn.constructs.SearchEngine;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.EnvironmentVariables;
import dev.cairn.contract.Functions;
import dev.cairn.contract.SearchIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Search in AWS for a blueprint that declares search indexes: the stage's engine ({@link
 * StageConfig.Search}: an OpenSearch domain, or a Serverless collection), the {@code search-indexer} that applies each searchable table's
 * stream to its index, and the {@code search-reindex} that {@code scripts/reindex} invokes to
 * rebuild an index from its table. The api function searches; it never writes to an index.
 *
 * <p>The indexer reads each table's stream in batches, reporting failed records alone, halving a
 * failing batch to isolate a bad record, and retrying up to {@link #RETRY_ATTEMPTS} times while the
 * records are younger than {@link #MAX_RECORD_AGE}; what still fails is described in the dead-letter
 * queue (stream position, not the item), which alarms: the remedy is a reindex.
 *
 * @param engine the domain or the Serverless collection
 * @param indexer the stream consumer
 * @param reindex the rebuild the reindex command runs; the domain's administrator
 * @param deadLetterQueue where the indexer's failed batches are described
 */
public record SearchTier(SearchEngine engine, ApiFunction indexer, ApiFunction reindex, Queue deadLetterQueue) {

    /** Records per indexer invocation: one bulk request to the engine. */
    static final int BATCH_SIZE = 100;
    /** How long the stream source gathers records before invoking, at most. */
    static final Duration BATCHING_WINDOW = Duration.seconds(1);
    /** Retries of a failing batch (halved each time) before its description goes to the queue. */
    static final int RETRY_ATTEMPTS = 10;
    /** Records older than this go to the dead-letter queue unapplied (the stream keeps 24 hours). */
    static final Duration MAX_RECORD_AGE = Duration.hours(6);
    /** The indexer's time per batch. */
    static final Duration INDEXER_TIMEOUT = Duration.seconds(60);
    /** A reindex step: one scan segment written in bulk, or the alias swap. */
    static final Duration REINDEX_TIMEOUT = Duration.minutes(15);

    /** The search tier of {@code blueprint}, or null when it declares no search index. */
    static SearchTier create(
            Construct scope, StageConfig stage, Blueprint blueprint, DataStack data, ApiFunction api, Code appCode) {
        List<SearchIndex> indexes = blueprint.searchIndexes();
        if (indexes.isEmpty()) {
            return null;
        }
        Queue failed = Queue.Builder.create(scope, "SearchIndexerDeadLetterQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        String isDeadLetterQueue = "This queue is itself the on-failure destination of the search indexer's stream"
                + " sources; a dead-letter queue of a dead-letter queue adds nothing.";
        Compliance.suppress(failed, "AwsSolutions-SQS3", isDeadLetterQueue);
        Compliance.suppress(failed, "Serverless-SQSRedrivePolicy", isDeadLetterQueue);

        ApiFunction indexer = worker(
                scope,
                "SearchIndexer",
                stage,
                blueprint,
                data,
                appCode,
                Functions.SEARCH_INDEXER_HANDLER,
                "search indexer",
                INDEXER_TIMEOUT);
        ApiFunction reindex = worker(
                scope,
                "SearchReindex",
                stage,
                blueprint,
                data,
                appCode,
                Functions.SEARCH_REINDEX_HANDLER,
                "search reindex",
                REINDEX_TIMEOUT);

        SearchEngine engine = engine(scope, stage, blueprint, data, reindex);
        for (SearchIndex index : indexes) {
            DataTable table = data.tables().get(index.table().name());
            engine.grantRead(api, index.name());
            engine.grantWrite(indexer, index.name());
            engine.grantWrite(reindex, index.name());
            table.grantScan(reindex);
            DynamoEventSource source = DynamoEventSource.Builder.create(table.getTable())
                    .startingPosition(StartingPosition.TRIM_HORIZON)
                    .batchSize(BATCH_SIZE)
                    .maxBatchingWindow(BATCHING_WINDOW)
                    .reportBatchItemFailures(true)
                    .bisectBatchOnError(true)
                    .retryAttempts(RETRY_ATTEMPTS)
                    .maxRecordAge(MAX_RECORD_AGE)
                    .onFailure(new SqsDlq(failed))
                    .build();
            indexer.getAlias().addEventSource(source);
        }
        Compliance.suppress(
                indexer.getRole().getNode().findChild("DefaultPolicy"),
                "AwsSolutions-IAM5",
                "dynamodb:ListStreams supports no resource-level permissions ('*' is the only resource it accepts);"
                        + " reading records (GetRecords, GetShardIterator, DescribeStream) is granted on the"
                        + " searchable tables' streams only.",
                "Resource::*");

        for (ApiFunction function : List.of(api, indexer, reindex)) {
            function.getFunction().addEnvironment(EnvironmentVariables.SEARCH_ENDPOINT, engine.getEndpoint());
            function.getFunction()
                    .addEnvironment(EnvironmentVariables.SEARCH_SIGNING_SERVICE, engine.getSigningService());
        }

        CfnOutput.Builder.create(scope, "SearchEndpoint")
                .description("The search engine's endpoint (SigV4, service " + engine.getSigningService() + ")")
                .value(engine.getEndpoint())
                .build();
        CfnOutput.Builder.create(scope, "SearchReindexFunction")
                .description("What scripts/reindex invokes, one step at a time")
                .value(reindex.getAlias().getFunctionArn())
                .build();
        CfnOutput.Builder.create(scope, "SearchReaderRoleArn")
                .description("The role that searches (the api function): mapped to read-only by the reindex")
                .value(api.getRole().getRoleArn())
                .build();
        CfnOutput.Builder.create(scope, "SearchWriterRoleArn")
                .description("The role that indexes (the search indexer): mapped to write by the reindex")
                .value(indexer.getRole().getRoleArn())
                .build();
        if (engine instanceof SearchDomain domain) {
            mapRoles(scope, domain, api, indexer, reindex, indexes);
        }
        return new SearchTier(engine, indexer, reindex, failed);
    }

    /** The custom resource type that maps the functions' roles on a domain. */
    static final String ROLE_MAPPINGS_TYPE = "Custom::CairnSearchRoles";

    /**
     * Fine-grained access control refuses an IAM role until it is mapped to an OpenSearch role, and
     * CloudFormation has no resource for that: a custom resource whose service token is the reindex
     * (the master user) maps the api's role to read and the indexer's to write on every deployment
     * that changes the roles or the reindex's code (dev.cairn.api.search.SearchRoles). A failure
     * fails the deployment.
     */
    private static void mapRoles(
            Construct scope,
            SearchDomain domain,
            ApiFunction api,
            ApiFunction indexer,
            ApiFunction reindex,
            List<SearchIndex> indexes) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ReaderRoleArn", api.getRole().getRoleArn());
        properties.put("WriterRoleArn", indexer.getRole().getRoleArn());
        properties.put(
                "Indexes",
                String.join(",", indexes.stream().map(SearchIndex::name).toList()));
        properties.put("ReindexVersion", reindex.getAlias().getVersion().getVersion());
        CustomResource mappings = CustomResource.Builder.create(scope, "SearchRoleMappings")
                .serviceToken(reindex.getAlias().getFunctionArn())
                .resourceType(ROLE_MAPPINGS_TYPE)
                .properties(properties)
                .build();
        mappings.getNode().addDependency(domain);
    }

    /**
     * The stage's engine, encrypted with the stage's data key: a domain, whose administrator
     * (fine-grained access control's master user) is the reindex, which maps the api's and the
     * indexer's roles; or a Serverless collection, whose data access policy holds every grant.
     */
    private static SearchEngine engine(
            Construct scope, StageConfig stage, Blueprint blueprint, DataStack data, ApiFunction reindex) {
        StageConfig.Search size = stage.search();
        if (size.serverless()) {
            SearchCollection collection = new SearchCollection(
                    scope,
                    "Search",
                    SearchCollectionProps.builder()
                            .encryptionKey(data.stageKey())
                            .collectionName(domainName(blueprint, stage))
                            .standbyReplicas(size.availabilityZones() > 1)
                            .removalPolicy(stage.removalPolicy())
                            .build());
            if (size.reason() != null) {
                Annotations.of(collection).acknowledgeWarning("@cairn/constructs:standbyReplicas", size.reason());
            }
            return collection;
        }
        SearchDomain domain = new SearchDomain(
                scope,
                "Search",
                SearchDomainProps.builder()
                        .encryptionKey(data.stageKey())
                        .administrator(reindex.getRole())
                        .domainName(domainName(blueprint, stage))
                        .instanceType(size.instanceType())
                        .availabilityZones(size.availabilityZones())
                        .instanceCount(size.availabilityZones())
                        .dedicatedMasterCount(size.dedicatedMasters())
                        .dedicatedMasterType(size.dedicatedMasterType())
                        .volumeSizeGiB(size.volumeGiB())
                        .logRetention(stage.logRetention())
                        .logEncryptionKey(data.stageKey())
                        .removalPolicy(stage.removalPolicy())
                        .build());
        if (size.reason() != null) {
            for (String prop : List.of("availabilityZones", "dedicatedMasterCount")) {
                Annotations.of(domain).acknowledgeWarning("@cairn/constructs:" + prop, size.reason());
            }
        }
        return domain;
    }

    /**
     * {@code cairn-BLUEPRINT-STAGE} when it fits OpenSearch's 28 characters, else null (a unique
     * name from the construct's path).
     */
    static String domainName(Blueprint blueprint, StageConfig stage) {
        String name = "cairn-" + blueprint.name() + "-" + stage.name();
        return name.length() <= 28 && name.matches("[a-z][a-z0-9-]+") ? name : null;
    }

    private static ApiFunction worker(
            Construct scope,
            String id,
            StageConfig stage,
            Blueprint blueprint,
            DataStack data,
            Code appCode,
            String handler,
            String what,
            Duration timeout) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(EnvironmentVariables.STAGE, stage.name());
        environment.put(EnvironmentVariables.BLUEPRINT, blueprint.name());
        for (SearchIndex index : blueprint.searchIndexes()) {
            environment.put(
                    index.table().environmentVariable(),
                    data.tables().get(index.table().name()).getTable().getTableName());
        }
        return new ApiFunction(
                scope,
                id,
                ApiFunctionProps.builder()
                        .code(appCode)
                        .handler(handler)
                        .description("Cairn " + blueprint.name() + " " + what + " (" + stage.name() + ")")
                        .memorySize(FunctionSizes.of(handler))
                        .timeout(timeout)
                        .logRetention(stage.logRetention())
                        .logEncryptionKey(data.stageKey())
                        .environment(environment)
                        .build());
    }
}
