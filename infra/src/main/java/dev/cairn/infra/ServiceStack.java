package dev.cairn.infra;

import dev.cairn.constructs.ApiFunction;
import dev.cairn.constructs.ApiFunctionProps;
import dev.cairn.constructs.Cdn;
import dev.cairn.constructs.CdnProps;
import dev.cairn.constructs.Compliance;
import dev.cairn.constructs.DataTable;
import dev.cairn.constructs.HttpServiceApi;
import dev.cairn.constructs.HttpServiceApiProps;
import dev.cairn.constructs.ObjectCreatedRoute;
import dev.cairn.constructs.Observability;
import dev.cairn.constructs.ObservabilityProps;
import dev.cairn.constructs.SiteBucket;
import dev.cairn.constructs.SiteBucketProps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.logs.MetricFilterOptions;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The stateless tier: the {@code api} function (SnapStart, alias {@code live}, CodeDeploy canary
 * outside dev) behind the HTTP API with its JWT authorizer, the {@code media-processor} worker, the
 * CDN in front of site, media and API (with the site bucket it serves), and the alarms, dashboard
 * and budget.
 *
 * <p>The CDN lives here, not beside the media bucket: the api function's {@code CLOUDFRONT_DOMAIN}
 * names the distribution while the distribution names the API, so the two must share a stack. The
 * media bucket (data stack) lets distributions of this account read {@code images/} only; see
 * docs/adr/0003-stacks-and-cross-stack-references.md.
 */
public final class ServiceStack extends Stack {
    static final String NO_ALARM_EMAILS = "@cairn/infra:alarmEmails";
    /** CloudWatch namespace of the metrics the stack derives from the app's logs. */
    static final String METRIC_NAMESPACE = "Cairn";

    static final String WILDCARD_IMPORTED_BUCKET_POLICY =
            "@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac";

    private final ApiFunction api;
    private final ApiFunction mediaProcessor;
    private final HttpServiceApi http;
    private final Cdn cdn;
    private final SiteBucket site;
    private final ObjectCreatedRoute mediaRoute;
    private final String cdnDomain;
    private CfnOutput cdnUrlOutput;

