package dev.cairn.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.pipelines.AddStageOpts;
import software.amazon.awscdk.pipelines.CodeBuildOptions;
import software.amazon.awscdk.pipelines.CodePipeline;
import software.amazon.awscdk.pipelines.CodePipelineSource;
import software.amazon.awscdk.pipelines.ConnectionSourceOptions;
import software.amazon.awscdk.pipelines.ManualApprovalStep;
import software.amazon.awscdk.pipelines.ShellStep;
import software.amazon.awscdk.pipelines.StageDeployment;
import software.amazon.awscdk.pipelines.Step;
import software.amazon.awscdk.services.codebuild.CloudWatchLoggingOptions;
import software.amazon.awscdk.services.codebuild.LoggingOptions;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * A CDK Pipelines delivery pipeline: GitHub (through a CodeConnections connection) → synth
 * ({@code ./mvnw -B verify}, {@code cdk synth}) → self-mutation → the stages in the order they are
 * added, each optionally behind a manual approval and followed by a smoke test.
 *
 * <p>Call {@link #build()} after the last {@link #addStage}: the CodeBuild projects and roles only
 * exist once the pipeline is built, and their cdk-nag findings are explained then.
 */
public class DeliveryPipeline extends Construct {

    /** A URL path safe to put into a shell command: no quotes, spaces, {@code $} or query. */
    private static final Pattern SMOKE_TEST_PATH = Pattern.compile("^/[A-Za-z0-9._~/-]*$");

    private static final String SERVER_ACCESS_LOGS_USE_BUCKET_POLICY =
            "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

    private final CodePipeline pipeline;
    private final CodePipelineSource source;
    private final Bucket artifactBucket;
    private final IKey artifactKey;
    private final IBucket accessLogsBucket;
    private final LogGroup buildLogGroup;
    private final List<String> stageNames = new ArrayList<>();
    private boolean built;

    public DeliveryPipeline(Construct scope, String id, DeliveryPipelineProps props) {
        super(scope, id);
        getNode().setContext(SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
        validate(props);
        RemovalPolicy removalPolicy =
                Objects.requireNonNullElse(props.removalPolicy(), StorageDefaults.removalPolicy());

        this.artifactKey = StorageDefaults.bucketKey(this, "ArtifactKey", removalPolicy);
        this.accessLogsBucket =
                AccessLogBuckets.create(this, "AccessLogs", StorageDefaults.ACCESS_LOG_RETENTION_DAYS, removalPolicy);
        this.artifactBucket = Bucket.Builder.create(this, "Artifacts")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(artifactKey)
                .bucketKeyEnabled(true)
                .enforceSsl(true)
                .minimumTlsVersion(StorageDefaults.MINIMUM_TLS_VERSION)
                .versioned(true)
                .lifecycleRules(List.of(
                        StorageDefaults.abortIncompleteMultipartUploads(),
                        LifecycleRule.builder()
                                .id("ExpireOldArtifacts")
                                .expiration(Duration.days(PipelineDefaults.ARTIFACT_EXPIRE_DAYS))
                                .noncurrentVersionExpiration(Duration.days(1))
                                .build()))
                .serverAccessLogsBucket(accessLogsBucket)
                .serverAccessLogsPrefix("artifacts/")
                .targetObjectKeyFormat(StorageDefaults.accessLogKeyFormat())
                .removalPolicy(removalPolicy)
                .build();
        AccessLogBuckets.suppressReplication(
                artifactBucket,
                "Pipeline artifacts are intermediate build outputs that every run recreates from the source"
                        + " repository; they expire after " + PipelineDefaults.ARTIFACT_EXPIRE_DAYS + " days.");
        this.buildLogGroup = ObservabilityDefaults.encryptedLogGroup(
                this,
                "BuildLogs",
                ObservabilityDefaults.logRetention(),
                ObservabilityDefaults.logsKey(this, "BuildLogKey"));

        this.source = CodePipelineSource.connection(
                props.repository(),
                Objects.requireNonNullElse(props.branch(), PipelineDefaults.BRANCH),
                ConnectionSourceOptions.builder()
                        .connectionArn(props.connectionArn())
                        .build());
        ShellStep synth = ShellStep.Builder.create("Synth")
                .input(source)
                .commands(Objects.requireNonNullElse(props.synthCommands(), PipelineDefaults.SYNTH_COMMANDS))
                .primaryOutputDirectory(PipelineDefaults.CLOUD_ASSEMBLY_DIR)
                .build();
        this.pipeline = CodePipeline.Builder.create(this, "Resource")
                .synth(synth)
                .artifactBucket(artifactBucket)
                .pipelineType(PipelineType.V2)
                .selfMutation(!Boolean.FALSE.equals(props.selfMutation()))
                .codeBuildDefaults(CodeBuildOptions.builder()
                        .buildEnvironment(PipelineDefaults.buildEnvironment())
                        .timeout(PipelineDefaults.BUILD_TIMEOUT)
                        .logging(LoggingOptions.builder()
                                .cloudWatch(CloudWatchLoggingOptions.builder()
                                        .logGroup(buildLogGroup)
                                        .build())
                                .build())
                        .build())
                .build();

        if (removalPolicy != RemovalPolicy.RETAIN) {
            PropsCheck.warnOverride(this, "removalPolicy", removalPolicy + " deletes the artifact bucket and key");
        }
        getNode()
                .addValidation(() -> built
                        ? List.of()
                        : List.of(
                                "DeliveryPipeline " + getNode().getPath() + ": call build() after the last addStage"));
    }

    /**
     * Deploys {@code stage} after the stages added before it: optionally behind a manual approval,
     * then a smoke test ({@code curl -fsS <url><smokeTestPath>}).
     */
    public StageDeployment addStage(Stage stage, DeliveryStageOptions options) {
        PropsCheck check = new PropsCheck("DeliveryStageOptions");
        check.require("stage", stage);
        check.require("options", options);
        if (options != null) {
            check.check(
                    (options.smokeTestUrl() == null) != (options.smokeTestUrlOutput() == null),
                    "exactly one of smokeTestUrl and smokeTestUrlOutput is required (value: " + options.smokeTestUrl()
                            + ", " + options.smokeTestUrlOutput() + ")");
            if (PropsCheck.resolved(options.smokeTestUrl())) {
                check.check(
                        options.smokeTestUrl().startsWith("https://")
                                && !options.smokeTestUrl().endsWith("/"),
                        "smokeTestUrl must be an https:// base URL without trailing slash (value: "
                                + options.smokeTestUrl() + ")");
            }
            String path = options.smokeTestPath();
            if (PropsCheck.resolved(path)) {
                // It is written into a shell command: no quotes, spaces or expansions.
                check.check(
                        SMOKE_TEST_PATH.matcher(path).matches(),
                        "smokeTestPath must start with / and hold only letters, digits and -._~/ (value: " + path
                                + ")");
            }
        }
        check.check(
                !built,
                "addStage must come before build() (value: " + (stage == null ? null : stage.getStageName()) + ")");
        if (stage != null) {
            check.check(
                    !stageNames.contains(stage.getStageName()),
                    "stage names must be unique in the pipeline (value: " + stage.getStageName() + ")");
        }
        check.throwIfInvalid(getNode().getPath());
        stageNames.add(stage.getStageName());

        List<Step> pre = Boolean.TRUE.equals(options.manualApproval())
                ? List.of(new ManualApprovalStep("Approve" + stage.getStageName()))
                : List.of();
        ShellStep.Builder smoke = ShellStep.Builder.create("SmokeTest" + stage.getStageName());
        if (options.smokeTestUrl() != null) {
            smoke.env(Map.of("BASE_URL", options.smokeTestUrl()));
        } else {
            smoke.envFromCfnOutputs(Map.of("BASE_URL", options.smokeTestUrlOutput()));
        }
        smoke.commands(List.of(PipelineDefaults.smokeTestCommand(
                "$BASE_URL", Objects.requireNonNullElse(options.smokeTestPath(), PipelineDefaults.SMOKE_TEST_PATH))));
        return pipeline.addStage(
                stage,
                AddStageOpts.builder().pre(pre).post(List.of(smoke.build())).build());
    }

    /** Builds the pipeline (no stage can be added afterwards) and explains its cdk-nag findings. */
    public void build() {
        if (built) {
            return;
        }
        pipeline.buildPipeline();
        built = true;
        explainFindings();
        hardenReplicationBuckets();
    }

    /**
     * A stage with stacks in another region (e.g. us-east-1 for CloudFront's WAF and certificate)
     * makes CodePipeline add a support stack there with an artifact replication bucket. That bucket
     * gets what every Cairn bucket has: versioning and server access logs.
     */
    private void hardenReplicationBuckets() {
        for (IConstruct child : getNode().getRoot().getNode().getChildren()) {
            if (!(child instanceof Stack support) || !support.getNode().getId().startsWith("cross-region-stack-")) {
                continue;
            }
            Bucket replication = support.getNode().findAll().stream()
                    .filter(c -> c instanceof Bucket
                            && c.getNode().getId().equals("CrossRegionCodePipelineReplicationBucket"))
                    .map(Bucket.class::cast)
                    .findFirst()
                    .orElse(null);
            if (replication == null || !(replication.getNode().getDefaultChild() instanceof CfnBucket cfn)) {
                continue;
            }
            Bucket logs = AccessLogBuckets.create(
                    support, "ReplicationAccessLogs", StorageDefaults.ACCESS_LOG_RETENTION_DAYS, RemovalPolicy.RETAIN);
            logs.addToResourcePolicy(PolicyStatement.Builder.create()
                    .principals(List.of(new ServicePrincipal("logging.s3.amazonaws.com")))
                    .actions(List.of("s3:PutObject"))
                    .resources(List.of(logs.arnForObjects("replication/*")))
                    .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", support.getAccount())))
                    .build());
            cfn.setVersioningConfiguration(CfnBucket.VersioningConfigurationProperty.builder()
                    .status("Enabled")
                    .build());
            cfn.setLoggingConfiguration(CfnBucket.LoggingConfigurationProperty.builder()
                    .destinationBucketName(logs.getBucketName())
                    .logFilePrefix("replication/")
                    .build());
            AccessLogBuckets.suppressReplication(
                    replication,
                    "It holds copies of this pipeline's artifacts for the actions in its region only while a run"
                            + " needs them; every run rebuilds them from source, so a further copy adds nothing.");
        }
    }

    /**
     * CDK Pipelines creates one role per action and one CodeBuild project per step; each gets the
     * same explanations, scoped to this pipeline's artifact bucket, key and projects.
     */
    private void explainFindings() {
        String artifactsArn = "Resource::<"
                + Stack.of(this)
                        .getLogicalId((CfnElement) artifactBucket.getNode().getDefaultChild()) + ".Arn>/*";
        for (IConstruct child : pipeline.getNode().findAll()) {
            if (!(child instanceof CfnResource cfn)) {
                continue;
            }
            if ("AWS::IAM::Policy".equals(cfn.getCfnResourceType())) {
                String path = child.getNode().getPath();
                explainPolicy(
                        cfn, artifactsArn, path.contains("/UpdatePipeline/SelfMutation/"), path.contains("/Assets/"));
            } else if ("AWS::CodeBuild::Project".equals(cfn.getCfnResourceType())) {
                String source = "The project's source type is CODEPIPELINE: it receives the commit from the"
                        + " pipeline's CodeConnections source action (an OAuth app installation), never a"
                        + " repository URL with credentials.";
                Compliance.suppress(cfn, "HIPAA.Security-CodeBuildProjectSourceRepoUrl", source);
                Compliance.suppress(cfn, "PCI.DSS.321-CodeBuildProjectSourceRepoUrl", source);
            }
        }
    }

    private static void explainPolicy(
            CfnResource policy, String artifactsArn, boolean selfMutation, boolean assetPublishing) {
        String inline = "The policy belongs to one pipeline role; CDK Pipelines generates it from the grants of"
                + " that role's action, it is versioned in source control and deployed with the role.";
        Compliance.suppress(policy, "HIPAA.Security-IAMNoInlinePolicy", inline);
        Compliance.suppress(policy, "NIST.800.53.R5-IAMNoInlinePolicy", inline);
        Compliance.suppress(policy, "PCI.DSS.321-IAMNoInlinePolicy", inline);
        Compliance.suppress(
                policy,
                "AwsSolutions-IAM5",
                "CDK Pipelines gives each action the L2 read or read/write grants on this pipeline's own"
                        + " artifact bucket and its KMS key: object wildcards stay inside the artifact bucket, and"
                        + " the kms:GenerateDataKey*/ReEncrypt* wildcards apply to the artifact key only.",
                "Action::s3:Abort*",
                "Action::s3:DeleteObject*",
                "Action::s3:GetBucket*",
                "Action::s3:GetObject*",
                "Action::s3:List*",
                "Action::kms:GenerateDataKey*",
                "Action::kms:ReEncrypt*",
                artifactsArn);
        Compliance.suppressMatching(
                policy,
                "AwsSolutions-IAM5",
                "CodeBuild's grants let a project write test reports and logs only to the report groups and"
                        + " the default log group named after that project (<project>-*, /aws/codebuild/<project>:*).",
                "/^Resource::arn:<AWS::Partition>:codebuild:[a-z0-9-]+:[0-9]+:report-group\\/<[A-Za-z0-9]+>-\\*$/",
                "/^Resource::arn:<AWS::Partition>:logs:[a-z0-9-]+:[0-9]+:log-group:\\/aws\\/codebuild\\/<[A-Za-z0-9]+>:\\*$/");
        Compliance.suppressMatching(
                policy,
                "AwsSolutions-IAM5",
                "The object wildcard of the artifact replication bucket CodePipeline keeps in each other region"
                        + " a stage deploys to; it is this pipeline's own bucket, with the same grants as the main"
                        + " artifact bucket.",
                "/^Resource::arn:<AWS::Partition>:s3:::[a-z0-9.-]*eplicationbucket[a-z0-9]*\\/\\*$/");
        if (assetPublishing) {
            Compliance.suppressMatching(
                    policy,
                    "AwsSolutions-IAM5",
                    "The asset-publishing role of CDK Pipelines: its CodeBuild projects are named at deploy time,"
                            + " so logs and report groups are granted under /aws/codebuild/ and report-group/ of this"
                            + " account and region, and the build actions on the projects CodePipeline starts.",
                    "/^Resource::arn:<AWS::Partition>:logs:[a-z0-9-]+:[0-9]+:log-group:\\/aws\\/codebuild\\/\\*$/",
                    "/^Resource::arn:<AWS::Partition>:codebuild:[a-z0-9-]+:[0-9]+:report-group\\/\\*$/",
                    "/^Resource::\\*$/");
        }
        if (selfMutation) {
            Compliance.suppress(
                    policy,
                    "AwsSolutions-IAM5",
                    "Self-mutation reads the pipeline stack (cloudformation:DescribeStacks) and lists the CDK"
                            + " bootstrap buckets (s3:ListBucket), whose names are not known at synth; both are"
                            + " read-only.",
                    "Resource::*");
            Compliance.suppressMatching(
                    policy,
                    "AwsSolutions-IAM5",
                    "sts:AssumeRole is limited by its condition to roles tagged aws-cdk:bootstrap-role (deploy,"
                            + " file-publishing, image-publishing) of this account: the CDK bootstrap roles the"
                            + " pipeline updates itself through.",
                    "/^Resource::arn:\\*:iam::[0-9]+:role\\/\\*$/");
        }
    }

    private void validate(DeliveryPipelineProps props) {
        PropsCheck check = new PropsCheck("DeliveryPipeline");
        check.require("props", props);
        if (props != null) {
            check.require("repository", props.repository());
            check.require("connectionArn", props.connectionArn());
            if (PropsCheck.resolved(props.repository())) {
                check.check(
                        props.repository().matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+"),
                        "repository must be \"owner/name\" (value: " + props.repository() + ")");
            }
            check.notBlank("branch", props.branch());
            if (PropsCheck.resolved(props.connectionArn())) {
                check.check(
                        props.connectionArn().matches("arn:aws[a-z-]*:(codestar-connections|codeconnections):.+"),
                        "connectionArn must be a CodeStar/CodeConnections connection ARN (value: "
                                + props.connectionArn() + ")");
            }
            if (props.synthCommands() != null) {
                check.notEmpty("synthCommands", props.synthCommands());
            }
        }
        check.throwIfInvalid(getNode().getPath());
    }

    public CodePipeline getPipeline() {
        return pipeline;
    }

    public CodePipelineSource getSource() {
        return source;
    }

    public Bucket getArtifactBucket() {
        return artifactBucket;
    }

    public IKey getArtifactKey() {
        return artifactKey;
    }

    public IBucket getAccessLogsBucket() {
        return accessLogsBucket;
    }

    public LogGroup getBuildLogGroup() {
        return buildLogGroup;
    }
}
