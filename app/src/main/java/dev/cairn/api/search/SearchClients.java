package dev.cairn.api.search;

import dev.cairn.api.aws.AwsSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;

/**
 * The search engine's client ({@code opensearch-java}), from {@code cairn.search.endpoint}:
 *
 * <ul>
 *   <li>{@code https://HOST}: the engine in AWS. Every request is SigV4-signed with the function's
 *       credentials (the SDK's default chain, as the other AWS clients) for the signing name
 *       {@code cairn.search.signing-service} ({@code es} or {@code aoss}) in the function's region.
 *   <li>{@code http://HOST:PORT}: the local stack's node, which checks no signature: nothing is
 *       signed.
 * </ul>
 *
 * Both go through {@link AwsSdk2Transport} over the app's one SDK HTTP client (URL connection),
 * so the API carries no second HTTP stack; JSON is mapped by {@link SearchJsonMapper}. The bean
 * exists only where the blueprint declares a search index.
 */
@Factory
@Requires(condition = SearchDeclared.class)
public final class SearchClients {
    /** The signing names the engine answers to: a managed domain, or OpenSearch Serverless. */
    public static final Set<String> SIGNING_SERVICES = Set.of("es", "aoss");

    private static final String DEFAULT_SIGNING_SERVICE = "es";

    /** What the transport signs a plain node's requests with before the signature is dropped. */
    private static final AwsCredentialsProvider UNSIGNED =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("unsigned", "unsigned"));

    @Singleton
    OpenSearchClient openSearch(
            SearchSettings settings, SdkHttpClient http, AwsSettings aws, AwsCredentialsProvider credentials) {
        if (settings.endpoint() == null || settings.endpoint().isBlank()) {
            throw new IllegalStateException("cairn.search.endpoint must be set where the blueprint declares a"
                    + " search index (CAIRN_SEARCH_ENDPOINT in AWS) (value: " + settings.endpoint() + ")");
        }
        return create(
                URI.create(settings.endpoint().strip()),
                settings.signingService(),
                http,
                Region.of(aws.region()),
                credentials);
    }

    /**
     * A client for {@code endpoint}, for code that runs outside the application context too (the
     * local stack, tests).
     *
     * @param endpoint {@code https://HOST[:PORT]} (signed) or {@code http://HOST:PORT} (not signed)
     * @param signingService {@code es} or {@code aoss}; null: {@code es}. Ignored for {@code http}
     * @param http the SDK HTTP client that sends the requests; the client never closes it
     * @param region the region requests are signed for
     * @param credentials the credentials requests are signed with
     */
    public static OpenSearchClient create(
            URI endpoint,
            String signingService,
            SdkHttpClient http,
            Region region,
            AwsCredentialsProvider credentials) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || endpoint.getHost() == null) {
            throw new IllegalArgumentException(
                    "cairn.search.endpoint must be an http:// or https:// URL (value: " + endpoint + ")");
        }
        String service =
                signingService == null || signingService.isBlank() ? DEFAULT_SIGNING_SERVICE : signingService.strip();
        if (!SIGNING_SERVICES.contains(service)) {
            throw new IllegalArgumentException(
                    "cairn.search.signing-service must be one of " + SIGNING_SERVICES + " (value: " + service + ")");
        }
        boolean plain = scheme.equals("http");
        String host = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        AwsSdk2TransportOptions options = AwsSdk2TransportOptions.builder()
                .setCredentials(plain ? UNSIGNED : credentials)
                .setMapper(new SearchJsonMapper())
                .build();
        return new OpenSearchClient(
                new AwsSdk2Transport(new SharedHttpClient(http, plain), host, service, region, options));
    }

    /**
     * The app's HTTP client as the transport sees it: never closed by the transport (other clients
     * share it), and for a plain {@code http://} node, the request sent over HTTP without the
     * signature the transport always computes.
     */
    private record SharedHttpClient(SdkHttpClient delegate, boolean plain) implements SdkHttpClient {
        private static final Set<String> SIGNING_HEADERS =
                Set.of("Authorization", "X-Amz-Date", "X-Amz-Security-Token", "x-amz-content-sha256");

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            if (!plain) {
                return delegate.prepareRequest(request);
            }
            SdkHttpRequest.Builder unsigned = request.httpRequest().toBuilder().protocol("http");
            SIGNING_HEADERS.forEach(unsigned::removeHeader);
            return delegate.prepareRequest(HttpExecuteRequest.builder()
                    .request(unsigned.build())
                    .contentStreamProvider(request.contentStreamProvider().orElse(null))
                    .build());
        }

        @Override
        public String clientName() {
            return delegate.clientName();
        }

        @Override
        public void close() {
            // The application context closes the shared client.
        }
    }
}
