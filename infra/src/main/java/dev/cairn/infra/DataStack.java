package dev.cairn.infra;

import dev.cairn.constructs.ApiFunction;
import dev.cairn.constructs.ApiFunctionProps;
import dev.cairn.constructs.AuthPool;
import dev.cairn.constructs.AuthPoolProps;
import dev.cairn.constructs.Compliance;
import dev.cairn.constructs.DataTable;
import dev.cairn.constructs.DataTableProps;
import dev.cairn.constructs.MediaBucket;
import dev.cairn.constructs.MediaBucketProps;
import dev.cairn.constructs.StorageDefaults;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.EnvironmentVariables;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Functions;
import dev.cairn.contract.MediaLayout;
import dev.cairn.contract.TableDefinition;
import dev.cairn.contract.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.backup.BackupPlan;
import software.amazon.awscdk.services.backup.BackupPlanRule;
import software.amazon.awscdk.services.backup.IBackupPlan;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The stateful tier of one blueprint and stage: its tables, the media bucket and the user pool.
 * Outside dev everything is retained and protected from deletion, and the stack itself is
 * termination-protected.
 *
 * <p>The user pool's post-confirmation trigger ({@code auth-triggers}) lives here too: the pool
 * names the function, so a function in the service stack would make this stack depend on that
 * one while that one depends on this (see docs/adr/0003-stacks-and-cross-stack-references.md).
 * So does the pre token generation trigger ({@code AccessTokenScopeTrigger}), which keeps Cognito's
 * user-API scope out of every access token but the API's internal client's; it learns that
 * client's id from an SSM parameter with a fixed name, {@link #internalClientIdParameterName}, as
 * naming the client in its environment would be a cycle (pool, trigger, client, pool). See
 * docs/adr/0010-access-tokens-without-cognito-scope.md.
 */
public final class DataStack extends Stack {
    /**
     * For site-owned content (the portfolio): old media versions go to Glacier Flexible Retrieval
     * after this many days.
     */
    static final int PORTFOLIO_NONCURRENT_ARCHIVE_DAYS = 90;
    /** Originals, beside their variants under {@code images/}: the CDN may never read them there. */
    static final String ORIGINALS_KEY_PATTERN = MediaLayout.IMAGES + "*/*/original.*";

    static final String DISPOSABLE = "The dev stage is disposable: its data is test data and the stage is"
            + " torn down with `cdk destroy`; staging and prod retain and protect it.";

    private final Map<String, DataTable> tables = new LinkedHashMap<>();
    private final MediaBucket media;
    private final AuthPool auth;
    private final ApiFunction postConfirmation;
    private final ApiFunction accessTokenScopes;
    private final UserPoolClient internalClient;
    private final Secret signingSecret;
    private final Key stageKey;
    private final List<String> browserOrigins;