    public ServiceStack(
            Construct scope,
            String id,
            StackProps props,
            StageConfig stage,
            Blueprint blueprint,
            EdgeStack edge,
            DataStack data,
            Code appCode,
            String siteSource) {
        super(scope, id, props);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(ApiContract.STAGE, stage.name());
        environment.put(ApiContract.BLUEPRINT, blueprint.name());
        environment.put(ApiContract.USER_POOL_ID, data.auth().getUserPool().getUserPoolId());
        environment.put(ApiContract.CLIENT_ID, data.auth().getClient().getUserPoolClientId());
        environment.put(ApiContract.INTERNAL_CLIENT_ID, data.internalClient().getUserPoolClientId());
        environment.put(ApiContract.MEDIA_BUCKET, data.media().getBucket().getBucketName());
        environment.put(ApiContract.SIGNING_SECRET_ARN, data.signingSecret().getSecretArn());
        for (TableSpec spec : blueprint.allTables()) {
            environment.put(
                    spec.environmentVariable(),
                    data.tables().get(spec.logicalName()).getTable().getTableName());
        }
        this.api = new ApiFunction(
                this,
                "Api",
                ApiFunctionProps.builder()
                        .code(appCode)
                        .handler(ApiContract.API_HANDLER)
                        .description("Cairn " + blueprint.name() + " API (" + stage.name() + ")")
                        .memorySize(stage.apiMemoryMb())
                        .logRetention(stage.logRetention())
                        .environment(environment)
                        .deploymentConfig(
                                stage.canary()
                                        ? LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES
                                        : LambdaDeploymentConfig.ALL_AT_ONCE)
                        .build());
        for (DataTable table : data.tables().values()) {
            table.grantApiData(api);
        }
        data.auth().grantAccountAdmin(api);
        // Granted on the role only: Secret.grantRead would also name this role in the data stack's key
        // policy, and the data stack must not depend on this one.
        api.getRole()
                .addToPolicy(PolicyStatement.Builder.create()
                        .actions(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"))
                        .resources(List.of(data.signingSecret().getSecretArn()))
                        .build());
        api.getRole()
                .addToPolicy(PolicyStatement.Builder.create()
                        .actions(List.of("kms:Decrypt"))
                        .resources(List.of(data.signingKey().getKeyArn()))
                        .conditions(Map.of(
                                "StringEquals",
                                Map.of("kms:ViaService", "secretsmanager." + getRegion() + ".amazonaws.com")))
                        .build());
        data.media().grantUpload(api, "uploads/");
        data.media().grantRead(api, "uploads/");
        data.media().grantDelete(api, "uploads/");
        data.media().grantUpload(api, "images/");
        data.media().grantRead(api, "images/");
        data.media().grantDelete(api, "images/");
        if (blueprint.privateMedia()) {
            // Documents and receipts: uploaded and downloaded through pre-signed URLs this role signs.
            data.media().grantUpload(api, "private/");
            data.media().grantRead(api, "private/");
            data.media().grantDelete(api, "private/");
            // A checked receipt is tagged for the bucket's archive rule.
            data.media().grantTagging(api, "private/");
        }
        suppressGrantWildcards(
                api,
                "Object access is limited to the uploads/, images/ and private/ prefixes of this stack's media bucket;"
                        + " the API puts the caller's user id after the prefix and checks it before every call.");

        Key secretKey = Key.Builder.create(this, "OriginVerifyKey")
                .description("Encrypts the secret CloudFront sends to the API")
                .enableKeyRotation(true)
                .removalPolicy(stage.removalPolicy())
                .build();
        Secret originVerify = Secret.Builder.create(this, "OriginVerify")
                .description("Sent by CloudFront as " + ApiContract.ORIGIN_VERIFY_HEADER + "'s value; the API refuses"
                        + " requests without it")
                .encryptionKey(secretKey)
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .build();
        String rotation = "The value lives in two places that must change together: the CloudFront origin header"
                + " (resolved when the stack deploys) and the API's check. It is rotated by replacing the secret"
                + " and redeploying this stack, which updates both; a scheduled rotation would desynchronise them.";
        for (String rule : List.of(
                "AwsSolutions-SMG4",
                "HIPAA.Security-SecretsManagerRotationEnabled",
                "NIST.800.53.R5-SecretsManagerRotationEnabled",
                "PCI.DSS.321-SecretsManagerRotationEnabled")) {
            Compliance.suppress(originVerify, rule, rotation);
        }

        this.http = new HttpServiceApi(
                this,
                "Http",
                HttpServiceApiProps.builder()
                        .handler(api.getAlias())
                        .userPool(data.auth().getUserPool())
                        .userPoolClients(List.of(data.auth().getClient()))
                        .publicRoutes(ApiContract.PUBLIC_ROUTES)
                        .appAuthorizedRoutes(ApiContract.appAuthorizedRoutes(blueprint))
                        .accessLogRetention(stage.logRetention())
                        .originVerifySecret(originVerify)
                        .build());

        this.site = blueprint.site()
                ? new SiteBucket(
                        this,
                        "Site",
                        SiteBucketProps.builder()
                                .removalPolicy(stage.removalPolicy())
                                .build())
                : null;
        if (site != null) {
            DataStack.disposableInDev(stage, site);
        }
        // Imported: the bucket's own stack holds the policy that lets CloudFront read images/.
        IBucket mediaOrigin = software.amazon.awscdk.services.s3.Bucket.fromBucketAttributes(
                this,
                "MediaOrigin",
                BucketAttributes.builder()
                        .bucketArn(data.media().getBucket().getBucketArn())
                        .bucketRegionalDomainName(data.media().getBucket().getBucketRegionalDomainName())
                        .build());
        CdnProps.Builder cdnProps = CdnProps.builder()
                .mediaBucket(mediaOrigin)
                .siteBucket(site == null ? null : site.getBucket())
                .httpApi(http.getApi())
                .originVerifySecret(originVerify)
                .webAclId(edge.firewall().getWebAclArn());
        if (stage.domainName() != null) {
            cdnProps.domainNames(List.of(stage.domainName())).certificate(edge.certificate());
        }
        this.cdn = new Cdn(this, "Cdn", cdnProps.build());
        Annotations.of(cdn)
                .acknowledgeWarning(
                        WILDCARD_IMPORTED_BUCKET_POLICY,
                        "The media bucket's own stack grants CloudFront read access to images/ (MediaBucket"
                                + ".grantCdnRead); naming this distribution there would make the stacks depend on"
                                + " each other.");
        if (site != null) {
            site.deploy(siteSource, cdn.getDistribution(), null);
        }
        this.cdnDomain = stage.domainName() != null ? stage.domainName() : cdn.getDomainName();
        api.getFunction().addEnvironment(ApiContract.CDN_DOMAIN, cdnDomain);

        this.mediaProcessor = createMediaProcessor(stage, blueprint, data, appCode);
        this.mediaRoute = data.media()
                .routeObjectCreated(
                        this, "MediaProcessorRoute", mediaProcessor.getAlias(), ApiContract.MEDIA_ORIGINAL_KEY_PATTERN);

        List<IFunction> functions = new ArrayList<>(List.of(
                api.getFunction(),
                mediaProcessor.getFunction(),
                data.postConfirmation().getFunction(),
                data.accessTokenScopes().getFunction()));
        List<IQueue> deadLetters = new ArrayList<>(List.of(mediaRoute.getDeadLetterQueue()));
        if (mediaProcessor.getFunction().getDeadLetterQueue() != null) {
            deadLetters.add(mediaProcessor.getFunction().getDeadLetterQueue());
        }
        Observability observability = new Observability(
                this,
                "Observability",
                ObservabilityProps.builder()
                        .functions(functions)
                        .httpApis(List.of(http.getApi()))
                        .tables(data.tables().values().stream()
                                .map(DataTable::getTable)
                                .map(t -> (ITable) t)
                                .toList())
                        .deadLetterQueues(deadLetters)
                        .functionErrorRatePercent(stage.lambdaErrorRatePercent())
                        .apiServerErrorRatePercent(stage.apiServerErrorRatePercent())
                        .apiLatencyP95Millis((double) stage.apiP95LatencyMs())
                        .monthlyBudgetUsd(stage.monthlyBudgetUsd())
                        .alarmEmails(stage.alarmEmails())
                        .build());
        alarmOnCognitoLimits(observability);
        if (stage.needsOwnEmailSender() && stage.alarmEmails().isEmpty()) {
            Annotations.of(this)
                    .addWarningV2(
                            NO_ALARM_EMAILS,
                            "NOBODY IS NOTIFIED: the alarms and the budget of stage " + stage.name() + " publish to"
                                    + " a topic without subscribers. Set alarmEmails in StageConfig or deploy with"
                                    + " -c alarmEmail=ops@example.com (comma-separated for several).");
        }
        CfnOutput.Builder.create(this, "ApiUrl").value(http.getUrl()).build();
        CfnOutput.Builder.create(this, "CdnDomainName")
                .description("Where clients reach the site, /media and /api")
                .value(cdnDomain)
                .build();
        this.cdnUrlOutput = CfnOutput.Builder.create(this, "CdnUrl")
                .value("https://" + cdnDomain)
                .build();
    }

    /**
     * Cognito answers {@code LimitExceededException} when a quota runs out (its own mailer's daily
     * e-mails, SES sending, code attempts); the app logs each one, and the first alarms.
     */
    private void alarmOnCognitoLimits(Observability observability) {
        MetricFilter limits = api.getLogGroup()
                .addMetricFilter(
                        "CognitoLimitExceeded",
                        MetricFilterOptions.builder()
                                .filterPattern(FilterPattern.allTerms(ApiContract.COGNITO_LIMIT_EXCEEDED))
                                .metricNamespace(METRIC_NAMESPACE)
                                .metricName("CognitoLimitExceeded")
                                .metricValue("1")
                                .build());
        observability.addAlarm(
                "CognitoLimitExceeded",
                limits.metric(MetricOptions.builder()
                        .statistic("Sum")
                        .period(Duration.minutes(5))
                        .build()),
                0,
                "Cognito refused a request with LimitExceeded: sign-up, reset and verification codes may not be"
                        + " sent (e-mail quota) or users are locked out of code attempts");
    }

    /**
     * The {@code media-processor}: the bucket's event for a new original under {@code images/}
     * makes the variants beside it and records them. It reads originals, writes and (when the
     * image was deleted meanwhile) removes keys under {@code images/}, and reads and replaces the
     * image's record.
     */
    private ApiFunction createMediaProcessor(StageConfig stage, Blueprint blueprint, DataStack data, Code appCode) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(ApiContract.STAGE, stage.name());
        environment.put(ApiContract.BLUEPRINT, blueprint.name());
        environment.put(ApiContract.MEDIA_BUCKET, data.media().getBucket().getBucketName());
        environment.put(ApiContract.CDN_DOMAIN, cdnDomain);
        TableSpec images = blueprint.allTables().stream()
                .filter(t -> t.logicalName().equals("images"))
                .findFirst()
                .orElseThrow();
        environment.put(
                images.environmentVariable(),
                data.tables().get("images").getTable().getTableName());
        Queue failed = Queue.Builder.create(this, "MediaProcessorDeadLetterQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        String isDeadLetterQueue = "This queue is itself the dead-letter queue of the media processor's"
                + " asynchronous invocations; a dead-letter queue of a dead-letter queue adds nothing.";
        Compliance.suppress(failed, "AwsSolutions-SQS3", isDeadLetterQueue);
        Compliance.suppress(failed, "Serverless-SQSRedrivePolicy", isDeadLetterQueue);
        ApiFunction processor = new ApiFunction(
                this,
                "MediaProcessor",
                ApiFunctionProps.builder()
                        .code(appCode)
                        .handler(ApiContract.MEDIA_PROCESSOR_HANDLER)
                        .description("Cairn " + blueprint.name() + " media processor (" + stage.name() + ")")
                        // Decoding and re-encoding images wants the CPU that comes with memory.
                        .memorySize(Math.max(2048, stage.apiMemoryMb()))
                        .timeout(Duration.minutes(2))
                        .logRetention(stage.logRetention())
                        .environment(environment)
                        .deadLetterQueue(failed)
                        .build());
        data.media().grantRead(processor, "images/");
        data.media().grantUpload(processor, "images/");
        data.media().grantDelete(processor, "images/");
        data.tables().get("images").grantItems(processor, ApiContract.MEDIA_PROCESSOR_IMAGES_ACTIONS);
        suppressGrantWildcards(
                processor,
                "Object access is limited to the images/ prefix of this blueprint's media bucket: the processor"
                        + " reads the original its event names and writes that image's variants beside it.");
        return processor;
    }

    /** The wildcards the grants above carry, each scoped to this blueprint's own resources. */
    private static void suppressGrantWildcards(ApiFunction function, String objectAccess) {
        IConstruct policy = function.getRole().getNode().findChild("DefaultPolicy");
        Compliance.suppressMatching(
                policy,
                "AwsSolutions-IAM5",
                "Query on the global secondary indexes of this blueprint's own tables: the wildcard is the"
                        + " index part of one table's ARN (TABLE_ARN/index/*), never another table.",
                "/^Resource::.*Table.*\\/index\\/\\*$/");
        Compliance.suppressMatching(
                policy, "AwsSolutions-IAM5", objectAccess, "/^Resource::.*Media.*\\/(uploads|images|private)\\/\\*$/");
        Compliance.suppress(
                policy,
                "AwsSolutions-IAM5",
                "The read and delete action groups of aws-cdk-lib's bucket grants (object reads and versions,"
                        + " bucket location and listing for the user's own prefixes, object and version deletion),"
                        + " on the media bucket and the prefixes above only.",
                "Action::s3:GetObject*",
                "Action::s3:GetBucket*",
                "Action::s3:List*",
                "Action::s3:DeleteObject*");
    }

    public ApiFunction api() {
        return api;
    }

    public ApiFunction mediaProcessor() {
        return mediaProcessor;
    }

    public HttpServiceApi http() {
        return http;
    }

    public Cdn cdn() {
        return cdn;
    }

    /** The site bucket, or null when the blueprint has no site. */
    public SiteBucket site() {
        return site;
    }

    public ObjectCreatedRoute mediaRoute() {
        return mediaRoute;
    }

    /** {@code https://} and the CDN's domain: what smoke tests call. */
    public CfnOutput cdnUrlOutput() {
        return cdnUrlOutput;
    }

    /** The custom domain, or else the distribution's {@code *.cloudfront.net} name. */
    public String cdnDomain() {
        return cdnDomain;
    }
}
