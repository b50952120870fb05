package dev.cairn.api.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * What one user may hold, in one place. Every blueprint starts from these defaults and sets its
 * own in its app configuration ({@code cairn.limits.api-keys=50}, or in Lambda the environment
 * variable {@code CAIRN_LIMITS_API_KEYS=50}); a value out of range fails the start, naming the
 * property.
 *
 * @param apiKeys API keys per user; default 20. The next one is 429 {@code RATE_LIMITED}.
 * @param storedBytes bytes of uploads (images, files, receipts) per user; default 1 GiB. An upload
 *     past it is 413 {@code PAYLOAD_TOO_LARGE}, and removed.
 * @param files uploads kept per user (images, files, receipts); default 1000. The next one is 429
 *     {@code RATE_LIMITED}, and removed.
 */
@ConfigurationProperties("cairn.limits")
public record UserLimits(
        @Bindable(defaultValue = "20") @Min(1) @Max(10_000) int apiKeys,
        @Bindable(defaultValue = "1073741824") @Min(1) long storedBytes,

        @Bindable(defaultValue = "1000") @Min(1) @Max(1_000_000)
        int files) {}
