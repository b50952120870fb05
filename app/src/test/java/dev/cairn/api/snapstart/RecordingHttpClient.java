package dev.cairn.api.snapstart;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The SDK's HTTP client, replaced by one that records each AWS operation and answers as an empty
 * table would: no item, no query results.
 */
@Singleton
@Replaces(SdkHttpClient.class)
@Requires(property = RecordingHttpClient.ENABLED, value = "true")
final class RecordingHttpClient implements SdkHttpClient {
    static final String ENABLED = "cairn.test.recording-http-client";

    private final List<String> operations = new CopyOnWriteArrayList<>();

    /** DynamoDB operations by name ({@code GetItem}), others as method and path. */
    List<String> operations() {
        return List.copyOf(operations);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        String operation = http.firstMatchingHeader("X-Amz-Target")
                .map(target -> target.substring(target.indexOf('.') + 1))
                .orElse(http.method() + " " + http.encodedPath());
        operations.add(operation);
        byte[] body = (operation.equals("Query") ? "{\"Items\":[],\"Count\":0,\"ScannedCount\":0}" : "{}")
                .getBytes(StandardCharsets.UTF_8);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(body.length))
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public void close() {}
}
