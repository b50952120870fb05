package dev.cairn.api.search;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Applies a batch of a searchable table's stream records to its search index, in one bulk
 * request: an INSERT or MODIFY indexes the new image's document, a REMOVE deletes the document.
 * Every write carries the item's version as an external version (a REMOVE the old image's version
 * plus one), so the index keeps the newest write whatever order records arrive in, and a replayed
 * record changes nothing: the engine's 409 (a newer version is there) counts as applied.
 *
 * <p>Writes go to the alias {@code NAME} and, while a reindex runs, to {@code NAME-next} too, so
 * the index being built misses no change. The alias must exist ({@code require_alias}): a write
 * never creates an index with a guessed mapping. When neither alias exists yet the index is
 * created first, from {@link SearchMappings}.
 *
 * <p>Records that could not be applied are answered, in the batch's order: a record whose item has
 * no version, or one the engine refused.
 */
@Singleton
@Requires(condition = SearchDeclared.class)
public final class SearchIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);

    private final OpenSearchClient client;
    private final SearchAliases aliases;
    private final Blueprint blueprint;
    private final Map<String, SearchDocuments> byTable = new LinkedHashMap<>();

    @Inject
    public SearchIndexer(
            OpenSearchClient client, @Property(name = BlueprintServes.PROPERTY) String blueprint, TableNames tables) {
        this(client, Blueprints.find(blueprint).orElseThrow(), tables);
    }

    /**
     * @param client the engine
     * @param blueprint whose search indexes are fed
     * @param tables the deployed names of the tables: a record's table is read from its stream's ARN
     */
    public SearchIndexer(OpenSearchClient client, Blueprint blueprint, TableNames tables) {
        this.client = client;
        this.aliases = new SearchAliases(client);
        this.blueprint = blueprint;
        for (SearchIndex index : blueprint.searchIndexes()) {
            byTable.put(tables.of(index.table()), new SearchDocuments(index, blueprint));
        }
    }

    /**
     * Creates each index of the blueprint that has neither its alias nor a reindex under way, with
     * its alias; answers the index behind each alias by the alias's name.
     */
    public Map<String, String> ensureIndexes() {
        Map<String, String> indices = new LinkedHashMap<>();
        for (SearchDocuments documents : byTable.values()) {
            indices.put(documents.index().name(), aliases.ensure(documents.index(), blueprint));
        }
        return indices;
    }

    /** The blueprint whose indexes it feeds. */
    public Blueprint blueprint() {
        return blueprint;
    }

    /**
     * Applies {@code records} (one stream's batch, in order); answers those that failed, in their
     * order. Records of a table no index reads are skipped.
     */
    public List<DynamodbEvent.DynamodbStreamRecord> index(List<DynamodbEvent.DynamodbStreamRecord> records) {
        Set<DynamodbEvent.DynamodbStreamRecord> failed = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<SearchIndex, List<String>> targets = new LinkedHashMap<>();
        List<BulkOperation> operations = new ArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> operationRecords = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            SearchDocuments documents = byTable.get(tableOf(record.getEventSourceARN()));
            if (documents == null) {
                continue;
            }
            Change prepared;
            try {
                prepared = prepare(documents, record);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Stream record {} (sequence number {}) cannot be indexed: {}",
                        record.getEventID(),
                        sequenceNumber(record),
                        e.getMessage());
                failed.add(record);
                continue;
            }
            List<String> writeTo;
            try {
                writeTo = targets.computeIfAbsent(documents.index(), this::writeTargets);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Search index {} is not reachable: {}",
                        documents.index().name(),
                        e.toString());
                failed.add(record);
                continue;
            }
            for (String target : writeTo) {
                operations.add(prepared.operation(target));
                operationRecords.add(record);
            }
        }
        if (!operations.isEmpty()) {
            failed.addAll(send(operations, operationRecords));
        }
        return records.stream().filter(failed::contains).toList();
    }

    private List<DynamodbEvent.DynamodbStreamRecord> send(
            List<BulkOperation> operations, List<DynamodbEvent.DynamodbStreamRecord> operationRecords) {
        BulkResponse response;
        try {
            response = client.bulk(b -> b.operations(operations).requireAlias(true));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search engine refused a bulk request of {} writes: {}", operations.size(), e.toString());
            return operationRecords;
        }
        List<DynamodbEvent.DynamodbStreamRecord> failed = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < operationRecords.size(); i++) {
            BulkResponseItem item = i < items.size() ? items.get(i) : null;
            if (item == null || !applied(item)) {
                DynamodbEvent.DynamodbStreamRecord record = operationRecords.get(i);
                LOG.warn(
                        "Search index {} refused stream record {} (sequence number {}): {} {}",
                        item == null ? null : item.index(),
                        record.getEventID(),
                        sequenceNumber(record),
                        item == null ? "no answer" : item.status(),
                        item == null || item.error() == null ? "" : item.error().reason());
                failed.add(record);
            }
        }
        return failed;
    }

    /**
     * Whether a write took effect or need not: written, a newer version already there (409), or
     * a delete of a document that is not there.
     */
    static boolean applied(BulkResponseItem item) {
        int status = item.status();
        if (status >= 200 && status < 300 || status == 409) {
            return true;
        }
        return status == 404 && item.error() == null && "not_found".equals(item.result());
    }

    private List<String> writeTargets(SearchIndex index) {
        SearchAliases.Targets targets = aliases.targets(index);
        if (targets.current() == null && targets.next() == null) {
            aliases.ensure(index, blueprint);
            targets = aliases.targets(index);
        }
        List<String> writeTo = new ArrayList<>();
        if (targets.current() != null) {
            writeTo.add(index.name());
        }
        if (targets.next() != null) {
            writeTo.add(SearchMappings.nextAlias(index));
        }
        return writeTo;
    }

    /** One record's write, ready for any target alias. */
    private record Change(String id, long version, SearchSource source) {
        BulkOperation operation(String target) {
            if (source == null) {
                return BulkOperation.of(o ->
                        o.delete(d -> d.index(target).id(id).version(version).versionType(VersionType.External)));
            }
            return BulkOperation.of(o -> o.index(i -> i.index(target)
                    .id(id)
                    .version(version)
                    .versionType(VersionType.External)
                    .document(source)));
        }
    }

    /** The write a record asks for; fails, saying why, when it cannot be indexed. */
    private static Change prepare(SearchDocuments documents, DynamodbEvent.DynamodbStreamRecord record) {
        var change = record.getDynamodb();
        if (change == null) {
            throw new IllegalArgumentException("the record has no change");
        }
        if ("REMOVE".equals(record.getEventName())) {
            String id = documents.id(change.getKeys() == null ? Map.of() : attributes(change.getKeys()));
            Map<String, AttributeValue> old = change.getOldImage() == null ? null : attributes(change.getOldImage());
            return new Change(id, SearchDocuments.version(old, id) + 1, null);
        }
        if (change.getNewImage() == null) {
            throw new IllegalArgumentException("a " + record.getEventName()
                    + " record must carry the new image: the stream's view type must be NEW_AND_OLD_IMAGES");
        }
        SearchDocuments.Document document = documents.document(attributes(change.getNewImage()));
        return new Change(document.id(), document.version(), new SearchSource(document.source()));
    }

    /** The table name in a stream's ARN: {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL}. */
    static String tableOf(String streamArn) {
        if (streamArn == null) {
            return null;
        }
        int table = streamArn.indexOf(":table/");
        if (table < 0) {
            return null;
        }
        int end = streamArn.indexOf('/', table + ":table/".length());
        return streamArn.substring(table + ":table/".length(), end < 0 ? streamArn.length() : end);
    }

    private static String sequenceNumber(DynamodbEvent.DynamodbStreamRecord record) {
        return record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
    }

    /** Stream attributes (the Lambda events library's) as the SDK's. */
    static Map<String, AttributeValue> attributes(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> values) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        values.forEach((name, value) -> converted.put(name, attribute(value)));
        return converted;
    }

    static AttributeValue attribute(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
        if (value.getS() != null) {
            return AttributeValue.fromS(value.getS());
        }
        if (value.getN() != null) {
            return AttributeValue.fromN(value.getN());
        }
        if (value.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(value.getB().duplicate()));
        }
        if (value.getSS() != null) {
            return AttributeValue.fromSs(value.getSS());
        }
        if (value.getNS() != null) {
            return AttributeValue.fromNs(value.getNS());
        }
        if (value.getBS() != null) {
            return AttributeValue.fromBs(value.getBS().stream()
                    .map(b -> SdkBytes.fromByteBuffer(b.duplicate()))
                    .toList());
        }
        if (value.getM() != null) {
            return AttributeValue.fromM(attributes(value.getM()));
        }
        if (value.getL() != null) {
            return AttributeValue.fromL(
                    value.getL().stream().map(SearchIndexer::attribute).toList());
        }
        if (value.getBOOL() != null) {
            return AttributeValue.fromBool(value.getBOOL());
        }
        return AttributeValue.fromNul(true);
    }
}