    public DataStack(
            Construct scope,
            String id,
            StackProps props,
            StageConfig stage,
            Blueprint blueprint,
            List<String> corsOrigins,
            Code appCode) {
        super(scope, id, props);
        this.browserOrigins = browserOrigins(stage, corsOrigins);
        boolean portfolio = blueprint.serves(Feature.PORTFOLIO);
        // A search index follows its table through the table's stream: old and new images, so a
        // removal knows the version it deletes.
        java.util.Set<String> searchable = new java.util.HashSet<>();
        blueprint.searchIndexes().forEach(index -> searchable.add(index.table().name()));
        this.stageKey = StageKey.createInDataStack(this, stage, blueprint.name());
        // One plan for all the stage's tables, where point-in-time recovery is not enough.
        IBackupPlan backupPlan = stage.spending().awsBackup() ? backupPlan(stage, blueprint) : null;
        for (TableDefinition spec : blueprint.allTables()) {
            DataTable table = new DataTable(
                    this,
                    constructId(spec.name()) + "Table",
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
                            .timeToLiveAttribute(spec.timeToLive())
                            .stream(searchable.contains(spec.name()) ? StreamViewType.NEW_AND_OLD_IMAGES : null)
                            .encryptionKey(stageKey)
                            .backupPlan(backupPlan)
                            .withoutBackupReason(backupPlan == null ? StageConfig.PITR_ONLY : null)
                            .deletionProtection(stage.retainsData())
                            .removalPolicy(stage.removalPolicy())
                            .build());
            tables.put(spec.name(), table);
            disposableInDev(stage, table);
        }
        this.media = new MediaBucket(
                this,
                "Media",
                MediaBucketProps.builder()
                        .encryptionKey(stageKey)
                        .corsAllowedOrigins(browserOrigins)
                        // The *.cloudfront.net name is made with the distribution in the service stack,
                        // which depends on this one; see docs/adr/0007-infrastructure-defaults-that-work-in-aws.md.
                        .corsAllowCloudFrontDomains(stage.domainName() == null)
                        // Receipts live at private/USER/receipts/...: the app tags them for this rule.
                        .archivePrefix(blueprint.privateMedia() ? MediaLayout.ARCHIVE_PREFIX : null)
                        .archiveTags(blueprint.privateMedia() ? MediaLayout.RECEIPT_ARCHIVE_TAGS : null)
                        .archiveAfterDays(blueprint.privateMedia() ? 365 : null)
                        .noncurrentVersionExpirationDays(noncurrentVersionDays(stage, blueprint))
                        .noncurrentVersionArchiveDays(portfolio ? PORTFOLIO_NONCURRENT_ARCHIVE_DAYS : null)
                        // Browser uploads wait under uploads/; processed images are read often, then rarely.
                        .uploadsPrefix(MediaLayout.UPLOADS)
                        .intelligentTieringPrefix(MediaLayout.IMAGES)
                        .removalPolicy(stage.removalPolicy())
                        .build());
        disposableInDev(stage, media);
        AuditedBuckets.publish(this, blueprint, stage, AuditedBuckets.MEDIA, media.getBucket());
        // The CDN (in the service stack) serves the processed images; everything else stays private.
        media.grantCdnRead(MediaLayout.IMAGES);
        if (portfolio) {
            // Only the variants are public: the photographer's full-size originals never leave the bucket.
            media.denyCdnRead(ORIGINALS_KEY_PATTERN);
        }

        this.postConfirmation = new ApiFunction(
                this,
                "PostConfirmation",
                ApiFunctionProps.builder()
                        .code(appCode)
                        .handler(Functions.POST_CONFIRMATION_HANDLER)
                        .description("Cairn " + blueprint.name() + " post-confirmation trigger (" + stage.name() + ")")
                        .memorySize(FunctionSizes.POST_CONFIRMATION_MB)
                        // Cognito waits 5 seconds for a trigger.
                        .timeout(Duration.seconds(5))
                        .logRetention(stage.logRetention())
                        .logEncryptionKey(stageKey)
                        .environment(postConfirmationEnvironment(stage, blueprint))
                        .build());
        tables.get(Tables.USERS.name()).grantItems(postConfirmation, Functions.POST_CONFIRMATION_USERS_ACTIONS);
        ServiceStack.suppressKeyActionWildcards(postConfirmation);
        // Its log group goes with the stage's data: kept outside dev, removed with dev.
        postConfirmation.getLogGroup().applyRemovalPolicy(stage.removalPolicy());

        String internalClientParameter = internalClientIdParameterName(blueprint, stage);
        this.accessTokenScopes = new ApiFunction(
                this,
                "AccessTokenScopes",
                ApiFunctionProps.builder()
                        .code(appCode)
                        .handler(Functions.ACCESS_TOKEN_SCOPE_HANDLER)
                        .description(
                                "Cairn " + blueprint.name() + " pre token generation trigger (" + stage.name() + ")")
                        .memorySize(FunctionSizes.ACCESS_TOKEN_SCOPE_MB)
                        // Cognito waits 5 seconds for a trigger.
                        .timeout(Duration.seconds(5))
                        .logRetention(stage.logRetention())
                        .logEncryptionKey(stageKey)
                        .environment(Map.of(EnvironmentVariables.INTERNAL_CLIENT_ID_PARAMETER, internalClientParameter))
                        .build());
        // Its ARN is built from the name: no reference to the parameter, which names the client.
        StringParameter.fromStringParameterName(this, "InternalClientIdByName", internalClientParameter)
                .grantRead(accessTokenScopes);
        accessTokenScopes.getLogGroup().applyRemovalPolicy(stage.removalPolicy());

        this.auth = new AuthPool(
                this,
                "Auth",
                AuthPoolProps.builder()
                        .postConfirmation(postConfirmation.getAlias())
                        .preTokenGeneration(accessTokenScopes.getAlias())
                        .groups(List.of("admin"))
                        .featurePlan(stage.spending().userPoolPlan())
                        // Outside dev, codes go out through SES: Cognito's own mailer stops at about 50 a day.
                        .emailFrom(stage.emailFrom())
                        .deletionProtection(stage.retainsData())
                        .removalPolicy(stage.removalPolicy())
                        .build());
        disposableInDev(stage, auth);
        if (stage.spending().userPoolPlan() != FeaturePlan.PLUS) {
            Compliance.suppress(auth.getUserPool(), "AwsSolutions-COG3", StageConfig.ESSENTIALS_PLAN);
            Annotations.of(auth).acknowledgeWarning("@cairn/constructs:featurePlan", StageConfig.ESSENTIALS_PLAN);
        }
        this.internalClient = auth.addInternalClient("InternalClient");
        StringParameter.Builder.create(this, "InternalClientId")
                .parameterName(internalClientParameter)
                .description("The API's internal app client: the token trigger keeps Cognito's user-API scope for it")
                .stringValue(internalClient.getUserPoolClientId())
                .build();

        // Signs list cursors and keys the hashes of API keys: replacing it would void every API key,
        // so it is data, kept with the tables.
        this.signingSecret = Secret.Builder.create(this, "Signing")
                .description("The API's signing secret: list cursors and API key hashes are keyed from it")
                .encryptionKey(stageKey)
                .removalPolicy(stage.removalPolicy())
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .build();
        String rotation = "API keys are stored only as hashes keyed from this secret, so a rotation would void"
                + " every key clients hold; it is replaced deliberately (and keys re-issued) instead.";
        for (String rule : List.of(
                "AwsSolutions-SMG4",
                "HIPAA.Security-SecretsManagerRotationEnabled",
                "NIST.800.53.R5-SecretsManagerRotationEnabled",
                "PCI.DSS.321-SecretsManagerRotationEnabled")) {
            Compliance.suppress(signingSecret, rule, rotation);
        }
    }

