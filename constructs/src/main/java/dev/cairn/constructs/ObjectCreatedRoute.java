package dev.cairn.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * An EventBridge rule that sends a bucket's {@code Object Created} events to a function, with two
 * retries, a two-hour maximum event age and an SQS dead-letter queue. Made by {@link
 * MediaBucket#routeObjectCreated}, in the scope it is given: the processor's stack can own the
 * rule, so the bucket's stack never refers to the function.
 */
public class ObjectCreatedRoute extends Construct {

    private final Rule rule;
    private final Queue deadLetterQueue;

    ObjectCreatedRoute(
            Construct scope, String id, String bucketName, Map<String, String> keyFilter, IFunction processor) {
        super(scope, id);
        this.deadLetterQueue = deadLetterQueue(this, "DeadLetterQueue");
        this.rule = rule(this, "Rule", deadLetterQueue, bucketName, keyFilter, processor);
    }

    static Queue deadLetterQueue(Construct scope, String id) {
        Queue queue = Queue.Builder.create(scope, id)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        String isDeadLetterQueue = "This queue is itself the dead-letter queue of the uploads rule's"
                + " Lambda target; a dead-letter queue of a dead-letter queue adds nothing.";
        Compliance.suppress(queue, "AwsSolutions-SQS3", isDeadLetterQueue);
        Compliance.suppress(queue, "Serverless-SQSRedrivePolicy", isDeadLetterQueue);
        return queue;
    }

    static Rule rule(
            Construct scope,
            String id,
            Queue deadLetterQueue,
            String bucketName,
            Map<String, String> keyFilter,
            IFunction processor) {
        String description = keyFilter.containsKey("prefix")
                ? "Object created under " + keyFilter.get("prefix") + " -> upload processor"
                : "Object created matching " + keyFilter.get("wildcard") + " -> upload processor";
        return Rule.Builder.create(scope, id)
                .description(description)
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.s3"))
                        .detailType(List.of("Object Created"))
                        .detail(Map.of(
                                "bucket",
                                Map.of("name", List.of(bucketName)),
                                "object",
                                Map.of("key", List.of(keyFilter))))
                        .build())
                .targets(List.of(new LambdaFunction(
                        processor,
                        LambdaFunctionProps.builder()
                                .deadLetterQueue(deadLetterQueue)
                                .retryAttempts(2)
                                .maxEventAge(Duration.hours(2))
                                .build())))
                .build();
    }

    public Rule getRule() {
        return rule;
    }

    /** Where events go after the function failed them three times or they aged out. */
    public Queue getDeadLetterQueue() {
        return deadLetterQueue;
    }
}
