package dev.cairn.api.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.HandlerFixture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Priming runs the request path end to end and changes nothing anywhere. */
class SnapStartPrimingTest {
    private static HandlerFixture api;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = new HashMap<>(guitarCollection());
        properties.put("cairn.origin-verify.secret", "from-the-cdn");
        api = new HandlerFixture(properties);
    }

    /** The guitar collection's configuration, its AWS calls recorded, not sent. */
    private static Map<String, Object> guitarCollection() {
        return Map.ofEntries(
                Map.entry(RecordingHttpClient.ENABLED, "true"),
                Map.entry("cairn.blueprint", "guitar-collection"),
                Map.entry("cairn.tables.guitars", "guitars"),
                Map.entry("cairn.tables.images", "images"),
                Map.entry("cairn.tables.users", "users"),
                Map.entry("cairn.media.bucket", "media"),
                Map.entry("cairn.media.base-url", "https://cdn.example/media"),
                Map.entry("cairn.signing.secret", "a-signing-secret-of-at-least-thirty-two-chars"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void everyStepRuns() {
        List<String> primed = new SnapStartPriming(api.handler()).prime();

        assertThat(primed)
                .contains(
                        "health",
                        "access token",
                        "token signature",
                        "revocation read",
                        "guitar get",
                        "guitar list",
                        "guitar json",
                        "guitar view");
    }

    @Test
    void primingOnlyReads() {
        RecordingHttpClient http = api.context().getBean(RecordingHttpClient.class);

        new SnapStartPriming(api.handler()).prime();

        assertThat(http.operations()).contains("GetItem", "Query").allMatch(List.of("GetItem", "Query")::contains);
    }

    @Test
    void primingBuildsTheSingletonsARequestDidNotNeed() {
        try (HandlerFixture fresh = new HandlerFixture(guitarCollection())) {
            assertThat(fresh.send("GET", "/api/health", null, Map.of()).getStatusCode())
                    .isEqualTo(200);
            assertThat(built(fresh, S3Client.class)).as("S3 before priming").isFalse();
            assertThat(built(fresh, CognitoIdentityProviderClient.class))
                    .as("Cognito before priming")
                    .isFalse();

            List<String> primed = new SnapStartPriming(fresh.handler()).prime();

            assertThat(primed).anyMatch(step -> step.startsWith("singletons: "));
            assertThat(built(fresh, S3Client.class)).as("S3 after priming").isTrue();
            assertThat(built(fresh, S3Presigner.class))
                    .as("presigner after priming")
                    .isTrue();
            assertThat(built(fresh, CognitoIdentityProviderClient.class))
                    .as("Cognito after priming")
                    .isTrue();
            assertThat(built(fresh, SecretsManagerClient.class))
                    .as("Secrets Manager after priming")
                    .isTrue();
        }
    }

    private static boolean built(HandlerFixture fixture, Class<?> type) {
        return fixture.context().getActiveBeanRegistrations(type).stream()
                .findAny()
                .isPresent();
    }

    @Test
    void theHandlerRegistersItsPriming() {
        assertThat(api.handler().snapStart()).isNotNull();
    }
}
