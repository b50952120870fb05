package dev.cairn.api.auth;

import dev.cairn.api.snapstart.PrimingSteps;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * What every authenticated request runs and the priming requests do not reach: an RS256 signature
 * check that succeeds (the priming's token is refused before its signature is checked) and the
 * revocation check's consistent read of a profile. Both change nothing.
 */
@Singleton
final class AuthPriming implements PrimingSteps {
    private final AccessTokenVerifier verifier;
    private final RevocationCheck revocations;

    AuthPriming(AccessTokenVerifier verifier, RevocationCheck revocations) {
        this.verifier = verifier;
        this.revocations = revocations;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("token signature", () -> {
                    try {
                        verifier.primeSignatureCheck();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }),
                // The sentinel has no profile: the check reads and answers that there is none.
                new Step("revocation read", () -> revocations.check(SENTINEL_OWNER, Instant.EPOCH)));
    }
}
