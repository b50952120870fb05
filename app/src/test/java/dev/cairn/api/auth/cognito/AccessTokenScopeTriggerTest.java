package dev.cairn.api.auth.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessTokenScopeTriggerTest {
    private static final String EVENT = """
            {"version":"2","triggerSource":"TokenGeneration_Authentication","region":"eu-west-1",
             "userPoolId":"eu-west-1_pool","userName":"5f0c-sub",
             "callerContext":{"awsSdkVersion":"aws-sdk-java","clientId":"client"},
             "request":{"userAttributes":{"sub":"5f0c-sub","email":"ada@example.com"},
                        "scopes":["aws.cognito.signin.user.admin"],
                        "groupConfiguration":{"groupsToOverride":[],"iamRolesToOverride":[]}},
             "response":{"claimsAndScopeOverrideDetails":null}}
            """;

    @Test
    @SuppressWarnings("unchecked")
    void everyAccessTokenLosesTheScopeThatCallsCognitosUserApis() throws Exception {
        JsonMapper json = JsonMapper.createDefault();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new AccessTokenScopeTrigger(json, () -> "internal")
                .handleRequest(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out, null);

        Map<String, Object> answer = json.readValue(out.toByteArray(), Map.class);
        assertThat(answer)
                .containsEntry("triggerSource", "TokenGeneration_Authentication")
                .containsEntry("userName", "5f0c-sub");
        assertThat(answer.get("response"))
                .isEqualTo(Map.of(
                        "claimsAndScopeOverrideDetails",
                        Map.of(
                                "accessTokenGeneration",
                                Map.of("scopesToSuppress", List.of("aws.cognito.signin.user.admin")))));
    }

    @Test
    void theRefreshEventIsAnsweredAlike() {
        Map<String, Object> answer = AccessTokenScopeTrigger.withScopeSuppressed(
                Map.of("triggerSource", "TokenGeneration_RefreshTokens", "response", Map.of()));

        assertThat(answer.get("response").toString()).contains("scopesToSuppress=[aws.cognito.signin.user.admin]");
    }

    @Test
    void theApisInternalClientKeepsTheScope() {
        AccessTokenScopeTrigger trigger = new AccessTokenScopeTrigger(JsonMapper.createDefault(), () -> "internal");

        Map<String, Object> internal = trigger.answer(Map.of("callerContext", Map.of("clientId", "internal")));
        Map<String, Object> users = trigger.answer(Map.of("callerContext", Map.of("clientId", "client")));

        assertThat(internal.get("response")).isEqualTo(Map.of());
        assertThat(users.get("response").toString()).contains("scopesToSuppress=[aws.cognito.signin.user.admin]");
    }

    @Test
    void withoutAKnownInternalClientEveryClientLosesTheScope() {
        AccessTokenScopeTrigger unknown = new AccessTokenScopeTrigger(JsonMapper.createDefault(), () -> null);
        AccessTokenScopeTrigger unreadable = new AccessTokenScopeTrigger(JsonMapper.createDefault(), () -> {
            throw new IllegalStateException("no parameter");
        });
        Map<String, Object> event = Map.of("callerContext", Map.of("clientId", "internal"));

        assertThat(unknown.answer(event).get("response").toString()).contains("scopesToSuppress");
        assertThat(unreadable.answer(event).get("response").toString()).contains("scopesToSuppress");
    }
}
