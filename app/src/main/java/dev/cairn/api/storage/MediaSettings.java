package dev.cairn.api.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * Where user media live and how they are served.
 *
 * @param bucket the media bucket ({@code S3_BUCKET_MEDIA})
 * @param baseUrl where the CDN serves the bucket's public paths, e.g. {@code https://CDN_DOMAIN/media}
 *     (from {@code CLOUDFRONT_DOMAIN}); locally the local stack's {@code /media}
 * @param maxImageBytes the largest image upload; default 10 MB
 * @param variantWidths the widths of the responsive variants; default 320, 640, 1280, 1920
 * @param variants {@code s3-event} (default: the media-processor function reacts to the bucket's
 *     event) or {@code in-process} (the local stack: the same code on a background thread)
 */
@ConfigurationProperties("cairn.media")
public record MediaSettings(
        @NotBlank String bucket,
        @NotBlank String baseUrl,
        @Bindable(defaultValue = "10485760") long maxImageBytes,

        @Bindable(defaultValue = "320,640,1280,1920") @NotEmpty
        List<Integer> variantWidths,

        @Bindable(defaultValue = "s3-event") String variants) {

    public String url(String key) {
        return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + key;
    }
}
