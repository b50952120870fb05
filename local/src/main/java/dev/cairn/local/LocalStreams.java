package dev.cairn.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Delivers DynamoDB Local's stream records the way Lambda's event source mapping delivers a
 * table's stream in AWS: in batches of at most {@value #BATCH} records per shard, in order, as
 * {@link DynamodbEvent} records, to a function that answers the records that failed. When some
 * fail, the batch is offered again from the earliest failed record (after {@value #RETRY_MILLIS}
 * ms), at most {@value #ATTEMPTS} times in all; then the rest of that batch is logged and skipped,
 * as the dead-letter queue takes it in AWS.
 *
 * <p>One daemon thread polls every stream's open shards, and sleeps {@value #IDLE_MILLIS} ms when
 * none had a record. Shards are read from their oldest record, a parent before its children.
 *
 * <p>DynamoDB Local can answer {@code TrimmedDataAccessException} to a GetRecords with an iterator
 * it handed out itself (seen while the relevance benchmark writes its corpus through the API; the
 * stream's records were all there): the iterator is then taken again from the same position, the
 * trim horizon or after the last record delivered, and reading goes on. Kept, the iterator failed
 * on every pass and nothing more was delivered.
 */
public final class LocalStreams implements AutoCloseable {
    static final int BATCH = 100;
    static final long IDLE_MILLIS = 100;
    static final long RETRY_MILLIS = 200;
    static final int ATTEMPTS = 5;
    /** How often the shards of each stream are listed again, to find the ones that opened since. */
    static final long SHARD_REFRESH_MILLIS = 1_000;

    private final DynamoDbStreamsClient streams;
    private final List<String> streamArns;
    private final Function<List<DynamodbEvent.DynamodbStreamRecord>, List<DynamodbEvent.DynamodbStreamRecord>> sink;
    private final Map<String, ShardReader> readers = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.AtomicLong passes = new java.util.concurrent.atomic.AtomicLong();
    private long shardsListedAt;

    /**
     * @param endpoint DynamoDB Local's endpoint (it serves the streams API too)
     * @param streamArns the streams to follow
     * @param sink applies a batch and answers the records that failed (none when all were applied)
     */
    LocalStreams(
            URI endpoint,
            List<String> streamArns,
            Function<List<DynamodbEvent.DynamodbStreamRecord>, List<DynamodbEvent.DynamodbStreamRecord>> sink) {
        this.streams = DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(LocalCairn.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.streamArns = List.copyOf(streamArns);
        this.sink = sink;
        this.thread = Thread.ofPlatform().daemon().name("cairn-local-streams").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** The passes over the shards completed so far, with or without records. */
    long passes() {
        return passes.get();
    }

    private void run() {
        while (running) {
            try {
                boolean delivered = poll();
                passes.incrementAndGet();
                if (!delivered) {
                    Thread.sleep(IDLE_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                System.err.println("The local stream poller failed, retrying: " + e);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** One pass over every open shard; whether any delivered a record. */
    private boolean poll() throws InterruptedException {
        long now = System.currentTimeMillis();
        if (now - shardsListedAt >= SHARD_REFRESH_MILLIS || readers.isEmpty()) {
            listShards();
            shardsListedAt = now;
        }
        boolean delivered = false;
        for (ShardReader reader : List.copyOf(readers.values())) {
            delivered |= reader.read();
            if (reader.closed) {
                readers.remove(reader.shardId);
                finished.add(reader.shardId);
                shardsListedAt = 0;
            }
        }
        return delivered;
    }

    private void listShards() {
        for (String arn : streamArns) {
            List<Shard> shards = new ArrayList<>();
            String start = null;
            do {
                String from = start;
                var description = streams.describeStream(r -> r.streamArn(arn).exclusiveStartShardId(from))
                        .streamDescription();
                shards.addAll(description.shards());
                start = description.lastEvaluatedShardId();
            } while (start != null);
            Set<String> listed = new HashSet<>();
            shards.forEach(s -> listed.add(s.shardId()));
            for (Shard shard : shards) {
                String parent = shard.parentShardId();
                boolean parentDone = parent == null || !listed.contains(parent) || finished.contains(parent);
                if (parentDone && !finished.contains(shard.shardId()) && !readers.containsKey(shard.shardId())) {
                    readers.put(shard.shardId(), new ShardReader(arn, shard.shardId()));
                }
            }
        }
    }

    /** Reads one shard from its oldest record, remembering the last sequence number delivered. */
    private final class ShardReader {
        final String streamArn;
        final String shardId;
        String iterator;
        String lastSequence;
        boolean closed;

        ShardReader(String streamArn, String shardId) {
            this.streamArn = streamArn;
            this.shardId = shardId;
        }

        boolean read() throws InterruptedException {
            if (iterator == null) {
                iterator = iterator();
            }
            GetRecordsResponse response;
            try {
                String from = iterator;
                response = streams.getRecords(r -> r.shardIterator(from).limit(BATCH));
            } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
                // Taken again from the same position on the next pass.
                iterator = null;
                return false;
            }
            iterator = response.nextShardIterator();
            closed = iterator == null;
            if (response.records().isEmpty()) {
                return false;
            }
            deliver(response.records().stream().map(r -> event(streamArn, r)).toList());
            lastSequence = response.records().getLast().dynamodb().sequenceNumber();
            return true;
        }

        private String iterator() {
            if (lastSequence != null) {
                try {
                    return streams.getShardIterator(r -> r.streamArn(streamArn)
                                    .shardId(shardId)
                                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                    .sequenceNumber(lastSequence))
                            .shardIterator();
                } catch (TrimmedDataAccessException e) {
                    // The records after the last one delivered are gone (past the stream's retention):
                    // as in AWS, what is left is read from the oldest record.
                    System.err.println("Stream records of shard " + shardId + " after sequence number " + lastSequence
                            + " were trimmed before they were delivered; reading from the oldest record left");
                    lastSequence = null;
                }
            }
            return streams.getShardIterator(r ->
                            r.streamArn(streamArn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
        }
    }

    private void deliver(List<DynamodbEvent.DynamodbStreamRecord> batch) throws InterruptedException {
        List<DynamodbEvent.DynamodbStreamRecord> pending = batch;
        for (int attempt = 1; ; attempt++) {
            List<DynamodbEvent.DynamodbStreamRecord> failed;
            try {
                failed = sink.apply(pending);
            } catch (RuntimeException e) {
                System.err.println("The search indexer failed on a batch of " + pending.size() + " records: " + e);
                failed = pending;
            }
            if (failed.isEmpty()) {
                return;
            }
            // As Lambda does with a reported failure: offer the batch again from the earliest failed record.
            int earliest = pending.size();
            for (DynamodbEvent.DynamodbStreamRecord record : failed) {
                earliest = Math.min(earliest, pending.indexOf(record));
            }
            pending = pending.subList(Math.max(earliest, 0), pending.size());
            if (attempt >= ATTEMPTS) {
                System.err.println("The search indexer skipped " + pending.size() + " stream records after "
                        + ATTEMPTS + " attempts, from sequence number "
                        + pending.getFirst().getDynamodb().getSequenceNumber());
                return;
            }
            Thread.sleep(RETRY_MILLIS * attempt);
        }
    }

    /** A DynamoDB Streams record as Lambda hands it to a function. */
    public static DynamodbEvent.DynamodbStreamRecord event(String streamArn, Record record) {
        DynamodbEvent.DynamodbStreamRecord event = new DynamodbEvent.DynamodbStreamRecord();
        event.setEventID(record.eventID());
        event.setEventName(record.eventNameAsString());
        event.setEventVersion(record.eventVersion());
        event.setEventSource("aws:dynamodb");
        event.setAwsRegion(LocalCairn.REGION);
        event.setEventSourceARN(streamArn);
        var source = record.dynamodb();
        StreamRecord stream = new StreamRecord();
        stream.setSequenceNumber(source.sequenceNumber());
        stream.setSizeBytes(source.sizeBytes());
        if (source.streamViewTypeAsString() != null) {
            stream.setStreamViewType(StreamViewType.fromValue(source.streamViewTypeAsString()));
        }
        if (source.approximateCreationDateTime() != null) {
            stream.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        stream.setKeys(attributes(source.keys()));
        if (source.hasNewImage()) {
            stream.setNewImage(attributes(source.newImage()));
        }
        if (source.hasOldImage()) {
            stream.setOldImage(attributes(source.oldImage()));
        }
        event.setDynamodb(stream);
        return event;
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> attributes(
            Map<String, AttributeValue> values) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> converted =
                new LinkedHashMap<>();
        values.forEach((name, value) -> converted.put(name, attribute(value)));
        return converted;
    }

    static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue attribute(AttributeValue value) {
        var converted = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case B -> converted.setB(value.b().asByteBuffer());
            case SS -> converted.setSS(value.ss());
            case NS -> converted.setNS(value.ns());
            case BS ->
                converted.setBS(value.bs().stream().map(SdkBytes::asByteBuffer).toList());
            case M -> converted.setM(attributes(value.m()));
            case L ->
                converted.setL(value.l().stream().map(LocalStreams::attribute).toList());
            case BOOL -> converted.setBOOL(value.bool());
            case NUL -> converted.setNULL(true);
            default -> throw new IllegalArgumentException("unknown attribute type (value: " + value + ")");
        }
        return converted;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.close();
    }
}
