package dev.cairn.constructs;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.codedeploy.AutoRollbackConfig;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentGroup;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * A Java 25 Lambda function on arm64 with SnapStart, published behind the alias {@code live}
 * (the only thing callers use) and deployed by CodeDeploy with rollback.
 *
 * <p>It is an {@link IGrantable}: {@code table.grantApiData(apiFunction)} grants its role.
 */
public class ApiFunction extends Construct implements IGrantable {

    private final Role role;
    private final LogGroup logGroup;
    private final IKey logEncryptionKey;
    private final Function function;
    private final Alias alias;
    private final LambdaDeploymentGroup deploymentGroup;

    public ApiFunction(Construct scope, String id, ApiFunctionProps props) {
        super(scope, id);
        validate(props);

        this.logEncryptionKey = props.logEncryptionKey() != null
                ? props.logEncryptionKey()
                : ObservabilityDefaults.logsKey(this, "LogKey");
        this.logGroup = ObservabilityDefaults.encryptedLogGroup(
                this,
                "LogGroup",
                Objects.requireNonNullElse(props.logRetention(), ObservabilityDefaults.logRetention()),
                logEncryptionKey);

        // An own role instead of the default one with AWSLambdaBasicExecutionRole: that managed
        // policy may write to every log group; this role writes to its own log group only.
        this.role = Role.Builder.create(this, "ServiceRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Execution role of " + getNode().getPath())
                .build();
        logGroup.grantWrite(role);

        this.function = Function.Builder.create(this, "Resource")
                .runtime(ComputeDefaults.runtime())
                .architecture(ComputeDefaults.architecture())
                .code(props.code())
                .handler(props.handler())
                .description(props.description())
                .memorySize(Objects.requireNonNullElse(props.memorySize(), ComputeDefaults.MEMORY_SIZE_MB))
                .timeout(Objects.requireNonNullElse(props.timeout(), ComputeDefaults.TIMEOUT))
                .environment(props.environment())
                .reservedConcurrentExecutions(props.reservedConcurrentExecutions())
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE)
                .loggingFormat(LoggingFormat.JSON)
                .logGroup(logGroup)
                .role(role)
                .deadLetterQueue(props.deadLetterQueue())
                .build();

