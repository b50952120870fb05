package dev.cairn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.constructs.Compliance;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.EnvironmentVariables;
import dev.cairn.contract.Functions;
import dev.cairn.contract.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/**
 * Search in AWS: the recipe archive (the blueprint with a search index) in each stage, beside the
 * guitar collection (none), synthesized with the five cdk-nag packs.
 */
class SearchStacksTest {
    private static final Map<String, CairnApp.Stacks> STACKS = new LinkedHashMap<>();
    private static Path outdir;
    private static Path serverlessOutdir;
    private static CairnApp.Stacks serverless;

    @BeforeAll
    static void synthesize() throws IOException {
        Path code = Files.createTempDirectory("cairn-code");
        Files.writeString(code.resolve("placeholder.txt"), "the api artifact is injected in tests");
        outdir = Files.createTempDirectory("cairn-cdk-out-search");
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        for (StageConfig stage : StageConfig.STAGES_IN_ORDER) {
            STACKS.put(
                    "recipe-archive/" + stage.name(),
                    CairnApp.build(
                            app,
                            BlueprintStacksTest.configured(stage),
                            Blueprints.RECIPE_ARCHIVE,
                            List.of(),
                            Code.fromAsset(code.toString())));
        }
        STACKS.put(
                "guitar-collection/dev",
                CairnApp.build(
                        app,
                        BlueprintStacksTest.configured(StageConfig.DEV),
                        Blueprints.GUITAR_COLLECTION,
                        List.of(),
                        Code.fromAsset(code.toString())));
        Compliance.applyAllPacks(app);
        app.synth();

        serverlessOutdir = Files.createTempDirectory("cairn-cdk-out-serverless");
        App other =
                new App(AppProps.builder().outdir(serverlessOutdir.toString()).build());
        CrossStackReferences.of(other).consume(ReferenceStrength.STRONG);
        serverless = CairnApp.build(
                other,
                BlueprintStacksTest.configured(StageConfig.PROD).withSearch(StageConfig.Search.serverless(null)),
                Blueprints.RECIPE_ARCHIVE,
                List.of(),
                Code.fromAsset(code.toString()));
        Compliance.applyAllPacks(other);
        other.synth();
    }

