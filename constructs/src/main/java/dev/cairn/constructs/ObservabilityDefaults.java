package dev.cairn.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/** Secure defaults of the observability tier: log groups, their keys, alarms. */
public final class ObservabilityDefaults {

    private ObservabilityDefaults() {}

    /** Lambda errors as a share of invocations, in percent. */
    public static final double FUNCTION_ERROR_RATE_PERCENT = 1;
    /** API 5xx responses as a share of requests, in percent. */
    public static final double API_SERVER_ERROR_RATE_PERCENT = 0.1;
    /** p95 API latency target in milliseconds. */
    public static final double API_LATENCY_P95_MS = 1000;
    /** WAF blocked requests per period that count as a spike. */
    public static final double WAF_BLOCKED_REQUESTS = 100;
    /** Budget alerts at these shares of the monthly limit, in percent. */
    public static final List<Double> BUDGET_ALERT_PERCENTS = List.of(80.0, 100.0);

    public static RetentionDays logRetention() {
        return RetentionDays.ONE_MONTH;
    }

    /**
     * A KMS key CloudWatch Logs may use for the log groups of this account and region (the
     * service encrypts with it on behalf of the log group; nobody else gets a grant).
     */
    public static Key logsKey(Construct scope, String id) {
        Key key = Key.Builder.create(scope, id)
                .description("Encrypts CloudWatch Logs of " + scope.getNode().getPath())
                .enableKeyRotation(true)
                .build();
        allowLogs(key);
        return key;
    }

    /**
     * Lets CloudWatch Logs encrypt the log groups of the key's account and region with {@code
     * key} (its key policy gets the statement), so one key can serve logs beside other data.
     */
    public static void allowLogs(IKey key) {
        Stack stack = Stack.of(key);
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
                .actions(Perms.KMS_LOGS)
                .resources(List.of("*"))
                .conditions(Map.of(
                        "ArnLike",
                        Map.of(
                                "kms:EncryptionContext:aws:logs:arn",
                                stack.formatArn(ArnComponents.builder()
                                        .service("logs")
                                        .resource("log-group")
                                        .resourceName("*")
                                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                                        .build()))))
                .build());
    }

    public static LogGroup encryptedLogGroup(Construct scope, String id, RetentionDays retention, IKey key) {
        return LogGroup.Builder.create(scope, id)
                .retention(retention)
                .encryptionKey(key)
                .build();
    }
}
