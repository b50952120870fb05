package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import dev.cairn.local.LocalCairn;
import dev.cairn.local.SampleData;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** The local stack as a client and the app meet it: real stand-ins, the real handler, over HTTP. */
class LocalStackTest extends EndToEnd {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void healthAnswersThroughTheHttpApiEmulation() throws Exception {
        HttpResponse<String> response = get("/api/health", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body())
                .isEqualTo("{\"success\":true,\"data\":{\"status\":\"UP\",\"version\":\"0.1.0-SNAPSHOT\"}}");
    }

    @Test
    void errorsKeepTheEnvelopeOverHttp() throws Exception {
        HttpResponse<String> notFound = get("/api/does-not-exist", Map.of());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("\"code\":\"NOT_FOUND\"").contains("\"success\":false");

        HttpResponse<String> notAllowed = send("PUT", "/api/health", "{}");
        assertThat(notAllowed.statusCode()).isEqualTo(405);
        assertThat(notAllowed.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");

        HttpResponse<String> tooLarge = send("POST", "/api/health", "x".repeat(1024 * 1024 + 1));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void dynamoDbLocalIsReachableThroughTheAppsClient() {
        DynamoDbClient dynamoDb = stack.app().getBean(DynamoDbClient.class);
        String table = "probe-" + UUID.randomUUID();
        dynamoDb.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("userId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("userId").keyType(KeyType.HASH)));
        dynamoDb.putItem(r -> r.tableName(table)
                .item(Map.of("userId", AttributeValue.fromS("u1"), "name", AttributeValue.fromS("Ada"))));

        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table).key(Map.of("userId", AttributeValue.fromS("u1"))))
                .item();

        assertThat(item).containsEntry("name", AttributeValue.fromS("Ada"));
        dynamoDb.deleteTable(r -> r.tableName(table));
    }

    @Test
    void theS3EmulatorTakesSdkCallsAndPresignedUploads() throws Exception {
        S3Client s3 = stack.app().getBean(S3Client.class);
        s3.putObject(r -> r.bucket(LocalCairn.MEDIA_BUCKET).key("probe/sdk.txt"), RequestBody.fromString("hello"));
        assertThat(s3.getObjectAsBytes(r -> r.bucket(LocalCairn.MEDIA_BUCKET).key("probe/sdk.txt"))
                        .asUtf8String())
                .isEqualTo("hello");

        byte[] content = "presigned".getBytes(StandardCharsets.UTF_8);
        PresignedPutObjectRequest presigned = stack.app()
                .getBean(S3Presigner.class)
                .presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                        .putObjectRequest(p -> p.bucket(LocalCairn.MEDIA_BUCKET)
                                .key("probe/presigned.txt")
                                .contentType("text/plain")
                                .contentLength((long) content.length)));
        HttpRequest.Builder put =
                HttpRequest.newBuilder(presigned.url().toURI()).PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> put.header(name, v));
            }
        });
        HttpResponse<String> uploaded = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(LocalCairn.MEDIA_BUCKET).key("probe/presigned.txt"))
                        .asUtf8String())
                .isEqualTo("presigned");
    }

    @Test
    void aTokenFromTheCognitoStandInIsVerifiedByTheApp() throws Exception {
        CognitoIdentityProviderClient cognito = stack.app().getBean(CognitoIdentityProviderClient.class);
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        String password = "Correct-Horse-9";
        String sub = cognito.signUp(r -> r.clientId(stack.pool().clientId())
                        .secretHash(secretHash(cognito, email))
                        .username(email)
                        .password(password)
                        .userAttributes(a -> a.name("email").value(email)))
                .userSub();

        String code = stack.outbox().awaitCode(email, 0, 5_000);
        cognito.confirmSignUp(r -> r.clientId(stack.pool().clientId())
                .secretHash(secretHash(cognito, email))
                .username(email)
                .confirmationCode(code));
        AuthenticationResultType tokens = cognito.adminInitiateAuth(r -> r.userPoolId(
                                stack.pool().userPoolId())
                        .clientId(stack.pool().clientId())
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(Map.of(
                                "USERNAME", email, "PASSWORD", password, "SECRET_HASH", secretHash(cognito, email))))
                .authenticationResult();

        HttpResponse<String> session =
                get("/api/auth/session", Map.of("Authorization", "Bearer " + tokens.accessToken()));
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"userId\":\"" + sub + "\"");

        HttpResponse<String> idToken = get("/api/auth/session", Map.of("Authorization", "Bearer " + tokens.idToken()));
        assertThat(idToken.statusCode()).isEqualTo(401);
        assertThat(idToken.body()).contains("\"code\":\"AUTH_UNAUTHORIZED\"");

        String tampered = tokens.accessToken().substring(0, tokens.accessToken().length() - 4) + "AAAA";
        assertThat(get("/api/auth/session", Map.of("Authorization", "Bearer " + tampered))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theOutboxRouteListsTheCodesSentToAnAddress() throws Exception {
        CognitoIdentityProviderClient cognito = stack.app().getBean(CognitoIdentityProviderClient.class);
        String email = "outbox-" + UUID.randomUUID() + "@example.com";
        cognito.signUp(r -> r.clientId(stack.pool().clientId())
                .secretHash(secretHash(cognito, email))
                .username(email)
                .password("Correct-Horse-9")
                .userAttributes(a -> a.name("email").value(email)));
        String code = stack.outbox().awaitCode(email, 0, 5_000);

        HttpResponse<String> outbox = get("/_local/outbox?to=" + email, Map.of());

        assertThat(outbox.statusCode()).isEqualTo(200);
        assertThat(outbox.body())
                .startsWith("[{\"to\":\"" + email + "\"")
                .contains("\"subject\":\"Your verification code\"")
                .contains("\"code\":\"" + code + "\"");
        assertThat(code).matches("\\d{6}");
        assertThat(get("/_local/outbox?to=nobody@example.com", Map.of()).body()).isEqualTo("[]");
        assertThat(stack.outbox().to(email)).hasSize(1);
        assertThat(get("/_local/outbox", Map.of()).body()).contains("\"to\":\"" + email + "\"");
    }

    @Test
    void theAppClientIsConfidentialAndSignsInOnlyServerSide() throws Exception {
        CognitoIdentityProviderClient cognito = stack.app().getBean(CognitoIdentityProviderClient.class);
        String email = Accounts.signedIn(stack, api, "Ada").email();

        assertThatThrownBy(
                        () -> cognito.initiateAuth(r -> r.clientId(stack.pool().clientId())
                                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                .authParameters(Map.of(
                                        "USERNAME",
                                        email,
                                        "PASSWORD",
                                        Accounts.PASSWORD,
                                        "SECRET_HASH",
                                        secretHash(cognito, email)))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() ->
                        cognito.adminInitiateAuth(r -> r.userPoolId(stack.pool().userPoolId())
                                .clientId(stack.pool().clientId())
                                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                                .authParameters(Map.of("USERNAME", email, "PASSWORD", Accounts.PASSWORD))))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.signUp(r -> r.clientId(stack.pool().clientId())
                        .username("x-" + email)
                        .password(Accounts.PASSWORD)
                        .userAttributes(a -> a.name("email").value("x-" + email))))
                .isInstanceOf(NotAuthorizedException.class);
    }

    /**
     * {@code scripts/dev} seeds an admin beside the demo user, in the admin group, and keeps both
     * when it starts again on the same data. Stacks of its own, as the shared one's demo user is
     * the blueprints' sample tests' to seed.
     */
    @Test
    void theSamplesSignUpAnAdminWhoMayCallTheAdminRoutesAndTheDemoUserMayNot(@TempDir Path data) throws Exception {
        LocalCairn.Options forTests = LocalCairn.Options.forTests(LocalStackExtension.DEFAULT_BLUEPRINT);
        LocalCairn.Options options =
                new LocalCairn.Options(0, forTests.blueprint(), data, forTests.repoDir(), forTests.s3mockJar(), true);
        SampleData.Seeded first;
        try (LocalCairn seeded = LocalCairn.start(options)) {
            first = SampleData.seed(seeded);
        }
        assertThat(first.existed()).isFalse();
        assertThat(first.adminEmail()).isEqualTo("admin@cairn.local");

        try (LocalCairn restarted = LocalCairn.start(options)) {
            SampleData.Seeded again = SampleData.seed(restarted);
            assertThat(again.existed()).as("kept from the last run").isTrue();
            ApiClient client = new ApiClient(restarted);
            JsonMapper json = restarted.app().getBean(JsonMapper.class);
            String adminToken = login(client, again.adminEmail(), again.password());
            String demoToken = login(client, again.email(), again.password());

            assertThat(claims(json, adminToken).get("cognito:groups"))
                    .asInstanceOf(LIST)
                    .containsExactly("admin");
            assertThat(claims(json, demoToken).getOrDefault("cognito:groups", List.of()))
                    .asInstanceOf(LIST)
                    .doesNotContain("admin");
            Account throwaway = Accounts.signedIn(restarted, client, "Throwaway");
            String disable = "/api/admin/users/" + throwaway.userId() + "/disable";
            Reply refused = client.post(disable, null, demoToken);
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("AUTH_FORBIDDEN");
            Reply disabled = client.post(disable, null, adminToken);
            assertThat(disabled.status()).as(disabled.body().toString()).isEqualTo(200);
            assertThat(client.get("/api/user/profile", throwaway.accessToken()).status())
                    .isEqualTo(401);
        }
    }

    private static String login(ApiClient client, String email, String password) {
        Reply login = client.post("/api/auth/login", Map.of("email", email, "password", password));
        assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
        return login.text("accessToken");
    }

    /** A JWT's claims, decoded here without the app's verifier. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(JsonMapper json, String jwt) throws IOException {
        return json.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Map.class);
    }

    /** SECRET_HASH as Cognito defines it, computed here independently of the app. */
    private static String secretHash(CognitoIdentityProviderClient cognito, String username) {
        String secret = cognito.describeUserPoolClient(
                        r -> r.userPoolId(stack.pool().userPoolId())
                                .clientId(stack.pool().clientId()))
                .userPoolClient()
                .clientSecret();
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((username + stack.pool().clientId()).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(stack.baseUrl() + path)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
