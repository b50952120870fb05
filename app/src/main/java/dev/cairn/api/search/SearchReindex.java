package dev.cairn.api.search;

import dev.cairn.api.blueprint.BlueprintServes;
import dev.cairn.api.data.TableNames;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.SearchIndex;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Rebuilds a search index from its table without downtime, in steps that can each run in one
 * Lambda invocation:
 *
 * <ol>
 *   <li>{@link #begin}: a new index {@code NAME-vVERSION-MILLIS} with the current mapping, and the
 *       alias {@code NAME-next} on it. From then on the indexer writes every change to it too.
 *   <li>{@link #segment}: one segment of a parallel scan of the table, bulk-indexed into {@code
 *       NAME-next} with the items' versions as external versions (a newer version the stream
 *       already wrote wins). Segments run in parallel; one that runs out of time answers where to
 *       go on from.
 *   <li>{@link #finish}: {@code NAME} moves to the new index and {@code NAME-next} goes, in one
 *       atomic alias change; the old index is deleted. Searches answer throughout, from the old
 *       index until the swap and from the new one after.
 * </ol>
 *
 * {@link #abort} deletes an unfinished new index instead.
 */
@Singleton
@Requires(condition = SearchDeclared.class)
public final class SearchReindex {
    private static final Logger LOG = LoggerFactory.getLogger(SearchReindex.class);
    /** Items per scan page, and so per bulk request. */
    static final int PAGE = 250;

    private final OpenSearchClient client;
    private final DynamoDbClient dynamoDb;
    private final SearchAliases aliases;
    private final Blueprint blueprint;
    private final TableNames tables;

    @Inject
    public SearchReindex(
            OpenSearchClient client,
            DynamoDbClient dynamoDb,
            @Property(name = BlueprintServes.PROPERTY) String blueprint,
            TableNames tables) {
        this(client, dynamoDb, Blueprints.find(blueprint).orElseThrow(), tables);
    }

    public SearchReindex(OpenSearchClient client, DynamoDbClient dynamoDb, Blueprint blueprint, TableNames tables) {
        this.client = client;
        this.dynamoDb = dynamoDb;
        this.aliases = new SearchAliases(client);
        this.blueprint = blueprint;
        this.tables = tables;
    }

    /** The search index named {@code name} of the blueprint; fails naming the ones it has. */
    public SearchIndex index(String name) {
        return blueprint.searchIndexes().stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("index must be one of blueprint " + blueprint.name()
                        + "'s search indexes "
                        + blueprint.searchIndexes().stream()
                                .map(SearchIndex::name)
                                .toList()
                        + " (value: " + name + ")"));
    }

    /** What {@link #begin} made: the new index, and the one searches read until {@link #finish}. */
    public record Begun(String index, String next, String current) {}

    /** Creates the new index behind {@code NAME-next}; refuses while another reindex is under way. */
    public Begun begin(String indexName) {
        SearchIndex index = index(indexName);
        SearchAliases.Targets targets = aliases.targets(index);
        if (targets.next() != null) {
            throw new IllegalStateException("a reindex of " + indexName + " is under way: "
                    + SearchMappings.nextAlias(index) + " points at " + targets.next()
                    + "; finish it, or abort it to start again");
        }
        String next = SearchMappings.indexName(index, System.currentTimeMillis());
        aliases.create(next, index, blueprint, SearchMappings.nextAlias(index));
        LOG.info("Reindex of {} began: {} (searches read {})", indexName, next, targets.current());
        return new Begun(indexName, next, targets.current());
    }

    /**
     * What a segment wrote.
     *
     * @param scanned items read from the table
     * @param indexed documents written (or already there in a newer version)
     * @param skipped ids of items that cannot be indexed (no version, no key), left out
     * @param after where to go on from when the segment stopped early (null when it is done)
     */
    public record SegmentResult(
            String index,
            int segment,
            int segments,
            long scanned,
            long indexed,
            List<String> skipped,
            Map<String, String> after) {}

    /**
     * Indexes segment {@code segment} of {@code segments} of the table into {@code NAME-next},
     * from {@code after} (null: the start); stops early, answering where to go on, once {@code
     * remainingMillis} falls below a minute.
     */
    public SegmentResult segment(
            String indexName, int segment, int segments, Map<String, String> after, LongSupplier remainingMillis) {
        SearchIndex index = index(indexName);
        if (segments < 1 || segments > 1_000 || segment < 0 || segment >= segments) {
            throw new IllegalArgumentException("segment must be 0.." + (segments - 1) + " of 1..1000 segments (value: "
                    + segment + " of " + segments + ")");
        }
        if (aliases.targets(index).next() == null) {
            throw new IllegalStateException("no reindex of " + indexName + " is under way ("
                    + SearchMappings.nextAlias(index) + " does not exist): begin one first");
        }
        SearchDocuments documents = new SearchDocuments(index, blueprint);
        String target = SearchMappings.nextAlias(index);
        String table = tables.of(index.table());
        Map<String, AttributeValue> start = after == null || after.isEmpty() ? null : decodeKey(after);
        long scanned = 0;
        long indexed = 0;
        List<String> skipped = new ArrayList<>();
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(r -> r.tableName(table)
                    .segment(segment)
                    .totalSegments(segments)
                    .limit(PAGE)
                    .consistentRead(true)
                    .exclusiveStartKey(from));
            List<BulkOperation> operations = new ArrayList<>();
            for (Map<String, AttributeValue> item : page.items()) {
                scanned++;
                SearchDocuments.Document document;
                try {
                    document = documents.document(item);
                } catch (IllegalArgumentException e) {
                    LOG.warn("Reindex of {} left out an item: {}", indexName, e.getMessage());
                    skipped.add(describe(documents, item));
                    continue;
                }
                operations.add(BulkOperation.of(o -> o.index(i -> i.index(target)
                        .id(document.id())
                        .version(document.version())
                        .versionType(VersionType.External)
                        .document(new SearchSource(document.source())))));
            }
            indexed += write(indexName, operations);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && remainingMillis.getAsLong() > 60_000);
        return new SegmentResult(
                indexName, segment, segments, scanned, indexed, skipped, start == null ? null : encodeKey(start));
    }

    /** What {@link #finish} did: the index searches now read, and the one it deleted (null if none). */
    public record Finished(String index, String current, String deleted, long documents) {}

    /** Points {@code NAME} at the new index and removes {@code NAME-next} atomically; deletes the old index. */
    public Finished finish(String indexName) {
        SearchIndex index = index(indexName);
        SearchAliases.Targets targets = aliases.targets(index);
        if (targets.next() == null) {
            throw new IllegalStateException("no reindex of " + indexName + " is under way ("
                    + SearchMappings.nextAlias(index) + " does not exist): begin one first");
        }
        aliases.refresh(targets.next());
        long documents = aliases.count(targets.next());
        aliases.swap(index, targets.current(), targets.next());
        LOG.info(
                "Reindex of {} finished: {} ({} documents) replaced {}",
                indexName,
                targets.next(),
                documents,
                targets.current());
        return new Finished(indexName, targets.next(), targets.current(), documents);
    }

    /** Deletes the index behind {@code NAME-next}, if any: searches keep reading {@code NAME}. */
    public Finished abort(String indexName) {
        SearchIndex index = index(indexName);
        SearchAliases.Targets targets = aliases.targets(index);
        if (targets.next() != null) {
            aliases.delete(targets.next());
        }
        return new Finished(indexName, targets.current(), targets.next(), -1);
    }

    private long write(String indexName, List<BulkOperation> operations) {
        if (operations.isEmpty()) {
            return 0;
        }
        BulkResponse response;
        try {
            response = client.bulk(b -> b.operations(operations).requireAlias(true));
        } catch (IOException e) {
            throw new UncheckedIOException("The search engine did not take a bulk request of reindex " + indexName, e);
        }
        long written = 0;
        List<String> refused = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            if (SearchIndexer.applied(item)) {
                written++;
            } else {
                refused.add(item.id() + " (" + item.status()
                        + (item.error() == null ? "" : ": " + item.error().reason()) + ")");
            }
        }
        if (!refused.isEmpty()) {
            // The step fails and is run again: every write is versioned, so what was written stays right.
            throw new IllegalStateException("The search engine refused " + refused.size() + " documents of reindex "
                    + indexName + ": " + refused.subList(0, Math.min(5, refused.size())));
        }
        return written;
    }

    private static String describe(SearchDocuments documents, Map<String, AttributeValue> item) {
        try {
            return documents.id(item);
        } catch (IllegalArgumentException e) {
            return item.keySet().toString();
        }
    }

    /** A scan's key as text: {@code S:value} or {@code N:value} per key attribute. */
    static Map<String, String> encodeKey(Map<String, AttributeValue> key) {
        Map<String, String> encoded = new LinkedHashMap<>();
        key.forEach((name, value) -> encoded.put(name, value.n() != null ? "N:" + value.n() : "S:" + value.s()));
        return encoded;
    }

    static Map<String, AttributeValue> decodeKey(Map<String, String> encoded) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        encoded.forEach((name, value) -> {
            if (value.startsWith("N:")) {
                key.put(name, AttributeValue.fromN(value.substring(2)));
            } else if (value.startsWith("S:")) {
                key.put(name, AttributeValue.fromS(value.substring(2)));
            } else {
                throw new IllegalArgumentException(
                        "after." + name + " must be S:TEXT or N:NUMBER (value: " + value + ")");
            }
        });
        return key;
    }
}
