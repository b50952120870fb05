package dev.cairn.api.limits;

import dev.cairn.contract.Blueprint.Limits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * What one user may hold, in one place. The defaults are the contract's ({@link Limits}); each
 * blueprint's own come from its catalogue entry, which the CDK app sets in Lambda as {@code
 * CAIRN_LIMITS_API_KEYS} and so on, and the local stack as {@code cairn.limits.api-keys}. A value
 * out of range fails the start, naming the property.
 *
 * @param apiKeys API keys per user; default 20. The next one is 429 {@code RATE_LIMITED}.
 * @param storedBytes bytes of uploads (images, files, receipts) per user; default 1 GiB. An upload
 *     past it is 413 {@code PAYLOAD_TOO_LARGE}, and removed.
 * @param files uploads kept per user (images, files, receipts); default 1000. The next one is 429
 *     {@code RATE_LIMITED}, and removed.
 */
@ConfigurationProperties("cairn.limits")
public record UserLimits(
        @Bindable(defaultValue = "" + Limits.DEFAULT_API_KEYS) @Min(1) @Max(10_000)
        int apiKeys,

        @Bindable(defaultValue = "" + Limits.DEFAULT_STORED_BYTES) @Min(1)
        long storedBytes,

        @Bindable(defaultValue = "" + Limits.DEFAULT_FILES) @Min(1) @Max(1_000_000)
        int files) {}
