package dev.cairn.infra;

import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The stateless tier: the {@code api} function (SnapStart, alias {@code live}) behind an HTTP API.
 * The later tiers (data, edge, CDN) come as their own stacks.
 */
public final class ServiceStack extends Stack {
    static final String HANDLER = "dev.cairn.api.ApiHandler::handleRequest";

    private final Alias apiAlias;

    public ServiceStack(
            Construct scope, String id, StackProps props, StageConfig stage, String blueprint, Code apiCode) {
        super(scope, id, props);
        LogGroup logs = LogGroup.Builder.create(this, "ApiLogs")
                .retention(stage.logRetention())
                .removalPolicy(stage.removalPolicy())
                .build();
        Function api = Function.Builder.create(this, "Api")
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .handler(HANDLER)
                .code(apiCode)
                .memorySize(stage.apiMemoryMb())
                .timeout(Duration.seconds(29))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE)
                .logGroup(logs)
                .environment(Map.of(
                        "CAIRN_STAGE",
                        stage.name(),
                        "CAIRN_BLUEPRINT",
                        blueprint,
                        "JAVA_TOOL_OPTIONS",
                        "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"))
                .build();
        // Callers only ever reach the published version behind the alias, so SnapStart applies.
        Annotations.of(api)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish", "Invoked only through the live alias");
        this.apiAlias = Alias.Builder.create(this, "ApiLive")
                .aliasName("live")
                .version(api.getCurrentVersion())
                .build();
        HttpApi http = HttpApi.Builder.create(this, "HttpApi")
                .description("Cairn " + blueprint + " API (" + stage.name() + ")")
                .defaultIntegration(new HttpLambdaIntegration("ApiIntegration", apiAlias))
                .build();
        CfnOutput.Builder.create(this, "ApiUrl").value(http.getApiEndpoint()).build();
    }

    public Alias apiAlias() {
        return apiAlias;
    }
}
