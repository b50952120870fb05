package dev.cairn.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start baseline: {@code GET /api/guitars/{id}} with no framework. The same SDK client
 * setup as Cairn's (URL-connection HTTP client, region, credentials, endpoint), the same
 * consistent GetItem, the owner taken from API Gateway's JWT authorizer claims, the item written
 * as JSON by hand.
 */
public final class PlainGuitarHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final String PREFIX = "/api/guitars/";

    private final DynamoDbClient dynamoDb;
    private final String table;
    /** Null: no revocation read; else the users table the same-reads baseline reads the profile from. */
    private final String usersTable;

    public PlainGuitarHandler() {
        this(
                System.getenv("AWS_REGION"),
                System.getProperty("cairn.aws.dynamodb-endpoint"),
                System.getenv("DYNAMODB_TABLE_GUITARS"));
    }

    /** For the load section: the local stack's region, DynamoDB Local and guitars table. */
    PlainGuitarHandler(String region, String endpoint, String table) {
        this(region, endpoint, table, null);
    }

    /**
     * The same, and before the item the read Cairn's revocation check makes on every authenticated
     * request (ADR 0006): the caller's profile, consistent, the same projection, refused when
     * missing. The load section runs it as the baseline that does Cairn's DynamoDB work without
     * Cairn, which splits the gap to the plain handler into that work and the rest.
     */
    PlainGuitarHandler(String region, String endpoint, String table, String usersTable) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.of(region));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        this.dynamoDb = builder.build();
        this.table = table;
        this.usersTable = usersTable;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String path = event.getRawPath();
        String sub =
                event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
        if (!path.startsWith(PREFIX) || sub == null) {
            return response(404, "{\"success\":false}");
        }
        String id = path.substring(PREFIX.length());
        if (usersTable != null && !hasProfile(sub)) {
            return response(401, "{\"success\":false}");
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                        .key(Map.of("userId", AttributeValue.fromS(sub), "guitarId", AttributeValue.fromS(id)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return response(404, "{\"success\":false}");
        }
        StringBuilder json = new StringBuilder("{\"success\":true,\"data\":");
        write(json, AttributeValue.fromM(item));
        return response(200, json.append('}').toString());
    }

    private boolean hasProfile(String sub) {
        Map<String, AttributeValue> profile = dynamoDb.getItem(r -> r.tableName(usersTable)
                        .key(Map.of("userId", AttributeValue.fromS(sub)))
                        .projectionExpression("userId, tokensValidAfter, deletedAt, endedSessions")
                        .consistentRead(true))
                .item();
        return profile != null && !profile.isEmpty() && !profile.containsKey("deletedAt");
    }

    private static APIGatewayV2HTTPResponse response(int status, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body)
                .build();
    }

    private static void write(StringBuilder json, AttributeValue value) {
        if (value.s() != null) {
            quote(json, value.s());
        } else if (value.n() != null) {
            json.append(value.n());
        } else if (value.bool() != null) {
            json.append(value.bool());
        } else if (value.hasM()) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<String, AttributeValue> e : value.m().entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                quote(json, e.getKey());
                json.append(':');
                write(json, e.getValue());
            }
            json.append('}');
        } else if (value.hasL()) {
            List<AttributeValue> list = value.l();
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                write(json, list.get(i));
            }
            json.append(']');
        } else {
            json.append("null");
        }
    }

    private static void quote(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
