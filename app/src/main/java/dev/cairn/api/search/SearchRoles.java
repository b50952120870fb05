package dev.cairn.api.search;

import dev.cairn.contract.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;

/**
 * The OpenSearch roles and role mappings of a managed domain with fine-grained access control: an
 * IAM role's signed requests are refused until the role is mapped to an OpenSearch role, and no
 * CloudFormation resource holds that mapping. The reindex function, the domain's master user,
 * applies them from the deployment (a custom resource of the service stack), every time they change:
 *
 * <ul>
 *   <li>{@value #READER}: read and search the blueprint's indexes (the alias {@code INDEX} and the
 *       indices behind it), mapped to the api's role;
 *   <li>{@value #WRITER}: everything on {@code INDEX} and {@code INDEX-*} (documents, creating an
 *       index, its aliases) and bulk requests, mapped to the indexer's role.
 * </ul>
 *
 * <p>Each PUT replaces the whole role or mapping, so applying twice changes nothing and a role
 * removed from a mapping loses its access. An OpenSearch Serverless collection needs none of this:
 * its data access policy is part of the template.
 */
public final class SearchRoles {
    public static final String READER = "cairn_search_reader";
    public static final String WRITER = "cairn_search_writer";
    /** Where the security plugin's REST API lives on a managed domain. */
    static final String API = "/_plugins/_security/api/";

    private final OpenSearchClient client;

    public SearchRoles(OpenSearchClient client) {
        this.client = client;
    }

    /** What was applied: each request's method and path, in order. */
    public record Applied(List<String> requests) {}

    /**
     * Puts both roles for {@code indexes} and maps them to the two IAM roles.
     *
     * @throws IllegalArgumentException when a role ARN is missing or is not an IAM role's ARN
     * @throws IllegalStateException when the domain refuses a request (its answer in the message)
     */
    public Applied apply(List<SearchIndex> indexes, String readerRoleArn, String writerRoleArn) {
        requireRoleArn("the reader role", readerRoleArn);
        requireRoleArn("the writer role", writerRoleArn);
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("no search index to grant access to");
        }
        List<String> patterns = new ArrayList<>();
        for (SearchIndex index : indexes) {
            patterns.add(index.name());
            patterns.add(index.name() + "-*");
        }
        List<String> applied = new ArrayList<>();
        call("roles/" + READER, applied, () -> client.security().createRole(r -> r.role(READER)
                .description("Cairn: read and search the blueprint's search indexes (the api function)")
                .clusterPermissions("cluster_composite_ops_ro")
                .indexPermissions(p -> p.indexPatterns(patterns).allowedActions("read"))));
        call("roles/" + WRITER, applied, () -> client.security().createRole(r -> r.role(WRITER)
                .description("Cairn: write the blueprint's search indexes, create their versions, move"
                        + " their aliases (the indexer function)")
                .clusterPermissions("cluster_composite_ops")
                .indexPermissions(p -> p.indexPatterns(patterns).allowedActions("indices_all"))));
        call("rolesmapping/" + READER, applied, () -> client.security()
                .createRoleMapping(r -> r.role(READER).backendRoles(readerRoleArn)));
        call("rolesmapping/" + WRITER, applied, () -> client.security()
                .createRoleMapping(r -> r.role(WRITER).backendRoles(writerRoleArn)));
        return new Applied(List.copyOf(applied));
    }

    private static void requireRoleArn(String what, String arn) {
        if (arn == null || !arn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
            throw new IllegalArgumentException(what + " must be an IAM role ARN (value: " + arn + ")");
        }
    }

    /** One PUT of the security API. */
    private interface Put {
        Object send() throws IOException;
    }

    private static void call(String path, List<String> applied, Put put) {
        String request = "PUT " + API + path;
        try {
            put.send();
        } catch (OpenSearchException e) {
            throw new IllegalStateException(
                    "The search engine answered " + request + " with " + e.status() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("The search engine did not answer " + request, e);
        }
        applied.add(request);
    }
}