    private static List<String> nonCompliant(Path dir, int reports) throws IOException {
        List<String> findings = new ArrayList<>();
        List<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("-NagReport.csv"))
                    .toList();
        }
        assertThat(files).hasSize(reports);
        for (String report : files) {
            for (String row : Files.readAllLines(dir.resolve(report))) {
                if (row.contains("\"Non-Compliant\"")) {
                    findings.add(report + ": " + row);
                }
            }
        }
        return findings;
    }

    private static Template service(String name) {
        return Template.fromStack(STACKS.get(name).service());
    }

    private static Template data(String name) {
        return Template.fromStack(STACKS.get(name).data());
    }

    @Test
    void everySearchStackIsCleanUnderAllFivePacks() throws IOException {
        assertThat(nonCompliant(outdir, 4 * 3 * 5)).isEmpty();
        assertThat(nonCompliant(serverlessOutdir, 3 * 5)).isEmpty();
    }

    @Test
    void aStageMayRunAServerlessCollectionWhoseDataAccessPolicyHoldsTheSameGrants() {
        Template service = Template.fromStack(serverless.service());
        service.resourceCountIs("AWS::OpenSearchService::Domain", 0);
        service.hasResourceProperties(
                "AWS::OpenSearchServerless::Collection",
                Match.objectLike(
                        Map.of("Name", "cairn-recipe-archive-prod", "Type", "SEARCH", "StandbyReplicas", "ENABLED")));
        service.hasResourceProperties(
                "AWS::OpenSearchServerless::SecurityPolicy", Match.objectLike(Map.of("Type", "encryption")));
        String access =
                service.findResources("AWS::OpenSearchServerless::AccessPolicy").toString();
        assertThat(access)
                .contains("ApiServiceRole")
                .contains("SearchIndexerServiceRole")
                .contains("SearchReindexServiceRole")
                .contains("index/cairn-recipe-archive-prod/recipes*");
        Map<String, Object> api = BlueprintStacksTest.environmentOf(service, Functions.API_HANDLER);
        assertThat(api.get(EnvironmentVariables.SEARCH_SIGNING_SERVICE)).isEqualTo("aoss");
        assertThat(api.get(EnvironmentVariables.SEARCH_ENDPOINT).toString()).contains("CollectionEndpoint");
        assertThat(policyOf(service, "ApiServiceRole"))
                .contains("aoss:APIAccessAll")
                .doesNotContain("es:ESHttp");
    }

    @Test
    void onlyTheSearchableTableHasAStreamWithOldAndNewImages() {
        Template recipes = data("recipe-archive/prod");
        recipes.resourcePropertiesCountIs(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of("StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"))),
                1);
        recipes.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "KeySchema",
                        List.of(
                                Map.of(
                                        "AttributeName",
                                        Tables.RECIPES.partitionKey().name(),
                                        "KeyType",
                                        "HASH"),
                                Map.of("AttributeName", Tables.RECIPES.sortKey().name(), "KeyType", "RANGE")),
                        "StreamSpecification",
                        Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"))));
        data("guitar-collection/dev")
                .resourcePropertiesCountIs(
                        "AWS::DynamoDB::Table", Match.objectLike(Map.of("StreamSpecification", Match.anyValue())), 0);
    }

    @Test
    void blueprintsWithoutSearchGetNoneOfIt() {
        Template service = service("guitar-collection/dev");
        service.resourceCountIs("AWS::OpenSearchService::Domain", 0);
        service.resourceCountIs("AWS::Lambda::EventSourceMapping", 0);
        service.resourceCountIs("AWS::Logs::ResourcePolicy", 0);
        assertThat(BlueprintStacksTest.environmentOf(service, Functions.API_HANDLER))
                .doesNotContainKeys(EnvironmentVariables.SEARCH_ENDPOINT, EnvironmentVariables.SEARCH_SIGNING_SERVICE);
        assertThat(service.findResources("AWS::Lambda::Function").toString())
                .doesNotContain(Functions.SEARCH_INDEXER_HANDLER)
                .doesNotContain(Functions.SEARCH_REINDEX_HANDLER);
        assertThat(STACKS.get("guitar-collection/dev").service().search()).isNull();
    }

    @Test
    void devAndStagingRunOneSmallNodeAndProdTwoZonesWithThreeMasters() {
        for (String stage : List.of("dev", "staging")) {
            service("recipe-archive/" + stage)
                    .hasResourceProperties(
                            "AWS::OpenSearchService::Domain",
                            Match.objectLike(Map.of(
                                    "DomainName",
                                    "cairn-recipe-archive-" + stage,
                                    "ClusterConfig",
                                    Map.of(
                                            "InstanceType",
                                            "t3.small.search",
                                            "InstanceCount",
                                            1,
                                            "ZoneAwarenessEnabled",
                                            false,
                                            "DedicatedMasterEnabled",
                                            false))));
        }
        service("recipe-archive/prod")
                .hasResource(
                        "AWS::OpenSearchService::Domain",
                        Match.objectLike(Map.of(
                                "DeletionPolicy",
                                "Retain",
                                "Properties",
                                Match.objectLike(Map.of(
                                        "DomainName",
                                        "cairn-recipe-archive-prod",
                                        "ClusterConfig",
                                        Map.of(
                                                "InstanceType",
                                                "m7g.large.search",
                                                "InstanceCount",
                                                2,
                                                "ZoneAwarenessEnabled",
                                                true,
                                                "ZoneAwarenessConfig",
                                                Map.of("AvailabilityZoneCount", 2),
                                                "DedicatedMasterEnabled",
                                                true,
                                                "DedicatedMasterType",
                                                "m7g.large.search",
                                                "DedicatedMasterCount",
                                                3))))));
        service("recipe-archive/dev")
                .hasResource("AWS::OpenSearchService::Domain", Match.objectLike(Map.of("DeletionPolicy", "Delete")));
    }

    @Test
    void theDomainIsEncryptedWithTheStageKeyAndAnswersOnlySignedTls12() {
        for (StageConfig stage : StageConfig.STAGES_IN_ORDER) {
            String name = "recipe-archive/" + stage.name();
            String key = STACKS.get(name)
                    .data()
                    .resolve(STACKS.get(name).data().stageKey().getKeyArn())
                    .toString();
            assertThat(key).contains(StageKey.DATA_STACK_LOGICAL_ID);
            Template service = service(name);
            service.hasResourceProperties(
                    "AWS::OpenSearchService::Domain",
                    Match.objectLike(Map.of(
                            "EncryptionAtRestOptions",
                            Match.objectLike(Map.of(
                                    "Enabled",
                                    true,
                                    "KmsKeyId",
                                    Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*MediaKey.*")))),
                            "NodeToNodeEncryptionOptions",
                            Map.of("Enabled", true),
                            "DomainEndpointOptions",
                            Map.of("EnforceHTTPS", true, "TLSSecurityPolicy", "Policy-Min-TLS-1-2-PFS-2023-10"),
                            "AdvancedSecurityOptions",
                            Match.objectLike(Map.of(
                                    "Enabled",
                                    true,
                                    "InternalUserDatabaseEnabled",
                                    false,
                                    "MasterUserOptions",
                                    Map.of(
                                            "MasterUserARN",
                                            Map.of(
                                                    "Fn::GetAtt",
                                                    List.of(
                                                            Match.stringLikeRegexp("SearchReindexServiceRole.*"),
                                                            "Arn"))))))));
            service.resourceCountIs("AWS::Logs::ResourcePolicy", 1);
        }
    }

    @Test
    void theDomainLetsInOnlyTheApiTheIndexerAndTheReindex() {
        Map<String, Map<String, Object>> domains =
                service("recipe-archive/prod").findResources("AWS::OpenSearchService::Domain");
        String policy = domains.values().iterator().next().get("Properties").toString();
        String accessPolicies = policy.substring(policy.indexOf("AccessPolicies="));
        assertThat(accessPolicies)
                .contains("ApiServiceRole")
                .contains("SearchIndexerServiceRole")
                .contains("SearchReindexServiceRole")
                .doesNotContain("AWS=*");
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>)
                ((Map<String, Object>) domains.values().iterator().next().get("Properties")).get("AccessPolicies");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> statements = (List<Map<String, Object>>) document.get("Statement");
        List<String> principals = statements.stream()
                .map(s -> s.get("Principal").toString().replaceAll(".*GetAtt=\\[(\\w+?)[0-9A-F]{8}.*", "$1"))
                .distinct()
                .sorted()
                .toList();
        assertThat(principals)
                .containsExactly("ApiServiceRole", "SearchIndexerServiceRole", "SearchReindexServiceRole");
    }

    @Test
    void theApiSearchesTheRecipesAliasAndNeverWritesAnIndex() {
        Template service = service("recipe-archive/prod");
        Map<String, Object> api = BlueprintStacksTest.environmentOf(service, Functions.API_HANDLER);
        assertThat(api).containsKeys(EnvironmentVariables.SEARCH_ENDPOINT);
        assertThat(api.get(EnvironmentVariables.SEARCH_SIGNING_SERVICE)).isEqualTo("es");
        assertThat(api.get(EnvironmentVariables.SEARCH_ENDPOINT).toString())
                .contains("https://")
                .contains("DomainEndpoint");
        String policy = policyOf(service, "ApiServiceRole");
        assertThat(policy)
                .contains("es:ESHttpGet")
                .contains("es:ESHttpPost")
                .contains("/recipes/_search")
                .doesNotContain("es:ESHttpPut")
                .doesNotContain("es:ESHttpDelete")
                .doesNotContain("_bulk")
                .doesNotContain("_aliases");
    }

    @Test
    void theIndexerReadsTheStreamInBatchesAndDescribesWhatFailsInAnEncryptedQueueThatAlarms() {
        Template service = service("recipe-archive/prod");
        service.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        service.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Match.objectLike(Map.of(
                        "EventSourceArn",
                        Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*RecipesTable.*StreamArn.*")),
                        "StartingPosition",
                        "TRIM_HORIZON",
                        "BatchSize",
                        SearchTier.BATCH_SIZE,
                        "FunctionResponseTypes",
                        List.of("ReportBatchItemFailures"),
                        "BisectBatchOnFunctionError",
                        true,
                        "MaximumRetryAttempts",
                        SearchTier.RETRY_ATTEMPTS,
                        "MaximumRecordAgeInSeconds",
                        6 * 3600,
                        "DestinationConfig",
                        Map.of(
                                "OnFailure",
                                Map.of(
                                        "Destination",
                                        Map.of(
                                                "Fn::GetAtt",
                                                List.of(
                                                        Match.stringLikeRegexp("SearchIndexerDeadLetterQueue.*"),
                                                        "Arn")))))));
        service.hasResourceProperties(
                "AWS::SQS::Queue",
                Match.objectLike(Map.of("SqsManagedSseEnabled", true, "MessageRetentionPeriod", 14 * 24 * 3600)));
        service.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "MetricName",
                        "ApproximateNumberOfMessagesVisible",
                        "Dimensions",
                        List.of(Map.of(
                                "Name",
                                "QueueName",
                                "Value",
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of(
                                                Match.stringLikeRegexp("SearchIndexerDeadLetterQueue.*"),
                                                "QueueName")))))));
        Map<String, Object> indexer = BlueprintStacksTest.environmentOf(service, Functions.SEARCH_INDEXER_HANDLER);
        assertThat(indexer)
                .containsKeys(
                        EnvironmentVariables.SEARCH_ENDPOINT,
                        EnvironmentVariables.SEARCH_SIGNING_SERVICE,
                        Tables.RECIPES.environmentVariable());
        String policy = policyOf(service, "SearchIndexerServiceRole");
        assertThat(policy)
                .contains("dynamodb:GetRecords")
                .contains("es:ESHttpPut")
                .contains("/recipes*")
                .doesNotContain("dynamodb:Scan")
                .doesNotContain("dynamodb:PutItem");
    }

    @Test
    void theReindexScansOnlyTheSearchableTableWithALongerTimeout() {
        Template service = service("recipe-archive/prod");
        service.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of("Handler", Functions.SEARCH_REINDEX_HANDLER, "Timeout", 900)));
        Map<String, Object> reindex = BlueprintStacksTest.environmentOf(service, Functions.SEARCH_REINDEX_HANDLER);
        assertThat(reindex)
                .containsKeys(
                        EnvironmentVariables.SEARCH_ENDPOINT,
                        EnvironmentVariables.SEARCH_SIGNING_SERVICE,
                        Tables.RECIPES.environmentVariable());
        String policy = policyOf(service, "SearchReindexServiceRole");
        assertThat(policy).contains("dynamodb:Scan").contains("RecipesTable").doesNotContain("RecipeRevisionsTable");
        assertThat(policy).doesNotContain("dynamodb:PutItem").doesNotContain("dynamodb:DeleteItem");
        // Scan is the reindex's alone.
        service.findResources("AWS::IAM::Policy").forEach((id, resource) -> {
            if (!id.startsWith("SearchReindex")) {
                assertThat(resource.toString()).as(id).doesNotContain("dynamodb:Scan");
            }
        });
    }

    @Test
    void operatorsAndTheReindexCommandFindTheEndpointTheFunctionAndTheRolesToMap() {
        Map<String, Map<String, Object>> outputs =
                service("recipe-archive/staging").findOutputs("*");
        assertThat(outputs.keySet())
                .contains("SearchEndpoint", "SearchReindexFunction", "SearchReaderRoleArn", "SearchWriterRoleArn");
        assertThat(service("guitar-collection/dev").findOutputs("*").keySet())
                .noneMatch(key -> key.startsWith("Search"));
    }

    /**
     * Fine-grained access control's role mappings are no CloudFormation resource: a custom resource
     * served by the reindex (the master user) maps the api's and the indexer's roles, after the
     * domain exists, again whenever the roles or the reindex's code change. A collection needs none.
     */
    @Test
    void aDeploymentMapsTheApiAndIndexerRolesOnTheDomainThroughTheReindex() {
        for (StageConfig stage : StageConfig.STAGES_IN_ORDER) {
            Template service = service("recipe-archive/" + stage.name());
            Map<String, Map<String, Object>> mappings = service.findResources(SearchTier.ROLE_MAPPINGS_TYPE);
            assertThat(mappings).as(stage.name()).hasSize(1);
            Map<String, Object> resource = mappings.values().iterator().next();
            String properties = resource.get("Properties").toString();
            assertThat(properties)
                    .contains("ServiceToken={Ref=SearchReindexLiveAlias")
                    .contains("ReaderRoleArn={Fn::GetAtt=[ApiServiceRole")
                    .contains("WriterRoleArn={Fn::GetAtt=[SearchIndexerServiceRole")
                    .contains("Indexes=recipes")
                    .contains("ReindexVersion={Fn::GetAtt=[SearchReindexCurrentVersion");
            assertThat(resource.get("DependsOn").toString()).contains("Search");
            assertThat(service.findResources("AWS::OpenSearchService::Domain").keySet())
                    .allSatisfy(domain ->
                            assertThat(resource.get("DependsOn").toString()).contains(domain));
        }
        assertThat(Template.fromStack(serverless.service()).findResources(SearchTier.ROLE_MAPPINGS_TYPE))
                .isEmpty();
        assertThat(service("guitar-collection/dev").findResources(SearchTier.ROLE_MAPPINGS_TYPE))
                .isEmpty();
    }

    private static String policyOf(Template template, String role) {
        return template.findResources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> e.getKey().startsWith(role))
                .map(e -> e.getValue().toString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no policy of " + role));
    }
}
