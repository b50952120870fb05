package dev.cairn.api.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * CloudFront's {@code CreateInvalidation}: drops a distribution's cached copies of some paths. It
 * is one signed REST call ({@code POST /2020-05-31/distribution/ID/invalidation}, an XML body),
 * made with the SDK's HTTP client and SigV4 signer and the credentials the other clients use, so
 * the artifact carries no CloudFront model for a single operation.
 */
public final class CdnInvalidations {
    /** CloudFront's global endpoint; its requests are signed for {@code us-east-1}. */
    static final URI ENDPOINT = URI.create("https://cloudfront.amazonaws.com");

    static final String API_VERSION = "2020-05-31";
    private static final String SIGNING_REGION = "us-east-1";
    private static final String SIGNING_NAME = "cloudfront";
    private static final int MAX_ERROR_CHARS = 500;

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;

    CdnInvalidations(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
    }

    /**
     * Invalidates {@code paths} (each starting with {@code /}; a trailing {@code *} takes
     * everything below) on {@code distributionId}. {@code callerReference} makes a retry of the
     * same request one invalidation, not two. Throws if CloudFront does not accept it.
     */
    public void invalidate(String distributionId, List<String> paths, String callerReference) {
        String body = batch(paths, callerReference);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/" + API_VERSION + "/distribution/" + distributionId + "/invalidation"))
                .putHeader("Content-Type", "text/xml")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, SIGNING_REGION));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request())
                            .contentStreamProvider(signed.payload().orElse(null))
                            .build())
                    .call();
            int status = response.httpResponse().statusCode();
            String answer = read(response);
            if (status / 100 != 2) {
                throw new IllegalStateException("CloudFront refused the invalidation of " + paths + " on "
                        + distributionId + " with " + status + ": " + answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CloudFront could not be reached to invalidate " + paths, e);
        }
    }

    /** The {@code InvalidationBatch} document CloudFront takes. */
    static String batch(List<String> paths, String callerReference) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<InvalidationBatch xmlns=\"http://cloudfront.amazonaws.com/doc/")
                .append(API_VERSION)
                .append("/\"><Paths><Quantity>")
                .append(paths.size())
                .append("</Quantity><Items>");
        for (String path : paths) {
            xml.append("<Path>").append(escape(path)).append("</Path>");
        }
        return xml.append("</Items></Paths><CallerReference>")
                .append(escape(callerReference))
                .append("</CallerReference></InvalidationBatch>")
                .toString();
    }

    private static String read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return "";
        }
        try (InputStream in = response.responseBody().get()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
