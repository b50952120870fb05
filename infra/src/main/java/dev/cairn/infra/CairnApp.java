package dev.cairn.infra;

import dev.cairn.constructs.Compliance;
import dev.cairn.contract.Blueprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.lambda.AssetCode;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/**
 * The CDK app that {@code cdk.json} runs: {@code npx cdk synth -c blueprint=guitar-collection -c
 * stage=dev}, or the account baseline alone with {@code -c accountBaseline=true} ({@link
 * AccountStack}). Context and environment are read here, once; everything below takes typed props.
 */
public final class CairnApp {
    static final String DEFAULT_ARTIFACT = "app/target/cairn-api-lambda.jar";
    /** Context key: {@code -c accountBaseline=true} synthesizes the account stack alone. */
    static final String ACCOUNT_BASELINE = "accountBaseline";
    /** The region of the data and service stacks when neither context nor the CLI names one. */
    static final String DEFAULT_REGION = "us-east-1";

    private CairnApp() {}

    public static void main(String[] args) {
        App app = new App();
        // Data cannot be deleted while a service stack still reads it.
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        if ("true".equalsIgnoreCase(context(app, ACCOUNT_BASELINE, "false"))) {
            // The account baseline alone: no blueprint, so no Lambda artifact either.
            account(app, accountConfig(app));
            Compliance.applyAllPacks(app);
            app.synth();
            return;
        }
        String artifact = context(app, "lambdaArtifact", DEFAULT_ARTIFACT);
        Path jar = Path.of(artifact);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The api function's artifact is missing at " + jar.toAbsolutePath()
                    + ": build it with ./mvnw -pl app -am package -DskipTests");
        }
        StageConfig stage = StageConfig.named(context(app, "stage", "dev"))
                .in(
                        context(app, "account", System.getenv("CDK_DEFAULT_ACCOUNT")),
                        context(app, "region", System.getenv("CDK_DEFAULT_REGION")));
        String domain = context(app, "domainName", "");
        if (!domain.isBlank()) {
            stage = stage.withDomain(domain);
        }
        String siteDir = context(app, "siteDir", "");
        if (!siteDir.isBlank() && !Files.isRegularFile(Path.of(siteDir, "index.html"))) {
            throw new IllegalArgumentException("siteDir must be a folder with an index.html (value: " + siteDir + ")");
        }
        String emailFrom = context(app, "emailFrom", "");
        if (!emailFrom.isBlank()) {
            stage = stage.withEmailFrom(emailFrom.strip());
        }
        stage = stage.withAlarmEmails(commaSeparated(context(app, "alarmEmail", "")));
        String budget = context(app, "budget", "");
        if (!budget.isBlank()) {
            stage = stage.withBudget(Double.parseDouble(budget));
        }
        String webFirewall = context(app, "webFirewall", "");
        if (!webFirewall.isBlank()) {
            stage = stage.withSpending(stage.spending().withWebFirewall(Boolean.parseBoolean(webFirewall.strip())));
        }
        String userPoolPlan = context(app, "userPoolPlan", "");
        if (!userPoolPlan.isBlank()) {
            stage = stage.withSpending(stage.spending()
                    .withUserPoolPlan(FeaturePlan.valueOf(userPoolPlan.strip().toUpperCase(java.util.Locale.ROOT))));
        }
        String revalidateUrl = context(app, "revalidateUrl", "");
        if (!revalidateUrl.isBlank()) {
            stage = stage.withRevalidateUrl(revalidateUrl.strip());
        }
        List<String> corsOrigins = commaSeparated(context(app, "corsOrigins", ""));
        Blueprint blueprint =
                BlueprintFile.resolve(context(app, "blueprint", "guitar-collection"), BlueprintFile.DIRECTORY);
        String site = siteDir.isBlank() ? placeholderSite().toString() : siteDir;
        String connectionArn = context(app, "connectionArn", "");
        if (!connectionArn.isBlank()) {
            // Delivery by CDK Pipelines: the pipeline stack deploys every stage itself.
            StageConfig here = stage;
            pipeline(
                    app,
                    new PipelineStack.Source(
                            connectionArn, context(app, "repository", ""), context(app, "branch", "main")),
                    blueprint,
                    StageConfig.STAGES_IN_ORDER.stream()
                            .map(s -> s.in(here.account(), here.region())
                                    .withEmailFrom(here.emailFrom())
                                    .withAlarmEmails(here.alarmEmails()))
                            .toList(),
                    corsOrigins,
                    Code.fromAsset(jar.toString()),
                    site);
            Compliance.applyAllPacks(app);
            app.synth();
            return;
        }
        build(app, stage, blueprint, corsOrigins, Code.fromAsset(jar.toString()), site);
        Compliance.applyAllPacks(app);
        app.synth();
    }

    /** One blueprint's stacks for one stage, serving the placeholder site. */
    public static Stacks build(
            Construct scope, StageConfig stage, Blueprint blueprint, List<String> corsOrigins, Code appCode) {
        return build(
                scope, stage, blueprint, corsOrigins, appCode, placeholderSite().toString());
    }

    /**
     * One blueprint's stacks for one stage: {@code edge} (us-east-1), {@code data} and
     * {@code service}, named {@code Cairn-BLUEPRINT-STAGE-*}.
     *
     * @param siteSource the folder deployed to the site bucket (blueprints with a site)
     */
    public static Stacks build(
            Construct scope,
            StageConfig stage,
            Blueprint blueprint,
            List<String> corsOrigins,
            Code appCode,
            String siteSource) {
        if (stage.needsOwnEmailSender() && stage.emailFrom() == null) {
            throw new IllegalArgumentException("stage " + stage.name() + " sends sign-up and password-reset codes"
                    + " through Amazon SES, so it needs emailFrom: -c emailFrom=no-reply@example.com (an address"
                    + " whose domain is verified in SES in the stage's region), or emailFrom in StageConfig;"
                    + " Cognito's own mailer stops after about 50 mails a day per account");
        }
        String prefix = "Cairn-" + blueprint.name() + "-" + stage.name();
        // Cross-region references (edge -> service) need explicit regions on both sides.
        String region = stage.region() != null ? stage.region() : DEFAULT_REGION;
        Environment env =
                Environment.builder().account(stage.account()).region(region).build();
        DataStack data = new DataStack(
                scope,
                prefix + "-data",
                StackProps.builder()
                        .env(env)
                        .stackName(prefix + "-data")
                        .terminationProtection(stage.terminationProtection())
                        .description(blueprint.description() + " (" + stage.name() + "): data")
                        .build(),
                stage,
                blueprint,
                corsOrigins,
                perStack(appCode));
        // The edge stack uses the data stack's key when both are in us-east-1.
        EdgeStack edge = new EdgeStack(
                scope,
                prefix + "-edge",
                StackProps.builder()
                        .env(Environment.builder()
                                .account(stage.account())
                                .region(EdgeStack.REGION)
                                .build())
                        .stackName(prefix + "-edge")
                        .description(blueprint.description() + " (" + stage.name() + "): edge")
                        .build(),
                stage,
                blueprint.name(),
                data.stageKey());
        ServiceStack service = new ServiceStack(
                scope,
                prefix + "-service",
                StackProps.builder()
                        .env(env)
                        .stackName(prefix + "-service")
                        .description(blueprint.description() + " (" + stage.name() + "): service and CDN")
                        .build(),
                stage,
                blueprint,
                edge,
                data,
                perStack(appCode),
                siteSource);
        for (var stack : List.of(edge, data, service)) {
            Tags.of(stack).add("cairn:blueprint", blueprint.name());
            Tags.of(stack).add("cairn:stage", stage.name());
        }
        return new Stacks(edge, data, service);
    }

    /** The {@code pipeline} stack of one blueprint, in the pipeline account and region. */
    public static PipelineStack pipeline(
            App app,
            PipelineStack.Source source,
            Blueprint blueprint,
            List<StageConfig> stages,
            List<String> corsOrigins,
            Code appCode,
            String siteSource) {
        StageConfig first = stages.getFirst();
        String region = first.region() != null ? first.region() : DEFAULT_REGION;
        PipelineStack stack = new PipelineStack(
                app,
                "Cairn-" + blueprint.name() + "-pipeline",
                StackProps.builder()
                        .env(Environment.builder()
                                .account(first.account())
                                .region(region)
                                .build())
                        .description(blueprint.description() + ": delivery pipeline (dev, staging, prod)")
                        .build(),
                source,
                blueprint,
                stages.stream()
                        .map(s -> s.region() != null ? s : s.in(s.account(), region))
                        .toList(),
                corsOrigins,
                appCode,
                siteSource);
        Tags.of(stack).add("cairn:blueprint", blueprint.name());
        return stack;
    }

    /**
     * The account baseline's configuration from context: {@code organizationProvides}, {@code
     * audited} (default: the {@code blueprint} in the {@code stage}; {@code none} for no bucket),
     * {@code auditedBuckets}, {@code alarmEmail}, {@code trailRetentionDays}, {@code
     * trailObjectLockDays}, {@code anomalyThresholdUsd}, {@code anomalyMonitorArn}.
     */
    static AccountConfig accountConfig(App app) {
        AccountConfig config = AccountConfig.defaults()
                .in(
                        context(app, "account", System.getenv("CDK_DEFAULT_ACCOUNT")),
                        context(app, "region", System.getenv("CDK_DEFAULT_REGION")))
                .withOrganizationProviding(commaSeparated(context(app, "organizationProvides", "")))
                .withExtraBuckets(commaSeparated(context(app, "auditedBuckets", "")))
                .withAlarmEmails(commaSeparated(context(app, "alarmEmail", "")));
        String audited = context(
                app, "audited", context(app, "blueprint", "guitar-collection") + "/" + context(app, "stage", "dev"));
        config = config.withAudited("none".equals(audited.strip()) ? List.of() : commaSeparated(audited));
        int retention = Integer.parseInt(
                context(app, "trailRetentionDays", String.valueOf(AccountConfig.TRAIL_RETENTION_DAYS)));
        config = config.withTrailRetention(
                retention, Integer.parseInt(context(app, "trailObjectLockDays", String.valueOf(retention))));
        String monitor = context(app, "anomalyMonitorArn", "");
        return config.withAnomalies(
                Double.parseDouble(context(app, "anomalyThresholdUsd", String.valueOf(config.anomalyThresholdUsd()))),
                monitor.isBlank() ? null : monitor.strip());
    }

    /**
     * The account baseline, {@code Cairn-account} ({@code -c accountBaseline=true}): termination
     * protected, in the account's region (us-east-1 when none is given).
     */
    public static AccountStack account(Construct scope, AccountConfig config) {
        AccountStack stack = new AccountStack(
                scope,
                AccountStack.NAME,
                StackProps.builder()
                        .env(Environment.builder()
                                .account(config.account())
                                .region(config.region() != null ? config.region() : DEFAULT_REGION)
                                .build())
                        .stackName(AccountStack.NAME)
                        .terminationProtection(true)
                        .description("Cairn account baseline: audit trail, threat detection, configuration"
                                + " compliance and cost anomaly detection")
                        .build(),
                config);
        Tags.of(stack).add("cairn:baseline", "account");
        return stack;
    }

    /** An asset binds to the first stack that uses it: each stack gets its own, same files. */
    private static Code perStack(Code code) {
        return code instanceof AssetCode asset ? Code.fromAsset(asset.getPath()) : code;
    }

    /**
     * The page deployed when no site build is given ({@code -c siteDir=path/to/dist}): found from
     * the repository root (the CDK CLI, the scripts) or from a module folder (tests).
     */
    static Path placeholderSite() {
        for (String candidate : List.of("infra/site-placeholder", "site-placeholder", "../infra/site-placeholder")) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path.resolve("index.html"))) {
                return path;
            }
        }
        throw new IllegalStateException("The placeholder site infra/site-placeholder is missing; run from the"
                + " repository root or pass -c siteDir=path/to/site/build");
    }

    /** The stacks of one blueprint and stage. */
    public record Stacks(EdgeStack edge, DataStack data, ServiceStack service) {
        public List<Stack> all() {
            return List.of(edge, data, service);
        }
    }

    private static List<String> commaSeparated(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
