package dev.cairn.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Everything that differs between stages, in one typed record. A new stage is one more entry in
 * {@link #STAGES}.
 *
 * @param name the stage name, also the suffix of every stack name
 * @param account the AWS account; null: the CLI's ({@code CDK_DEFAULT_ACCOUNT})
 * @param region the AWS region; null: the CLI's ({@code CDK_DEFAULT_REGION})
 * @param removalPolicy what happens to stateful resources when their stack goes (DESTROY only in dev)
 * @param logRetention how long logs are kept
 * @param terminationProtection whether stateful stacks refuse deletion
 * @param apiMemoryMb the api function's memory
 */
public record StageConfig(
        String name,
        String account,
        String region,
        RemovalPolicy removalPolicy,
        RetentionDays logRetention,
        boolean terminationProtection,
        int apiMemoryMb) {

    public static final StageConfig DEV =
            new StageConfig("dev", null, null, RemovalPolicy.DESTROY, RetentionDays.ONE_WEEK, false, 1024);
    public static final StageConfig STAGING =
            new StageConfig("staging", null, null, RemovalPolicy.RETAIN, RetentionDays.ONE_MONTH, true, 1024);
    public static final StageConfig PROD =
            new StageConfig("prod", null, null, RemovalPolicy.RETAIN, RetentionDays.ONE_MONTH, true, 1024);

    public static final Map<String, StageConfig> STAGES =
            Map.of(DEV.name(), DEV, STAGING.name(), STAGING, PROD.name(), PROD);

    public static StageConfig named(String name) {
        StageConfig stage = STAGES.get(name);
        if (stage == null) {
            throw new IllegalArgumentException("stage must be one of "
                    + List.copyOf(new java.util.TreeSet<>(STAGES.keySet())) + " (value: " + name + ")");
        }
        return stage;
    }

    /** The same stage in a given account and region (from context or the CLI's environment). */
    public StageConfig in(String account, String region) {
        return new StageConfig(name, account, region, removalPolicy, logRetention, terminationProtection, apiMemoryMb);
    }
}
