package dev.cairn.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NdJsonProviderTest {
    @Test
    void oneGeneratorWritesOneJsonTextAfterAnotherAsABulkBodyNeeds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonGenerator generator = new NdJsonProvider(JsonProvider.provider()).createGenerator(out);

        generator
                .writeStartObject()
                .writeStartObject("index")
                .write("_id", "a")
                .writeEnd()
                .writeEnd();
        generator.flush();
        out.write('\n');
        new SearchSource(Map.of("title", "Soup", "tags", List.of("x"))).serialize(generator, new SearchJsonMapper());
        generator.flush();
        out.write('\n');
        generator.close();

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("{\"index\":{\"_id\":\"a\"}}");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"title\":\"Soup\"", "\"tags\":[\"x\"]");
    }

    @Test
    void theWrappedProvidersGeneratorRefusesASecondText() {
        JsonGenerator plain = JsonProvider.provider().createGenerator(new ByteArrayOutputStream());
        plain.writeStartObject().writeEnd();
        assertThatThrownBy(plain::writeStartObject).hasMessageContaining("more than one JSON text");
    }
}
