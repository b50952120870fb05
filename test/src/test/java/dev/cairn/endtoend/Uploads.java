package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The pre-signed upload flow as a browser runs it, for tests that need an uploaded file. */
final class Uploads {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Uploads() {}

    /** Uploads an image and completes it; answers the image as the API describes it. */
    static Map<String, Object> image(ApiClient api, Account user, String name, String type, byte[] bytes)
            throws Exception {
        Reply url = api.post(
                "/api/images/upload-url",
                Map.of("fileName", name, "fileType", type, "fileSize", bytes.length),
                user.accessToken());
        assertThat(url.status()).isEqualTo(200);
        assertThat(put(url, bytes)).isEqualTo(200);
        Reply complete =
                api.post("/api/images/upload-complete", Map.of("imageKey", url.text("imageKey")), user.accessToken());
        assertThat(complete.status()).as(complete.body().toString()).isEqualTo(200);
        return complete.data();
    }

    /**
     * Asks {@code path} for an upload URL for a document, and PUTs {@code bytes} there; answers the
     * upload-url reply (its {@code fileKey} is what completion takes).
     */
    static Reply document(ApiClient api, Account user, String path, String name, String type, byte[] bytes)
            throws Exception {
        Reply url = api.post(
                path, Map.of("fileName", name, "fileType", type, "fileSize", bytes.length), user.accessToken());
        assertThat(url.status()).as(url.body().toString()).isEqualTo(200);
        assertThat(put(url, bytes)).isEqualTo(200);
        return url;
    }

    /** What a browser does with an upload URL: a PUT with the headers the API named. */
    @SuppressWarnings("unchecked")
    static int put(Reply url, byte[] bytes) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(url.text("uploadUrl")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        ((Map<String, String>) url.data().get("headers")).forEach(put::header);
        return HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static HttpResponse<byte[]> fetch(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
