package dev.cairn.constructs;

import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudfront.IDistribution;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * A private S3 bucket for a static front end, read by a CDN through origin access control: SSL
 * only, versioned, access-logged, optionally filled from a local folder on every deployment (with
 * a CloudFront invalidation).
 */
public class SiteBucket extends Construct {

    private static final String DEFAULT_ACCESS_LOGS_PREFIX = "site/";
    private static final String SERVER_ACCESS_LOGS_USE_BUCKET_POLICY =
            "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";
    /** BucketDeployment's handler is a singleton per stack, named after this purpose. */
    private static final String DEPLOYMENT_HANDLER_PREFIX = "Custom::CDKBucketDeployment";

    private final Bucket bucket;
    private final IKey encryptionKey;
    private final IBucket accessLogsBucket;
    private BucketDeployment deployment;
    private LogGroup deploymentLogGroup;
    private final IKey logEncryptionKey;
    private final RetentionDays logRetention;

    public SiteBucket(Construct scope, String id) {
        this(scope, id, SiteBucketProps.builder().build());
    }

    public SiteBucket(Construct scope, String id, SiteBucketProps props) {
        super(scope, id);
        getNode().setContext(SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
        validate(props);

        RemovalPolicy removalPolicy =
                Objects.requireNonNullElse(props.removalPolicy(), StorageDefaults.removalPolicy());
        this.encryptionKey = props.encryptionKey();
        this.logEncryptionKey = props.logEncryptionKey();
        this.logRetention = Objects.requireNonNullElse(props.logRetention(), ObservabilityDefaults.logRetention());
        this.accessLogsBucket = props.serverAccessLogsBucket() != null
                ? props.serverAccessLogsBucket()
                : AccessLogBuckets.create(
                        this,
                        "AccessLogs",
                        Objects.requireNonNullElse(
                                props.accessLogRetentionDays(), StorageDefaults.ACCESS_LOG_RETENTION_DAYS),
                        removalPolicy);

        Bucket.Builder builder = Bucket.Builder.create(this, "Resource")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .minimumTlsVersion(StorageDefaults.MINIMUM_TLS_VERSION)
                .versioned(true)
                .lifecycleRules(List.of(
                        StorageDefaults.abortIncompleteMultipartUploads(),
                        StorageDefaults.expireNoncurrentSiteVersions()))
                .serverAccessLogsBucket(accessLogsBucket)
                .serverAccessLogsPrefix(
                        Objects.requireNonNullElse(props.serverAccessLogsPrefix(), DEFAULT_ACCESS_LOGS_PREFIX))
                .targetObjectKeyFormat(StorageDefaults.accessLogKeyFormat())
                .removalPolicy(removalPolicy);
        if (encryptionKey != null) {
            builder.encryption(BucketEncryption.KMS)
                    .encryptionKey(encryptionKey)
                    .bucketKeyEnabled(true);
        } else {
            builder.encryption(BucketEncryption.S3_MANAGED);
        }
        this.bucket = builder.build();
        AccessLogBuckets.suppressReplication(
                bucket,
                "The bucket holds build output that the deployment pipeline can recreate from source at any"
                        + " time, and versioning keeps replaced files for rollback; a cross-region replica adds"
                        + " nothing a redeployment does not.");
        if (encryptionKey == null) {
            String sseS3 = "The objects are the public static front end, served to every visitor through the"
                    + " CDN; they are encrypted at rest with SSE-S3, and a KMS key would protect no"
                    + " confidentiality while adding a key policy the CDN's origin access control must be"
                    + " granted. Pass encryptionKey for SSE-KMS.";
            Compliance.suppress(bucket, "HIPAA.Security-S3DefaultEncryptionKMS", sseS3);
            Compliance.suppress(bucket, "NIST.800.53.R5-S3DefaultEncryptionKMS", sseS3);
            Compliance.suppress(bucket, "PCI.DSS.321-S3DefaultEncryptionKMS", sseS3);
        }

        if (props.sourcePath() != null) {
            deploy(props.sourcePath(), props.distribution(), props.invalidationPaths());
        }

        if (removalPolicy != RemovalPolicy.RETAIN) {
            PropsCheck.warnOverride(this, "removalPolicy", removalPolicy + " deletes the site bucket with the stack");
        }
    }

    /**
     * Copies the local folder {@code sourcePath} into the bucket on every deployment (files no
     * longer present are deleted; nothing is deleted when the deployment is removed) and, when
     * {@code distribution} is given, invalidates {@code invalidationPaths} (default {@code /*}) in
     * it. Use this instead of the props when the distribution is built from this bucket. Once per
     * SiteBucket.
     */
    public BucketDeployment deploy(String sourcePath, IDistribution distribution, List<String> invalidationPaths) {
        PropsCheck check = new PropsCheck("SiteBucket");
        check.check(deployment == null, "deploy can be called once per SiteBucket (value: " + sourcePath + ")");
        check.require("sourcePath", sourcePath);
        check.notBlank("sourcePath", sourcePath);
        if (invalidationPaths != null) {
            check.check(
                    distribution != null, "invalidationPaths needs distribution (value: " + invalidationPaths + ")");
            check.notEmpty("invalidationPaths", invalidationPaths);
            for (String path : invalidationPaths) {
                if (PropsCheck.resolved(path)) {
                    check.check(path.startsWith("/"), "invalidationPaths must start with / (value: " + path + ")");
                }
            }
        }
        check.throwIfInvalid(getNode().getPath());

        this.deploymentLogGroup = ObservabilityDefaults.encryptedLogGroup(
                this,
                "DeploymentLogs",
                logRetention,
                logEncryptionKey != null ? logEncryptionKey : ObservabilityDefaults.logsKey(this, "DeploymentLogKey"));
        // An own role instead of the default one with the AWSLambdaBasicExecutionRole managed
        // policy: it may write to its own log group only.
        Role role = Role.Builder.create(this, "DeploymentRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Copies the site files of " + getNode().getPath() + " into the bucket")
                .build();
        BucketDeployment.Builder builder = BucketDeployment.Builder.create(this, "Deployment")
                .sources(List.of(Source.asset(sourcePath)))
                .destinationBucket(bucket)
                .prune(true)
                .retainOnDelete(true)
                .memoryLimit(StorageDefaults.SITE_DEPLOYMENT_MEMORY_MB)
                .role(role)
                .logGroup(deploymentLogGroup);
        if (distribution != null) {
            builder.distribution(distribution)
                    .distributionPaths(
                            Objects.requireNonNullElse(invalidationPaths, StorageDefaults.SITE_INVALIDATION_PATHS));
        }
        this.deployment = builder.build();
        deploymentLogGroup.grantWrite(deployment.getHandlerRole());
        explainDeploymentFindings(deployment.getHandlerRole(), distribution != null);
        return deployment;
    }

    /** The handler is aws-cdk-lib's own code; what it needs is explained here, once per finding. */
    private void explainDeploymentFindings(IRole role, boolean invalidates) {
        Stack stack = Stack.of(this);
        IConstruct policy = role.getNode().tryFindChild("DefaultPolicy");
        String sync = "CDK's BucketDeployment handler syncs the site: it reads the build asset from the CDK"
                + " asset bucket and lists, writes and prunes objects of this site bucket only (the L2"
                + " read/write grants); it runs only while CloudFormation deploys the stack.";
        Compliance.suppress(
                policy,
                "AwsSolutions-IAM5",
                sync,
                "Action::s3:Abort*",
                "Action::s3:DeleteObject*",
                "Action::s3:GetBucket*",
                "Action::s3:GetObject*",
                "Action::s3:List*",
                "Resource::<" + stack.getLogicalId((CfnElement) bucket.getNode().getDefaultChild()) + ".Arn>/*");
        Compliance.suppressMatching(
                policy,
                "AwsSolutions-IAM5",
                sync,
                "/^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-.+/\\*$/");
        if (invalidates) {
            Compliance.suppress(
                    policy,
                    "AwsSolutions-IAM5",
                    "BucketDeployment grants cloudfront:CreateInvalidation and GetInvalidation on *; they"
                            + " only expire cached copies (no configuration change), and the handler invalidates"
                            + " only the distribution named in its custom-resource properties.",
                    "Resource::*");
        }
        String inline = "The policy belongs to this one deployment role and holds only the statements CDK"
                + " grants generate for it; it is versioned in source control and deployed with the role.";
        Compliance.suppress(policy, "HIPAA.Security-IAMNoInlinePolicy", inline);
        Compliance.suppress(policy, "NIST.800.53.R5-IAMNoInlinePolicy", inline);
        Compliance.suppress(policy, "PCI.DSS.321-IAMNoInlinePolicy", inline);

        for (IConstruct child : stack.getNode().getChildren()) {
            if (!child.getNode().getId().startsWith(DEPLOYMENT_HANDLER_PREFIX)) {
                continue;
            }
            String runtime = "The runtime of CDK's BucketDeployment handler is chosen by aws-cdk-lib together"
                    + " with its AWS CLI layer and moves with aws-cdk-lib upgrades; the function runs only"
                    + " during CloudFormation deployments, never on a request path.";
            Compliance.suppress(child, "AwsSolutions-L1", runtime);
            Compliance.suppress(child, "Serverless-LambdaLatestVersion", runtime);
            String dlq = "CloudFormation invokes the handler for a custom resource and waits for its answer; a"
                    + " failure fails and rolls back the deployment, so there is no lost event to queue.";
            Compliance.suppress(child, "HIPAA.Security-LambdaDLQ", dlq);
            Compliance.suppress(child, "NIST.800.53.R5-LambdaDLQ", dlq);
            Compliance.suppress(child, "Serverless-LambdaDLQ", dlq);
            String concurrency = "Runs once per deployment of this stack; there is no traffic whose"
                    + " concurrency a reservation would bound.";
            Compliance.suppress(child, "HIPAA.Security-LambdaConcurrency", concurrency);
            Compliance.suppress(child, "NIST.800.53.R5-LambdaConcurrency", concurrency);
            Compliance.suppress(
                    child,
                    "Serverless-LambdaTracing",
                    "A deployment-time copy job whose outcome is reported to CloudFormation and written to"
                            + " its encrypted log group; it is not part of any request path a trace would follow.");
            String vpc = "The handler calls only the S3 and CloudFront APIs (IAM-authorised, TLS) and no"
                    + " private network resources; a VPC would isolate nothing.";
            Compliance.suppress(child, "HIPAA.Security-LambdaInsideVPC", vpc);
            Compliance.suppress(child, "NIST.800.53.R5-LambdaInsideVPC", vpc);
            Compliance.suppress(child, "PCI.DSS.321-LambdaInsideVPC", vpc);
        }
    }

    private void validate(SiteBucketProps props) {
        PropsCheck check = new PropsCheck("SiteBucket");
        check.require("props", props);
        if (props != null) {
            AccessLogBuckets.validate(
                    check,
                    props.accessLogRetentionDays(),
                    props.serverAccessLogsBucket(),
                    props.serverAccessLogsPrefix());
            check.check(
                    props.distribution() == null || props.sourcePath() != null,
                    "distribution is invalidated after a deployment and needs sourcePath (value: null)");
        }
        check.throwIfInvalid(getNode().getPath());
    }

    public Bucket getBucket() {
        return bucket;
    }

    /** The SSE-KMS key, or null with the default SSE-S3. */
    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    public IBucket getAccessLogsBucket() {
        return accessLogsBucket;
    }

    /** The deployment of the site files, or null before {@link #deploy}. */
    public BucketDeployment getDeployment() {
        return deployment;
    }

    /** Log group of the deployment handler, or null before {@link #deploy}. */
    public LogGroup getDeploymentLogGroup() {
        return deploymentLogGroup;
    }
}
