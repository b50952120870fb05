package dev.cairn.api.edge;

import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.secrets.SecretValues;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WAF sits on CloudFront, not on the HTTP API, so the API only serves requests that came through
 * CloudFront: each must carry the origin-verify header CloudFront adds, with the secret's value.
 * Anything else (a call to the execute-api URL directly) is 403. The secret is read once; after a
 * rotation, a mismatch reads it again, at most once a minute. Without a configured secret (the
 * dev stage without a CDN, tests) the filter lets everything through.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class OriginVerifyFilter implements Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(OriginVerifyFilter.class);
    static final Duration REREAD_AFTER = Duration.ofMinutes(1);

    private final String header;
    private final String secretArn;
    private final String field;
    private final BeanProvider<SecretValues> secrets;
    private final Clock clock = Clock.systemUTC();
    private volatile byte[] expected;
    private volatile Instant readAt;

    OriginVerifyFilter(
            @Value("${cairn.origin-verify.header:X-Origin-Verify}") String header,
            @Value("${cairn.origin-verify.secret-arn:}") String secretArn,
            @Value("${cairn.origin-verify.secret-field:}") String field,
            @Value("${cairn.origin-verify.secret:}") String secret,
            BeanProvider<SecretValues> secrets) {
        this.header = header;
        this.secretArn = secretArn;
        this.field = field;
        this.secrets = secrets;
        this.expected = !secret.isBlank() ? bytes(secret) : secretArn.isBlank() ? null : read();
        this.readAt = clock.instant();
    }

    @RequestFilter
    void verify(HttpRequest<?> request) {
        if (expected == null) {
            return;
        }
        String presented = request.getHeaders().get(header);
        if (matches(presented)) {
            return;
        }
        if (!secretArn.isBlank() && presented != null && clock.instant().isAfter(readAt.plus(REREAD_AFTER))) {
            expected = read();
            readAt = clock.instant();
            if (matches(presented)) {
                return;
            }
        }
        LOG.warn(
                "Refused a request that did not come through the CDN: {} {}",
                request.getMethodName(),
                request.getPath());
        throw new ApiException(403, ErrorCodes.AUTH_FORBIDDEN, "Requests must come through the site's CDN");
    }

    private boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(bytes(presented), expected);
    }

    private byte[] read() {
        return bytes(secrets.get().read(secretArn, field.isBlank() ? null : field));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
