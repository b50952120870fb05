package dev.cairn.api.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where the search engine is. In AWS {@code endpoint} is the engine's HTTPS endpoint (from {@code
 * CAIRN_SEARCH_ENDPOINT}) and requests are SigV4-signed for {@code signingService} ({@code es}, a
 * managed domain, or {@code aoss}, Serverless, from {@code CAIRN_SEARCH_SIGNING_SERVICE}); the
 * local stack sets an {@code http://} endpoint, its own node, and nothing is signed.
 *
 * @param endpoint the engine's URL; blank where the blueprint declares no search index
 * @param signingService the SigV4 signing name; default {@code es}
 */
@ConfigurationProperties("cairn.search")
public record SearchSettings(
        @Nullable String endpoint, @Nullable String signingService) {}
