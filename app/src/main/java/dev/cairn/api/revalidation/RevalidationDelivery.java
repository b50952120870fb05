package dev.cairn.api.revalidation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.aws.CdnInvalidations;
import dev.cairn.contract.Functions;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one {@link ContentChange}: first the CDN drops its cached API answers ({@code
 * CreateInvalidation} on {@code cairn.revalidation.distribution-id}; skipped when none is set, as
 * locally), then, if {@code cairn.revalidation.url} is set, the front end's hook gets a signed
 * {@code POST} of {@code {"paths": [...], "tags": [...]}} (see {@link RevalidationSignature}).
 * Anything that does not succeed, including a hook answer outside 2xx, throws {@link
 * DeliveryFailedException}: the revalidation worker then reports the message as failed, so the
 * queue delivers it again and finally parks it in its dead-letter queue.
 */
@Singleton
public class RevalidationDelivery {
    /** Connect and read timeout of a hook call. */
    static final Duration HOOK_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(RevalidationDelivery.class);

    private final String distributionId;
    private final String hookUrl;
    private final Supplier<CdnInvalidations> cdn;
    private final Supplier<RevalidationSignature> signature;
    private final JsonMapper json;
    private final Clock clock;

    @Inject
    RevalidationDelivery(
            @Value("${cairn.revalidation.distribution-id:}") String distributionId,
            @Value("${cairn.revalidation.url:}") String hookUrl,
            BeanProvider<CdnInvalidations> cdn,
            RevalidationSecret secret,
            JsonMapper json) {
        this(distributionId, hookUrl, cdn::get, secret::signature, json, Clock.systemUTC());
    }

    RevalidationDelivery(
            String distributionId,
            String hookUrl,
            Supplier<CdnInvalidations> cdn,
            Supplier<RevalidationSignature> signature,
            JsonMapper json,
            Clock clock) {
        this.distributionId = distributionId;
        this.hookUrl = hookUrl;
        this.cdn = cdn;
        this.signature = signature;
        this.json = json;
        this.clock = clock;
    }

    /** The hook call's body. */
    @Serdeable
    record HookBody(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<String> paths,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<String> tags) {}

    /**
     * Invalidates and calls the hook for {@code change}; {@code reference} names this delivery (the
     * queue message's id), so CloudFront takes a retry of it as the same invalidation.
     */
    public void deliver(ContentChange change, String reference) {
        if (!distributionId.isBlank() && !change.cdnPaths().isEmpty()) {
            try {
                cdn.get().invalidate(distributionId, change.cdnPaths(), reference);
            } catch (RuntimeException e) {
                throw new DeliveryFailedException("The CDN invalidation of " + change.cdnPaths() + " failed", e);
            }
        }
        if (!hookUrl.isBlank()
                && !(change.sitePaths().isEmpty() && change.tags().isEmpty())) {
            callHook(change);
        }
    }

    /** The JSON the hook gets for {@code change}. */
    String hookBody(ContentChange change) {
        try {
            return json.writeValueAsString(new HookBody(change.sitePaths(), change.tags()));
        } catch (IOException e) {
            throw new DeliveryFailedException("The hook body could not be written", e);
        }
    }

    private void callHook(ContentChange change) {
        String body = hookBody(change);
        String header = signature.get().sign(body, clock.instant());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(hookUrl).toURL().openConnection();
            connection.setConnectTimeout((int) HOOK_TIMEOUT.toMillis());
            connection.setReadTimeout((int) HOOK_TIMEOUT.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(bytes.length);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty(Functions.REVALIDATION_SIGNATURE_HEADER, header);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
            int status = connection.getResponseCode();
            drain(status < 400 ? connection.getInputStream() : connection.getErrorStream());
            if (status / 100 != 2) {
                throw new DeliveryFailedException(
                        "The revalidation hook " + hookUrl + " answered " + status + " to " + body, null);
            }
            LOG.info("Revalidation hook {} took {}", hookUrl, body);
        } catch (IOException | IllegalArgumentException e) {
            throw new DeliveryFailedException("The revalidation hook " + hookUrl + " could not be called", e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static void drain(InputStream in) throws IOException {
        if (in != null) {
            try (in) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    /** A delivery that did not complete: the CDN or the hook refused it or could not be reached. */
    public static final class DeliveryFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
