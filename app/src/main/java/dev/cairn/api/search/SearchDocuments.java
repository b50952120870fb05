package dev.cairn.api.search;

import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Language;
import dev.cairn.contract.SearchIndex;
import dev.cairn.contract.TableDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns an item of a searchable table into its search document: the id (the partition key's
 * value, or {@code PK:SK} when the table has a sort key), the version (the item's {@code version}
 * attribute, which is also the document's external version) and the source: the index's declared
 * fields and the reserved ones of {@link SearchMappings}, nothing else of the item.
 */
public final class SearchDocuments {
    /** The item attribute the collection engine counts writes in: 1 when created, one more per write. */
    public static final String VERSION_ATTRIBUTE = "version";

    private final SearchIndex index;
    private final List<Language> languages;

    public SearchDocuments(SearchIndex index, Blueprint blueprint) {
        this(index, blueprint.searchLanguages());
    }

    public SearchDocuments(SearchIndex index, List<Language> languages) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException(
                    "languages of search index " + index.name() + " must not be empty (value: [])");
        }
        this.index = index;
        this.languages = List.copyOf(languages);
    }

    /** The index whose documents these are. */
    public SearchIndex index() {
        return index;
    }

    /**
     * A search document.
     *
     * @param id the document's {@code _id}
     * @param version the item's version: the external version every write uses
     * @param source the document's fields
     */
    public record Document(String id, long version, Map<String, Object> source) {}

    /**
     * A DynamoDB number as the document holds it: a whole number stays whole (a search answers
     * {@code 50} where the item says 50, not {@code 50.0}); any other is a double, as the index maps it.
     */
    static Number number(String n) {
        BigDecimal value = new BigDecimal(n);
        if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
            try {
                return value.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return value.doubleValue();
            }
        }
        return value.doubleValue();
    }

    /** The document of {@code item}; fails naming the item when its key or version is missing. */
    public Document document(Map<String, AttributeValue> item) {
        String id = id(item);
        long version = version(item, id);
        TableDefinition table = index.table();
        Map<String, Object> source = new LinkedHashMap<>();
        Language language = language(item);
        for (SearchIndex.Field field : index.fields()) {
            AttributeValue value = item.get(field.name());
            if (value == null || Boolean.TRUE.equals(value.nul())) {
                continue;
            }
            switch (field.kind()) {
                case TEXT -> {
                    List<String> texts = strings(value);
                    if (!texts.isEmpty()) {
                        Object text = texts.size() == 1 && value.s() != null ? texts.getFirst() : texts;
                        source.put(field.name(), text);
                        source.put(SearchMappings.languageField(field.name(), language), text);
                    }
                }
                case KEYWORD -> {
                    List<String> keywords = strings(value);
                    if (!keywords.isEmpty()) {
                        source.put(field.name(), value.s() != null ? keywords.getFirst() : keywords);
                    }
                }
                case NUMBER -> {
                    if (value.n() != null) {
                        source.put(field.name(), number(value.n()));
                    }
                }
            }
        }
        String itemId = table.sortKey() != null
                ? keyValue(item, table.sortKey().name(), id)
                : keyValue(item, table.partitionKey().name(), id);
        source.put(SearchMappings.ITEM_ID, itemId);
        AttributeValue owner = item.get(index.access().ownerAttribute());
        source.put(SearchMappings.OWNER, owner == null ? null : scalar(owner));
        source.put(
                SearchMappings.READERS,
                index.access().readersAttribute() == null
                        ? List.of()
                        : strings(item.get(index.access().readersAttribute())));
        source.put(SearchMappings.PUBLIC, isPublic(item));
        source.put(SearchMappings.VERSION, version);
        source.put(SearchMappings.LANGUAGE, language.code());
        putString(source, SearchMappings.CREATED_AT, item.get(SearchMappings.CREATED_AT));
        putString(source, SearchMappings.UPDATED_AT, item.get(SearchMappings.UPDATED_AT));
        return new Document(id, version, source);
    }

    /** The {@code _id} of the item with the key {@code keys} (a whole item will do). */
    public String id(Map<String, AttributeValue> keys) {
        TableDefinition table = index.table();
        String partition = keyValue(keys, table.partitionKey().name(), null);
        return table.sortKey() == null
                ? partition
                : partition + ":" + keyValue(keys, table.sortKey().name(), null);
    }

    /** The item's version; fails naming the item when it has none, as the index could not order its writes. */
    public static long version(Map<String, AttributeValue> item, String id) {
        AttributeValue version = item == null ? null : item.get(VERSION_ATTRIBUTE);
        if (version == null || version.n() == null) {
            throw new IllegalArgumentException("item " + id + " must have a numeric " + VERSION_ATTRIBUTE
                    + " attribute to be indexed (value: " + version + ")");
        }
        try {
            long value = Long.parseLong(version.n());
            if (value < 1) {
                throw new NumberFormatException("below 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "version of item " + id + " must be a whole number from 1 (value: " + version.n() + ")");
        }
    }

    private Language language(Map<String, AttributeValue> item) {
        AttributeValue value = index.languageAttribute() == null ? null : item.get(index.languageAttribute());
        String code = value == null ? null : value.s();
        if (code != null) {
            for (Language language : languages) {
                if (language.code().equalsIgnoreCase(code.strip())) {
                    return language;
                }
            }
        }
        return languages.getFirst();
    }

    private boolean isPublic(Map<String, AttributeValue> item) {
        SearchIndex.Access access = index.access();
        if (access.publicAttribute() == null) {
            return false;
        }
        AttributeValue value = item.get(access.publicAttribute());
        return value != null && Objects.equals(scalar(value), access.publicValue());
    }

    private String keyValue(Map<String, AttributeValue> item, String attribute, String id) {
        AttributeValue value = item == null ? null : item.get(attribute);
        String text = value == null ? null : value.s() != null ? value.s() : value.n();
        if (text == null) {
            throw new IllegalArgumentException("item " + (id == null ? "" : id + " ") + "of table "
                    + index.table().name() + " must have its key attribute " + attribute + " (value: null)");
        }
        return text;
    }

    private static void putString(Map<String, Object> source, String field, AttributeValue value) {
        if (value != null && value.s() != null) {
            source.put(field, value.s());
        }
    }

    /** A string, number or boolean attribute as text; null for the others. */
    private static String scalar(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        return value.bool() == null ? null : value.bool().toString();
    }

    /** A string, a string set, or a list's string values; empty for anything else. */
    private static List<String> strings(AttributeValue value) {
        if (value == null) {
            return List.of();
        }
        if (value.s() != null) {
            return value.s().isBlank() ? List.of() : List.of(value.s());
        }
        List<String> strings = new ArrayList<>();
        if (value.hasSs()) {
            strings.addAll(value.ss());
        } else if (value.hasL()) {
            for (AttributeValue element : value.l()) {
                if (element.s() != null && !element.s().isBlank()) {
                    strings.add(element.s());
                }
            }
        }
        return strings;
    }
}
