package dev.cairn.api.media;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * Where user media live.
 *
 * @param bucket the media bucket ({@code S3_BUCKET_MEDIA})
 */
@ConfigurationProperties("cairn.media")
public record MediaSettings(@NotBlank String bucket) {}
