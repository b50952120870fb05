package dev.cairn.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.constructs.ApiDefaults;
import dev.cairn.constructs.Compliance;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Cors;
import dev.cairn.contract.EnvironmentVariables;
import dev.cairn.contract.Functions;
import dev.cairn.contract.MediaLayout;
import dev.cairn.contract.RoutePolicy;
import dev.cairn.contract.TableDefinition;
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
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/** Every blueprint in every stage, synthesized once with all five cdk-nag packs. */
class BlueprintStacksTest {
    private static final Map<String, CairnApp.Stacks> STACKS = new LinkedHashMap<>();
    private static Path outdir;
    private static Path domainOutdir;
    private static CairnApp.Stacks withDomain;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String DOMAIN = "guitars.example.com";
    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String EMAIL_FROM = "no-reply@mail.example.com";
    static final String ALARM_EMAIL = "ops@example.com";

    /** A stage as an operator configures it: outside dev, a sender and someone to alarm. */
    static StageConfig configured(StageConfig stage) {
        StageConfig here = stage.in(ACCOUNT, REGION);
        return here.needsOwnEmailSender() ? here.withEmailFrom(EMAIL_FROM).withAlarmEmails(List.of(ALARM_EMAIL)) : here;
    }

    @BeforeAll
    static void synthesizeEverything() throws IOException {
        Path code = Files.createTempDirectory("cairn-code");
        Files.writeString(code.resolve("placeholder.txt"), "the api artifact is injected in tests");
        outdir = Files.createTempDirectory("cairn-cdk-out");
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        for (Blueprint blueprint : Blueprints.all()) {
            for (StageConfig stage : StageConfig.STAGES.values()) {
                STACKS.put(
                        blueprint.name() + "/" + stage.name(),
                        CairnApp.build(
                                app,
                                configured(stage),
                                blueprint,
                                List.of("https://app.example.com"),
                                Code.fromAsset(code.toString())));
            }
        }
        Compliance.applyAllPacks(app);
        app.synth();

        domainOutdir = Files.createTempDirectory("cairn-cdk-out-domain");
        App domainApp =
                new App(AppProps.builder().outdir(domainOutdir.toString()).build());
        CrossStackReferences.of(domainApp).consume(ReferenceStrength.STRONG);
        withDomain = CairnApp.build(
                domainApp,
                configured(StageConfig.PROD).withDomain(DOMAIN),
                Blueprints.named("guitar-collection"),
                List.of(),
                Code.fromAsset(code.toString()));
        Compliance.applyAllPacks(domainApp);
        domainApp.synth();
    }

    private static List<String> nagReports(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("-NagReport.csv"))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> nonCompliantRows(Path dir, List<String> reports) throws IOException {
        List<String> findings = new ArrayList<>();
        for (String report : reports) {
            for (String row : Files.readAllLines(dir.resolve(report))) {
                if (row.contains("\"Non-Compliant\"")) {
                    findings.add(report + ": " + row);
                }
            }
        }
        return findings;
    }

    @Test
    void everyStackIsCleanUnderAllFiveNagPacks() throws IOException {
        List<String> reports = nagReports(outdir);
        // 15 blueprint-stage pairs, three stacks each (edge, data, service), five packs.
        assertThat(reports).hasSize(15 * 3 * 5);
        assertThat(nonCompliantRows(outdir, reports)).isEmpty();
        List<String> domainReports = nagReports(domainOutdir);
        assertThat(domainReports).hasSize(3 * 5);
        assertThat(nonCompliantRows(domainOutdir, domainReports)).isEmpty();
    }

