package dev.cairn.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that answers DynamoDB and the search engine from memory, so that a benchmark
 * measures the CPU of the code above the client and nothing of DynamoDB Local's or the search
 * node's. It first passes each call to the real client and keeps the answer: a DynamoDB call's by
 * operation, table, index and projection, any other call's by method and path (a search of one
 * index, whatever its query). After {@link #replay()} it answers every call from what it kept,
 * byte for byte (status, headers with their CRC32, body), and a call it never saw fails. The
 * handler and the bare SDK calls beside it share one instance, so both pay the same client cost.
 */
final class ReplayingHttpClient implements SdkHttpClient {
    private static final Pattern TABLE = Pattern.compile("\"TableName\":\"([^\"]*)\"");
    private static final Pattern INDEX = Pattern.compile("\"IndexName\":\"([^\"]*)\"");
    private static final Pattern PROJECTION = Pattern.compile("\"ProjectionExpression\":\"([^\"]*)\"");

    private final SdkHttpClient delegate;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile boolean replaying;

    ReplayingHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    /** From now on, answers from memory only. */
    void replay() {
        replaying = true;
    }

    /** How many distinct calls it has kept an answer for. */
    int answers() {
        return answers.size();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String key = key(request);
        if (replaying) {
            Answer answer = answers.get(key);
            if (answer == null) {
                throw new IllegalStateException("No answer kept for " + key + "; kept: " + answers.keySet());
            }
            return executable(answer::response);
        }
        ExecutableHttpRequest real = delegate.prepareRequest(request);
        return executable(() -> {
            HttpExecuteResponse response = real.call();
            byte[] body =
                    response.responseBody().map(ReplayingHttpClient::readAll).orElse(new byte[0]);
            Answer answer = new Answer(response.httpResponse(), body);
            answers.put(key, answer);
            return answer.response();
        });
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static String key(HttpExecuteRequest request) {
        Optional<String> operation = request.httpRequest().firstMatchingHeader("X-Amz-Target");
        if (operation.isEmpty()) {
            return request.httpRequest().method() + " " + request.httpRequest().encodedPath();
        }
        String target = operation.get();
        String body = request.contentStreamProvider()
                .map(provider -> new String(readAll(provider.newStream()), StandardCharsets.UTF_8))
                .orElse("");
        return target + " " + first(TABLE, body) + " " + first(INDEX, body) + " " + first(PROJECTION, body);
    }

    private static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : "-";
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExecutableHttpRequest executable(Call call) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return call.execute();
            }

            @Override
            public void abort() {}
        };
    }

    @FunctionalInterface
    private interface Call {
        HttpExecuteResponse execute() throws IOException;
    }

    private record Answer(SdkHttpResponse head, byte[] body) {
        HttpExecuteResponse response() {
            Map<String, List<String>> headers = head.headers();
            return HttpExecuteResponse.builder()
                    .response(SdkHttpResponse.builder()
                            .statusCode(head.statusCode())
                            .statusText(head.statusText().orElse(null))
                            .headers(headers)
                            .build())
                    .responseBody(Optional.of(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .orElseThrow())
                    .build();
        }
    }
}
