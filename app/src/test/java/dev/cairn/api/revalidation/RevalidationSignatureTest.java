package dev.cairn.api.revalidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hook signature: its documented format, and what a receiver refuses. */
class RevalidationSignatureTest {
    private static final String BODY = "{\"paths\":[\"/\"],\"tags\":[\"projects\"]}";
    private static final Instant AT = Instant.ofEpochSecond(1_700_000_000L);

    private final RevalidationSignature signature = new RevalidationSignature("s3cret");

    @Test
    void theHeaderIsTheTimestampAndTheHexHmacOfTimestampDotBody() {
        // Computed independently: HMAC-SHA256("s3cret", "1700000000." + BODY), lowercase hex.
        assertThat(signature.sign(BODY, AT))
                .isEqualTo("t=1700000000,v1=b1895a6d7c385b0c4881817c5f8312fc420d88eb3aada140354e229da2c7bc88");
    }

    @Test
    void whatItSignsVerifies() {
        String header = signature.sign(BODY, AT);

        assertThat(signature.verify(header, BODY, AT)).isTrue();
        assertThat(signature.verify(header, BODY, AT.plusSeconds(300))).isTrue();
        assertThat(signature.verify(
                        header.toUpperCase(java.util.Locale.ROOT)
                                .replace("T=", "t=")
                                .replace("V1=", "v1="),
                        BODY,
                        AT))
                .isTrue();
    }

    @Test
    void aChangedBodyDoesNotVerify() {
        String header = signature.sign(BODY, AT);

        assertThat(signature.verify(header, BODY.replace("projects", "pages"), AT))
                .isFalse();
        assertThat(signature.verify(header, BODY + " ", AT)).isFalse();
    }

    @Test
    void anotherSecretsSignatureDoesNotVerify() {
        String forged = new RevalidationSignature("not the secret").sign(BODY, AT);

        assertThat(signature.verify(forged, BODY, AT)).isFalse();
    }

    @Test
    void aChangedTimestampDoesNotVerify() {
        String header = signature.sign(BODY, AT).replace("t=1700000000", "t=1700000001");

        assertThat(signature.verify(header, BODY, AT)).isFalse();
    }

    @Test
    void aStaleOrFutureTimestampDoesNotVerify() {
        String header = signature.sign(BODY, AT);

        assertThat(signature.verify(header, BODY, AT.plusSeconds(301))).isFalse();
        assertThat(signature.verify(header, BODY, AT.minusSeconds(301))).isFalse();
    }

    @Test
    void oneMatchingSignatureAmongSeveralVerifies() {
        String header = signature.sign(BODY, AT);
        String withOld = header.replace(",v1=", ",v1=" + "0".repeat(64) + ",v1=");

        assertThat(signature.verify(withOld, BODY, AT)).isTrue();
    }

    @Test
    void malformedHeadersDoNotVerify() {
        String v1 = signature.sign(BODY, AT).substring("t=1700000000,".length());

        assertThat(signature.verify(null, BODY, AT)).isFalse();
        assertThat(signature.verify("", BODY, AT)).isFalse();
        assertThat(signature.verify(v1, BODY, AT)).isFalse();
        assertThat(signature.verify("t=1700000000", BODY, AT)).isFalse();
        assertThat(signature.verify("t=abc," + v1, BODY, AT)).isFalse();
        assertThat(signature.verify("t=1700000000,t=1700000000," + v1, BODY, AT))
                .isFalse();
        assertThat(signature.verify("garbage", BODY, AT)).isFalse();
    }
}
