package dev.cairn.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cairn.api.HandlerFixture;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorEnvelopeTest {
    private static final Map<String, String> JSON = Map.of("content-type", "application/json");
    private static HandlerFixture api;
    private static JsonMapper json;

    @BeforeAll
    static void start() {
        api = new HandlerFixture(Map.of());
        json = api.context().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void healthAnswersWithTheSuccessEnvelope() throws IOException {
        APIGatewayV2HTTPResponse response = api.send("GET", "/api/health", null, Map.of());

        assertThat(response.getStatusCode()).isEqualTo(200);
        Map<String, Object> body = parse(response);
        assertThat(body).containsEntry("success", true).doesNotContainKey("error");
        assertThat(body.get("data")).isEqualTo(Map.of("status", "UP", "version", "0.1.0-SNAPSHOT"));
        assertThat(response.getHeaders()).containsKey("X-Request-Id");
    }

    @Test
    void unknownRouteIsNotFound() throws IOException {
        assertError(api.send("GET", "/api/no-such-thing", null, Map.of()), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIsNotAllowed() throws IOException {
        assertError(api.send("DELETE", "/api/health", null, Map.of()), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void malformedJsonIsAValidationError() throws IOException {
        Map<String, Object> error =
                assertError(api.send("POST", "/api/echo", "{\"name\": ", JSON), 400, "VALIDATION_ERROR");
        assertThat(error.get("message")).isEqualTo("The request body is not valid JSON");
    }

    @Test
    void constraintViolationsNameTheFields() throws IOException {
        Map<String, Object> error =
                assertError(api.send("POST", "/api/echo", "{\"name\": \"\"}", JSON), 400, "VALIDATION_ERROR");
        assertThat(error.get("details"))
                .asList()
                .singleElement()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("field", "name");
    }

    @Test
    void aBodyOverOneMegabyteIsRefused() throws IOException {
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertError(api.send("POST", "/api/echo", big, JSON), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() throws IOException {
        String name = "x".repeat(1024 * 1024 - 20);
        APIGatewayV2HTTPResponse response = api.send("POST", "/api/echo", "{\"name\":\"" + name + "\"}", JSON);
        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void unexpectedErrorsLeakNothing() throws IOException {
        APIGatewayV2HTTPResponse response = api.send("GET", "/api/echo/boom", null, Map.of());
        Map<String, Object> error = assertError(response, 500, "INTERNAL_ERROR");
        assertThat(response.getBody()).doesNotContain("secret-internal-detail").doesNotContain("Exception");
        assertThat(error.get("requestId")).isEqualTo(response.getHeaders().get("X-Request-Id"));
    }

    @Test
    void apiExceptionsKeepTheirCode() throws IOException {
        assertError(api.send("GET", "/api/echo/conflict", null, Map.of()), 409, "CONFLICT");
    }

    @Test
    void protectedRoutesNeedAToken() throws IOException {
        assertError(api.send("GET", "/api/auth/session", null, Map.of()), 401, "AUTH_UNAUTHORIZED");
        assertError(
                api.send("GET", "/api/auth/session", null, Map.of("authorization", "Bearer not-a-jwt")),
                401,
                "AUTH_UNAUTHORIZED");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> assertError(APIGatewayV2HTTPResponse response, int status, String code)
            throws IOException {
        assertThat(response.getStatusCode()).isEqualTo(status);
        Map<String, Object> body = parse(response);
        assertThat(body).containsEntry("success", false).doesNotContainKey("data");
        Map<String, Object> error = (Map<String, Object>) body.get("error");
        assertThat(error).containsEntry("code", code).containsEntry("statusCode", status);
        assertThat(error.get("message")).asString().isNotBlank();
        return error;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(APIGatewayV2HTTPResponse response) throws IOException {
        return json.readValue(response.getBody(), Map.class);
    }
}
