package dev.cairn.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cairn.api.HandlerFixture;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every way an access token can be wrong, through the real handler, and what the client hears. */
class AccessTokenTest {
    private static TokenIssuer issuer;
    private static HandlerFixture api;

    @BeforeAll
    static void start() throws Exception {
        issuer = new TokenIssuer();
        api = new HandlerFixture(
                Map.of("cairn.auth.issuer", issuer.issuer(), "cairn.auth.client-ids", TokenIssuer.CLIENT_ID));
    }

    @AfterAll
    static void stop() {
        api.close();
        issuer.close();
    }

    @Test
    void aValidTokenAdmitsItsSubject() throws Exception {
        APIGatewayV2HTTPResponse response = session(issuer.accessToken("user-1"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"userId\":\"user-1\"");
    }

    @Test
    void anExpiredTokenIsToldApart() throws Exception {
        String expired = issuer.accessToken(
                "user-1", c -> c.expirationTime(Date.from(Instant.now().minusSeconds(5))));

        assertRejected(session(expired), "AUTH_TOKEN_EXPIRED");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejected() throws Exception {
        assertRejected(session(issuer.forged("user-1")), "AUTH_UNAUTHORIZED");
    }

    @Test
    void anUnsignedTokenIsRejected() throws Exception {
        assertRejected(session(issuer.unsigned("user-1")), "AUTH_UNAUTHORIZED");
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() throws Exception {
        assertRejected(
                session(issuer.accessToken(
                        "user-1", c -> c.issuer("https://cognito-idp.eu-west-1.amazonaws.com/other"))),
                "AUTH_UNAUTHORIZED");
    }

    @Test
    void aTokenForAnotherAppClientIsRejected() throws Exception {
        assertRejected(
                session(issuer.accessToken("user-1", c -> c.claim("client_id", "other-client"))), "AUTH_UNAUTHORIZED");
    }

    @Test
    void anIdTokenIsNotAnAccessToken() throws Exception {
        assertRejected(
                session(issuer.accessToken(
                        "user-1", c -> c.claim("token_use", "id").audience(TokenIssuer.CLIENT_ID))),
                "AUTH_UNAUTHORIZED");
    }

    @Test
    void aMissingOrNonBearerHeaderIsRejected() {
        assertRejected(api.send("GET", "/api/auth/session", null, Map.of()), "AUTH_UNAUTHORIZED");
        assertRejected(
                api.send("GET", "/api/auth/session", null, Map.of("authorization", "Basic dXNlcjpwYXNz")),
                "AUTH_UNAUTHORIZED");
    }

    @Test
    void adminRoutesNeedTheAdminGroup() throws Exception {
        APIGatewayV2HTTPResponse member = api.send(
                "GET", "/api/test/admin", null, Map.of("authorization", "Bearer " + issuer.accessToken("user-1")));
        assertThat(member.getStatusCode()).isEqualTo(403);
        assertThat(member.getBody()).contains("\"code\":\"AUTH_FORBIDDEN\"");

        String adminToken = issuer.accessToken("admin-1", c -> c.claim("cognito:groups", List.of("admin")));
        APIGatewayV2HTTPResponse admin =
                api.send("GET", "/api/test/admin", null, Map.of("authorization", "Bearer " + adminToken));
        assertThat(admin.getStatusCode()).isEqualTo(200);
    }

    private static APIGatewayV2HTTPResponse session(String token) {
        return api.send("GET", "/api/auth/session", null, Map.of("authorization", "Bearer " + token));
    }

    private static void assertRejected(APIGatewayV2HTTPResponse response, String code) {
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).contains("\"code\":\"" + code + "\"").contains("\"success\":false");
    }
}
