package dev.cairn.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.constructs.Compliance;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.TableDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

class BlueprintFileTest {
    /** The module's own folder when tests run (Maven runs them from infra/). */
    private static final Path EXAMPLES = Path.of("blueprints");

    @TempDir
    Path dir;

    @Test
    void theExampleFileIsABlueprintThatSynthesizesNagClean() throws IOException {
        Blueprint chess = BlueprintFile.resolve("chess-club", EXAMPLES);
        assertThat(chess.name()).isEqualTo("chess-club");
        assertThat(chess.site()).isTrue();
        assertThat(chess.privateMedia()).isFalse();
        assertThat(chess.features()).isEmpty();
        assertThat(chess.extraTables())
                .containsExactly(
                        TableDefinition.of(
                                "games",
                                "userId",
                                "gameId",
                                TableDefinition.Index.of("opponent-index", "opponentId", "playedAt")),
                        new TableDefinition(
                                "ratings",
                                TableDefinition.Key.text("clubId"),
                                TableDefinition.Key.number("rating"),
                                List.of(),
                                null));

        Path code = Files.createDirectory(dir.resolve("code"));
        Files.writeString(code.resolve("placeholder.txt"), "injected");
        Path out = Files.createDirectory(dir.resolve("out"));
        App app = new App(AppProps.builder().outdir(out.toString()).build());
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        CairnApp.Stacks stacks = CairnApp.build(
                app,
                StageConfig.DEV.in(BlueprintStacksTest.ACCOUNT, BlueprintStacksTest.REGION),
                chess,
                List.of(),
                Code.fromAsset(code.toString()));
        Compliance.applyAllPacks(app);
        app.synth();
        Template.fromStack(stacks.data()).resourceCountIs("AWS::DynamoDB::Table", 4);
        try (Stream<Path> files = Files.list(out)) {
            List<Path> reports =
                    files.filter(p -> p.toString().endsWith("-NagReport.csv")).toList();
            assertThat(reports).hasSize(3 * 5);
            for (Path report : reports) {
                assertThat(Files.readString(report)).as(report.toString()).doesNotContain("\"Non-Compliant\"");
            }
        }
    }

    @Test
    void builtInNamesWinOverFiles() {
        assertThat(BlueprintFile.resolve("guitar-collection", dir)).isSameAs(Blueprints.named("guitar-collection"));
    }

    @Test
    void failsIfThereIsNoSuchBlueprintOrFile() {
        assertThatThrownBy(() -> BlueprintFile.resolve("chess-clubs", EXAMPLES))
                .hasMessageContaining("blueprint must be one of")
                .hasMessageContaining("chess-clubs.yaml")
                .hasMessageContaining("(value: chess-clubs)");
    }

    @Test
    void failsNamingTheFileAndEveryBadField() throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, """
                name: Broken
                site: maybe
                colour: blue
                tables:
                  - name: users
                    partitionKey: userId
                  - name: games
                    sortKey: { name: played, type: date }
                    indexes:
                      - name: ix
                        partitionKey: opponent id
                """);
        assertThatThrownBy(() -> BlueprintFile.read(file))
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("name must be lower-case letters, digits and hyphens (value: Broken)")
                .hasMessageContaining("name must match the file name broken (value: Broken)")
                .hasMessageContaining("description is required")
                .hasMessageContaining("site must be true or false (value: \"maybe\")")
                .hasMessageContaining("colour is not a known field")
                .hasMessageContaining("tables[0].name must be unique and not users or images")
                .hasMessageContaining("tables[1].partitionKey is required")
                .hasMessageContaining("tables[1].sortKey.type must be string or number (value: date)")
                .hasMessageContaining("tables[1].indexes[0].name must be 3..255")
                .hasMessageContaining(
                        "tables[1].indexes[0].partitionKey must be an attribute name of letters, digits and '_'"
                                + " (value: opponent id)");
    }

    @Test
    void failsOnYamlThatIsNotAMapping() throws IOException {
        Path file = dir.resolve("list.yaml");
        Files.writeString(file, "- a\n- b\n");
        assertThatThrownBy(() -> BlueprintFile.read(file))
                .hasMessage(file + ": must be a mapping with name, description and tables");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: [unclosed\n");
        assertThatThrownBy(() -> BlueprintFile.read(bad)).hasMessageStartingWith(bad + ": not valid YAML");
    }
}
