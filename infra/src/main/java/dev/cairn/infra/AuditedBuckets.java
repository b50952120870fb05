package dev.cairn.infra;

import dev.cairn.contract.Blueprint;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * How the account stack finds the buckets it audits without referring to the blueprints' stacks:
 * each blueprint stack publishes its bucket's name in an SSM parameter with a fixed name, {@code
 * /cairn/BLUEPRINT/STAGE/audited-buckets/KIND}, and the account stack reads those parameters at
 * deploy time. No export, no stack dependency: either side is deployed, replaced or removed alone.
 */
public final class AuditedBuckets {
    /** The blueprint's media bucket (data stack). */
    public static final String MEDIA = "media";
    /** The blueprint's site bucket (service stack; blueprints with a site). */
    public static final String SITE = "site";

    private AuditedBuckets() {}

    /** The parameter that holds the name of a blueprint's {@code kind} bucket in {@code stage}. */
    public static String parameterName(String blueprint, String stage, String kind) {
        return "/cairn/" + blueprint + "/" + stage + "/audited-buckets/" + kind;
    }

    /** Publishes {@code bucket}'s name for the account stack. */
    static StringParameter publish(
            Construct scope, Blueprint blueprint, StageConfig stage, String kind, IBucket bucket) {
        return StringParameter.Builder.create(
                        scope, "AuditedBucket" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1))
                .parameterName(parameterName(blueprint.name(), stage.name(), kind))
                .description("The " + kind + " bucket of " + blueprint.name() + " (" + stage.name()
                        + "); the account stack audits its S3 data events")
                .stringValue(bucket.getBucketName())
                .build();
    }
}
