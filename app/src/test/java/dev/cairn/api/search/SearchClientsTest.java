package dev.cairn.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

class SearchClientsTest {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

    @Test
    void anHttpsEndpointIsSignedForTheSigningServiceAndRegion() throws Exception {
        Recording http = new Recording();
        OpenSearchClient client = SearchClients.create(
                URI.create("https://search.example.com"), "aoss", http, Region.EU_WEST_1, CREDENTIALS);

        assertThat(client.ping().value()).isTrue();

        SdkHttpRequest sent = http.requests.getFirst();
        assertThat(sent.protocol()).isEqualTo("https");
        assertThat(sent.host()).isEqualTo("search.example.com");
        assertThat(sent.firstMatchingHeader("Authorization")).hasValueSatisfying(auth -> assertThat(auth)
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/aoss/aws4_request"));
    }

    @Test
    void anHttpEndpointIsAPlainNodeAndNothingIsSigned() throws Exception {
        Recording http = new Recording();
        OpenSearchClient client =
                SearchClients.create(URI.create("http://127.0.0.1:9200"), null, http, Region.EU_WEST_1, CREDENTIALS);

        assertThat(client.ping().value()).isTrue();

        SdkHttpRequest sent = http.requests.getFirst();
        assertThat(sent.protocol()).isEqualTo("http");
        assertThat(sent.port()).isEqualTo(9200);
        assertThat(sent.headers().keySet())
                .noneMatch(name -> name.equalsIgnoreCase("Authorization")
                        || name.toLowerCase().startsWith("x-amz-"));
        assertThat(http.closed).isFalse();
    }

    @Test
    void refusesOtherSchemesAndSigningNames() {
        Recording http = new Recording();
        assertThatThrownBy(() -> SearchClients.create(
                        URI.create("ftp://search.example.com"), "es", http, Region.EU_WEST_1, CREDENTIALS))
                .hasMessageContaining("cairn.search.endpoint must be an http:// or https:// URL");
        assertThatThrownBy(() -> SearchClients.create(
                        URI.create("https://search.example.com"), "s3", http, Region.EU_WEST_1, CREDENTIALS))
                .hasMessageContaining("cairn.search.signing-service must be one of");
    }

    @Test
    void onlyABlueprintThatDeclaresSearchHasTheClient() {
        Map<String, Object> base = Map.of(
                "cairn.aws.region", "eu-west-1",
                "cairn.aws.local-credentials", true,
                "cairn.search.endpoint", "http://127.0.0.1:9");
        try (ApplicationContext recipes = ApplicationContext.builder()
                        .properties(base)
                        .properties(Map.of("cairn.blueprint", "recipe-archive"))
                        .start();
                ApplicationContext guitars = ApplicationContext.builder()
                        .properties(base)
                        .properties(Map.of("cairn.blueprint", "personal-site"))
                        .start()) {
            assertThat(recipes.containsBean(OpenSearchClient.class)).isTrue();
            assertThat(guitars.containsBean(OpenSearchClient.class)).isFalse();
        }
    }

    /** An SDK HTTP client that records each request and answers 200 with an empty JSON object. */
    private static final class Recording implements SdkHttpClient {
        final List<SdkHttpRequest> requests = new CopyOnWriteArrayList<>();
        boolean closed;

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            requests.add(request.httpRequest());
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder()
                                    .statusCode(200)
                                    .putHeader("Content-Type", "application/json")
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
