package dev.cairn.constructs;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/** The S3 server access log bucket a storage construct creates, with its findings explained. */
final class AccessLogBuckets {

    private AccessLogBuckets() {}

    /** The log props a bucket construct shares: retention only for a log bucket it creates, a prefix. */
    static void validate(PropsCheck check, Integer retentionDays, IBucket givenLogBucket, String prefix) {
        check.range("accessLogRetentionDays", retentionDays, 90, 3650);
        check.check(
                retentionDays == null || givenLogBucket == null,
                "accessLogRetentionDays applies only to the created log bucket; it is set with"
                        + " serverAccessLogsBucket (value: " + retentionDays + ")");
        check.notBlank("serverAccessLogsPrefix", prefix);
    }

    static Bucket create(Construct scope, String id, int retentionDays, RemovalPolicy removalPolicy) {
        Bucket logs = StorageDefaults.accessLogBucket(scope, id, retentionDays, removalPolicy);
        String loop = "This bucket is the server access log destination; logging its own access would"
                + " write a log record for every log delivery, without end.";
        Compliance.suppress(logs, "AwsSolutions-S1", loop);
        Compliance.suppress(logs, "HIPAA.Security-S3BucketLoggingEnabled", loop);
        Compliance.suppress(logs, "NIST.800.53.R5-S3BucketLoggingEnabled", loop);
        Compliance.suppress(logs, "PCI.DSS.321-S3BucketLoggingEnabled", loop);
        String sseS3 = "S3 server access log delivery supports only SSE-S3 on the destination bucket"
                + " (AWS S3 user guide); the logs are encrypted at rest with SSE-S3.";
        Compliance.suppress(logs, "HIPAA.Security-S3DefaultEncryptionKMS", sseS3);
        Compliance.suppress(logs, "NIST.800.53.R5-S3DefaultEncryptionKMS", sseS3);
        Compliance.suppress(logs, "PCI.DSS.321-S3DefaultEncryptionKMS", sseS3);
        suppressReplication(
                logs,
                "Access logs are kept in-region, versioned, for their retention period; a cross-region"
                        + " copy is a per-deployment disaster-recovery decision outside this construct.");
        return logs;
    }

    static void suppressReplication(Bucket target, String reason) {
        Compliance.suppress(target, "HIPAA.Security-S3BucketReplicationEnabled", reason);
        Compliance.suppress(target, "NIST.800.53.R5-S3BucketReplicationEnabled", reason);
        Compliance.suppress(target, "PCI.DSS.321-S3BucketReplicationEnabled", reason);
    }
}
