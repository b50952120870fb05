package dev.cairn.api.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The invalidation request as CloudFront's API reference documents it, received by a loopback
 * server standing in for CloudFront: path, SigV4 signature for {@code cloudfront} in {@code
 * us-east-1}, and the {@code InvalidationBatch} body.
 */
class CdnInvalidationsTest {
    private record Received(String method, String path, Map<String, List<String>> headers, String body) {}

    private final List<Received> received = new ArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theSignedBatchReachesTheDistributionsInvalidations() throws IOException {
        CdnInvalidations cdn = start(201);

        cdn.invalidate("E2QWRUHEXAMPLE", List.of("/api/projects*", "/api/pages/a&b"), "msg-1");

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/2020-05-31/distribution/E2QWRUHEXAMPLE/invalidation");
            assertThat(request.headers().get("Authorization").getFirst())
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDLOCAL/")
                    .contains("/us-east-1/cloudfront/aws4_request");
            assertThat(request.body())
                    .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<InvalidationBatch xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                            + "<Paths><Quantity>2</Quantity><Items><Path>/api/projects*</Path>"
                            + "<Path>/api/pages/a&amp;b</Path></Items></Paths>"
                            + "<CallerReference>msg-1</CallerReference></InvalidationBatch>");
        });
    }

    @Test
    void aRefusalThrowsWithCloudFrontsAnswer() throws IOException {
        CdnInvalidations cdn = start(400);

        assertThatThrownBy(() -> cdn.invalidate("E2QWRUHEXAMPLE", List.of("/x"), "msg-1"))
                .hasMessageContaining("400")
                .hasMessageContaining("<Code>InvalidArgument</Code>");
    }

    private CdnInvalidations start(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                received.add(new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                byte[] answer = (status == 201
                                ? "<Invalidation><Id>I1</Id><Status>InProgress</Status></Invalidation>"
                                : "<ErrorResponse><Error><Code>InvalidArgument</Code></Error></ErrorResponse>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        });
        server.start();
        return new CdnInvalidations(
                UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }
}
