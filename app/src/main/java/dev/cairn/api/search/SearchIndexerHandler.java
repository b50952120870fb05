package dev.cairn.api.search;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The search indexer function: a searchable table's stream (an event source mapping with {@code
 * ReportBatchItemFailures}) applied to its index by {@link SearchIndexer}. When records fail it
 * answers the earliest one's sequence number: Lambda offers the batch again from there (the
 * records before it are applied; the ones after it are applied again, which changes nothing as
 * every write is versioned), and after the mapping's retries sends it to the dead-letter queue.
 */
public class SearchIndexerHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final SearchIndexer indexer;

    /** Used by the Lambda runtime: configuration comes from the function's environment. */
    public SearchIndexerHandler() {
        this(ApplicationContext.run());
    }

    public SearchIndexerHandler(ApplicationContext context) {
        this(context.getBean(SearchIndexer.class));
    }

    public SearchIndexerHandler(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) {
            return new StreamsEventResponse(failures);
        }
        List<DynamodbEvent.DynamodbStreamRecord> failed = indexer.index(event.getRecords());
        if (!failed.isEmpty()) {
            // The batch's order is the stream's: its first failed record is the earliest.
            failures.add(new StreamsEventResponse.BatchItemFailure(
                    failed.getFirst().getDynamodb().getSequenceNumber()));
        }
        return new StreamsEventResponse(failures);
    }
}
