package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;

/**
 * A bucket in one stack whose events a function in another stack processes, a CDN of another
 * stack reading it, a worker granted single item actions, and dead-letter queues on alarm.
 */
class WorkerWiringTest {

    private static Stack data;
    private static Stack service;
    private static MediaBucket media;
    private static DataTable table;
    private static ObjectCreatedRoute route;
    private static NagAudit.Findings dataNag;
    private static NagAudit.Findings serviceNag;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        data = TestApps.stack(app, "Data");
        service = TestApps.stack(app, "Service");
        media = new MediaBucket(data, "Media");
        media.grantCdnRead("images/");
        table = new DataTable(
                data,
                "Images",
                DataTableProps.builder()
                        .partitionKey(Attribute.builder()
                                .name("userId")
                                .type(AttributeType.STRING)
                                .build())
                        .build());
        IFunction processor = Function.fromFunctionArn(
                service, "Processor", "arn:aws:lambda:eu-west-1:123456789012:function:images:live");
        route = media.routeObjectCreated(service, "Route", processor, "images/*/original.*");
        Role worker = Role.Builder.create(service, "Worker")
                .assumedBy(new AccountRootPrincipal())
                .build();
        table.grantItems(worker, List.of("dynamodb:GetItem", "dynamodb:PutItem"));
        new Observability(
                service,
                "Obs",
                ObservabilityProps.builder()
                        .deadLetterQueues(List.of(route.getDeadLetterQueue()))
                        .build());
        dataNag = NagAudit.audit(data);
        serviceNag = NagAudit.audit(service);
    }

    @Test
    void theRuleLivesWithTheProcessorAndTheBucketNeverRefersToIt() {
        Template.fromStack(service)
                .hasResourceProperties(
                        "AWS::Events::Rule",
                        Match.objectLike(Map.of(
                                "EventPattern",
                                Match.objectLike(Map.of(
                                        "detail",
                                        Match.objectLike(Map.of(
                                                "object",
                                                Map.of(
                                                        "key",
                                                        List.of(Map.of("wildcard", "images/*/original.*"))))))))));
        Template dataTemplate = Template.fromStack(data);
        dataTemplate.resourceCountIs("AWS::Events::Rule", 0);
        dataTemplate.hasResourceProperties(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "NotificationConfiguration",
                        Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", true)))));
        assertThat(data.getDependencies()).doesNotContain(service);
        assertThat(service.getDependencies()).contains(data);
        assertThat(route.getRule().getStack()).isSameAs(service);
    }

    @Test
    void cloudFrontOfThisAccountMayReadOnlyTheGrantedPrefix() {
        String policy =
                Template.fromStack(data).findResources("AWS::S3::BucketPolicy").toString();
        assertThat(policy)
                .contains("Service=cloudfront.amazonaws.com")
                .contains("/images/*")
                .contains(":distribution/*")
                .doesNotContain("/uploads/*");
        assertThat(Template.fromStack(data).findResources("AWS::KMS::Key").toString())
                .contains("cloudfront.amazonaws.com")
                .contains("kms:Decrypt");
    }

    @Test
    void aWorkerGetsOnlyTheItemActionsItNeeds() {
        String policies =
                Template.fromStack(service).findResources("AWS::IAM::Policy").toString();
        assertThat(policies).contains("dynamodb:GetItem").contains("dynamodb:PutItem");
        assertThat(policies).doesNotContain("dynamodb:Query").doesNotContain("dynamodb:DeleteItem");
    }

    @Test
    void aDeadLetterQueueAlarmsOnItsFirstMessage() {
        Template.fromStack(service)
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "MetricName", "ApproximateNumberOfMessagesVisible",
                                "Threshold", 0,
                                "EvaluationPeriods", 1)));
    }

    @Test
    void bothStacksAreNagClean() {
        assertThat(dataNag.errors()).isEmpty();
        assertThat(dataNag.warnings()).isEmpty();
        // The worker role is a bare test fixture; what it is granted is checked above.
        assertThat(serviceNag.errors()).allMatch(finding -> finding.startsWith("/Service/Worker/"));
        assertThat(serviceNag.warnings()).allMatch(finding -> finding.startsWith("/Service/Worker/"));
    }

    @Test
    void failsIfTheItemActionsIncludeScan() {
        Stack stack = TestApps.stack(TestApps.app(), "Scan");
        DataTable items = new DataTable(
                stack,
                "Items",
                DataTableProps.builder()
                        .partitionKey(Attribute.builder()
                                .name("pk")
                                .type(AttributeType.STRING)
                                .build())
                        .build());
        Role role = Role.Builder.create(stack, "Scanner")
                .assumedBy(new AccountRootPrincipal())
                .build();
        assertThatThrownBy(() -> items.grantItems(role, List.of("dynamodb:Scan")))
                .hasMessageContaining("actions must be a non-empty subset of")
                .hasMessageContaining("(value: [dynamodb:Scan])");
    }

    @Test
    void failsIfTheRoutePatternMatchesEveryKey() {
        App app = TestApps.app();
        Stack stack = TestApps.stack(app, "Bad");
        MediaBucket bucket = new MediaBucket(stack, "Media");
        Function processor = Function.Builder.create(stack, "Processor")
                .runtime(Runtime.JAVA_25)
                .handler("example.Handler")
                .code(TestApps.code())
                .build();
        assertThatThrownBy(() -> bucket.routeObjectCreated(stack, "Route", processor, "**"))
                .hasMessageContaining("uploadProcessorKeyPattern must be a key pattern")
                .hasMessageContaining("(value: **)");
    }
}
