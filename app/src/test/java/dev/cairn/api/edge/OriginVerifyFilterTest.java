package dev.cairn.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cairn.api.HandlerFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only requests that carry CloudFront's origin-verify header reach the routes. */
class OriginVerifyFilterTest {
    private static final String SECRET = "origin-verify-value-for-tests-0123456789";
    private static HandlerFixture handler;

    @BeforeAll
    static void start() {
        handler = new HandlerFixture(Map.of("cairn.origin-verify.secret", SECRET));
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    @Test
    void theRightHeaderPasses() {
        APIGatewayV2HTTPResponse response = handler.send("GET", "/api/health", null, Map.of("x-origin-verify", SECRET));

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void aMissingOrWrongHeaderIsForbiddenInTheEnvelope() {
        APIGatewayV2HTTPResponse missing = handler.send("GET", "/api/health", null, Map.of());
        APIGatewayV2HTTPResponse wrong =
                handler.send("GET", "/api/health", null, Map.of("X-Origin-Verify", SECRET.substring(1)));

        for (APIGatewayV2HTTPResponse response : new APIGatewayV2HTTPResponse[] {missing, wrong}) {
            assertThat(response.getStatusCode()).isEqualTo(403);
            assertThat(response.getBody())
                    .contains("\"code\":\"AUTH_FORBIDDEN\"")
                    .doesNotContain(SECRET);
        }
    }

    @Test
    void withoutASecretNothingIsChecked() {
        try (HandlerFixture open = new HandlerFixture(Map.of())) {
            assertThat(open.send("GET", "/api/health", null, Map.of()).getStatusCode())
                    .isEqualTo(200);
        }
    }
}
