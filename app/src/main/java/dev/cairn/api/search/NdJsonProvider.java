package dev.cairn.api.search;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * A {@code jakarta.json} provider whose stream generators write one JSON text after another, as a
 * bulk request's body needs (newline-delimited JSON: an action line, then its document): the
 * client writes a whole bulk body through one generator, and Parsson's generator refuses a second
 * top-level value. Each top-level value here goes through a fresh generator of the wrapped provider
 * on the same stream. Everything else is the wrapped provider's.
 */
final class NdJsonProvider extends JsonProvider {
    private final JsonProvider delegate;

    NdJsonProvider(JsonProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public JsonGenerator createGenerator(OutputStream out) {
        return new Texts(delegate, out);
    }

    @Override
    public JsonGenerator createGenerator(Writer writer) {
        return delegate.createGenerator(writer);
    }

    @Override
    public JsonParser createParser(Reader reader) {
        return delegate.createParser(reader);
    }

    @Override
    public JsonParser createParser(InputStream in) {
        return delegate.createParser(in);
    }

    @Override
    public JsonParserFactory createParserFactory(Map<String, ?> config) {
        return delegate.createParserFactory(config);
    }

    @Override
    public JsonGeneratorFactory createGeneratorFactory(Map<String, ?> config) {
        return delegate.createGeneratorFactory(config);
    }

    @Override
    public JsonReader createReader(Reader reader) {
        return delegate.createReader(reader);
    }

    @Override
    public JsonReader createReader(InputStream in) {
        return delegate.createReader(in);
    }

    @Override
    public JsonWriter createWriter(Writer writer) {
        return delegate.createWriter(writer);
    }

    @Override
    public JsonWriter createWriter(OutputStream out) {
        return delegate.createWriter(out);
    }

    @Override
    public JsonWriterFactory createWriterFactory(Map<String, ?> config) {
        return delegate.createWriterFactory(config);
    }

    @Override
    public JsonReaderFactory createReaderFactory(Map<String, ?> config) {
        return delegate.createReaderFactory(config);
    }

    @Override
    public JsonObjectBuilder createObjectBuilder() {
        return delegate.createObjectBuilder();
    }

    @Override
    public JsonArrayBuilder createArrayBuilder() {
        return delegate.createArrayBuilder();
    }

    @Override
    public JsonBuilderFactory createBuilderFactory(Map<String, ?> config) {
        return delegate.createBuilderFactory(config);
    }

    /** A generator that starts a new underlying generator for each top-level value. */
    private static final class Texts implements JsonGenerator {
        private final JsonProvider provider;
        private final OutputStream out;
        private final OutputStream shared;
        private JsonGenerator current;
        private int depth;

        Texts(JsonProvider provider, OutputStream out) {
            this.provider = provider;
            this.out = out;
            // The finished generators are only flushed; closing this one closes the stream.
            this.shared = new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }

        /** The generator for the next call: a fresh one when a top-level value begins. */
        private JsonGenerator next() {
            if (depth == 0) {
                if (current != null) {
                    current.flush();
                }
                current = provider.createGenerator(shared);
            }
            return current;
        }

        private JsonGenerator inside() {
            return current;
        }

        @Override
        public JsonGenerator writeStartObject() {
            next().writeStartObject();
            depth++;
            return this;
        }

        @Override
        public JsonGenerator writeStartObject(String name) {
            inside().writeStartObject(name);
            depth++;
            return this;
        }

        @Override
        public JsonGenerator writeKey(String name) {
            inside().writeKey(name);
            return this;
        }

        @Override
        public JsonGenerator writeStartArray() {
            next().writeStartArray();
            depth++;
            return this;
        }

        @Override
        public JsonGenerator writeStartArray(String name) {
            inside().writeStartArray(name);
            depth++;
            return this;
        }

        @Override
        public JsonGenerator write(String name, JsonValue value) {
            inside().write(name, value);
            return this;
        }

        @Override
        public JsonGenerator write(String name, String value) {
            inside().write(name, value);
            return this;
        }

        @Override
        public JsonGenerator write(String name, BigInteger value) {
            inside().write(name, value);
            return this;
        }

        @Override
        public JsonGenerator write(String name, BigDecimal value) {
            inside().write(name, value);
            return this;
        }

        @Override
        public JsonGenerator write(String name, int value) {
            inside().write(name, value);
            return this;
        }

        @Override
        public JsonGenerator write(String name, long value) {
            inside().write(name, value);
            return this;
        }

        @Override
        public JsonGenerator write(String name, double value) {
            inside().write(name, value);
            return this;
        }

        @Override
        public JsonGenerator write(String name, boolean value) {
            inside().write(name, value);
            return this;
        }

        @Override
        public JsonGenerator writeNull(String name) {
            inside().writeNull(name);
            return this;
        }

        @Override
        public JsonGenerator writeEnd() {
            inside().writeEnd();
            depth--;
            return this;
        }

        @Override
        public JsonGenerator write(JsonValue value) {
            next().write(value);
            return this;
        }

        @Override
        public JsonGenerator write(String value) {
            next().write(value);
            return this;
        }

        @Override
        public JsonGenerator write(BigDecimal value) {
            next().write(value);
            return this;
        }

        @Override
        public JsonGenerator write(BigInteger value) {
            next().write(value);
            return this;
        }

        @Override
        public JsonGenerator write(int value) {
            next().write(value);
            return this;
        }

        @Override
        public JsonGenerator write(long value) {
            next().write(value);
            return this;
        }

        @Override
        public JsonGenerator write(double value) {
            next().write(value);
            return this;
        }

        @Override
        public JsonGenerator write(boolean value) {
            next().write(value);
            return this;
        }

        @Override
        public JsonGenerator writeNull() {
            next().writeNull();
            return this;
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
            }
            try {
                out.close();
            } catch (IOException e) {
                throw new jakarta.json.JsonException("Cannot close the JSON output", e);
            }
        }

        @Override
        public void flush() {
            if (current != null) {
                current.flush();
            }
        }
    }
}
