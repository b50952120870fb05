package dev.cairn.infra;

import dev.cairn.constructs.ApiDefaults;
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
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Cors;
import dev.cairn.contract.EnvironmentVariables;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Functions;
import dev.cairn.contract.MediaLayout;
import dev.cairn.contract.RoutePolicy;
import dev.cairn.contract.TableDefinition;
import dev.cairn.contract.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.logs.MetricFilterOptions;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The stateless tier: the {@code api} function (SnapStart, alias {@code live}, CodeDeploy canary
 * outside dev) behind the HTTP API with its JWT authorizer, the {@code media-processor} worker, the
 * CDN in front of site, media and API (with the site bucket it serves), and the alarms, dashboard
 * and budget. Blueprints with site-owned content (the portfolio) also get public reads without the
 * authorizer, cached by the CDN, and the revalidation queue and worker (see {@link Revalidation}).
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

    /** Where the CDN serves the media bucket's public images: {@code /media/images/...}. */
    static final String MEDIA_PATH_PREFIX = MediaLayout.CDN_PATH;
    /** Where the CDN forwards to the HTTP API, path unchanged: the app's routes start with /api. */
    static final String API_PATH_PATTERN = RoutePolicy.API_PATH_PREFIX + "*";
    /** The header CloudFront sends the origin-verify secret in, and the API checks. */
    static final String ORIGIN_VERIFY_HEADER_NAME = "X-Origin-Verify";

    /**
     * The query strings in the CDN's cache key of the public reads: a project list's category and
     * paging, and an admin's drafts view (never stored: the API answers it {@code private,
     * no-store}). Other query strings reach the API but do not split the cache.
     */
    static final List<String> PUBLIC_READ_QUERY_STRINGS = List.of("category", "drafts", "limit", "cursor");
    /** Messages the revalidation worker takes at once; a failed one alone is retried. */
    static final int REVALIDATION_BATCH_SIZE = 10;
    /** Deliveries of a revalidation message before it goes to the dead-letter queue. */
    static final int REVALIDATION_MAX_RECEIVE_COUNT = 5;
    /** The worker's time per batch: an invalidation and a hook call (5 s timeout) per message. */
    static final Duration REVALIDATION_TIMEOUT = Duration.seconds(60);

    static final String WILDCARD_IMPORTED_BUCKET_POLICY =
            "@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac";

    private final ApiFunction api;
    private final ApiFunction mediaProcessor;
    private final HttpServiceApi http;
    private final Cdn cdn;
    private final SiteBucket site;
    private final ObjectCreatedRoute mediaRoute;
    private final Revalidation revalidation;
    private final SearchTier search;
    private final String cdnDomain;
    private final CfnOutput cdnUrlOutput;
    private final IKey stageKey;

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
        this.stageKey = data.stageKey();
        // The api service and what it may touch.
        this.api = createApi(stage, blueprint, data, appCode);
        grantApiAccess(blueprint, data);
        // Search (blueprints with search indexes): the domain, the stream indexer and the reindex.
        this.search = SearchTier.create(this, stage, blueprint, data, api, appCode);
        // The HTTP API, which serves only requests carrying the CDN's origin-verify secret.
        ISecret originVerify = createOriginVerifySecret(stage);
        this.http = createHttpApi(stage, blueprint, data, originVerify);
        // The CDN in front of site, media and API.
        this.site = createSite(stage, blueprint);
        this.cdn = createCdn(stage, blueprint, edge, data, originVerify);
        this.cdnDomain = stage.domainName() != null ? stage.domainName() : cdn.getDomainName();
        deploySiteAndTellApiTheCdnDomain(siteSource);
        // Site-owned content: each admin write invalidates the CDN and revalidates the front end.
        this.revalidation = blueprint.serves(Feature.PORTFOLIO) ? createRevalidation(stage, blueprint, appCode) : null;
        // The media processor, started by each new original in the media bucket.
        this.mediaProcessor = createMediaProcessor(stage, blueprint, data, appCode);
        this.mediaRoute = routeOriginalsToMediaProcessor(data);
        // Alarms, dashboard, budget; then what operators and smoke tests read.
        createObservability(stage, blueprint, data);
        this.cdnUrlOutput = createOutputs();
    }

    /**
     * The {@code api} function: SnapStart, alias {@code live}, CodeDeploy canary outside dev; its
     * environment names the stage, blueprint, user pool, media bucket, signing secret and tables.
     */
    private ApiFunction createApi(StageConfig stage, Blueprint blueprint, DataStack data, Code appCode) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(EnvironmentVariables.STAGE, stage.name());
        environment.put(EnvironmentVariables.BLUEPRINT, blueprint.name());
        environment.put(
                EnvironmentVariables.USER_POOL_ID, data.auth().getUserPool().getUserPoolId());
        environment.put(EnvironmentVariables.CLIENT_ID, data.auth().getClient().getUserPoolClientId());
        environment.put(
                EnvironmentVariables.INTERNAL_CLIENT_ID, data.internalClient().getUserPoolClientId());
        environment.put(
                EnvironmentVariables.MEDIA_BUCKET, data.media().getBucket().getBucketName());
        environment.put(
                EnvironmentVariables.SIGNING_SECRET_ARN, data.signingSecret().getSecretArn());
        for (TableDefinition spec : blueprint.allTables()) {
            environment.put(
                    spec.environmentVariable(),
                    data.tables().get(spec.name()).getTable().getTableName());
        }
        environment.putAll(blueprint.limits().environment());
        return new ApiFunction(
                this,
                "Api",
                ApiFunctionProps.builder()
                        .code(appCode)
                        .handler(Functions.API_HANDLER)
                        .description("Cairn " + blueprint.name() + " API (" + stage.name() + ")")
                        .memorySize(stage.apiMemoryMb())
                        .logRetention(stage.logRetention())
                        .logEncryptionKey(stageKey)
                        .environment(environment)
                        .deploymentConfig(
                                stage.canary()
                                        ? LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES
                                        : LambdaDeploymentConfig.ALL_AT_ONCE)
                        .build());
    }

    /**
     * What the api function may touch: request-path access to every table, its pool's accounts,
     * the signing secret, and the media prefixes its users own.
     */
    private void grantApiAccess(Blueprint blueprint, DataStack data) {
        for (DataTable table : data.tables().values()) {
            table.grantApiData(api);
        }
        data.auth().grantAccountAdmin(api);
        // On the role only: Secret.grantRead would also name this role in the data stack's key
        // policy, and the data stack must not depend on this one.
        api.grantReadSecretOfOtherStack(data.signingSecret(), data.stageKey());
        // Private documents and receipts (private/) are uploaded and downloaded through pre-signed URLs
        // this role signs; only blueprints with private media get them.
        for (String prefix : MediaLayout.USER_PREFIXES) {
            if (prefix.equals(MediaLayout.PRIVATE) && !blueprint.privateMedia()) {
                continue;
            }
            data.media().grantUpload(api, prefix);
            data.media().grantRead(api, prefix);
            data.media().grantDelete(api, prefix);
        }
        if (blueprint.privateMedia()) {
            // A checked receipt is tagged for the bucket's archive rule.
            data.media().grantTagging(api, MediaLayout.ARCHIVE_PREFIX);
        }
        suppressGrantWildcards(
                api,
                "Object access is limited to the uploads/, images/ and private/ prefixes of this stack's media bucket;"
                        + " the API puts the caller's user id after the prefix and checks it before every call.");
    }

    /**
     * The secret CloudFront sends to the API in the header {@link #ORIGIN_VERIFY_HEADER_NAME}, under
     * a key of its own; the API refuses requests without it.
     */
    private ISecret createOriginVerifySecret(StageConfig stage) {
        Secret originVerify = Secret.Builder.create(this, "OriginVerify")
                .description("Sent by CloudFront as " + ApiDefaults.ORIGIN_VERIFY_HEADER_ENV
                        + "'s value; the API refuses" + " requests without it")
                .encryptionKey(stageKey)
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
        return originVerify;
    }

    /**
     * The HTTP API in front of the api function's alias, with the pool's JWT authorizer. Browser
     * pages on the stage's origins (its custom domain and {@code -c corsOrigins}) may call it across
     * origins; the gateway answers their preflights itself, before the authorizer. Without such
     * origins it has no CORS configuration: pages reach it same-origin, through the CDN.
     */
    private HttpServiceApi createHttpApi(StageConfig stage, Blueprint blueprint, DataStack data, ISecret originVerify) {
        return new HttpServiceApi(
                this,
                "Http",
                HttpServiceApiProps.builder()
                        .corsAllowedOrigins(data.browserOrigins())
                        .corsAllowHeaders(Cors.ALLOW_HEADERS)
                        .corsAllowMethods(Cors.ALLOW_METHODS)
                        .corsExposeHeaders(Cors.EXPOSE_HEADERS)
                        .corsMaxAge(Duration.seconds(Cors.MAX_AGE_SECONDS))
                        .handler(api.getAlias())
                        .userPool(data.auth().getUserPool())
                        .userPoolClients(List.of(data.auth().getClient()))
                        .publicRoutes(RoutePolicy.publicRoutes(blueprint))
                        .appAuthorizedRoutes(RoutePolicy.apiKeyGatewayRoutes(blueprint))
                        .accessLogRetention(stage.logRetention())
                        .logEncryptionKey(stageKey)
                        .originVerifySecret(originVerify)
                        .originVerifyHeaderName(ORIGIN_VERIFY_HEADER_NAME)
                        .build());
    }

    /** The site bucket the CDN serves at its root, or null when the blueprint has no site. */
    private SiteBucket createSite(StageConfig stage, Blueprint blueprint) {
        if (!blueprint.site()) {
            return null;
        }
        SiteBucket bucket = new SiteBucket(
                this,
                "Site",
                SiteBucketProps.builder()
                        .removalPolicy(stage.removalPolicy())
                        .logEncryptionKey(stageKey)
                        .logRetention(stage.logRetention())
                        .build());
        DataStack.disposableInDev(stage, bucket);
        AuditedBuckets.publish(this, blueprint, stage, AuditedBuckets.SITE, bucket.getBucket());
        return bucket;
    }

    /**
     * The distribution in front of site, media and API, behind the edge stack's firewall and, when
     * the stage has a domain, its certificate.
     */
    private Cdn createCdn(
            StageConfig stage, Blueprint blueprint, EdgeStack edge, DataStack data, ISecret originVerify) {
        // Imported: the bucket's own stack holds the policy that lets CloudFront read images/.
        IBucket mediaOrigin = Bucket.fromBucketAttributes(
                this,
                "MediaOrigin",
                BucketAttributes.builder()
                        .bucketArn(data.media().getBucket().getBucketArn())
                        .bucketRegionalDomainName(data.media().getBucket().getBucketRegionalDomainName())
                        .build());
        CdnProps.Builder cdnProps = CdnProps.builder()
                .mediaBucket(mediaOrigin)
                .mediaPathPrefix(MEDIA_PATH_PREFIX)
                .publicMediaKeyPrefix(MediaLayout.IMAGES)
                .siteBucket(site == null ? null : site.getBucket())
                .httpApi(http.getApi())
                .apiPathPattern(API_PATH_PATTERN)
                .originVerifySecret(originVerify)
                .originVerifyHeaderName(ORIGIN_VERIFY_HEADER_NAME)
                .webAclId(edge.firewall() == null ? null : edge.firewall().getWebAclArn());
        List<String> cached = cachedPathPatterns(blueprint);
        if (!cached.isEmpty()) {
            cdnProps.cachedApiPathPatterns(cached).cachedApiQueryStrings(PUBLIC_READ_QUERY_STRINGS);
        }
        if (stage.domainName() != null) {
            cdnProps.domainNames(List.of(stage.domainName())).certificate(edge.certificate());
        }
        Cdn distribution = new Cdn(this, "Cdn", cdnProps.build());
        if (edge.firewall() == null) {
            Compliance.suppress(distribution.getDistribution(), "AwsSolutions-CFR2", StageConfig.NO_WEB_FIREWALL);
        }
        Annotations.of(distribution)
                .acknowledgeWarning(
                        WILDCARD_IMPORTED_BUCKET_POLICY,
                        "The media bucket's own stack grants CloudFront read access to images/ (MediaBucket"
                                + ".grantCdnRead); naming this distribution there would make the stacks depend on"
                                + " each other.");
        return distribution;
    }

    /**
     * The CDN path patterns of the blueprint's public reads ({@link RoutePolicy#publicReads}): each
     * route's path up to its first parameter, with {@code *}; a path without parameters also
     * covers what lies below it ({@code /api/projects*}), and a pattern another one covers is
     * dropped. Empty without public reads.
     */
    static List<String> cachedPathPatterns(Blueprint blueprint) {
        List<String> patterns = new ArrayList<>();
        for (String route : RoutePolicy.publicReads(blueprint)) {
            String path = route.substring(route.indexOf(' ') + 1).strip();
            int parameter = path.indexOf('{');
            String pattern = (parameter < 0 ? path : path.substring(0, parameter)) + "*";
            if (!patterns.contains(pattern)) {
                patterns.add(pattern);
            }
        }
        return patterns.stream()
                .filter(pattern -> patterns.stream()
                        .noneMatch(other ->
                                !other.equals(pattern) && pattern.startsWith(other.substring(0, other.length() - 1))))
                .toList();
    }

    /**
     * The site's files go to its bucket and invalidate the distribution; the api function learns
     * the domain clients reach it by (its links to media use it).
     */
    private void deploySiteAndTellApiTheCdnDomain(String siteSource) {
        if (site != null) {
            site.deploy(siteSource, cdn.getDistribution(), null);
        }
        api.getFunction().addEnvironment(EnvironmentVariables.CDN_DOMAIN, cdnDomain);
    }

    /**
     * Front-end revalidation after admin writes: the api function puts each change on a queue
     * (SQS-managed encryption, TLS only, a dead-letter queue after {@link
     * #REVALIDATION_MAX_RECEIVE_COUNT} deliveries); the {@code revalidation} worker takes it in
     * batches, reporting failed messages alone, invalidates the changed paths on this stack's
     * distribution and, when the stage has a {@code revalidateUrl}, calls it signed with a
     * generated secret. The worker names the distribution, never the api function: the api
     * function only names the queue, so nothing it depends on depends on the distribution.
     */
    private Revalidation createRevalidation(StageConfig stage, Blueprint blueprint, Code appCode) {
        Queue deadLetters = Queue.Builder.create(this, "RevalidationDeadLetterQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        String isDeadLetterQueue = "This queue is itself the dead-letter queue of the revalidation queue; a"
                + " dead-letter queue of a dead-letter queue adds nothing.";
        Compliance.suppress(deadLetters, "AwsSolutions-SQS3", isDeadLetterQueue);
        Compliance.suppress(deadLetters, "Serverless-SQSRedrivePolicy", isDeadLetterQueue);
        Queue queue = Queue.Builder.create(this, "RevalidationQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                // Lambda's advice for SQS event sources: six times the function's timeout.
                .visibilityTimeout(
                        Duration.seconds(6 * REVALIDATION_TIMEOUT.toSeconds().intValue()))
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetters)
                        .maxReceiveCount(REVALIDATION_MAX_RECEIVE_COUNT)
                        .build())
                .build();

        Secret secret = Secret.Builder.create(this, "RevalidationSecret")
                .description("Signs the calls to the front end's revalidation hook (HMAC-SHA256, header "
                        + Functions.REVALIDATION_SIGNATURE_HEADER + ")")
                .encryptionKey(stageKey)
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .build();
        String rotation = "The front end holds a copy of this value to check the hook's signature, outside AWS;"
                + " a scheduled rotation would make it refuse every call until someone copied the new value. It is"
                + " rotated deliberately: replace the secret's value, then the front end's copy.";
        for (String rule : List.of(
                "AwsSolutions-SMG4",
                "HIPAA.Security-SecretsManagerRotationEnabled",
                "NIST.800.53.R5-SecretsManagerRotationEnabled",
                "PCI.DSS.321-SecretsManagerRotationEnabled")) {
            Compliance.suppress(secret, rule, rotation);
        }

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(EnvironmentVariables.STAGE, stage.name());
        environment.put(EnvironmentVariables.BLUEPRINT, blueprint.name());
        environment.put(
                EnvironmentVariables.CDN_DISTRIBUTION_ID, cdn.getDistribution().getDistributionId());
        environment.put(EnvironmentVariables.REVALIDATION_SECRET_ARN, secret.getSecretArn());
        if (stage.revalidateUrl() != null) {
            environment.put(EnvironmentVariables.REVALIDATE_URL, stage.revalidateUrl());
        }
        ApiFunction worker = new ApiFunction(
                this,
                "Revalidation",
                ApiFunctionProps.builder()
                        .code(appCode)
                        .handler(Functions.REVALIDATION_HANDLER)
                        .description("Cairn " + blueprint.name() + " revalidation worker (" + stage.name() + ")")
                        .memorySize(FunctionSizes.REVALIDATION_MB)
                        .timeout(REVALIDATION_TIMEOUT)
                        .logRetention(stage.logRetention())
                        .logEncryptionKey(stageKey)
                        .environment(environment)
                        .build());
        SqsEventSource source = SqsEventSource.Builder.create(queue)
                .batchSize(REVALIDATION_BATCH_SIZE)
                .reportBatchItemFailures(true)
                .build();
        worker.getAlias().addEventSource(source);
        // The id aws-cdk-lib gives the mapping it adds to the alias.
        IConstruct mapping =
                worker.getAlias().getNode().findChild("SqsEventSource:" + Names.nodeUniqueId(queue.getNode()));
        Compliance.suppress(
                mapping,
                "Serverless-LambdaEventSourceMappingDestination",
                "Lambda supports on-failure destinations for stream and Kafka event sources only; for SQS the"
                        + " queue's redrive policy is the destination: a message failed "
                        + REVALIDATION_MAX_RECEIVE_COUNT + " times goes to the dead-letter queue, which alarms.");
        cdn.getDistribution().grantCreateInvalidation(worker);
        worker.grantReadSecretOfOtherStack(secret, stageKey);

        // Sending is all the api function does with the queue; SQS-managed encryption needs no key grant.
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(api)
                .actions(List.of("sqs:SendMessage"))
                .resourceArns(List.of(queue.getQueueArn()))
                .build());
        api.getFunction().addEnvironment(EnvironmentVariables.REVALIDATION_QUEUE_URL, queue.getQueueUrl());
        return new Revalidation(queue, deadLetters, secret, worker);
    }

    /**
     * The revalidation of site-owned content: the queue the api function sends to, its dead-letter
     * queue, the signing secret and the worker.
     */
    public record Revalidation(Queue queue, Queue deadLetterQueue, Secret secret, ApiFunction worker) {}

    /** New originals under {@code images/} invoke the media processor through this stack's rule. */
    private ObjectCreatedRoute routeOriginalsToMediaProcessor(DataStack data) {
        return data.media()
                .routeObjectCreated(
                        this, "MediaProcessorRoute", mediaProcessor.getAlias(), MediaLayout.ORIGINAL_EVENT_PATTERN);
    }

    /**
     * Alarms, dashboard and budget over the stack's functions (and the data stack's trigger), the
     * HTTP API, the tables and the dead-letter queues; a warning when nobody gets the alarms.
     */
    private void createObservability(StageConfig stage, Blueprint blueprint, DataStack data) {
        List<IFunction> functions = new ArrayList<>(List.of(
                api.getFunction(),
                mediaProcessor.getFunction(),
                data.postConfirmation().getFunction(),
                data.accessTokenScopes().getFunction()));
        List<IQueue> deadLetters = new ArrayList<>(List.of(mediaRoute.getDeadLetterQueue()));
        if (revalidation != null) {
            functions.add(revalidation.worker().getFunction());
            deadLetters.add(revalidation.deadLetterQueue());
        }
        if (search != null) {
            functions.add(search.indexer().getFunction());
            functions.add(search.reindex().getFunction());
            deadLetters.add(search.deadLetterQueue());
        }
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
                        .monthlyBudgetUsd(CostEstimates.budgetUsd(stage, blueprint.name()))
                        .alarmEmails(stage.alarmEmails())
                        .topicKey(stageKey)
                        .alarms(stage.spending().alarms())
                        .dashboard(stage.spending().dashboard())
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
    }

    /**
     * Where the API and the CDN answer: what operators and smoke tests read after a deploy. Returns
     * the CDN's URL.
     */
    private CfnOutput createOutputs() {
        CfnOutput.Builder.create(this, "ApiUrl").value(http.getUrl()).build();
        CfnOutput.Builder.create(this, "CdnDomainName")
                .description("Where clients reach the site, /media and /api")
                .value(cdnDomain)
                .build();
        return CfnOutput.Builder.create(this, "CdnUrl")
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
                                .filterPattern(FilterPattern.allTerms(Functions.COGNITO_LIMIT_EXCEEDED))
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
        environment.put(EnvironmentVariables.STAGE, stage.name());
        environment.put(EnvironmentVariables.BLUEPRINT, blueprint.name());
        environment.put(
                EnvironmentVariables.MEDIA_BUCKET, data.media().getBucket().getBucketName());
        environment.put(EnvironmentVariables.CDN_DOMAIN, cdnDomain);
        environment.put(
                Tables.IMAGES.environmentVariable(),
                data.tables().get(Tables.IMAGES.name()).getTable().getTableName());
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
                        .handler(Functions.MEDIA_PROCESSOR_HANDLER)
                        .description("Cairn " + blueprint.name() + " media processor (" + stage.name() + ")")
                        .memorySize(FunctionSizes.MEDIA_PROCESSOR_MB)
                        .timeout(Duration.minutes(2))
                        .logRetention(stage.logRetention())
                        .logEncryptionKey(stageKey)
                        .environment(environment)
                        .deadLetterQueue(failed)
                        .build());
        data.media().grantRead(processor, MediaLayout.IMAGES);
        data.media().grantUpload(processor, MediaLayout.IMAGES);
        data.media().grantDelete(processor, MediaLayout.IMAGES);
        data.tables().get(Tables.IMAGES.name()).grantItems(processor, Functions.MEDIA_PROCESSOR_IMAGES_ACTIONS);
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
        String prefixes = String.join(
                "|",
                MediaLayout.USER_PREFIXES.stream()
                        .map(prefix -> prefix.substring(0, prefix.length() - 1))
                        .toList());
        Compliance.suppressMatching(
                policy, "AwsSolutions-IAM5", objectAccess, "/^Resource::.*Media.*\\/(" + prefixes + ")\\/\\*$/");
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
        suppressKeyActionWildcards(function);
    }

    /**
     * The KMS action groups of aws-cdk-lib's write grants on a table encrypted with the stage's
     * key: DynamoDB asks for them to encrypt items, and they name that one key only.
     */
    static void suppressKeyActionWildcards(ApiFunction function) {
        Compliance.suppress(
                function.getRole().getNode().findChild("DefaultPolicy"),
                "AwsSolutions-IAM5",
                "kms:ReEncrypt* and kms:GenerateDataKey* are the key actions DynamoDB needs to write items"
                        + " encrypted with the stage's key (aws-cdk-lib's write grant); the resource is that one key.",
                "Action::kms:ReEncrypt*",
                "Action::kms:GenerateDataKey*");
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

    /** The revalidation of site-owned content, or null when the blueprint has none. */
    public Revalidation revalidation() {
        return revalidation;
    }

    /** Search in AWS, or null when the blueprint declares no search index. */
    public SearchTier search() {
        return search;
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
