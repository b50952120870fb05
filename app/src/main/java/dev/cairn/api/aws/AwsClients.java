package dev.cairn.api.aws;

import dev.cairn.api.snapstart.RestorableCredentials;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients, built once and shared. One HTTP client (URL connection: the lightest to
 * start) serves them all; endpoints and credentials are the only things the local stack changes.
 */
@Factory
final class AwsClients {

    private final AwsSettings settings;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    AwsClients(AwsSettings settings) {
        this.settings = settings;
        this.region = Region.of(settings.region());
        this.credentials = settings.localCredentials()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : RestorableCredentials.of(
                        () -> DefaultCredentialsProvider.builder().build());
    }

    /** The credentials every client signs with: the function's role in AWS, fixed ones locally. */
    @Singleton
    AwsCredentialsProvider credentials() {
        return credentials;
    }

    @Singleton
    SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().build();
    }

    @Singleton
    DynamoDbClient dynamoDb(SdkHttpClient http) {
        return configure(DynamoDbClient.builder().httpClient(http), settings.dynamodbEndpoint())
                .build();
    }

    @Singleton
    S3Client s3(SdkHttpClient http) {
        return configure(S3Client.builder().httpClient(http), settings.s3Endpoint())
                .serviceConfiguration(s3Configuration())
                .build();
    }

    @Singleton
    S3Presigner s3Presigner() {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(s3Configuration());
        if (settings.s3Endpoint() != null) {
            builder.endpointOverride(settings.s3Endpoint());
        }
        return builder.build();
    }

    @Singleton
    CognitoIdentityProviderClient cognito(SdkHttpClient http) {
        return configure(CognitoIdentityProviderClient.builder().httpClient(http), settings.cognitoEndpoint())
                .build();
    }

    @Singleton
    SecretsManagerClient secretsManager(SdkHttpClient http) {
        return configure(SecretsManagerClient.builder().httpClient(http), null).build();
    }

    @Singleton
    SqsClient sqs(SdkHttpClient http) {
        return configure(SqsClient.builder().httpClient(http), null).build();
    }

    @Singleton
    CdnInvalidations cdnInvalidations(SdkHttpClient http) {
        return new CdnInvalidations(http, credentials, CdnInvalidations.ENDPOINT);
    }

    private S3Configuration s3Configuration() {
        // S3 emulators answer path-style requests only; AWS takes both.
        return S3Configuration.builder()
                .pathStyleAccessEnabled(settings.s3Endpoint() != null)
                .build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
        builder.region(region).credentialsProvider(credentials);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }
}
