package dev.cairn.api.revalidation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revalidation worker: takes the revalidation queue's messages (an SQS event source with
 * {@code ReportBatchItemFailures}) and delivers each with {@link RevalidationDelivery}. It answers
 * the failed messages' ids (the shape of the Lambda events library's {@code SQSBatchResponse}), so
 * SQS deletes the delivered ones and offers only the others again; one message's failure never
 * undoes another's delivery. A body that is not a change fails too, and ends in the dead-letter
 * queue where it can be read.
 */
public class RevalidationHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RevalidationHandler.class);

    private final RevalidationDelivery delivery;
    private final JsonMapper json;

    /** Used by the Lambda runtime: configuration comes from the function's environment. */
    public RevalidationHandler() {
        this(ApplicationContext.run());
    }

    public RevalidationHandler(ApplicationContext context) {
        this(context.getBean(RevalidationDelivery.class), context.getBean(JsonMapper.class));
    }

    RevalidationHandler(RevalidationDelivery delivery, JsonMapper json) {
        this.delivery = delivery;
        this.json = json;
    }

    /** The part of SQS's event the worker reads. */
    @Serdeable
    record SqsEvent(@Nullable @JsonProperty("Records") List<Message> records) {}

    /** One SQS message of the event. */
    @Serdeable
    record Message(@Nullable String messageId, @Nullable String body) {}

    /** The partial batch response: the messages to offer again. */
    @Serdeable
    record BatchResponse(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<ItemFailure> batchItemFailures) {}

    /** One failed message. */
    @Serdeable
    record ItemFailure(String itemIdentifier) {}

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SqsEvent event = json.readValue(input.readAllBytes(), SqsEvent.class);
        output.write(json.writeValueAsBytes(handle(event)));
    }

    BatchResponse handle(SqsEvent event) {
        List<ItemFailure> failures = new ArrayList<>();
        if (event == null || event.records() == null) {
            return new BatchResponse(failures);
        }
        for (Message message : event.records()) {
            try {
                ContentChange change = json.readValue(message.body(), ContentChange.class);
                delivery.deliver(change, message.messageId());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Revalidation message {} failed: {}", message.messageId(), e.toString());
                failures.add(new ItemFailure(message.messageId()));
            }
        }
        return new BatchResponse(failures);
    }
}
