package dev.cairn.api.revalidation;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.util.SupplierUtil;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * In AWS: each change goes, as its JSON, on the revalidation queue ({@code
 * cairn.revalidation.queue-url}, from {@code CAIRN_REVALIDATION_QUEUE_URL}), whose worker ({@link
 * RevalidationHandler}) delivers it with retries and a dead-letter queue. Sending is one short
 * SQS call; if it fails the change is logged and lost, and the write that caused it still
 * succeeds (the CDN's short max-age bounds how stale the public answers stay).
 */
@Singleton
@Requires(property = "cairn.revalidation.queue-url", pattern = ".+")
@Requires(property = "cairn.revalidation.delivery", notEquals = "in-process")
final class SqsContentChanges implements ContentChanges {
    private static final Logger LOG = LoggerFactory.getLogger(SqsContentChanges.class);

    /** Built on first use: only writes of site-owned content send a message. */
    private final Supplier<SqsClient> sqs;

    private final JsonMapper json;
    private final String queueUrl;

    @Inject
    SqsContentChanges(
            BeanProvider<SqsClient> sqs, JsonMapper json, @Value("${cairn.revalidation.queue-url}") String queueUrl) {
        this(SupplierUtil.memoized(sqs::get), json, queueUrl);
    }

    SqsContentChanges(SqsClient sqs, JsonMapper json, String queueUrl) {
        this((Supplier<SqsClient>) () -> sqs, json, queueUrl);
    }

    private SqsContentChanges(Supplier<SqsClient> sqs, JsonMapper json, String queueUrl) {
        this.sqs = sqs;
        this.json = json;
        this.queueUrl = queueUrl;
    }

    @Override
    public void changed(ContentChange change) {
        try {
            String body = messageBody(change);
            sqs.get().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        } catch (IOException | RuntimeException e) {
            LOG.error(
                    "The revalidation of {} (tags {}) could not be queued on {}: {}",
                    change.sitePaths(),
                    change.tags(),
                    queueUrl,
                    e.toString());
        }
    }

    /** The message: the change as JSON, which the worker reads back. */
    String messageBody(ContentChange change) throws IOException {
        return json.writeValueAsString(change);
    }
}
