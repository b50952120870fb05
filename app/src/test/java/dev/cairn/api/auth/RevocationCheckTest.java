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
 * A valid JWT stops counting once its user signs out or is deleted: through the real handler for
 * the instance that revokes, and with a movable clock for the others, which may lag by at most
 * {@link RevocationCheck#MAX_STALENESS} on reads and not at all on writes.
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
        api.context().getBean(RevocationCheck.class).forget("user-deleted");

        APIGatewayV2HTTPResponse refused = session(token);
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(refused.getBody()).contains("\"code\":\"AUTH_UNAUTHORIZED\"");
    }

    @Test
    void anotherInstanceRefusesWithinTheStalenessOnReadsAndAtOnceOnWrites() {
        InMemoryRevocations shared = new InMemoryRevocations();
        MovableClock clock = new MovableClock(Instant.parse("2026-12-02T12:00:00.250Z"));
        RevocationCheck other = new RevocationCheck(shared, clock);
        Instant issued = Instant.parse("2026-12-02T11:59:00Z");
        assertThat(other.check("user-1", issued, false)).isEqualTo(RevocationCheck.Verdict.ADMITTED);

        new RevocationCheck(shared, clock).revokeAll("user-1");

        assertThat(other.check("user-1", issued, false))
                .as("a read within the staleness may still pass")
                .isEqualTo(RevocationCheck.Verdict.ADMITTED);
        assertThat(other.check("user-1", issued, true)).isEqualTo(RevocationCheck.Verdict.REVOKED);
        clock.advance(RevocationCheck.MAX_STALENESS);
        assertThat(other.check("user-1", issued, false)).isEqualTo(RevocationCheck.Verdict.REVOKED);
    }

    @Test
    void anEndedSessionIsRefusedAtOnceWhereItEndsAndWithinTheStalenessElsewhere() {
        InMemoryRevocations shared = new InMemoryRevocations();
        MovableClock clock = new MovableClock(Instant.parse("2026-12-02T12:00:00Z"));
        RevocationCheck ending = new RevocationCheck(shared, clock);
        RevocationCheck writer = new RevocationCheck(shared, clock);
        RevocationCheck reader = new RevocationCheck(shared, clock);
        Instant issued = Instant.parse("2026-12-02T11:59:00Z");
        for (RevocationCheck check : List.of(ending, writer, reader)) {
            assertThat(check.check("user-5", issued, "phone", false)).isEqualTo(RevocationCheck.Verdict.ADMITTED);
        }

        ending.endSession("user-5", "phone");

        assertThat(ending.check("user-5", issued, "phone", false)).isEqualTo(RevocationCheck.Verdict.REVOKED);
        assertThat(ending.check("user-5", issued, "laptop", false))
                .as("the user's other session")
                .isEqualTo(RevocationCheck.Verdict.ADMITTED);
        assertThat(ending.check("user-5", issued, false))
                .as("a token naming no session")
                .isEqualTo(RevocationCheck.Verdict.ADMITTED);
        assertThat(writer.check("user-5", issued, "phone", true)).isEqualTo(RevocationCheck.Verdict.REVOKED);
        assertThat(reader.check("user-5", issued, "phone", false))
                .as("a read within the staleness may still pass")
                .isEqualTo(RevocationCheck.Verdict.ADMITTED);
        clock.advance(RevocationCheck.MAX_STALENESS);
        assertThat(reader.check("user-5", issued, "phone", false)).isEqualTo(RevocationCheck.Verdict.REVOKED);
    }

    @Test
    void aStaleInstanceSeesADeletionOnReadsWithinTheStaleness() {
        InMemoryRevocations shared = new InMemoryRevocations();
        MovableClock clock = new MovableClock(Instant.parse("2026-12-02T12:00:00Z"));
        RevocationCheck other = new RevocationCheck(shared, clock);
        Instant issued = Instant.parse("2026-12-02T11:59:00Z");
        assertThat(other.check("user-2", issued, false)).isEqualTo(RevocationCheck.Verdict.ADMITTED);

        shared.delete("user-2");

        assertThat(other.check("user-2", issued, true)).isEqualTo(RevocationCheck.Verdict.NO_PROFILE);
        assertThat(other.exists("user-2", false)).isFalse();
    }

    @Test
    void theStateIsReadOncePerUserWithinTheStaleness() {
        InMemoryRevocations shared = new InMemoryRevocations();
        MovableClock clock = new MovableClock(Instant.parse("2026-12-02T12:00:00Z"));
        RevocationCheck check = new RevocationCheck(shared, clock);
        Instant issued = Instant.parse("2026-12-02T11:59:00Z");

        for (int i = 0; i < 5; i++) {
            check.check("user-3", issued, false);
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(shared.reads()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        check.check("user-3", issued, false);
        assertThat(shared.reads()).isEqualTo(2);
    }

    @Test
    void theRevocationCoversTheWholeSecondItHappensIn() {
        InMemoryRevocations shared = new InMemoryRevocations();
        MovableClock clock = new MovableClock(Instant.parse("2026-12-02T12:00:00.999Z"));
        RevocationCheck check = new RevocationCheck(shared, clock);

        check.revokeAll("user-4");

        assertThat(check.check("user-4", Instant.parse("2026-12-02T12:00:00Z"), true))
                .as("issued earlier in the same second")
                .isEqualTo(RevocationCheck.Verdict.REVOKED);
        assertThat(check.check("user-4", Instant.parse("2026-12-02T12:00:01Z"), true))
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