    /**
     * AWS Backup beyond point-in-time recovery's 35 days: a monthly copy of every table kept a year,
     * in one vault for the stage; it outlives a deleted table and the PITR window.
     */
    private BackupPlan backupPlan(StageConfig stage, Blueprint blueprint) {
        return BackupPlan.Builder.create(this, "BackupPlan")
                .backupPlanName("cairn-" + blueprint.name() + "-" + stage.name())
                .backupPlanRules(List.of(BackupPlanRule.monthly1Year()))
                .build();
    }

    /**
     * How long old media versions stay recoverable: the stage's days; for the portfolio, whose old
     * versions are archived after {@link #PORTFOLIO_NONCURRENT_ARCHIVE_DAYS}, at least the
     * archive's minimum storage duration after that, so they expire later than they move and are
     * never deleted early at a charge.
     */
    static int noncurrentVersionDays(StageConfig stage, Blueprint blueprint) {
        if (!blueprint.serves(Feature.PORTFOLIO)) {
            return stage.noncurrentVersionDays();
        }
        return Math.max(
                stage.noncurrentVersionDays(),
                PORTFOLIO_NONCURRENT_ARCHIVE_DAYS + StorageDefaults.NONCURRENT_ARCHIVE_MINIMUM_DAYS);
    }

    /**
     * What the trigger reads. Not the pool's or its client's id: the pool names the trigger, so the
     * trigger cannot name the pool (CloudFormation would see a cycle); the event carries both.
     */
    private Map<String, String> postConfirmationEnvironment(StageConfig stage, Blueprint blueprint) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(EnvironmentVariables.STAGE, stage.name());
        environment.put(EnvironmentVariables.BLUEPRINT, blueprint.name());
        environment.put(
                Tables.USERS.environmentVariable(),
                tables.get(Tables.USERS.name()).getTable().getTableName());
        return environment;
    }

    /** The SSM parameter that holds the internal client's id: fixed per blueprint and stage. */
    static String internalClientIdParameterName(Blueprint blueprint, StageConfig stage) {
        return "/cairn/" + blueprint.name() + "/" + stage.name() + "/internal-client-id";
    }

    /**
     * The origins of the stage's browser clients: its custom domain, then {@code -c corsOrigins}.
     * The media bucket lets them upload and the HTTP API answers their CORS requests.
     */
    static List<String> browserOrigins(StageConfig stage, List<String> corsOrigins) {
        java.util.Set<String> origins = new java.util.LinkedHashSet<>();
        if (stage.domainName() != null) {
            origins.add("https://" + stage.domainName());
        }
        origins.addAll(corsOrigins);
        return List.copyOf(origins);
    }

    /** In dev only, the construct's warnings about weakened data protection are expected. */
    static void disposableInDev(StageConfig stage, IConstruct construct) {
        if (stage.retainsData()) {
            return;
        }
        for (String prop : List.of("removalPolicy", "deletionProtection")) {
            Annotations.of(construct).acknowledgeWarning("@cairn/constructs:" + prop, DISPOSABLE);
        }
    }

    private static Attribute attribute(TableDefinition.Key key) {
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

    /**
     * The stage's browser origins ({@link #browserOrigins(StageConfig, List)}); empty when the
     * stage has no custom domain and no {@code -c corsOrigins}.
     */
    public List<String> browserOrigins() {
        return browserOrigins;
    }

    public AuthPool auth() {
        return auth;
    }

    /**
     * The stage's key for its data at rest in this region ({@link StageKey}): tables, media, logs,
     * secrets and alarm topics of every stack of the stage here.
     */
    public Key stageKey() {
        return stageKey;
    }

    /** The API's signing secret (list cursors, API key hashes). */
    public Secret signingSecret() {
        return signingSecret;
    }

    /** The user pool's pre token generation trigger, which keeps Cognito's user-API scope out of access tokens. */
    public ApiFunction accessTokenScopes() {
        return accessTokenScopes;
    }

    /** The API's internal app client (TOTP enrolment); its id is not an accepted audience. */
    public UserPoolClient internalClient() {
        return internalClient;
    }

    /** The user pool's post-confirmation trigger, which creates the user's profile. */
    public ApiFunction postConfirmation() {
        return postConfirmation;
    }
}
