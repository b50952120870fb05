package dev.cairn.bench;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Gives the benchmarked handler a {@link ReplayingHttpClient} in place of the app's SDK HTTP
 * client, where {@value #PROPERTY} is true (never in the Lambda artifact: this class lives in the
 * benchmarks).
 */
@Factory
@Requires(property = InMemoryHttp.PROPERTY, value = "true")
class InMemoryHttp {
    static final String PROPERTY = "cairn.bench.in-memory-http";

    @Singleton
    @Replaces(SdkHttpClient.class)
    SdkHttpClient replayingHttpClient() {
        return new ReplayingHttpClient(UrlConnectionHttpClient.builder().build());
    }
}
