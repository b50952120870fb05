package dev.cairn.constructs;

import java.util.List;

/** IAM action lists used by the intent-level grants. One place to audit what a grant allows. */
public final class Perms {

    private Perms() {}

    /**
     * DynamoDB item access for request-path code: key-based reads, Query, writes and condition
     * checks on a table and its indexes. Deliberately no {@code Scan}: request paths list by Query.
     */
    public static final List<String> DYNAMODB_API_DATA = List.of(
            "dynamodb:GetItem",
            "dynamodb:BatchGetItem",
            "dynamodb:Query",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:ConditionCheckItem",
            "dynamodb:DescribeTable");

    /**
     * The item actions of {@link #DYNAMODB_API_DATA} that only read: with a customer managed key,
     * a grant of these alone gets {@link #KMS_READ} and no encrypt.
     */
    public static final List<String> DYNAMODB_ITEM_READ = List.of(
            "dynamodb:GetItem",
            "dynamodb:BatchGetItem",
            "dynamodb:Query",
            "dynamodb:ConditionCheckItem",
            "dynamodb:DescribeTable");

    /** Using a KMS key to read what it encrypted (as aws-cdk-lib's DynamoDB {@code KEY_READ_ACTIONS}). */
    public static final List<String> KMS_READ = List.of("kms:Decrypt", "kms:DescribeKey");

    /**
     * Using a KMS key to write: what a write grant adds to {@link #KMS_READ} (as aws-cdk-lib's
     * DynamoDB {@code KEY_WRITE_ACTIONS}).
     */
    public static final List<String> KMS_WRITE = List.of("kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*");

    /**
     * Reading a secret's value and metadata (as {@code Secret.grantRead}), for a grant on the
     * reader's role only.
     */
    public static final List<String> SECRETS_READ =
            List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");

    /** Decrypting with the key of a secret, through Secrets Manager only. */
    public static final List<String> KMS_DECRYPT = List.of("kms:Decrypt");

    /** S3 object upload (single PUT and multipart) under a key prefix. */
    public static final List<String> S3_UPLOAD =
            List.of("s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");

    /** Tagging existing objects (e.g. marking what a lifecycle rule archives). */
    public static final List<String> S3_TAG = List.of("s3:PutObjectTagging");

    /** What CloudWatch Logs needs on a key that encrypts log groups (granted in the key policy). */
    public static final List<String> KMS_LOGS =
            List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*");

    /** What CloudWatch alarms and AWS Budgets need on the key of an encrypted SNS topic. */
    public static final List<String> KMS_SNS_PUBLISH = List.of("kms:Decrypt", "kms:GenerateDataKey*");

    /**
     * Searching an OpenSearch Service domain's index or alias: reads by GET and HEAD, and POST only
     * on the search paths ({@code _search}, {@code _msearch}, {@code _count}), so no document write.
     */
    public static final List<String> OPENSEARCH_HTTP_READ = List.of("es:ESHttpGet", "es:ESHttpHead");

    /** The POST of {@link #OPENSEARCH_HTTP_READ}, granted on the search paths only. */
    public static final List<String> OPENSEARCH_HTTP_SEARCH = List.of("es:ESHttpPost");

    /** Creating, writing and deleting an OpenSearch Service domain's indices, documents and aliases. */
    public static final List<String> OPENSEARCH_HTTP_WRITE = List.of(
            "es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost", "es:ESHttpPut", "es:ESHttpDelete", "es:ESHttpPatch");

    /** What an OpenSearch Serverless collection's IAM policy allows: the data access policy does the rest. */
    public static final List<String> AOSS_API_ACCESS = List.of("aoss:APIAccessAll");

    /** Reading an OpenSearch Serverless index or alias (data access policy permissions). */
    public static final List<String> AOSS_INDEX_READ = List.of("aoss:ReadDocument", "aoss:DescribeIndex");

    /** Writing OpenSearch Serverless indices, their documents and aliases (data access policy permissions). */
    public static final List<String> AOSS_INDEX_WRITE = List.of(
            "aoss:CreateIndex",
            "aoss:DescribeIndex",
            "aoss:UpdateIndex",
            "aoss:DeleteIndex",
            "aoss:ReadDocument",
            "aoss:WriteDocument");

    /** Managing an OpenSearch Serverless collection's aliases (data access policy permissions, on the collection). */
    public static final List<String> AOSS_ALIASES = List.of(
            "aoss:CreateCollectionItems",
            "aoss:DescribeCollectionItems",
            "aoss:UpdateCollectionItems",
            "aoss:DeleteCollectionItems");

    /** A scan of a whole table, for batch jobs (a reindex), never request paths. */
    public static final List<String> DYNAMODB_SCAN = List.of("dynamodb:Scan", "dynamodb:DescribeTable");

    /** KMS use of an SSE-KMS upload: a data key per object; Decrypt to complete multipart uploads. */
    public static final List<String> KMS_UPLOAD = List.of("kms:GenerateDataKey", "kms:Decrypt");

    /**
     * What an API needs to administer its own pool's accounts in place of its users: read an
     * account's status and attributes, delete an account that never confirmed its address
     * (sign-up squatting), sign users in by the server-side flow (with the caller's context data
     * for threat protection), read its confidential app client's secret, sign a user out everywhere
     * (sign-out everywhere, password reset), disable a user for an administrator, and turn a
     * user's TOTP on or off. The API does these in place of its users, whose access tokens carry no
     * scope that calls Cognito directly. Nothing that creates users, sets passwords or changes
     * groups.
     */
    public static final List<String> COGNITO_ACCOUNT_ADMIN = List.of(
            "cognito-idp:AdminGetUser",
            "cognito-idp:AdminDeleteUser",
            "cognito-idp:AdminInitiateAuth",
            "cognito-idp:AdminRespondToAuthChallenge",
            "cognito-idp:DescribeUserPoolClient",
            "cognito-idp:AdminUserGlobalSignOut",
            "cognito-idp:AdminDisableUser",
            "cognito-idp:AdminSetUserMFAPreference");
}