        // The warning fires before the version below exists; the alias always publishes one.
        Annotations.of(function)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish",
                        "Every deployment publishes a version (currentVersion) for the alias live.");
        this.alias = Alias.Builder.create(this, "LiveAlias")
                .aliasName(ComputeDefaults.LIVE_ALIAS)
                .version(function.getCurrentVersion())
                .build();

        boolean hasAlarms = !props.rollbackAlarms().isEmpty();
        this.deploymentGroup = LambdaDeploymentGroup.Builder.create(this, "Deployment")
                .alias(alias)
                .deploymentConfig(Objects.requireNonNullElse(
                        props.deploymentConfig(), ComputeDefaults.deploymentConfig(hasAlarms)))
                .alarms(props.rollbackAlarms())
                .autoRollback(AutoRollbackConfig.builder()
                        .failedDeployment(true)
                        .stoppedDeployment(true)
                        .deploymentInAlarm(hasAlarms)
                        .build())
                .build();

        suppressFindings(props);
    }

    private void suppressFindings(ApiFunctionProps props) {
        IConstruct policy = role.getNode().findChild("DefaultPolicy");
        String inline = "This policy belongs to this one execution role and holds only the statements CDK"
                + " grants generate for it; it is versioned in source control and deployed with the role."
                + " A managed policy would add reuse a single-purpose role does not need.";
        Compliance.suppress(policy, "HIPAA.Security-IAMNoInlinePolicy", inline);
        Compliance.suppress(policy, "NIST.800.53.R5-IAMNoInlinePolicy", inline);
        Compliance.suppress(policy, "PCI.DSS.321-IAMNoInlinePolicy", inline);
        Compliance.suppress(
                policy,
                "AwsSolutions-IAM5",
                "X-Ray's PutTraceSegments and PutTelemetryRecords support no resource-level permissions;"
                        + " '*' is the only resource they accept.",
                "Resource::*");
        Compliance.suppress(
                deploymentGroup.getRole(),
                "AwsSolutions-IAM4",
                "CodeDeploy assumes this role with AWSCodeDeployRoleForLambdaLimited, the AWS-maintained"
                        + " policy for Lambda deployments (alias updates, alarm reads, hook invocations only).",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited");
        String vpc = "The function calls only AWS service APIs (IAM-authorised, TLS) and no private network"
                + " resources; a VPC would add NAT cost and cold-start latency without isolating anything.";
        Compliance.suppress(function, "HIPAA.Security-LambdaInsideVPC", vpc);
        Compliance.suppress(function, "NIST.800.53.R5-LambdaInsideVPC", vpc);
        Compliance.suppress(function, "PCI.DSS.321-LambdaInsideVPC", vpc);
        if (props.deadLetterQueue() == null) {
            String sync = "Invoked synchronously through its alias (by API Gateway, by Cognito for a trigger, or by"
                    + " an SQS event source mapping, whose queue has its own dead-letter queue): a function's"
                    + " dead-letter queue only receives failed asynchronous invocations; errors are returned to the"
                    + " caller and logged.";
            Compliance.suppress(function, "HIPAA.Security-LambdaDLQ", sync);
            Compliance.suppress(function, "NIST.800.53.R5-LambdaDLQ", sync);
            Compliance.suppress(function, "Serverless-LambdaDLQ", sync);
        }
        if (props.reservedConcurrentExecutions() == null) {
            String concurrency =
                    "Concurrency is bounded by its caller's throttling (API stage, user pool) and the account limit;"
                            + " reserving it is a per-stage capacity decision (reservedConcurrentExecutions).";
            Compliance.suppress(function, "HIPAA.Security-LambdaConcurrency", concurrency);
            Compliance.suppress(function, "NIST.800.53.R5-LambdaConcurrency", concurrency);
        }
    }

    private void validate(ApiFunctionProps props) {
        PropsCheck check = new PropsCheck("ApiFunction");
        check.require("props", props);
        if (props != null) {
            check.require("code", props.code());
            check.require("handler", props.handler());
            check.notBlank("handler", props.handler());
            check.range("memorySize", props.memorySize(), 128, 10240);
            Duration timeout = props.timeout();
            if (timeout != null && !timeout.isUnresolved()) {
                check.range("timeout (seconds)", timeout.toSeconds(), 1, 900);
            }
            check.range("reservedConcurrentExecutions", props.reservedConcurrentExecutions(), 1, 100_000);
            props.environment().keySet().stream()
                    .filter(ComputeDefaults.RESERVED_ENVIRONMENT::contains)
                    .sorted()
                    .forEach(key -> check.check(
                            false, "environment must not set a name reserved by Lambda (value: " + key + ")"));
        }
        check.throwIfInvalid(getNode().getPath());
    }

    @Override
    public IPrincipal getGrantPrincipal() {
        return role;
    }

    /**
     * Reads {@code secret}, encrypted with {@code encryptionKey}, that another stack owns: {@link
     * Perms#SECRETS_READ} on the secret and {@link Perms#KMS_DECRYPT} on the key through Secrets
     * Manager only, both on this function's role alone. Unlike {@code secret.grantRead}, neither
     * the secret's nor the key's policy names the role, so the owning stack never depends on this
     * one.
     */
    public Grant grantReadSecretOfOtherStack(ISecret secret, IKey encryptionKey) {
        Grant grant = Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(this)
                .actions(Perms.SECRETS_READ)
                .resourceArns(List.of(secret.getSecretArn()))
                .build());
        return grant.combine(Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(this)
                .actions(Perms.KMS_DECRYPT)
                .resourceArns(List.of(encryptionKey.getKeyArn()))
                .conditions(Map.of(
                        "StringEquals",
                        Map.of(
                                "kms:ViaService",
                                "secretsmanager." + Stack.of(this).getRegion() + ".amazonaws.com")))
                .build()));
    }

    public Function getFunction() {
        return function;
    }

    /** The alias {@code live}: what API integrations, event sources and callers use. */
    public Alias getAlias() {
        return alias;
    }

    public Role getRole() {
        return role;
    }

    public LogGroup getLogGroup() {
        return logGroup;
    }

    public IKey getLogEncryptionKey() {
        return logEncryptionKey;
    }

    public LambdaDeploymentGroup getDeploymentGroup() {
        return deploymentGroup;
    }
}
