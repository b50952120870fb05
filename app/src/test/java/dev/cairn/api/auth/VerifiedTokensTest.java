package dev.cairn.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.HandlerFixture;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A token whose signature verified once is not verified again, but its claims still are. */
class VerifiedTokensTest {
    private static TokenIssuer issuer;
    private static HandlerFixture api;
    private static AccessTokenVerifier verifier;

    @BeforeAll
    static void start() throws Exception {
        issuer = new TokenIssuer();
        api = new HandlerFixture(
                Map.of("cairn.auth.issuer", issuer.issuer(), "cairn.auth.client-ids", TokenIssuer.CLIENT_ID));
        verifier = api.context().getBean(AccessTokenVerifier.class);
    }

    @AfterAll
    static void stop() {
        api.close();
        issuer.close();
    }

    @Test
    void theSameTokenVerifiesAgain() throws Exception {
        String token = issuer.accessToken("user-7");

        assertThat(verifier.verify(token).userId()).isEqualTo("user-7");
        assertThat(verifier.verify(token).userId()).isEqualTo("user-7");
    }

    @Test
    void aVerifiedTokenStillExpires() throws Exception {
        String token = issuer.accessToken(
                "user-8", c -> c.expirationTime(Date.from(Instant.now().plusMillis(1_500))));
        assertThat(verifier.verify(token).userId()).isEqualTo("user-8");

        Thread.sleep(1_600);

        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.expired())
                        .isTrue());
    }
}
