package dev.cairn.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cairn.api.ApiHandler;
import dev.cairn.local.DynamoDbLocalWithTables;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real handler in-process against DynamoDB Local and a loopback token issuer: the guitar
 * collection with one user's guitars, or another blueprint with nothing but the user's profile.
 */
final class BenchApp implements AutoCloseable {
    static final String REGION = "us-east-1";
    static final String SIGNING_SECRET = HexFormat.of().formatHex(new byte[32]).replace('0', 'b');

    final DynamoDbLocalWithTables backends;
    final TokenIssuer issuer;
    final ApiHandler handler;
    final String sub = UUID.randomUUID().toString();
    final String token;
    final List<String> guitarIds = new ArrayList<>();

    BenchApp(int guitars) {
        this(guitars, false);
    }

    /**
     * The guitar collection with {@code guitars} of the user's guitars. {@code inMemoryHttp}: the
     * app's SDK HTTP client is a {@link ReplayingHttpClient}, recording the real answers (DynamoDB
     * Local's, the search node's) until {@link #replayFromMemory()}.
     */
    BenchApp(int guitars, boolean inMemoryHttp) {
        this("guitar-collection", Map.of(), inMemoryHttp);
        for (int i = 0; i < guitars; i++) {
            APIGatewayV2HTTPResponse created = send("POST", "/api/guitars", null, guitarJson(i));
            if (created.getStatusCode() != 201) {
                throw new IllegalStateException("Seeding failed: " + created.getStatusCode() + " " + created.getBody());
            }
            String body = created.getBody();
            int at = body.indexOf("\"id\":\"") + 6;
            guitarIds.add(body.substring(at, body.indexOf('"', at)));
        }
    }

    /**
     * {@code blueprint}'s handler with its tables and the user's profile, and {@code extra}
     * properties (the search engine's endpoint, say); {@code inMemoryHttp} as above.
     */
    BenchApp(String blueprint, Map<String, Object> extra, boolean inMemoryHttp) {
        backends = DynamoDbLocalWithTables.start(blueprint);
        issuer = new TokenIssuer();
        Map<String, Object> properties = new LinkedHashMap<>(localProperties(backends, issuer));
        properties.put("cairn.aws.region", REGION);
        properties.put("cairn.blueprint", blueprint);
        properties.put("cairn.auth.client-ids", TokenIssuer.CLIENT_ID);
        properties.put("cairn.media.bucket", "bench-media");
        properties.put("cairn.media.base-url", "https://cdn.bench.local/media");
        properties.putAll(backends.tableProperties());
        properties.putAll(extra);
        properties.put(InMemoryHttp.PROPERTY, Boolean.toString(inMemoryHttp));
        handler = new ApiHandler(ApplicationContext.builder()
                .properties(properties)
                .deduceEnvironment(false)
                .build());
        token = issuer.accessToken(sub);
        seedProfile(handler.getApplicationContext().getBean(DynamoDbClient.class), backends, sub);
    }

    /** Answers every call of the app's SDK HTTP client from memory from now on (needs {@code inMemoryHttp}). */
    void replayFromMemory() {
        SdkHttpClient http = handler.getApplicationContext().getBean(SdkHttpClient.class);
        if (!(http instanceof ReplayingHttpClient replaying)) {
            throw new IllegalStateException("The app's SDK HTTP client is not the in-memory one: " + http);
        }
        replaying.replay();
    }

    /** The user's profile, as the post-confirmation trigger writes it: without one, no token of theirs counts. */
    static void seedProfile(DynamoDbClient dynamoDb, DynamoDbLocalWithTables backends, String sub) {
        String now = java.time.Instant.now().toString();
        dynamoDb.putItem(r -> r.tableName((String) backends.tableProperties().get("cairn.tables.users"))
                .item(Map.of(
                        "userId", AttributeValue.fromS(sub),
                        "preferences", AttributeValue.fromM(Map.of()),
                        "createdAt", AttributeValue.fromS(now),
                        "updatedAt", AttributeValue.fromS(now),
                        "version", AttributeValue.fromN("1"))));
    }

    /** What only the local stand-ins need: endpoints, fixed credentials, the issuer, the signing secret. */
    static Map<String, String> localProperties(DynamoDbLocalWithTables backends, TokenIssuer issuer) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(
                "cairn.aws.dynamodb-endpoint", backends.dynamoDbEndpoint().toString());
        properties.put("cairn.aws.local-credentials", "true");
        properties.put("cairn.auth.issuer", issuer.issuer());
        properties.put("cairn.auth.jwks-url", issuer.jwksUrl());
        properties.put("cairn.signing.secret", SIGNING_SECRET);
        return properties;
    }

    static String guitarJson(int i) {
        String[] brands = {"Fender", "Gibson", "Martin", "Taylor", "Ibanez"};
        return "{\"brand\":\"" + brands[i % brands.length] + "\",\"model\":\"Model " + i + "\",\"year\":"
                + (1960 + i % 60)
                + ",\"type\":\"electric\",\"color\":\"Sunburst\",\"numberOfFrets\":22,"
                + "\"notes\":\"A guitar to benchmark with\"}";
    }

    APIGatewayV2HTTPResponse send(String method, String path, String query, String body) {
        return handler.handleRequest(Events.request(method, path, query, body, token, null), new MockLambdaContext());
    }

    @Override
    public void close() {
        handler.close();
        issuer.close();
        backends.close();
    }
}
