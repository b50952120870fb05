package dev.cairn.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.data.PrettyJson;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Language;
import dev.cairn.contract.SearchIndex;
import dev.cairn.contract.TableDefinition;
import dev.cairn.contract.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated mappings against the ones recorded in {@value #RECORDED}: a mapping of a recorded
 * version never changes. Run with {@code -Dcairn.search.record-mappings=true} (or {@code
 * scripts/record-search-mappings}) to record the versions not recorded yet.
 */
class SearchMappingsTest {
    static final String RECORDED = "src/test/resources/search-mappings";
    static final String RECORD_PROPERTY = "cairn.search.record-mappings";

    @Test
    void everySearchIndexOfEveryBlueprintHasItsMappingRecordedUnchanged() throws IOException {
        boolean record = Boolean.getBoolean(RECORD_PROPERTY);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Blueprint blueprint : Blueprints.all()) {
            for (SearchIndex index : blueprint.searchIndexes()) {
                checked++;
                Path file = recorded(blueprint, index);
                String generated = SearchMappings.json(index, blueprint);
                if (!Files.exists(file)) {
                    if (record) {
                        Files.createDirectories(file.getParent());
                        Files.writeString(file, generated, StandardCharsets.UTF_8);
                        continue;
                    }
                    problems.add("The mapping of search index " + index.name() + " version " + index.mappingVersion()
                            + " (blueprint " + blueprint.name() + ") is not recorded: record it with"
                            + " scripts/record-search-mappings (./mvnw -pl app test -Dtest=SearchMappingsTest"
                            + " -D" + RECORD_PROPERTY + "=true) and commit " + file);
                } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(generated)) {
                    problems.add("The generated mapping of search index " + index.name() + " (blueprint "
                            + blueprint.name() + ") differs from the recorded " + file + " of the same version "
                            + index.mappingVersion() + ". A mapping change needs a new version: bump mappingVersion"
                            + " of the index in the contract, record the new version with"
                            + " scripts/record-search-mappings, and run scripts/reindex on every stage after"
                            + " deploying (docs/search.md). Never edit a recorded version.");
                }
            }
        }
        assertThat(checked).as("search indexes checked").isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void aChangedFieldChangesTheMappingSoTheCheckAboveWouldFail() {
        Blueprint blueprint = Blueprints.RECIPE_ARCHIVE;
        SearchIndex index = Tables.RECIPE_SEARCH;
        List<SearchIndex.Field> fields = new ArrayList<>(index.fields());
        fields.add(SearchIndex.Field.keyword("course"));
        SearchIndex changed = new SearchIndex(
                index.name(),
                index.table(),
                index.mappingVersion(),
                index.route(),
                fields,
                index.languageAttribute(),
                index.access());
        assertThat(SearchMappings.json(changed, blueprint)).isNotEqualTo(SearchMappings.json(index, blueprint));
        assertThat(recorded(blueprint, changed)).isEqualTo(recorded(blueprint, index));
    }

    @Test
    @SuppressWarnings("unchecked")
    void textFieldsHaveAFoldedFieldAndOneFieldPerLanguageOfTheBlueprint() {
        Map<String, Object> body = SearchMappings.createIndexBody(Tables.RECIPE_SEARCH, Blueprints.RECIPE_ARCHIVE);
        Map<String, Object> mappings = (Map<String, Object>) body.get("mappings");
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) mappings.get("properties");

        assertThat(mappings.get("dynamic")).isEqualTo("strict");
        assertThat(properties.get("title")).containsEntry("type", "text").containsEntry("analyzer", "cairn_folded");
        assertThat(properties.get("title_en")).containsEntry("analyzer", "english");
        assertThat(properties.get("title_pt")).containsEntry("analyzer", "portuguese");
        assertThat(properties.get("steps_fr")).containsEntry("analyzer", "french");
        assertThat(properties.get("ingredients_es")).containsEntry("analyzer", "spanish");
        assertThat(properties.get("tags"))
                .containsEntry("type", "keyword")
                .containsEntry("normalizer", "cairn_lowercase");
        assertThat(properties.get("totalMinutes")).containsEntry("type", "double");
        assertThat(properties.get("public")).containsEntry("type", "boolean");
        assertThat(properties.get("version")).containsEntry("type", "long");
        assertThat(properties.get("updatedAt")).containsEntry("type", "date");
        assertThat(properties.keySet()).containsAll(SearchMappings.RESERVED_FIELDS);
        // 4 text fields x (1 + 4 languages) + 3 keywords + 2 numbers + 8 reserved.
        assertThat(properties).hasSize(4 * 5 + 3 + 2 + 8);
        assertThat(PrettyJson.write(body.get("settings")))
                .contains("\"cairn_folded\"", "\"standard\"", "\"asciifolding\"", "\"cairn_lowercase\"");
    }

    @Test
    void aBlueprintWithTwoLanguagesDeclaresTwoLanguageFields() {
        Map<String, Object> body =
                SearchMappings.createIndexBody(Tables.RECIPE_SEARCH, List.of(Language.EN, Language.PT));
        assertThat(PrettyJson.write(body))
                .contains("\"title_en\"", "\"title_pt\"")
                .doesNotContain("title_fr");
    }

    @Test
    void aFieldNamedLikeAReservedOneIsRefused() {
        SearchIndex index = new SearchIndex(
                "things",
                TableDefinition.of("things", "userId", "thingId"),
                1,
                "GET /api/things/search",
                List.of(SearchIndex.Field.text("title", 1), SearchIndex.Field.keyword("owner")),
                null,
                new SearchIndex.Access("userId", null, null, null));
        assertThatThrownBy(() -> SearchMappings.createIndexBody(index, List.of(Language.EN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved")
                .hasMessageContaining("owner");
    }

    static Path recorded(Blueprint blueprint, SearchIndex index) {
        return Path.of(RECORDED, blueprint.name(), index.name() + "-v" + index.mappingVersion() + ".json");
    }
}
