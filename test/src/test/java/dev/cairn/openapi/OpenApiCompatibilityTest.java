package dev.cairn.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.contract.Blueprints;
import dev.cairn.openapi.OpenApiCompatibility.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each blueprint's OpenAPI document, as built, against the last released one kept in
 * {@code docs/openapi/released/}: the build fails on a breaking change unless the major version
 * went up. The fixtures under {@code openapi-compatibility/} show what the check counts as
 * breaking. See docs/api-versioning.md.
 */
class OpenApiCompatibilityTest {
    private static final Path REPO = Path.of(System.getProperty("cairn.local.repo-dir", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path RELEASED = REPO.resolve("docs/openapi/released");
    /** Set by scripts/openapi-release: a blueprint without a released document yet is released now. */
    private static final boolean RELEASING = Boolean.getBoolean("cairn.openapi.releasing");

    /** Every document the build writes: each built-in blueprint's, and a custom blueprint's. */
    static List<String> blueprints() {
        List<String> names = new java.util.ArrayList<>(Blueprints.names());
        names.add(ApiDocumentation.BASE);
        return names;
    }

    @ParameterizedTest
    @MethodSource("blueprints")
    void theBuiltDocumentBreaksNoClientOfTheReleasedOne(String blueprint) {
        Optional<String> built = builtDocument(blueprint);
        Path releasedFile = RELEASED.resolve(blueprint + ".json");
        boolean released = Files.isRegularFile(releasedFile);
        assertThat(built)
                .as(
                        "%s: the build made no /META-INF/openapi/%s.json, but %s exists",
                        blueprint, blueprint, releasedFile)
                .isPresent();
        if (!released) {
            if (RELEASING) {
                return;
            }
            fail(blueprint + ": no released OpenAPI document at " + releasedFile
                    + "; record the current one with scripts/openapi-release (see docs/api-versioning.md)");
        }
        Verdict verdict = OpenApiCompatibility.compare(read(releasedFile), built.get());

        assertThat(verdict.acceptable()).as(verdict.explanation(blueprint)).isTrue();
    }

    @Test
    void theSameDocumentIsCompatible() {
        Verdict verdict = compareWithReleased("released.json");

        assertThat(verdict.breaking()).isEmpty();
        assertThat(verdict.acceptable()).isTrue();
    }

    @Test
    void anAddedOptionalResponseFieldPasses() {
        Verdict verdict = compareWithReleased("added-optional-response-field.json");

        assertThat(verdict.breaking()).isEmpty();
        assertThat(verdict.acceptable()).isTrue();
    }

    @Test
    void aRemovedResponseFieldFails() {
        Verdict verdict = compareWithReleased("removed-response-field.json");

        assertThat(verdict.breaking())
                .anySatisfy(change -> assertThat(change)
                        .startsWith("$.paths['/api/guitars'].post.responses['201'].content['application/json']"
                                + ".schema.properties.notes: the response property was removed"))
                .anySatisfy(change -> assertThat(change)
                        .startsWith("$.paths['/api/guitars'].get.responses['200'].content['application/json']"
                                + ".schema.properties.items.items.properties.notes"));
        assertThat(verdict.acceptable()).isFalse();
    }

    @Test
    void aRemovedPathFails() {
        Verdict verdict = compareWithReleased("removed-path.json");

        assertThat(verdict.breaking()).first().isEqualTo("$.paths['/api/guitars/{guitarId}']: the route was removed");
        assertThat(verdict.acceptable()).isFalse();
    }

    @Test
    void aRemovedStatusFails() {
        Verdict verdict = compareWithReleased("removed-status.json");

        assertThat(verdict.breaking())
                .contains(
                        "$.paths['/api/guitars/{guitarId}'].get.responses['404']: the response status 404 was removed");
        assertThat(verdict.acceptable()).isFalse();
    }

    @Test
    void theFailureShowsTheVersionsAndTheFirstChanges() {
        List<String> changes = IntStream.range(0, 60)
                .mapToObj(i -> "$.paths['/api/x" + i + "']: the route was removed")
                .toList();

        String explanation = new Verdict("1.2.0", "1.3.0", changes).explanation("guitar-collection");

        assertThat(explanation)
                .startsWith("guitar-collection: 60 breaking change(s) while info.version goes from 1.2.0 to 1.3.0")
                .contains("$.paths['/api/x49']: the route was removed")
                .doesNotContain("/api/x50'")
                .endsWith(" - ... and 10 more");
    }

    @Test
    void aNewRequiredRequestPropertyFails() {
        Verdict verdict = compareWithReleased("new-required-request-property.json");

        assertThat(verdict.breaking())
                .contains("$.paths['/api/guitars'].post.requestBody.content['application/json'].schema"
                        + ".properties.serialNumber: a new required property");
        assertThat(verdict.acceptable()).isFalse();
    }

    @Test
    void aNewRequiredHeaderFails() {
        Verdict verdict = compareWithReleased("new-required-header.json");

        assertThat(verdict.breaking())
                .contains("$.paths['/api/guitars'].get.parameters[header:X-Api-Key]: a new required header parameter");
        assertThat(verdict.acceptable()).isFalse();
    }

    @Test
    void anIntegerResponseFieldThatBecomesAStringFails() {
        Verdict verdict = compareWithReleased("response-integer-to-string.json");

        assertThat(verdict.breaking())
                .contains("$.paths['/api/guitars'].post.responses['201'].content['application/json'].schema"
                        + ".properties.year: the response may now be [string] (was [integer], now [string])");
        assertThat(verdict.acceptable()).isFalse();
    }

    @Test
    void aNullableRequestFieldThatBecomesNonNullFails() {
        Verdict verdict = compareWithReleased("request-nullable-to-non-null.json");

        assertThat(verdict.breaking())
                .contains(
                        "$.paths['/api/guitars'].post.requestBody.content['application/json'].schema"
                                + ".properties.year: the request no longer accepts [null] (was [integer, null], now [integer])");
        assertThat(verdict.acceptable()).isFalse();
    }

    @Test
    void aBreakingChangeWithANewMajorVersionPasses() {
        Verdict verdict = compareWithReleased("major-version-with-breaking-change.json");

        assertThat(verdict.breaking()).isNotEmpty();
        assertThat(verdict.majorVersionBumped()).isTrue();
        assertThat(verdict.acceptable()).isTrue();
    }

    @Test
    void theMajorVersionIsTheLeadingNumber() {
        assertThat(OpenApiCompatibility.major("1")).contains(1);
        assertThat(OpenApiCompatibility.major("2.3.4")).contains(2);
        assertThat(OpenApiCompatibility.major("v3")).contains(3);
        assertThat(OpenApiCompatibility.major("beta")).isEmpty();
        assertThat(new Verdict("1", "1.9.0", List.of("x")).majorVersionBumped()).isFalse();
        assertThat(new Verdict("1.9.0", "2", List.of("x")).majorVersionBumped()).isTrue();
    }

    private static Verdict compareWithReleased(String fixture) {
        return OpenApiCompatibility.compare(fixture("released.json"), fixture(fixture));
    }

    private static String fixture(String name) {
        return resource("/openapi-compatibility/" + name)
                .orElseThrow(() -> new IllegalStateException(name + " is missing from the test resources"));
    }

    private static Optional<String> builtDocument(String blueprint) {
        return resource("/" + ApiDocumentation.FOLDER + blueprint + ".json");
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = OpenApiCompatibilityTest.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