    /**
     * Read from each stack's metadata file in the cloud assembly: Annotations.fromStack is far too
     * slow for 48 stacks.
     */
    @Test
    void synthesisLeavesNoWarnings() throws IOException {
        List<String> warnings = new ArrayList<>();
        int stacks = 0;
        for (Path dir : List.of(outdir, domainOutdir)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".metadata.json"))
                        .toList();
            }
            for (Path file : files) {
                stacks++;
                JSON.readTree(file.toFile()).fields().forEachRemaining(path -> path.getValue()
                        .forEach(entry -> {
                            if (entry.path("type").asText().equals("aws:cdk:warning")) {
                                warnings.add(path.getKey() + ": " + entry.path("data"));
                            }
                        }));
            }
        }
        assertThat(stacks).isEqualTo(15 * 3 + 3);
        assertThat(warnings).isEmpty();
    }

    /**
     * The workers' memory as measured and priced (docs/performance.md, "Worker functions"): a
     * change here is a new measurement, not a tweak.
     */
    @Test
    void everyWorkerHasTheMemoryItsMeasurementChose() {
        Map<String, Integer> chosen = Map.of(
                Functions.POST_CONFIRMATION_HANDLER, 1024,
                Functions.ACCESS_TOKEN_SCOPE_HANDLER, 1024,
                Functions.MEDIA_PROCESSOR_HANDLER, 1769,
                Functions.REVALIDATION_HANDLER, 512,
                Functions.SEARCH_INDEXER_HANDLER, 512,
                Functions.SEARCH_REINDEX_HANDLER, 1024);
        Map<String, Integer> seen = new LinkedHashMap<>();
        STACKS.forEach((name, stacks) -> {
            for (Stack stack : List.of(stacks.data(), stacks.service())) {
                Template.fromStack(stack)
                        .findResources("AWS::Lambda::Function")
                        .values()
                        .forEach(function -> {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> properties = (Map<String, Object>) function.get("Properties");
                            Object handler = properties.get("Handler");
                            if (chosen.containsKey(handler)) {
                                assertThat(properties.get("MemorySize"))
                                        .as(name + " " + handler)
                                        .isEqualTo(chosen.get(handler));
                                seen.merge((String) handler, 1, Integer::sum);
                            }
                        });
            }
        });
        assertThat(seen).as("every worker is deployed by some blueprint").containsOnlyKeys(chosen.keySet());
        assertThat(FunctionSizes.BY_HANDLER).isEqualTo(chosen);
    }

    @Test
    void outsideDevEveryStatefulResourceIsRetainedAndProtected() {
        STACKS.forEach((name, stacks) -> {
            Template data = Template.fromStack(stacks.data());
            boolean retained = !name.endsWith("/dev");
            String policy = retained ? "Retain" : "Delete";
            for (String type :
                    List.of("AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::Cognito::UserPool", "AWS::KMS::Key")) {
                data.allResources(type, Match.objectLike(Map.of("DeletionPolicy", policy)));
            }
            data.allResourcesProperties(
                    "AWS::DynamoDB::Table", Match.objectLike(Map.of("DeletionProtectionEnabled", retained)));
            data.allResourcesProperties(
                    "AWS::Cognito::UserPool",
                    Match.objectLike(Map.of("DeletionProtection", retained ? "ACTIVE" : "INACTIVE")));
            assertThat(stacks.data().getTerminationProtection()).as(name).isEqualTo(retained);
            // The service stack's buckets (site, CDN logs) are kept outside dev as well.
            Template service = Template.fromStack(stacks.service());
            if (retained) {
                service.allResources("AWS::S3::Bucket", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
            }
        });
    }

    @Test
    void eachBlueprintGetsExactlyItsTablesWithTheSeedsKeys() {
        Template guitars =
                Template.fromStack(STACKS.get("guitar-collection/prod").data());
        guitars.resourceCountIs("AWS::DynamoDB::Table", 3);
        guitars.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "KeySchema",
                                List.of(
                                        Map.of("AttributeName", "userId", "KeyType", "HASH"),
                                        Map.of("AttributeName", "guitarId", "KeyType", "RANGE")),
                        "GlobalSecondaryIndexes",
                                List.of(Match.objectLike(Map.of(
                                        "IndexName",
                                        "brand-userId-index",
                                        "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "brand", "KeyType", "HASH"),
                                                Map.of("AttributeName", "userId", "KeyType", "RANGE"))))))));
        Template portfolio =
                Template.fromStack(STACKS.get("photo-portfolio/prod").data());
        portfolio.resourceCountIs("AWS::DynamoDB::Table", 5);
        portfolio.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "AttributeDefinitions",
                        Match.arrayWith(List.of(Map.of("AttributeName", "order", "AttributeType", "N"))))));
        Template.fromStack(STACKS.get("retreat-audio/dev").data()).resourceCountIs("AWS::DynamoDB::Table", 5);
        Template.fromStack(STACKS.get("personal-site/dev").data()).resourceCountIs("AWS::DynamoDB::Table", 6);
        Template.fromStack(STACKS.get("recipe-archive/dev").data()).resourceCountIs("AWS::DynamoDB::Table", 4);
    }

    @Test
    void apiKeysPassTheGatewayOnlyWhereTheBlueprintHasThem() {
        Template site = Template.fromStack(STACKS.get("personal-site/prod").service());
        site.hasResourceProperties(
                "AWS::ApiGatewayV2::Route",
                Match.objectLike(Map.of("RouteKey", "ANY /api/notes/{proxy+}", "AuthorizationType", "NONE")));
        site.hasResourceProperties(
                "AWS::ApiGatewayV2::Route",
                Match.objectLike(Map.of("RouteKey", "ANY /{proxy+}", "AuthorizationType", "JWT")));
        assertThat(site.findResources(
                                "AWS::ApiGatewayV2::Route",
                                Match.objectLike(Map.of(
                                        "Properties",
                                        Match.objectLike(
                                                Map.of("RouteKey", Match.stringLikeRegexp(".*/api/(keys|user).*"))))))
                        .isEmpty())
                .isTrue();
        Template guitars =
                Template.fromStack(STACKS.get("guitar-collection/prod").service());
        assertThat(guitars.findResources(
                                "AWS::ApiGatewayV2::Route",
                                Match.objectLike(Map.of(
                                        "Properties",
                                        Match.objectLike(Map.of("RouteKey", Match.stringLikeRegexp("ANY /api/.*"))))))
                        .isEmpty())
                .isTrue();
        Template.fromStack(STACKS.get("personal-site/prod").data())
                .hasResourceProperties(
                        "AWS::DynamoDB::Table",
                        Match.objectLike(Map.of(
                                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))));
    }

    @Test
    void theApiFunctionRunsOnSnapStartBehindTheLiveAlias() {
        STACKS.forEach((name, stacks) -> {
            Template service = Template.fromStack(stacks.service());
            service.hasResourceProperties(
                    "AWS::Lambda::Function",
                    Match.objectLike(Map.of(
                            "Runtime",
                            "java25",
                            "Handler",
                            Functions.API_HANDLER,
                            "SnapStart",
                            Map.of("ApplyOn", "PublishedVersions"))));
            service.hasResourceProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
        });
    }

    @Test
    void theApiFunctionGetsEveryTableItsBlueprintHas() {
        STACKS.forEach((name, stacks) -> {
            Map<String, Map<String, Object>> functions = Template.fromStack(stacks.service())
                    .findResources(
                            "AWS::Lambda::Function",
                            Match.objectLike(
                                    Map.of("Properties", Match.objectLike(Map.of("Handler", Functions.API_HANDLER)))));
            assertThat(functions).hasSize(1);
            String rendered = functions.values().iterator().next().toString();
            Blueprint blueprint = Blueprints.named(name.substring(0, name.indexOf('/')));
            for (TableDefinition table : blueprint.allTables()) {
                assertThat(rendered).as(name).contains(table.environmentVariable());
            }
            assertThat(rendered)
                    .contains(EnvironmentVariables.USER_POOL_ID)
                    .contains(EnvironmentVariables.CLIENT_ID)
                    .contains(EnvironmentVariables.MEDIA_BUCKET)
                    .contains("CAIRN_STAGE=" + name.substring(name.indexOf('/') + 1));
        });
    }

    @Test
    void noIamStatementGrantsEverything() {
        STACKS.forEach((name, stacks) -> {
            for (Stack stack : stacks.all()) {
                Map<String, Map<String, Object>> policies =
                        Template.fromStack(stack).findResources("AWS::IAM::Policy");
                assertThat(policies.toString())
                        .as(stack.getStackName())
                        .doesNotContain("Action=*,")
                        .doesNotContain("Action=[*]");
                // Only the search reindex scans (its table, to rebuild the index); request paths never do.
                policies.forEach((id, policy) -> assertThat(id.startsWith("SearchReindex")
                                || !policy.toString().contains("dynamodb:Scan"))
                        .as(stack.getStackName() + " " + id)
                        .isTrue());
            }
        });
    }

    @Test
    void alarmThresholdsFollowTheStage() {
        Template.fromStack(STACKS.get("guitar-collection/prod").service())
                .hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("Threshold", 500)));
        Template.fromStack(STACKS.get("guitar-collection/staging").service())
                .hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("Threshold", 800)));
        // The budget is 150 % of the committed estimate, rounded up.
        double estimate = CostEstimates.estimateUsd("guitar-collection", "prod");
        assertThat(CostEstimates.budgetUsd(StageConfig.PROD, "guitar-collection"))
                .isEqualTo(Math.ceil(estimate * CostEstimates.BUDGET_SHARE));
        Template.fromStack(STACKS.get("guitar-collection/prod").service())
                .hasResourceProperties(
                        "AWS::Budgets::Budget",
                        Match.objectLike(Map.of(
                                "Budget",
                                Match.objectLike(Map.of(
                                        "BudgetLimit",
                                        Map.of(
                                                "Amount",
                                                CostEstimates.budgetUsd(StageConfig.PROD, "guitar-collection"),
                                                "Unit",
                                                "USD"))))));
        // A stage's own amount wins.
        assertThat(CostEstimates.budgetUsd(StageConfig.PROD.withBudget(80), "guitar-collection"))
                .isEqualTo(80);
    }

    @Test
    void theApiFunctionGetsTheCdnDomainInEveryStage() {
        STACKS.forEach((name, stacks) -> {
            Template service = Template.fromStack(stacks.service());
            Map<String, Object> variables = environmentOf(service, Functions.API_HANDLER);
            // No custom domain: the distribution's own name, from the same stack.
            assertThat(variables.get(EnvironmentVariables.CDN_DOMAIN))
                    .as(name)
                    .hasToString("{Fn::GetAtt=["
                            + logicalId(stacks.service(), stacks.service().cdn().getDistribution()) + ", DomainName]}");
        });
        Map<String, Object> variables = environmentOf(Template.fromStack(withDomain.service()), Functions.API_HANDLER);
        assertThat(variables.get(EnvironmentVariables.CDN_DOMAIN)).isEqualTo(DOMAIN);
    }

    @Test
    void theApiFunctionReceivesTheOriginVerifySecretThatCloudFrontSends() {
        ServiceStack stack = STACKS.get("photo-portfolio/staging").service();
        Template service = Template.fromStack(stack);
        Map<String, Object> variables = environmentOf(service, Functions.API_HANDLER);
        String secret = logicalId(stack, stack.getNode().findChild("OriginVerify"));
        assertThat(variables.get(ApiDefaults.ORIGIN_VERIFY_SECRET_ARN_ENV)).hasToString("{Ref=" + secret + "}");
        assertThat(variables.get(ApiDefaults.ORIGIN_VERIFY_HEADER_ENV)).isEqualTo("X-Origin-Verify");
        String distribution =
                service.findResources("AWS::CloudFront::Distribution").toString();
        assertThat(distribution).contains("HeaderName=X-Origin-Verify").contains("{{resolve:secretsmanager:");
    }

    @Test
    void theEdgeStackIsInUsEast1AndItsWebAclGuardsTheDistribution() {
        STACKS.forEach((name, stacks) -> {
            assertThat(stacks.edge().getRegion()).isEqualTo("us-east-1");
            assertThat(stacks.service().getRegion()).isEqualTo(REGION);
            Template edge = Template.fromStack(stacks.edge());
            if (stacks.edge().firewall() == null) {
                // Dev runs without one by default; the distribution then has no web ACL.
                edge.resourceCountIs("AWS::WAFv2::WebACL", 0);
                assertThat(Template.fromStack(stacks.service())
                                .findResources("AWS::CloudFront::Distribution")
                                .toString())
                        .as(name)
                        .doesNotContain("WebACLId");
                return;
            }
            edge.hasResourceProperties(
                    "AWS::WAFv2::WebACL",
                    Match.objectLike(Map.of(
                            "Scope",
                            "CLOUDFRONT",
                            "Rules",
                            Match.arrayWith(List.of(Match.objectLike(Map.of(
                                    "Name",
                                    "RateLimit",
                                    "Statement",
                                    Map.of(
                                            "RateBasedStatement",
                                            Match.objectLike(
                                                    Map.of("Limit", StageConfig.PROD.wafRequestsPer5Minutes()))))))))));
            edge.resourceCountIs("AWS::CertificateManager::Certificate", 0);
            // A weak cross-region reference to the edge stack's output: no custom resource, no fixed name.
            String acl = Template.fromStack(stacks.service())
                    .findResources("AWS::CloudFront::Distribution")
                    .toString();
            assertThat(acl)
                    .as(name)
                    .contains("WebACLId={Fn::GetStackOutput=")
                    .contains(stacks.edge().getStackName());
            assertThat(stacks.service().getDependencies()).contains(stacks.edge(), stacks.data());
        });
    }

    @Test
    void aCustomDomainGetsItsCertificateAtTheEdge() {
        Template edge = Template.fromStack(withDomain.edge());
        edge.hasResourceProperties(
                "AWS::CertificateManager::Certificate",
                Match.objectLike(Map.of("DomainName", DOMAIN, "ValidationMethod", "DNS")));
        String distribution = Template.fromStack(withDomain.service())
                .findResources("AWS::CloudFront::Distribution")
                .toString();
        assertThat(distribution)
                .contains("Aliases=[" + DOMAIN + "]")
                .contains("AcmCertificateArn={Fn::GetStackOutput=");
    }

    @Test
    void theApiFunctionAdministersItsOwnPoolsAccountsAndNoMore() {
        STACKS.forEach((name, stacks) -> {
            Template template = Template.fromStack(stacks.service());
            String policy = policyOf(template, stacks.service().api()).toString();
            List<String> actions = new ArrayList<>();
            java.util.regex.Matcher matcher =
                    java.util.regex.Pattern.compile("cognito-idp:[A-Za-z]+").matcher(policy);
            while (matcher.find()) {
                actions.add(matcher.group());
            }
            assertThat(actions)
                    .as(name)
                    .containsExactly(
                            "cognito-idp:AdminGetUser",
                            "cognito-idp:AdminDeleteUser",
                            "cognito-idp:AdminInitiateAuth",
                            "cognito-idp:AdminRespondToAuthChallenge",
                            "cognito-idp:DescribeUserPoolClient",
                            "cognito-idp:AdminUserGlobalSignOut",
                            "cognito-idp:AdminDisableUser",
                            "cognito-idp:AdminSetUserMFAPreference");
            String pool = logicalId(stacks.data(), stacks.data().auth().getUserPool());
            assertThat(policy)
                    .as(name)
                    .containsPattern(
                            "cognito-idp:AdminSetUserMFAPreference\\], Effect=Allow, Resource=\\{Fn::ImportValue=[^}]*"
                                    + pool + "Arn");
        });
    }

    @Test
    void thePostConfirmationTriggerCreatesProfilesAndNothingElse() {
        STACKS.forEach((name, stacks) -> {
            DataStack data = stacks.data();
            Template template = Template.fromStack(data);
            Map<String, Object> variables = environmentOf(template, Functions.POST_CONFIRMATION_HANDLER);
            assertThat(variables)
                    .containsKeys(EnvironmentVariables.STAGE, EnvironmentVariables.BLUEPRINT, "DYNAMODB_TABLE_USERS");
            String alias = logicalId(data, data.postConfirmation().getAlias());
            template.hasResourceProperties(
                    "AWS::Cognito::UserPool",
                    Match.objectLike(Map.of("LambdaConfig", Map.of("PostConfirmation", Map.of("Ref", alias)))));
            assertThat(dynamoDbActions(template, data.postConfirmation()))
                    .as(name)
                    .containsExactly("dynamodb:PutItem");
        });
    }

    @Test
    void theTokenTriggerIsAttachedAsV2AndKnowsTheInternalClientOnlyByItsParametersName() {
        STACKS.forEach((name, stacks) -> {
            DataStack data = stacks.data();
            Template template = Template.fromStack(data);
            String parameterName = "/cairn/" + name + "/internal-client-id";
            assertThat(environmentOf(template, Functions.ACCESS_TOKEN_SCOPE_HANDLER))
                    .as(name)
                    .isEqualTo(Map.of(EnvironmentVariables.INTERNAL_CLIENT_ID_PARAMETER, parameterName));
            template.hasResourceProperties(
                    "AWS::Cognito::UserPool",
                    Match.objectLike(Map.of(
                            "LambdaConfig",
                            Match.objectLike(Map.of(
                                    "PreTokenGenerationConfig",
                                    Map.of(
                                            "LambdaArn",
                                            Map.of(
                                                    "Ref",
                                                    logicalId(
                                                            data,
                                                            data.accessTokenScopes()
                                                                    .getAlias())),
                                            "LambdaVersion",
                                            "V2_0"))))));
            String client = logicalId(data, data.internalClient());
            template.hasResourceProperties(
                    "AWS::Cognito::UserPoolClient",
                    Match.objectLike(Map.of(
                            "GenerateSecret",
                            true,
                            "ExplicitAuthFlows",
                            List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                            "AccessTokenValidity",
                            5,
                            "RefreshTokenValidity",
                            60)));
            template.hasResourceProperties(
                    "AWS::SSM::Parameter",
                    Match.objectLike(Map.of("Name", parameterName, "Type", "String", "Value", Map.of("Ref", client))));
            // Read by name: the grant's ARN is built from it, not from the parameter (no cycle).
            String policy = policyOf(template, data.accessTokenScopes()).toString();
            assertThat(policy)
                    .as(name)
                    .contains("ssm:GetParameter", ":parameter" + parameterName)
                    .doesNotContain("cognito-idp:", "dynamodb:");
            // The api signs in on it, but does not accept its tokens.
            Map<String, Object> api = environmentOf(Template.fromStack(stacks.service()), Functions.API_HANDLER);
            assertThat(api.get(EnvironmentVariables.INTERNAL_CLIENT_ID).toString())
                    .as(name)
                    .contains(client);
            assertThat(api.get(EnvironmentVariables.CLIENT_ID).toString())
                    .as(name)
                    .doesNotContain(client);
        });
    }

    @Test
    void optimizeRewritesOriginalsInPlaceAndTheirEventReachesTheProcessor() {
        STACKS.forEach((name, stacks) -> {
            ServiceStack service = stacks.service();
            Template template = Template.fromStack(service);
            // The api copies an original onto itself (read, write) and deletes the version it replaced.
            assertThat(policyOf(template, service.api()).toString())
                    .as(name)
                    .contains("s3:GetObject*", "s3:PutObject", "s3:DeleteObject*", "s3:List*", "/images/*");
            // The processor's rule takes every Object Created of an original, a copy as well as an upload.
            assertThat(template.findResources("AWS::Events::Rule").toString())
                    .as(name)
                    .contains("Object Created")
                    .doesNotContain("reason");
        });
    }

    @Test
    void theMediaProcessorRunsOnNewOriginalsWithItsOwnGrants() {
        STACKS.forEach((name, stacks) -> {
            ServiceStack service = stacks.service();
            Template template = Template.fromStack(service);
            Map<String, Object> variables = environmentOf(template, Functions.MEDIA_PROCESSOR_HANDLER);
            assertThat(variables)
                    .containsKeys(
                            EnvironmentVariables.MEDIA_BUCKET,
                            EnvironmentVariables.CDN_DOMAIN,
                            "DYNAMODB_TABLE_IMAGES",
                            EnvironmentVariables.STAGE,
                            EnvironmentVariables.BLUEPRINT);
            template.hasResourceProperties(
                    "AWS::Events::Rule",
                    Match.objectLike(Map.of(
                            "EventPattern",
                            Match.objectLike(Map.of(
                                    "detail-type",
                                    List.of("Object Created"),
                                    "detail",
                                    Match.objectLike(Map.of(
                                            "object",
                                            Map.of(
                                                    "key",
                                                    List.of(
                                                            Map.of(
                                                                    "wildcard",
                                                                    MediaLayout.ORIGINAL_EVENT_PATTERN))))))),
                            "Targets",
                            List.of(Match.objectLike(Map.of(
                                    "Arn",
                                    Map.of(
                                            "Ref",
                                            logicalId(
                                                    service,
                                                    service.mediaProcessor().getAlias())),
                                    "DeadLetterConfig",
                                    Match.anyValue()))))));
            assertThat(dynamoDbActions(template, service.mediaProcessor()))
                    .as(name)
                    .containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem");
            String policy = policyOf(template, service.mediaProcessor()).toString();
            assertThat(policy).contains("/images/*").doesNotContain("/uploads/*");
            // The bucket (data stack) sends its events to EventBridge; the rule is the service stack's.
            Template.fromStack(stacks.data())
                    .hasResourceProperties(
                            "AWS::S3::Bucket",
                            Match.objectLike(Map.of(
                                    "NotificationConfiguration",
                                    Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", true)))));
        });
    }

    @Test
    void workersAreWatchedByAlarms() {
        Template service = Template.fromStack(STACKS.get("retreat-audio/prod").service());
        String alarms = service.findResources("AWS::CloudWatch::Alarm").toString();
        assertThat(alarms).contains("ApproximateNumberOfMessagesVisible");
        // api, media processor, post-confirmation and token triggers: one error-rate alarm each.
        assertThat(service.findResources(
                                "AWS::CloudWatch::Alarm",
                                Match.objectLike(Map.of(
                                        "Properties",
                                        Match.objectLike(Map.of("AlarmDescription", "Lambda error rate above 1.0 %")))))
                        .size())
                .isEqualTo(4);
    }

    @Test
    void onlyBlueprintsWithASiteGetTheSiteBucketAndItsDeployment() {
        Template.fromStack(STACKS.get("guitar-collection/dev").service())
                .resourceCountIs("Custom::CDKBucketDeployment", 1);
        Template.fromStack(STACKS.get("retreat-audio/dev").service()).resourceCountIs("Custom::CDKBucketDeployment", 0);
        assertThat(STACKS.get("retreat-audio/dev").service().site()).isNull();
    }

    /**
     * The tests' stages keep their data in eu-west-1: one key there (the data stack's), one in
     * us-east-1 for the edge stack's logs and alarm topic, none anywhere else.
     */
    @Test
    void eachStageHasOneKeyPerRegionForItsDataAtRest() {
        for (Map.Entry<String, CairnApp.Stacks> entry : STACKS.entrySet()) {
            CairnApp.Stacks stacks = entry.getValue();
            Template.fromStack(stacks.data()).resourceCountIs("AWS::KMS::Key", 1);
            Template.fromStack(stacks.service()).resourceCountIs("AWS::KMS::Key", 0);
            int edgeKeys = stacks.edge().firewall() == null ? 0 : 1;
            Template.fromStack(stacks.edge()).resourceCountIs("AWS::KMS::Key", edgeKeys);
            for (Stack stack : stacks.all()) {
                List<String> references =
                        keyReferences(Template.fromStack(stack).toJSON(), new ArrayList<>());
                assertThat(references)
                        .as(entry.getKey() + " " + stack.getStackName())
                        .allSatisfy(reference ->
                                assertThat(reference).containsAnyOf("StageKey", StageKey.DATA_STACK_LOGICAL_ID));
            }
            // Tables, media bucket, log groups, secrets and the alarm topic all name it.
            List<String> data = keyReferences(Template.fromStack(stacks.data()).toJSON(), new ArrayList<>());
            assertThat(data.size()).as(entry.getKey()).isGreaterThanOrEqualTo(3 + 1 + 2 + 1);
        }
    }

    /** Every value of a property that names a KMS key, anywhere in a template. */
    @SuppressWarnings("unchecked")
    static List<String> keyReferences(Object node, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = entry.getKey().toString();
                if (name.equalsIgnoreCase("KmsKeyId")
                        || name.equalsIgnoreCase("KmsMasterKeyId")
                        || name.equals("KMSMasterKeyArn")) {
                    found.add(entry.getValue().toString());
                } else {
                    keyReferences(entry.getValue(), found);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> keyReferences(item, found));
        }
        return found;
    }

    static Map<String, Object> environmentOf(Template template, String handler) {
        Map<String, Map<String, Object>> functions = template.findResources(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("Handler", handler)))));
        assertThat(functions).as(handler).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties =
                (Map<String, Object>) functions.values().iterator().next().get("Properties");
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) properties.get("Environment");
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) environment.get("Variables");
        return variables;
    }

    private static Map<String, Object> policyOf(Template template, dev.cairn.constructs.ApiFunction function) {
        String role = logicalId(Stack.of(function), function.getRole());
        Map<String, Map<String, Object>> policies = template.findResources(
                "AWS::IAM::Policy",
                Match.objectLike(
                        Map.of("Properties", Match.objectLike(Map.of("Roles", List.of(Map.of("Ref", role)))))));
        assertThat(policies).hasSize(1);
        return policies.values().iterator().next();
    }

    private static List<String> dynamoDbActions(Template template, dev.cairn.constructs.ApiFunction function) {
        List<String> actions = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("dynamodb:[A-Za-z]+")
                .matcher(policyOf(template, function).toString());
        while (matcher.find()) {
            actions.add(matcher.group());
        }
        return actions;
    }

    private static String logicalId(Stack stack, software.constructs.IConstruct construct) {
        software.constructs.IConstruct resource = construct.getNode().getDefaultChild() != null
                ? construct.getNode().getDefaultChild()
                : construct;
        return stack.resolve(((software.amazon.awscdk.CfnElement) resource).getLogicalId())
                .toString();
    }

    @Test
    void outsideDevCodesGoOutThroughSesFromTheStagesSender() {
        STACKS.forEach((name, stacks) -> {
            String pool = Template.fromStack(stacks.data())
                    .findResources("AWS::Cognito::UserPool")
                    .toString();
            if (name.endsWith("/dev")) {
                assertThat(pool).as(name).doesNotContain("EmailSendingAccount=DEVELOPER");
            } else {
                assertThat(pool)
                        .as(name)
                        .contains("EmailSendingAccount=DEVELOPER", "From=" + EMAIL_FROM)
                        .contains(":ses:" + REGION + ":" + ACCOUNT + ":identity/mail.example.com");
            }
        });
    }

    @Test
    void failsIfStagingOrProdHasNoSender() throws IOException {
        Path code = Files.createTempDirectory("cairn-code");
        Files.writeString(code.resolve("placeholder.txt"), "injected");
        for (StageConfig stage : List.of(StageConfig.STAGING, StageConfig.PROD)) {
            App app = new App(AppProps.builder()
                    .outdir(Files.createTempDirectory("cairn-no-sender").toString())
                    .build());
            assertThatThrownBy(() -> CairnApp.build(
                            app, stage, Blueprints.named("recipe-archive"), List.of(), Code.fromAsset(code.toString())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("stage " + stage.name() + " sends sign-up and password-reset codes")
                    .hasMessageContaining("-c emailFrom=");
        }
    }

    @Test
    void cognitosLimitExceededAnswersAlarm() {
        STACKS.forEach((name, stacks) -> {
            Template service = Template.fromStack(stacks.service());
            String logGroup = logicalId(stacks.service(), stacks.service().api().getLogGroup());
            service.hasResourceProperties(
                    "AWS::Logs::MetricFilter",
                    Match.objectLike(Map.of(
                            "LogGroupName",
                            Map.of("Ref", logGroup),
                            "FilterPattern",
                            Match.stringLikeRegexp(".*" + Functions.COGNITO_LIMIT_EXCEEDED + ".*"),
                            "MetricTransformations",
                            List.of(Match.objectLike(
                                    Map.of("MetricNamespace", "Cairn", "MetricName", "CognitoLimitExceeded"))))));
            if (!StageConfig.named(name.substring(name.indexOf('/') + 1))
                    .spending()
                    .alarms()) {
                service.resourceCountIs("AWS::CloudWatch::Alarm", 0);
                return;
            }
            service.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Match.objectLike(Map.of(
                            "Namespace",
                            "Cairn",
                            "MetricName",
                            "CognitoLimitExceeded",
                            "Threshold",
                            0,
                            "EvaluationPeriods",
                            1,
                            "AlarmActions",
                            Match.anyValue())));
        });
    }

    @Test
    void alarmEmailsSubscribeToTheAlarmTopicsOfBothRegions() {
        CairnApp.Stacks prod = STACKS.get("guitar-collection/prod");
        for (Stack stack : List.of(prod.service(), prod.edge())) {
            Template.fromStack(stack)
                    .hasResourceProperties(
                            "AWS::SNS::Subscription",
                            Map.of("Protocol", "email", "Endpoint", ALARM_EMAIL, "TopicArn", Match.anyValue()));
        }
        Template.fromStack(STACKS.get("guitar-collection/dev").service()).resourceCountIs("AWS::SNS::Subscription", 0);
    }

    @Test
    void stagingWithoutAlarmEmailsWarnsThatNobodyIsNotified() throws IOException {
        Path code = Files.createTempDirectory("cairn-code");
        Files.writeString(code.resolve("placeholder.txt"), "injected");
        App app = new App(AppProps.builder()
                .outdir(Files.createTempDirectory("cairn-no-alarms").toString())
                .build());
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        CairnApp.Stacks stacks = CairnApp.build(
                app,
                StageConfig.STAGING.withEmailFrom(EMAIL_FROM),
                Blueprints.named("recipe-archive"),
                List.of(),
                Code.fromAsset(code.toString()));
        software.amazon.awscdk.assertions.Annotations.fromStack(stacks.service())
                .hasWarning(
                        "/" + stacks.service().getStackName(),
                        Match.stringLikeRegexp("NOBODY IS NOTIFIED.*staging.*-c alarmEmail=.*"));
    }

    @Test
    void apiPathsTakeBodiesUpToTheApisLimitAndEightKilobytesStillBlockElsewhere() {
        String rules = Template.fromStack(STACKS.get("recipe-archive/prod").edge())
                .findResources("AWS::WAFv2::WebACL")
                .toString();
        assertThat(rules)
                .contains("Name=SizeRestrictions_BODY")
                .contains("Name=BodySizeRestriction")
                .contains("Name=LargeBodyLimit")
                .contains("SearchString=" + RoutePolicy.API_PATH_PREFIX)
                .contains("Name=content-length");
        assertThat(rules).contains(String.valueOf(RoutePolicy.MAX_BODY_BYTES).substring(0, 6));
        String logging = Template.fromStack(STACKS.get("recipe-archive/prod").edge())
                .findResources("AWS::WAFv2::LoggingConfiguration")
                .toString();
        assertThat(logging).contains("Name=x-api-key", "Name=authorization", "Name=cookie");
    }

    @Test
    void receiptsAreArchivedToGlacierInstantRetrievalByTheirTagAndOldVersionsExpire() {
        STACKS.forEach((name, stacks) -> {
            String bucket = Template.fromStack(stacks.data())
                    .findResources("AWS::S3::Bucket")
                    .get(logicalId(stacks.data(), stacks.data().media().getBucket()))
                    .toString();
            if (name.startsWith("photo-portfolio/")) {
                // Its old versions are archived first, and expire later (see the portfolio's test).
                return;
            }
            assertThat(bucket)
                    .as(name)
                    .contains("Id=ExpireNoncurrentVersions")
                    .contains("NoncurrentDays=" + StageConfig.NONCURRENT_VERSION_DAYS)
                    .doesNotContain("private/receipts/")
                    .doesNotContain("StorageClass=GLACIER,");
            if (name.startsWith("guitar-collection/")) {
                assertThat(bucket)
                        .contains("Id=Archive", "Prefix=private/", "TagFilters=[{Key=cairn:kind, Value=receipt}]")
                        .contains("StorageClass=GLACIER_IR");
            }
        });
    }

    @Test
    void browsersMayUploadFromTheCdnDomainAndTheCustomDomainOutOfTheBox() {
        String cdnDefault = Template.fromStack(
                        STACKS.get("guitar-collection/dev").data())
                .findResources("AWS::S3::Bucket")
                .toString();
        assertThat(cdnDefault).contains("AllowedOrigins=[https://app.example.com, https://*.cloudfront.net]");
        String custom = Template.fromStack(withDomain.data())
                .findResources("AWS::S3::Bucket")
                .toString();
        assertThat(custom).contains("AllowedOrigins=[https://" + DOMAIN + "]").doesNotContain("cloudfront.net");
    }

    @Test
    void browsersOnTheStagesOriginsMayCallTheApiAcrossOrigins() {
        Map<String, Object> cors = Map.of(
                "AllowHeaders",
                Cors.ALLOW_HEADERS,
                "AllowMethods",
                Cors.ALLOW_METHODS,
                "ExposeHeaders",
                List.of("ETag", "X-Request-Id"),
                "MaxAge",
                600,
                "AllowCredentials",
                Match.absent());
        Map<String, Object> withCustomDomain = new LinkedHashMap<>(cors);
        withCustomDomain.put("AllowOrigins", List.of("https://" + DOMAIN));
        Template.fromStack(withDomain.service())
                .hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("CorsConfiguration", withCustomDomain));
        Map<String, Object> withCorsOrigins = new LinkedHashMap<>(cors);
        withCorsOrigins.put("AllowOrigins", List.of("https://app.example.com"));
        Template.fromStack(STACKS.get("guitar-collection/dev").service())
                .hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("CorsConfiguration", withCorsOrigins));
    }

    @Test
    void withoutOriginsTheApiHasNoCorsConfiguration() throws IOException {
        Path code = Files.createTempDirectory("cairn-code");
        Files.writeString(code.resolve("placeholder.txt"), "the api artifact is injected in tests");
        App app = new App(AppProps.builder()
                .outdir(Files.createTempDirectory("cairn-cdk-out-no-cors").toString())
                .build());
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        CairnApp.Stacks stacks = CairnApp.build(
                app,
                configured(StageConfig.DEV),
                Blueprints.named("guitar-collection"),
                List.of(),
                Code.fromAsset(code.toString()));

        assertThat(stacks.data().browserOrigins()).isEmpty();
        Template.fromStack(stacks.service())
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Api", Match.objectLike(Map.of("CorsConfiguration", Match.absent())));
    }

    @Test
    void failsIfTheBlueprintIsUnknown() {
        assertThatThrownBy(() -> Blueprints.named("chess-club"))
                .hasMessageContaining("blueprint must be one of")
                .hasMessageContaining("(value: chess-club)");
    }

    @Test
    void failsIfTheStageIsUnknown() {
        assertThatThrownBy(() -> StageConfig.named("qa"))
                .hasMessageContaining("stage must be one of [dev, prod, staging]")
                .hasMessageContaining("(value: qa)");
    }

    @Test
    void publicReadsPassTheGatewayWithoutTheJwtAuthorizer() {
        Template portfolio =
                Template.fromStack(STACKS.get("photo-portfolio/prod").service());
        for (String route : RoutePolicy.publicRoutes(Blueprints.named("photo-portfolio"))) {
            portfolio.hasResourceProperties(
                    "AWS::ApiGatewayV2::Route",
                    Match.objectLike(Map.of("RouteKey", route, "AuthorizationType", "NONE")));
        }
        assertThat(RoutePolicy.publicRoutes(Blueprints.named("photo-portfolio")))
                .contains("GET /api/projects", "GET /api/pages/{pageId}");
        // Writes on the same paths go through the JWT authorizer's catch-all.
        assertThat(portfolio
                        .findResources(
                                "AWS::ApiGatewayV2::Route",
                                Match.objectLike(Map.of(
                                        "Properties",
                                        Match.objectLike(Map.of(
                                                "RouteKey",
                                                Match.stringLikeRegexp(
                                                        "(POST|PUT|PATCH|DELETE|ANY) /api/(projects|pages).*"))))))
                        .isEmpty())
                .isTrue();
        Template guitars =
                Template.fromStack(STACKS.get("guitar-collection/prod").service());
        assertThat(guitars.findResources(
                                "AWS::ApiGatewayV2::Route",
                                Match.objectLike(Map.of(
                                        "Properties",
                                        Match.objectLike(Map.of(
                                                "RouteKey", Match.stringLikeRegexp(".*/api/(projects|pages).*"))))))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void theCdnPathsOfPublicReadsComeFromTheContract() {
        assertThat(ServiceStack.cachedPathPatterns(Blueprints.named("photo-portfolio")))
                .containsExactly("/api/projects*", "/api/pages/*");
        assertThat(ServiceStack.cachedPathPatterns(Blueprints.named("guitar-collection")))
                .isEmpty();
    }

    @Test
    void theCdnCachesPublicReadsBeforeTheApiAndHonoursTheirCacheControl() {
        STACKS.forEach((name, stacks) -> {
            if (!name.startsWith("photo-portfolio/")) {
                // Only the media cache policy: every API answer passes uncached.
                Template.fromStack(stacks.service()).resourceCountIs("AWS::CloudFront::CachePolicy", 1);
                assertThat(stacks.service().cdn().getApiCachePolicy()).as(name).isNull();
                return;
            }
            ServiceStack service = stacks.service();
            Template template = Template.fromStack(service);
            Map<?, ?> config = (Map<?, ?>) ((Map<?, ?>) template.findResources("AWS::CloudFront::Distribution")
                            .values()
                            .iterator()
                            .next()
                            .get("Properties"))
                    .get("DistributionConfig");
            List<Map<?, ?>> behaviors = ((List<?>) config.get("CacheBehaviors"))
                    .stream().<Map<?, ?>>map(b -> (Map<?, ?>) b).toList();
            List<String> patterns = behaviors.stream()
                    .map(b -> String.valueOf(b.get("PathPattern")))
                    .toList();
            assertThat(patterns).as(name).containsSubsequence("/api/projects*", "/api/pages/*", "/api/*");
            String policy = logicalId(service, service.cdn().getApiCachePolicy());
            for (Map<?, ?> behavior : behaviors) {
                if (List.of("/api/projects*", "/api/pages/*").contains(behavior.get("PathPattern"))) {
                    assertThat(behavior.get("CachePolicyId")).hasToString("{Ref=" + policy + "}");
                    assertThat(behavior.get("AllowedMethods").toString()).contains("POST", "DELETE");
                }
            }
            template.hasResourceProperties(
                    "AWS::CloudFront::CachePolicy",
                    Map.of(
                            "CachePolicyConfig",
                            Match.objectLike(Map.of(
                                    "MinTTL",
                                    0,
                                    "DefaultTTL",
                                    0,
                                    "MaxTTL",
                                    300,
                                    "ParametersInCacheKeyAndForwardedToOrigin",
                                    Match.objectLike(Map.of(
                                            "HeadersConfig",
                                            Map.of(
                                                    "HeaderBehavior",
                                                    "whitelist",
                                                    "Headers",
                                                    List.of("Authorization", "Origin")),
                                            "QueryStringsConfig",
                                            Map.of(
                                                    "QueryStringBehavior",
                                                    "whitelist",
                                                    "QueryStrings",
                                                    ServiceStack.PUBLIC_READ_QUERY_STRINGS)))))));
        });
    }

    @Test
    void adminWritesReachTheRevalidationWorkerThroughAQueueWithADeadLetterQueue() {
        ServiceStack service = STACKS.get("photo-portfolio/prod").service();
        Template template = Template.fromStack(service);
        ServiceStack.Revalidation revalidation = service.revalidation();
        String queue = logicalId(service, revalidation.queue());
        String deadLetters = logicalId(service, revalidation.deadLetterQueue());
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Match.objectLike(Map.of(
                        "SqsManagedSseEnabled",
                        true,
                        "RedrivePolicy",
                        Map.of(
                                "deadLetterTargetArn",
                                Map.of("Fn::GetAtt", List.of(deadLetters, "Arn")),
                                "maxReceiveCount",
                                ServiceStack.REVALIDATION_MAX_RECEIVE_COUNT))));
        // Both queues refuse plain HTTP.
        for (String id : List.of(queue, deadLetters)) {
            template.hasResourceProperties(
                    "AWS::SQS::QueuePolicy",
                    Match.objectLike(Map.of(
                            "Queues",
                            List.of(Map.of("Ref", id)),
                            "PolicyDocument",
                            Match.objectLike(Map.of(
                                    "Statement",
                                    Match.arrayWith(List.of(Match.objectLike(Map.of(
                                            "Effect",
                                            "Deny",
                                            "Condition",
                                            Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
        }
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Match.objectLike(Map.of(
                        "EventSourceArn",
                        Map.of("Fn::GetAtt", List.of(queue, "Arn")),
                        "BatchSize",
                        ServiceStack.REVALIDATION_BATCH_SIZE,
                        "FunctionResponseTypes",
                        List.of("ReportBatchItemFailures"))));
        // The mapping invokes the worker's alias live.
        String mapping =
                template.findResources("AWS::Lambda::EventSourceMapping").toString();
        assertThat(mapping.substring(mapping.indexOf("FunctionName=")))
                .contains("{Ref=" + logicalId(service, revalidation.worker().getAlias()) + "}", ":live");
        // The dead letters alarm like the media processor's.
        assertThat(template.findResources(
                                "AWS::CloudWatch::Alarm",
                                Match.objectLike(Map.of(
                                        "Properties",
                                        Match.objectLike(Map.of(
                                                "MetricName",
                                                "ApproximateNumberOfMessagesVisible",
                                                "Dimensions",
                                                List.of(Map.of(
                                                        "Name",
                                                        "QueueName",
                                                        "Value",
                                                        Map.of("Fn::GetAtt", List.of(deadLetters, "QueueName")))))))))
                        .toString())
                .isNotEqualTo("{}");
        STACKS.forEach((name, stacks) -> {
            if (!name.startsWith("photo-portfolio/")) {
                assertThat(stacks.service().revalidation()).as(name).isNull();
                assertThat(Template.fromStack(stacks.service())
                                .findResources(
                                        "AWS::Lambda::Function",
                                        Match.objectLike(Map.of(
                                                "Properties",
                                                Match.objectLike(Map.of("Handler", Functions.REVALIDATION_HANDLER))))))
                        .as(name)
                        .isEmpty();
                assertThat(environmentOf(Template.fromStack(stacks.service()), Functions.API_HANDLER))
                        .as(name)
                        .doesNotContainKey(EnvironmentVariables.REVALIDATION_QUEUE_URL);
            }
        });
    }

    @Test
    void theRevalidationWorkerInvalidatesOnlyItsDistributionAndReadsOnlyItsSecret() {
        ServiceStack service = STACKS.get("photo-portfolio/staging").service();
        Template template = Template.fromStack(service);
        ServiceStack.Revalidation revalidation = service.revalidation();
        String distribution = logicalId(service, service.cdn().getDistribution());
        String secret = logicalId(service, revalidation.secret());
        Map<String, Object> variables = environmentOf(template, Functions.REVALIDATION_HANDLER);
        assertThat(variables.get(EnvironmentVariables.CDN_DISTRIBUTION_ID)).hasToString("{Ref=" + distribution + "}");
        assertThat(variables.get(EnvironmentVariables.REVALIDATION_SECRET_ARN)).hasToString("{Ref=" + secret + "}");
        // No revalidateUrl in the stage: the worker only invalidates the CDN.
        assertThat(variables).doesNotContainKey(EnvironmentVariables.REVALIDATE_URL);
        String policy = policyOf(template, revalidation.worker()).toString();
        assertThat(policy)
                .contains("Action=cloudfront:CreateInvalidation", ":distribution/, {Ref=" + distribution + "}")
                .contains("secretsmanager:GetSecretValue", "Resource={Ref=" + secret + "}")
                .contains("kms:ViaService")
                .doesNotContain("s3:", "dynamodb:", "sqs:SendMessage");
        // The api function sends to the queue and nothing else of it; SQS-managed encryption needs no key.
        String queue = logicalId(service, revalidation.queue());
        String api = policyOf(template, service.api()).toString();
        assertThat(api).contains("{Action=sqs:SendMessage, Effect=Allow, Resource={Fn::GetAtt=[" + queue + ", Arn]}}");
        assertThat(api).doesNotContain("cloudfront:", "sqs:ReceiveMessage", "sqs:DeleteMessage");
        assertThat(environmentOf(template, Functions.API_HANDLER).get(EnvironmentVariables.REVALIDATION_QUEUE_URL))
                .hasToString("{Ref=" + queue + "}");
        // The generated secret is encrypted with the stage's key, which the data stack holds.
        template.hasResourceProperties(
                "AWS::SecretsManager::Secret",
                Match.objectLike(Map.of(
                        "KmsKeyId",
                        Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*" + StageKey.DATA_STACK_LOGICAL_ID + ".*")),
                        "GenerateSecretString",
                        Match.objectLike(Map.of("PasswordLength", 64)))));
    }

    @Test
    void aStagesRevalidateUrlReachesTheWorker() throws IOException {
        Path code = Files.createTempDirectory("cairn-code");
        Files.writeString(code.resolve("placeholder.txt"), "the api artifact is injected in tests");
        App app = new App(AppProps.builder()
                .outdir(Files.createTempDirectory("cairn-cdk-out-revalidate").toString())
                .build());
        CairnApp.Stacks stacks = CairnApp.build(
                app,
                configured(StageConfig.DEV).withRevalidateUrl("https://www.example.com/api/revalidate"),
                Blueprints.named("photo-portfolio"),
                List.of(),
                Code.fromAsset(code.toString()));
        assertThat(environmentOf(Template.fromStack(stacks.service()), Functions.REVALIDATION_HANDLER)
                        .get(EnvironmentVariables.REVALIDATE_URL))
                .isEqualTo("https://www.example.com/api/revalidate");
        for (String bad :
                List.of("http://www.example.com/hook", "www.example.com/hook", "https:///hook", "not a url")) {
            assertThatThrownBy(() -> StageConfig.DEV.withRevalidateUrl(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(
                            "revalidateUrl must be an absolute https:// URL with a host (value: " + bad + ")");
        }
        assertThat(StageConfig.DEV.revalidateUrl()).isNull();
    }

    @Test
    void thePortfoliosOriginalsStayPrivateAndItsOldVersionsGoToGlacierBeforeTheyExpire() {
        STACKS.forEach((name, stacks) -> {
            Template data = Template.fromStack(stacks.data());
            String policy = data.findResources("AWS::S3::BucketPolicy").toString();
            String bucket = data.findResources("AWS::S3::Bucket")
                    .get(logicalId(stacks.data(), stacks.data().media().getBucket()))
                    .toString();
            assertThat(bucket)
                    .as(name)
                    .contains("Id=AbortIncompleteMultipartUploads", "DaysAfterInitiation=7")
                    .contains("Prefix=images/", "StorageClass=INTELLIGENT_TIERING");
            if (!name.startsWith("photo-portfolio/")) {
                assertThat(policy).as(name).doesNotContain("CdnDeny");
                assertThat(bucket).as(name).doesNotContain("NoncurrentVersionTransitions");
                return;
            }
            assertThat(policy)
                    .as(name)
                    .contains(
                            "{Action=s3:GetObject, Effect=Deny, Principal={Service=cloudfront.amazonaws.com}, Resource={Fn::Join=[, [{Fn::GetAtt=[")
                    .contains("/images/*/*/original.*]]}, Sid=CdnDenyimagesoriginal}");
            // Old versions move to Glacier after 90 days and expire 90 days later (its minimum storage).
            assertThat(bucket)
                    .as(name)
                    .contains("NoncurrentVersionTransitions=[{StorageClass=GLACIER, TransitionInDays=90}]")
                    .contains("NoncurrentVersionExpiration={NoncurrentDays=180}");
        });
    }
}
