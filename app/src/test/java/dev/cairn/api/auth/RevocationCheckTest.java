package dev.cairn.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cairn.api.HandlerFixture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A valid JWT stops counting once its user signs out, its session ends or its user is deleted:
 * through the real handler for the instance that revokes, and with other checks sharing the store
 * for the other instances, which refuse it from their next request on, reads as well as writes.
 */
class RevocationCheckTest {
    private static TokenIssuer issuer;
    private static HandlerFixture api;
    private static InMemoryRevocations store;

    @BeforeAll
    static void start() throws Exception {
        issuer = new TokenIssuer();
        api = new HandlerFixture(
                Map.of("cairn.auth.issuer", issuer.issuer(), "cairn.auth.client-ids", TokenIssuer.CLIENT_ID));
        store = api.context().getBean(InMemoryRevocations.class);
    }

    @AfterAll
    static void stop() {
        api.close();
        issuer.close();
    }

    @Test
    void aTokenIssuedBeforeTheUserSignedOutIsRefusedAtOnceByTheInstanceThatRevoked() throws Exception {
        String before = issuer.accessToken(
                "user-revoked", c -> c.issueTime(Date.from(Instant.now().minusSeconds(1))));
        assertThat(session(before).getStatusCode()).isEqualTo(200);

        api.context().getBean(RevocationCheck.class).revokeAll("user-revoked");

        APIGatewayV2HTTPResponse refused = session(before);
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(refused.getBody()).contains("\"code\":\"AUTH_UNAUTHORIZED\"");
        assertThat(session(issuer.accessToken("user-revoked")).getStatusCode())
                .as("a token issued after the revocation answered")
                .isEqualTo(200);
    }

    @Test
    void aDeletedUsersTokenIsRefused() throws Exception {
        String token = issuer.accessToken("user-deleted");
        assertThat(session(token).getStatusCode()).isEqualTo(200);

        store.delete("user-deleted");

        APIGatewayV2HTTPResponse refused = session(token);
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(refused.getBody()).contains("\"code\":\"AUTH_UNAUTHORIZED\"");
    }

    @Test
    void anotherInstanceRefusesARevokedTokenAtOnce() {
        InMemoryRevocations shared = new InMemoryRevocations();
        MovableClock clock = new MovableClock(Instant.parse("2026-12-02T12:00:00.250Z"));
        RevocationCheck other = new RevocationCheck(shared, clock);
        Instant issued = Instant.parse("2026-12-02T11:59:00Z");
        assertThat(other.check("user-1", issued)).isEqualTo(RevocationCheck.Verdict.ADMITTED);

        new RevocationCheck(shared, clock).revokeAll("user-1");

        assertThat(other.check("user-1", issued)).isEqualTo(RevocationCheck.Verdict.REVOKED);
    }

    @Test
    void anEndedSessionIsRefusedAtOnceOnEveryInstanceAndOnlyThatSession() {
        InMemoryRevocations shared = new InMemoryRevocations();
        MovableClock clock = new MovableClock(Instant.parse("2026-12-02T12:00:00Z"));
        RevocationCheck ending = new RevocationCheck(shared, clock);
        RevocationCheck other = new RevocationCheck(shared, clock);
        Instant issued = Instant.parse("2026-12-02T11:59:00Z");
        for (RevocationCheck check : List.of(ending, other)) {
            assertThat(check.check("user-5", issued, "phone")).isEqualTo(RevocationCheck.Verdict.ADMITTED);
        }

        ending.endSession("user-5", "phone");

        for (RevocationCheck check : List.of(ending, other)) {
            assertThat(check.check("user-5", issued, "phone")).isEqualTo(RevocationCheck.Verdict.REVOKED);
            assertThat(check.check("user-5", issued, "laptop"))
                    .as("the user's other session")
                    .isEqualTo(RevocationCheck.Verdict.ADMITTED);
            assertThat(check.check("user-5", issued))
                    .as("a token naming no session")
                    .isEqualTo(RevocationCheck.Verdict.ADMITTED);
        }
    }

    @Test
    void anotherInstanceRefusesADeletedUserAtOnceEvenRightAfterAdmittingThem() {
        InMemoryRevocations shared = new InMemoryRevocations();
        MovableClock clock = new MovableClock(Instant.parse("2026-12-02T12:00:00Z"));
        RevocationCheck other = new RevocationCheck(shared, clock);
        Instant issued = Instant.parse("2026-12-02T11:59:00Z");
        assertThat(other.check("user-2", issued)).isEqualTo(RevocationCheck.Verdict.ADMITTED);
        assertThat(other.exists("user-2")).isTrue();

        shared.delete("user-2");

        assertThat(other.check("user-2", issued)).isEqualTo(RevocationCheck.Verdict.NO_PROFILE);
        assertThat(other.exists("user-2")).isFalse();
    }

    @Test
    void everyCheckReadsTheUsersStateOnce() {
        InMemoryRevocations shared = new InMemoryRevocations();
        MovableClock clock = new MovableClock(Instant.parse("2026-12-02T12:00:00Z"));
        RevocationCheck check = new RevocationCheck(shared, clock);
        Instant issued = Instant.parse("2026-12-02T11:59:00Z");

        for (int i = 0; i < 5; i++) {
            check.check("user-3", issued, "phone");
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(shared.reads()).isEqualTo(5);
    }

    @Test
    void theRevocationCoversTheWholeSecondItHappensIn() {
        InMemoryRevocations shared = new InMemoryRevocations();
        MovableClock clock = new MovableClock(Instant.parse("2026-12-02T12:00:00.999Z"));
        RevocationCheck check = new RevocationCheck(shared, clock);

        check.revokeAll("user-4");

        assertThat(check.check("user-4", Instant.parse("2026-12-02T12:00:00Z")))
                .as("issued earlier in the same second")
                .isEqualTo(RevocationCheck.Verdict.REVOKED);
        assertThat(check.check("user-4", Instant.parse("2026-12-02T12:00:01Z")))
                .isEqualTo(RevocationCheck.Verdict.ADMITTED);
    }

    private static APIGatewayV2HTTPResponse session(String token) {
        return api.send("GET", "/api/auth/session", null, Map.of("authorization", "Bearer " + token));
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
