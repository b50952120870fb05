package dev.cairn.api.search;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.opensearch.client.json.JsonpDeserializer;
import org.opensearch.client.json.JsonpMapperBase;
import org.opensearch.client.json.JsonpSerializable;

/**
 * The search client's JSON mapping without a data-binding library: the client's own types (which
 * read and write themselves), {@code jakarta.json} values, and plain values (strings, numbers,
 * booleans, maps and lists of them). Documents are read and written as {@link
 * jakarta.json.JsonObject}s. This keeps Jackson databind and JSON-B out of the Lambda artifact; the
 * JSON parser is Parsson, the reference {@code jakarta.json} implementation.
 */
public final class SearchJsonMapper extends JsonpMapperBase {
    private static final JsonProvider PROVIDER = new NdJsonProvider(JsonProvider.provider());

    @Override
    public JsonProvider jsonProvider() {
        return PROVIDER;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <T> JsonpDeserializer<T> getDefaultDeserializer(Class<T> type) {
        if (JsonValue.class.isAssignableFrom(type)) {
            return (JsonpDeserializer<T>) JsonpDeserializer.jsonValueDeserializer();
        }
        if (type == String.class) {
            return (JsonpDeserializer<T>) JsonpDeserializer.stringDeserializer();
        }
        throw new IllegalArgumentException("The search client reads documents as JsonObject, not " + type.getName());
    }

    @Override
    public <T> void serialize(T value, JsonGenerator generator) {
        if (value instanceof JsonpSerializable serializable) {
            serializable.serialize(generator, this);
        } else {
            generator.write(toJson(value));
        }
    }

    @Override
    public boolean ignoreUnknownFields() {
        return true;
    }

    /** A plain value as JSON: null, strings, numbers, booleans, maps with string keys and collections of them. */
    public static JsonValue toJson(Object value) {
        return switch (value) {
            case null -> JsonValue.NULL;
            case JsonValue json -> json;
            case String string -> Json.createValue(string);
            case Boolean bool -> bool ? JsonValue.TRUE : JsonValue.FALSE;
            case Integer number -> Json.createValue(number);
            case Long number -> Json.createValue(number);
            case Short number -> Json.createValue(number.intValue());
            case BigInteger number -> Json.createValue(number);
            case BigDecimal number -> Json.createValue(number);
            case Number number -> Json.createValue(number.doubleValue());
            case Map<?, ?> map -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                map.forEach((key, item) -> object.add(String.valueOf(key), toJson(item)));
                yield object.build();
            }
            case Collection<?> list -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                list.forEach(item -> array.add(toJson(item)));
                yield array.build();
            }
            default ->
                throw new IllegalArgumentException("The search client writes JSON values, maps, lists and scalars, not "
                        + value.getClass().getName());
        };
    }
}
