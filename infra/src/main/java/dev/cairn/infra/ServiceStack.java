package dev.cairn.infra;

import dev.cairn.constructs.ApiFunction;
import dev.cairn.constructs.ApiFunctionProps;
import dev.cairn.constructs.Compliance;
import dev.cairn.constructs.DataTable;
import dev.cairn.constructs.HttpServiceApi;
import dev.cairn.constructs.HttpServiceApiProps;
import dev.cairn.constructs.Observability;
import dev.cairn.constructs.ObservabilityProps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The stateless tier: the {@code api} function (SnapStart, alias {@code live}, CodeDeploy canary
 * outside dev) behind the HTTP API with its JWT authorizer, and the alarms, dashboard and budget.
 */
public final class ServiceStack extends Stack {
    private final ApiFunction api;
    private final HttpServiceApi http;

    public ServiceStack(
            Construct scope,
            String id,
            StackProps props,
            StageConfig stage,
            Blueprint blueprint,
            DataStack data,
            Code apiCode) {
        super(scope, id, props);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(ApiContract.STAGE, stage.name());
        environment.put(ApiContract.BLUEPRINT, blueprint.name());
        environment.put(ApiContract.USER_POOL_ID, data.auth().getUserPool().getUserPoolId());
        environment.put(ApiContract.CLIENT_ID, data.auth().getClient().getUserPoolClientId());
        environment.put(ApiContract.MEDIA_BUCKET, data.media().getBucket().getBucketName());
        for (TableSpec spec : blueprint.allTables()) {
            environment.put(
                    spec.environmentVariable(),
                    data.tables().get(spec.logicalName()).getTable().getTableName());
        }
        if (stage.domainName() != null) {
            environment.put(ApiContract.CDN_DOMAIN, stage.domainName());
        }
        this.api = new ApiFunction(
                this,
                "Api",
                ApiFunctionProps.builder()
                        .code(apiCode)
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
        data.media().grantUpload(api, "uploads/");
        data.media().grantRead(api, "uploads/");
        data.media().grantDelete(api, "uploads/");
        data.media().grantUpload(api, "images/");
        data.media().grantRead(api, "images/");
        data.media().grantDelete(api, "images/");

        suppressGrantWildcards();

        this.http = new HttpServiceApi(
                this,
                "Http",
                HttpServiceApiProps.builder()
                        .handler(api.getAlias())
                        .userPool(data.auth().getUserPool())
                        .userPoolClients(List.of(data.auth().getClient()))
                        .publicRoutes(ApiContract.PUBLIC_ROUTES)
                        .accessLogRetention(stage.logRetention())
                        .build());
        new Observability(
                this,
                "Observability",
                ObservabilityProps.builder()
                        .functions(List.of(api.getFunction()))
                        .httpApis(List.of(http.getApi()))
                        .tables(data.tables().values().stream()
                                .map(DataTable::getTable)
                                .map(t -> (software.amazon.awscdk.services.dynamodb.ITable) t)
                                .toList())
                        .functionErrorRatePercent(stage.lambdaErrorRatePercent())
                        .apiServerErrorRatePercent(stage.apiServerErrorRatePercent())
                        .apiLatencyP95Millis((double) stage.apiP95LatencyMs())
                        .monthlyBudgetUsd(stage.monthlyBudgetUsd())
                        .build());
        CfnOutput.Builder.create(this, "ApiUrl").value(http.getUrl()).build();
    }

    /** The wildcards the grants above carry, each scoped to this blueprint's own resources. */
    private void suppressGrantWildcards() {
        IConstruct policy = api.getRole().getNode().findChild("DefaultPolicy");
        Compliance.suppressMatching(
                policy,
                "AwsSolutions-IAM5",
                "Query on the global secondary indexes of this blueprint's own tables: the wildcard is the"
                        + " index part of one table's ARN (TABLE_ARN/index/*), never another table.",
                "/^Resource::.*Table.*\\/index\\/\\*$/");
        Compliance.suppressMatching(
                policy,
                "AwsSolutions-IAM5",
                "Object access is limited to the uploads/ and images/ prefixes of this stack's media bucket;"
                        + " the API puts the caller's user id after the prefix and checks it before every call.",
                "/^Resource::.*Media.*\\/(uploads|images)\\/\\*$/");
        Compliance.suppress(
                policy,
                "AwsSolutions-IAM5",
                "The read and delete action groups of aws-cdk-lib's bucket grants (object reads and versions,"
                        + " bucket location and listing for the user's own prefixes, object and version deletion),"
                        + " on the media bucket and the two prefixes above only.",
                "Action::s3:GetObject*",
                "Action::s3:GetBucket*",
                "Action::s3:List*",
                "Action::s3:DeleteObject*");
    }

    public ApiFunction api() {
        return api;
    }

    public HttpServiceApi http() {
        return http;
    }
}
