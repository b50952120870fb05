package dev.cairn.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrettyJsonTest {
    private static final String AWKWARD = "a \"quoted\" back\\slash,\nnew line,\r\ttab and \u0001 control";

    @Test
    void quotesWhatAParserReadsBackUnchanged() throws IOException {
        String quoted = PrettyJson.quote(AWKWARD);

        assertThat(quoted).startsWith("\"").endsWith("\"").doesNotContain("\n").contains("\\u0001");
        assertThat(JsonMapper.createDefault().readValue(quoted, String.class)).isEqualTo(AWKWARD);
    }

    @Test
    void quotesNullAsJsonNull() {
        assertThat(PrettyJson.quote(null)).isEqualTo("null");
    }

    @Test
    void writesTheSameTreeTheSameWay() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", AWKWARD);
        tree.put("count", 2.0);
        tree.put("ratio", 0.5);
        tree.put("tags", List.of("a", "b"));
        tree.put("empty", Map.of());
        tree.put("none", null);

        assertThat(PrettyJson.write(tree))
                .isEqualTo("{\n  \"name\": " + PrettyJson.quote(AWKWARD) + ",\n  \"count\": 2,\n  \"ratio\": 0.5,\n"
                        + "  \"tags\": [\n    \"a\",\n    \"b\"\n  ],\n  \"empty\": {},\n  \"none\": null\n}\n");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> PrettyJson.write(List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON value");
    }
}
