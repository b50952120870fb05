package dev.cairn.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.snapstart.PrimingSteps;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies Cognito access tokens the way API Gateway's JWT authorizer does, and more strictly:
 * RS256 signature against the pool's JWKS, issuer, app client, {@code token_use=access} (an id
 * token is refused), and expiry. Unsigned tokens ({@code alg:none}) never parse as signed ones.
 */
@Singleton
public final class AccessTokenVerifier {

    /** Verified tokens kept at most this long, so that a key taken out of the JWKS stops counting. */
    static final long VERIFIED_TTL_MILLIS = 10 * 60 * 1000;

    static final int VERIFIED_MAX = 1_000;

    private final AuthSettings settings;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Clock clock;
    /**
     * Tokens whose signature already verified, by the whole token: an RS256 check costs ~0.3 ms of
     * every request (docs/performance.md) and a client sends the same token for up to an hour.
     * The claims are still checked on every request.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    AccessTokenVerifier(AuthSettings settings) {
        this.settings = settings;
        this.clock = Clock.systemUTC();
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(
                            URI.create(settings.effectiveJwksUrl()).toURL())
                    .retrying(true)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cairn.auth.jwks-url is not a URL (value: " + settings.effectiveJwksUrl() + ")", e);
        }
        this.processor = processor(keys);
    }

    /** RS256 signatures against {@code keys}; claims are checked by {@link #verifyToken}. */
    private static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // Claims are checked in verifyToken, so that an expired token can be told from a forged one.
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        return processor;
    }

    public AuthenticatedUser verify(String token) throws TokenRejectedException {
        return verifyToken(token).user();
    }

    /** The token's user, with when it was issued and which sign-in it descends from. */
    public VerifiedToken verifyToken(String token) throws TokenRejectedException {
        JWTClaimsSet claims = signatureChecked(token);
        if (!settings.effectiveIssuer().equals(claims.getIssuer())) {
            throw new TokenRejectedException("issuer " + claims.getIssuer(), false);
        }
        String tokenUse = stringClaim(claims, "token_use");
        if (!"access".equals(tokenUse)) {
            throw new TokenRejectedException("token_use " + tokenUse, false);
        }
        String clientId = stringClaim(claims, "client_id");
        if (clientId == null || !settings.clientIds().contains(clientId)) {
            throw new TokenRejectedException("client_id " + clientId, false);
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new TokenRejectedException("no sub", false);
        }
        if (claims.getExpirationTime() == null) {
            throw new TokenRejectedException("no exp", false);
        }
        Instant expiresAt = claims.getExpirationTime().toInstant();
        if (!clock.instant().isBefore(expiresAt.plusSeconds(settings.clockSkewSeconds()))) {
            throw new TokenRejectedException("expired at " + expiresAt, true);
        }
        if (claims.getIssueTime() == null) {
            throw new TokenRejectedException("no iat", false);
        }
        String username = stringClaim(claims, "username");
        AuthenticatedUser user = new AuthenticatedUser(
                claims.getSubject(),
                username == null ? claims.getSubject() : username,
                groups(claims),
                clientId,
                expiresAt);
        return new VerifiedToken(user, claims.getIssueTime().toInstant(), stringClaim(claims, "origin_jti"));
    }

    /**
     * A verified access token: its user; its {@code iat}, which decides whether a revocation
     * (sign-out, password reset) came after it; and its {@code origin_jti}, the sign-in (session)
     * it descends from, the same for every token refreshed from it (null if the token has none).
     */
    public record VerifiedToken(
            AuthenticatedUser user,
            Instant issuedAt,
            @Nullable String originJti) {
        public VerifiedToken(AuthenticatedUser user, Instant issuedAt) {
            this(user, issuedAt, null);
        }
    }

    private JWTClaimsSet signatureChecked(String token) throws TokenRejectedException {
        long now = clock.millis();
        Verified known = verified.get(token);
        if (known != null && now - known.atMillis() < VERIFIED_TTL_MILLIS) {
            return known.claims();
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new TokenRejectedException("signature or format: " + e.getMessage(), false);
        }
        if (verified.size() >= VERIFIED_MAX) {
            verified.clear();
        }
        verified.put(token, new Verified(claims, now));
        return claims;
    }

    private record Verified(JWTClaimsSet claims, long atMillis) {}

    /**
     * Runs a signature check the way {@link #verifyToken} does, on a key made for it: SnapStart's
     * priming calls it so that a restored function's first request does not run RS256 and the
     * processor's code for the first time. The pool's own keys sign no token here; the throwaway
     * key is never stored, and nothing is kept among the verified tokens.
     */
    void primeSignatureCheck() throws JOSEException, BadJOSEException, ParseException {
        RSAKey key = new RSAKeyGenerator(2048).keyID("snapstart-priming").generate();
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .subject(PrimingSteps.SENTINEL_OWNER)
                        .issuer(settings.effectiveIssuer())
                        .claim("token_use", "access")
                        .build());
        token.sign(new RSASSASigner(key));
        processor(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))).process(token.serialize(), null);
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    private static Set<String> groups(JWTClaimsSet claims) {
        Object value = claims.getClaim("cognito:groups");
        Set<String> groups = new HashSet<>();
        if (value instanceof List<?> list) {
            for (Object group : list) {
                if (group instanceof String s) {
                    groups.add(s);
                }
            }
        }
        return groups;
    }
}
