package dev.cairn.api.search;

import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.JsonpSerializable;

/**
 * A document's source as the bulk request writes it: the plain values of {@link
 * SearchDocuments.Document#source()} (strings, numbers, booleans, null, lists and maps of them)
 * written straight to the request's JSON generator.
 */
record SearchSource(Map<String, Object> fields) implements JsonpSerializable {

    @Override
    public void serialize(JsonGenerator generator, JsonpMapper mapper) {
        generator.writeStartObject();
        fields.forEach((name, value) -> write(generator, name, value));
        generator.writeEnd();
    }

    private static void write(JsonGenerator generator, String name, Object value) {
        switch (value) {
            case null -> generator.writeNull(name);
            case String text -> generator.write(name, text);
            case Boolean bool -> generator.write(name, bool);
            case Integer number -> generator.write(name, number);
            case Long number -> generator.write(name, number);
            case Double number -> generator.write(name, number);
            case BigDecimal number -> generator.write(name, number);
            case BigInteger number -> generator.write(name, number);
            case Collection<?> values -> {
                generator.writeStartArray(name);
                values.forEach(element -> write(generator, element));
                generator.writeEnd();
            }
            case Map<?, ?> map -> {
                generator.writeStartObject(name);
                map.forEach((key, element) -> write(generator, String.valueOf(key), element));
                generator.writeEnd();
            }
            default ->
                throw new IllegalArgumentException(
                        "not a JSON value: " + value.getClass().getName());
        }
    }

    private static void write(JsonGenerator generator, Object value) {
        switch (value) {
            case null -> generator.writeNull();
            case String text -> generator.write(text);
            case Boolean bool -> generator.write(bool);
            case Integer number -> generator.write(number);
            case Long number -> generator.write(number);
            case Double number -> generator.write(number);
            case BigDecimal number -> generator.write(number);
            case BigInteger number -> generator.write(number);
            case Collection<?> values -> {
                generator.writeStartArray();
                values.forEach(element -> write(generator, element));
                generator.writeEnd();
            }
            case Map<?, ?> map -> {
                generator.writeStartObject();
                map.forEach((key, element) -> write(generator, String.valueOf(key), element));
                generator.writeEnd();
            }
            default ->
                throw new IllegalArgumentException(
                        "not a JSON value: " + value.getClass().getName());
        }
    }
}
