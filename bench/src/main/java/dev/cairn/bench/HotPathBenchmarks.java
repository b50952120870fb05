package dev.cairn.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.cairn.api.auth.AccessTokenVerifier;
import dev.cairn.api.auth.RevocationCheck;
import dev.cairn.api.data.Ids;
import dev.cairn.api.identity.AuthenticatedUser;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * The warm request path: each handler benchmark beside the bare SDK call it wraps, on the same
 * DynamoDB client, so the difference is what Cairn adds (routing, the access token check,
 * validation, JSON, the envelope). Two backends: {@code dynamodb-local} (real calls, with DynamoDB
 * Local's own time and noise in both columns) and {@code in-memory} (a {@link ReplayingHttpClient}
 * answers every call from memory after one real call each, so the difference is Cairn's own CPU).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPathBenchmarks {
    private BenchApp app;
    private DynamoDbClient dynamoDb;
    private String table;
    private String usersTable;
    private AccessTokenVerifier verifier;
    private RevocationCheck revocations;
    private Instant issuedAt;
    private DefaultJWTProcessor<SecurityContext> bareJwt;
    private Map<String, AttributeValue> key;
    private APIGatewayV2HTTPEvent getEvent;
    private APIGatewayV2HTTPEvent listEvent;
    private APIGatewayV2HTTPEvent healthEvent;
    private APIGatewayV2HTTPEvent sessionEvent;
    private int created;

    @Param({"dynamodb-local", "in-memory"})
    public String backend;

    @Setup(Level.Trial)
    public void start() {
        boolean inMemory = backend.equals("in-memory");
        app = new BenchApp(25, inMemory);
        dynamoDb = app.handler.getApplicationContext().getBean(DynamoDbClient.class);
        table = (String) app.backends.tableProperties().get("cairn.tables.guitars");
        usersTable = (String) app.backends.tableProperties().get("cairn.tables.users");
        verifier = app.handler.getApplicationContext().getBean(AccessTokenVerifier.class);
        revocations = app.handler.getApplicationContext().getBean(RevocationCheck.class);
        issuedAt = Instant.now();
        bareJwt = new DefaultJWTProcessor<>();
        bareJwt.setJWSKeySelector(new JWSVerificationKeySelector<>(
                JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(app.issuer.publicKey()))));
        String id = app.guitarIds.getFirst();
        key = Map.of("userId", AttributeValue.fromS(app.sub), "guitarId", AttributeValue.fromS(id));
        getEvent = Events.request("GET", "/api/guitars/" + id, null, null, app.token, null);
        listEvent = Events.request("GET", "/api/guitars", "limit=20", null, app.token, null);
        healthEvent = Events.request("GET", "/api/health", null, null, null, null);
        sessionEvent = Events.request("GET", "/api/auth/session", null, null, app.token, null);
        if (inMemory) {
            // One real call of each kind is kept; from then on every call is answered from memory.
            health();
            session();
            getById();
            getByIdSdk();
            list20();
            list20Sdk();
            create();
            createSdk();
            revocationCheck();
            revocationStateSdk();
            revocationStateSdkEventual();
            app.replayFromMemory();
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        app.close();
    }

    @Benchmark
    public APIGatewayV2HTTPResponse health() {
        return app.handler.handleRequest(healthEvent, new MockLambdaContext());
    }

    /**
     * The cheapest authenticated request: {@code GET /api/auth/session} answers from the verified
     * token alone, so its one AWS call is authentication's own, the revocation check's consistent
     * GetItem of the profile ({@link #revocationStateSdk()} is its bare call).
     */
    @Benchmark
    public APIGatewayV2HTTPResponse session() {
        return app.handler.handleRequest(sessionEvent, new MockLambdaContext());
    }

    @Benchmark
    public APIGatewayV2HTTPResponse getById() {
        return app.handler.handleRequest(getEvent, new MockLambdaContext());
    }

    @Benchmark
    public GetItemResponse getByIdSdk() {
        return dynamoDb.getItem(r -> r.tableName(table).key(key).consistentRead(true));
    }

    @Benchmark
    public APIGatewayV2HTTPResponse list20() {
        return app.handler.handleRequest(listEvent, new MockLambdaContext());
    }

    @Benchmark
    public QueryResponse list20Sdk() {
        return dynamoDb.query(r -> r.tableName(table)
                .keyConditionExpression("#owner = :owner AND #id >= :floor")
                .expressionAttributeNames(Map.of("#owner", "userId", "#id", "guitarId"))
                .expressionAttributeValues(
                        Map.of(":owner", AttributeValue.fromS(app.sub), ":floor", AttributeValue.fromS("0")))
                .scanIndexForward(false)
                .limit(20));
    }

    @Benchmark
    public APIGatewayV2HTTPResponse create() {
        return app.handler.handleRequest(
                Events.request("POST", "/api/guitars", null, BenchApp.guitarJson(created++), app.token, null),
                new MockLambdaContext());
    }

    /** What a create writes: the item (conditional put) and its brand count, in one transaction. */
    @Benchmark
    public TransactWriteItemsResponse createSdk() {
        String now = Instant.now().toString();
        Map<String, AttributeValue> item = Map.of(
                "userId", AttributeValue.fromS(app.sub),
                "guitarId", AttributeValue.fromS(Ids.newId()),
                "brand", AttributeValue.fromS("Fender"),
                "model", AttributeValue.fromS("Model " + created++),
                "year", AttributeValue.fromN("1965"),
                "type", AttributeValue.fromS("electric"),
                "version", AttributeValue.fromN("1"),
                "createdAt", AttributeValue.fromS(now),
                "updatedAt", AttributeValue.fromS(now));
        return dynamoDb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder()
                        .put(p -> p.tableName(table)
                                .item(item)
                                .conditionExpression("attribute_not_exists(#id)")
                                .expressionAttributeNames(Map.of("#id", "guitarId")))
                        .build(),
                TransactWriteItem.builder()
                        .update(u -> u.tableName(table)
                                .key(Map.of(
                                        "userId",
                                        AttributeValue.fromS(app.sub),
                                        "guitarId",
                                        AttributeValue.fromS("#facet#brand#Fender")))
                                .updateExpression("ADD #count :delta SET #facet = :facet, #value = :value")
                                .expressionAttributeNames(
                                        Map.of("#count", "count", "#facet", "facet", "#value", "value"))
                                .expressionAttributeValues(Map.of(
                                        ":delta", AttributeValue.fromN("1"),
                                        ":facet", AttributeValue.fromS("brand"),
                                        ":value", AttributeValue.fromS("Fender"))))
                        .build()));
    }

    @Benchmark
    public AuthenticatedUser accessToken() throws Exception {
        return verifier.verify(app.token);
    }

    /**
     * The revocation check as every authenticated request pays it: the user's state read from the
     * profile (one consistent GetItem of three projected attributes), nothing kept between requests.
     */
    @Benchmark
    public RevocationCheck.Verdict revocationCheck() {
        return revocations.check(app.sub, issuedAt, "bench-session");
    }

    /** The bare SDK read the check makes: a consistent GetItem of the profile's revocation attributes. */
    @Benchmark
    public GetItemResponse revocationStateSdk() {
        return dynamoDb.getItem(r -> revocationRead(r).consistentRead(true));
    }

    /** The same read eventually consistent: the cheaper read the check does not make (ADR 0006). */
    @Benchmark
    public GetItemResponse revocationStateSdkEventual() {
        return dynamoDb.getItem(r -> revocationRead(r).consistentRead(false));
    }

    private GetItemRequest.Builder revocationRead(GetItemRequest.Builder request) {
        return request.tableName(usersTable)
                .key(Map.of("userId", AttributeValue.fromS(app.sub)))
                .projectionExpression("userId, tokensValidAfter, deletedAt, endedSessions");
    }

    /** The JOSE library's own check (signature, with the key already in hand), no claim rules. */
    @Benchmark
    public JWTClaimsSet accessTokenBare() throws Exception {
        return bareJwt.process(app.token, null);
    }
}
