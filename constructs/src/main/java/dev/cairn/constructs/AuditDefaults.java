package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.services.config.ManagedRuleIdentifiers;

/** Secure defaults of the account controls: audit trail, threat detection, configuration rules, cost alerts. */
public final class AuditDefaults {

    private AuditDefaults() {}

    /** Days a trail log file is kept in the log bucket. */
    public static final int TRAIL_LOG_RETENTION_DAYS = 365;

    /** CloudWatch namespace of the metrics the account controls publish. */
    public static final String METRIC_NAMESPACE = "Cairn/Audit";

    /** Object-level S3 calls on the audited buckets refused with AccessDenied. */
    public static final String ACCESS_DENIED_METRIC = "S3AccessDenied";

    /** At most this many audited buckets: one metric filter each, and a trail's data resources are bounded. */
    public static final int MAX_DATA_EVENT_BUCKETS = 50;

    /** Days AWS Config's delivery bucket keeps snapshots and history files. */
    public static final int CONFIG_RETENTION_DAYS = 365;

    /**
     * The AWS Config managed rules that check what every Cairn blueprint promises: tables and
     * buckets encrypted at rest, buckets never public and refusing plain HTTP, tables with
     * point-in-time recovery.
     */
    public static final List<String> CONFIG_RULES = List.of(
            ManagedRuleIdentifiers.DYNAMODB_TABLE_ENCRYPTED_KMS,
            ManagedRuleIdentifiers.DYNAMODB_PITR_ENABLED,
            ManagedRuleIdentifiers.S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED,
            ManagedRuleIdentifiers.S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED,
            ManagedRuleIdentifiers.S3_BUCKET_SSL_REQUESTS_ONLY);

    /** A cost anomaly is mailed once its total impact reaches this many US dollars. */
    public static final double ANOMALY_THRESHOLD_USD = 10;
}
