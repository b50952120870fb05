package dev.cairn.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A Cognito-like token issuer for tests: an RSA key, its JWKS on a loopback port, and access
 * tokens shaped like Cognito's, with any claim changeable to make a bad one.
 */
public final class TokenIssuer implements AutoCloseable {
    static final String CLIENT_ID = "test-client";

    private final RSAKey key;
    private final HttpServer jwks;
    private final String issuer;

    public TokenIssuer() throws JOSEException, IOException {
        this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        String body = new JWKSet(key.toPublicJWK()).toString();
        this.jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/pool/.well-known/jwks.json", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        jwks.start();
        this.issuer = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/pool";
    }

    public String issuer() {
        return issuer;
    }

    /** A valid access token for {@code sub}, changed by {@code tweak}. */
    public String accessToken(String sub, Consumer<JWTClaimsSet.Builder> tweak) throws JOSEException {
        return sign(key, claims(sub, tweak));
    }

    public String accessToken(String sub) throws JOSEException {
        return accessToken(sub, c -> {});
    }

    /** Signed by a key that is not in the JWKS. */
    String forged(String sub) throws JOSEException {
        return sign(new RSAKeyGenerator(2048).keyID("test-key").generate(), claims(sub, c -> {}));
    }

    /** {@code alg: none}: no signature at all. */
    String unsigned(String sub) {
        return new com.nimbusds.jwt.PlainJWT(claims(sub, c -> {})).serialize();
    }

    private JWTClaimsSet claims(String sub, Consumer<JWTClaimsSet.Builder> tweak) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(sub)
                .claim("client_id", CLIENT_ID)
                .claim("token_use", "access")
                .claim("username", sub)
                .claim("cognito:groups", List.of())
                .claim("scope", "aws.cognito.signin.user.admin")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)));
        tweak.accept(claims);
        return claims.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        jwks.stop(0);
    }
}
