package dev.cairn.api.aws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;

/**
 * Where the AWS services are. In Lambda only {@code region} is set (from {@code AWS_REGION}); the
 * local stack points every endpoint at its stand-ins and uses fixed local credentials.
 *
 * @param region the AWS region; required
 * @param dynamodbEndpoint default: the regional DynamoDB endpoint
 * @param s3Endpoint default: the regional S3 endpoint (virtual-hosted style); set means path-style
 * @param cognitoEndpoint default: the regional Cognito Identity Provider endpoint
 * @param localCredentials default false: the Lambda execution role's credentials; true: fixed
 *     credentials that only the local stand-ins accept
 */
@ConfigurationProperties("cairn.aws")
public record AwsSettings(
        @NotBlank String region,
        @Nullable URI dynamodbEndpoint,
        @Nullable URI s3Endpoint,
        @Nullable URI cognitoEndpoint,
        boolean localCredentials) {}
