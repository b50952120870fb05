package dev.cairn.api.search;

import dev.cairn.contract.SearchIndex;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The CloudFormation custom resource whose service token is the reindex function: on Create and
 * Update it applies {@link SearchRoles} with the role ARNs of its properties ({@code
 * ReaderRoleArn}, {@code WriterRoleArn}; the stack also passes the function's version, so new code
 * applies its roles again), on Delete it does nothing (the domain goes with the stack,
 * or is retained with its mappings). It always answers CloudFormation at the request's pre-signed
 * {@code ResponseURL}: FAILED with the reason when the roles could not be applied, so the
 * deployment stops and rolls back instead of leaving a domain no function may use.
 */
final class SearchRolesResource {
    /** CloudFormation reads at most this much of a reason. */
    private static final int REASON_MAX = 1_000;

    private final SearchRoles roles;
    private final List<SearchIndex> indexes;
    private final HttpClient http;

    SearchRolesResource(SearchRoles roles, List<SearchIndex> indexes, HttpClient http) {
        this.roles = roles;
        this.indexes = indexes;
        this.http = http;
    }

    /** Whether {@code event} is a CloudFormation custom resource request. */
    static boolean isRequest(JsonObject event) {
        return event.containsKey("RequestType") && event.containsKey("ResponseURL");
    }

    /** Handles one request and answers CloudFormation; what was answered. */
    JsonObject handle(JsonObject event) throws IOException, InterruptedException {
        String type = event.getString("RequestType", "");
        String physicalId = event.getString("PhysicalResourceId", event.getString("LogicalResourceId", "") + "-roles");
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("PhysicalResourceId", physicalId)
                .add("StackId", event.getString("StackId", ""))
                .add("RequestId", event.getString("RequestId", ""))
                .add("LogicalResourceId", event.getString("LogicalResourceId", ""));
        try {
            switch (type) {
                case "Create", "Update" -> {
                    JsonObject properties = event.getJsonObject("ResourceProperties");
                    if (properties == null) {
                        throw new IllegalArgumentException("the request has no ResourceProperties");
                    }
                    SearchRoles.Applied applied = roles.apply(
                            indexes,
                            properties.getString("ReaderRoleArn", null),
                            properties.getString("WriterRoleArn", null));
                    answer.add("Status", "SUCCESS")
                            .add(
                                    "Data",
                                    Json.createObjectBuilder().add("Applied", String.join(", ", applied.requests())));
                }
                case "Delete" -> answer.add("Status", "SUCCESS");
                default -> throw new IllegalArgumentException("unknown RequestType (value: " + type + ")");
            }
        } catch (RuntimeException e) {
            String reason = "The search roles were not applied: " + e.getMessage();
            answer.add("Status", "FAILED")
                    .add("Reason", reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX));
        }
        JsonObject response = answer.build();
        // The pre-signed URL is signed without a content type: none is sent.
        HttpResponse<String> sent = http.send(
                HttpRequest.newBuilder(URI.create(event.getString("ResponseURL")))
                        .timeout(Duration.ofSeconds(30))
                        .PUT(HttpRequest.BodyPublishers.ofString(response.toString(), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (sent.statusCode() / 100 != 2) {
            throw new IOException("CloudFormation's response URL answered " + sent.statusCode() + ": " + sent.body());
        }
        return response;
    }
}
