package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.endtoend.OpenApiContract.Exchange;
import dev.cairn.endtoend.OpenApiContract.Mode;
import dev.cairn.endtoend.OpenApiContract.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract check of every exchange ({@link OpenApiContract}) on real traffic of the local
 * stack: a real answer passes, and the same answer made wrong (a missing field, a wrong type, an
 * undocumented status) is reported. Most tests use a small exact document of GET /api/health
 * ({@value #FIXTURE}), so they hold whatever state the API's own documents are in; one uses the
 * blueprint's real document.
 */
class OpenApiContractTest extends EndToEnd {
    static final String FIXTURE = "/openapi/health-fixture.json";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * A real exchange with the local stack, sent past {@link ApiClient} so that only the contract a
     * test names judges it.
     */
    private static Exchange health(String query) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/health" + query))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            return Exchange.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRealAnswerPassesTheFixtureContract() {
        Exchange health = health("");

        assertThat(health.status()).isEqualTo(200);
        assertThat(OpenApiContract.fromResource(FIXTURE).check(health)).isEmpty();
    }

    /** Uses the blueprint's real document (not the fixture): its health answer is known to be right. */
    @Test
    void aRealAnswerPassesTheBlueprintsOwnDocument() {
        OpenApiContract contract = OpenApiContract.of(stack.options().blueprint());

        List<Violation> violations = contract.check(health(""));

        assertThat(contract.document()).isEqualTo("/META-INF/openapi/guitar-collection.json");
        assertThat(violations).isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsAViolation() {
        Exchange health = health("");
        assertThat(health.responseBody()).contains("\"status\":\"UP\",");

        List<Violation> violations = OpenApiContract.fromResource(FIXTURE)
                .check(health.withResponse(200, health.responseBody().replace("\"status\":\"UP\",", "")));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.operation()).isEqualTo("GET /api/health 200");
            assertThat(v.key()).isEqualTo("validation.response.body.schema.required");
            assertThat(v.message()).contains("status");
        });
    }

    /** The blueprint's own document catches a mutated answer and an undocumented status, as the fixture does. */
    @Test
    void theBlueprintsOwnDocumentCatchesAWrongAnswer() {
        OpenApiContract contract = OpenApiContract.of(stack.options().blueprint());
        Exchange health = health("");

        assertThat(contract.check(health.withResponse(200, health.responseBody().replace("\"status\":\"UP\",", ""))))
                .extracting(Violation::key)
                .contains("validation.response.body.schema.required");
        assertThat(contract.check(health.withResponse(
                        200, health.responseBody().replace("\"success\":true", "\"success\":false"))))
                .isNotEmpty();
        assertThat(contract.check(health.withResponse(202, health.responseBody())))
                .extracting(Violation::key)
                .containsExactly("validation.response.status.unknown");
    }

    @Test
    void aFieldOfTheWrongTypeIsAViolation() {
        Exchange health = health("");

        List<Violation> violations = OpenApiContract.fromResource(FIXTURE)
                .check(health.withResponse(200, health.responseBody().replace("\"status\":\"UP\"", "\"status\":42")));

        assertThat(violations).extracting(Violation::key).contains("validation.response.body.schema.type");
    }

    @Test
    void anUndocumentedStatusIsAViolation() {
        Exchange health = health("");

        List<Violation> violations =
                OpenApiContract.fromResource(FIXTURE).check(health.withResponse(201, health.responseBody()));

        assertThat(violations)
                .extracting(Violation::operation, Violation::key)
                .containsExactly(tuple("GET /api/health 201", "validation.response.status.unknown"));
    }

    @Test
    void aRequestTheApiAcceptedIsCheckedToo() {
        // The API ignores the parameter and answers 200; the fixture says it is a boolean.
        Exchange accepted = health("?verbose=very");
        assertThat(accepted.status()).isEqualTo(200);

        assertThat(OpenApiContract.fromResource(FIXTURE).check(accepted))
                .extracting(Violation::key)
                .singleElement()
                .asString()
                .startsWith("validation.request.parameter.schema.");
    }

    /**
     * OpenAPI 3.1 array parameters, which the validator cannot read ({@link QueryParameters}):
     * repeated or comma-separated values pass, too many or too long ones do not, and a parameter
     * that takes one value may not be repeated.
     */
    @Test
    void arrayParametersAreCheckedRepeatedOrCommaSeparated() {
        OpenApiContract contract = OpenApiContract.fromResource(FIXTURE);
        assertThat(contract.check(health("?tags=a,b"))).isEmpty();
        assertThat(contract.check(health("?tags=a&tags=b"))).isEmpty();
        assertThat(contract.check(health("?tags=a,b,c")))
                .extracting(Violation::key)
                .containsExactly("validation.request.parameter.collection.tooManyItems");
        assertThat(contract.check(health("?tags=abcdef")))
                .extracting(Violation::key)
                .containsExactly("validation.request.parameter.schema.maxLength");
        assertThat(contract.check(health("?verbose=true&verbose=false")))
                .extracting(Violation::key)
                .containsExactly(OpenApiContract.INVALID_COLLECTION);
        assertThat(contract.check(health("?verbose=true"))).isEmpty();
    }

    @Test
    void aRequestTheApiRejectedIsNotChecked() {
        Exchange accepted = health("?verbose=very");
        String rejection = "{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"verbose\"}}";

        assertThat(OpenApiContract.fromResource(FIXTURE).check(accepted.withResponse(400, rejection)))
                .isEmpty();
    }

    @Test
    void inFailModeAViolationFailsTheTest() {
        Exchange health = health("");
        Exchange wrong = health.withResponse(201, health.responseBody());
        OpenApiContract contract = OpenApiContract.fromResource(FIXTURE);

        contract.verify(health, Mode.FAIL);
        assertThatThrownBy(() -> contract.verify(wrong, Mode.FAIL))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("validation.response.status.unknown")
                .hasMessageContaining("GET /api/health");
    }

    @Test
    void onlyTheApiItselfIsCovered() {
        assertThat(OpenApiContract.covers("/api/health")).isTrue();
        assertThat(OpenApiContract.covers("/api/guitars?limit=2")).isTrue();
        assertThat(OpenApiContract.covers("/_local/outbox?to=a@example.com")).isFalse();
        assertThat(OpenApiContract.covers("/cairn-uploads/users/u1/file.jpg?X-Amz-Signature=abc"))
                .isFalse();
        assertThat(OpenApiContract.covers("/api/openapi.json")).isFalse();
        assertThat(OpenApiContract.covers("/api/docs")).isFalse();
        assertThat(OpenApiContract.covers("/api/docs/docs.js")).isFalse();
    }

    @Test
    void theSummaryCountsEachOperationAndMessage() {
        Violation missing = new Violation("GET /api/guitars/{id} 200", "validation.response.body.schema.required", "m");
        Violation status = new Violation("POST /api/guitars 201", "validation.response.status.unknown", "s");

        String summary = OpenApiContract.summary(List.of(missing, status, missing));

        assertThat(summary.lines())
                .containsExactly(
                        "3 violations of the OpenAPI contract, 2 distinct (count  operation  key  message):",
                        "    2  GET /api/guitars/{id} 200  validation.response.body.schema.required  m",
                        "    1  POST /api/guitars 201  validation.response.status.unknown  s",
                        "",
                        "2 distinct (count  operation  key):",
                        "    2  GET /api/guitars/{id} 200  validation.response.body.schema.required",
                        "    1  POST /api/guitars 201  validation.response.status.unknown");
    }
}
