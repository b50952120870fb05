package dev.cairn.constructs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.AttributeMapping;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.IUserPoolIdentityProvider;
import software.amazon.awscdk.services.cognito.KeepOriginalAttrs;
import software.amazon.awscdk.services.cognito.LambdaVersion;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.ProviderAttribute;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttribute;
import software.amazon.awscdk.services.cognito.StandardAttributes;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolEmail;
import software.amazon.awscdk.services.cognito.UserPoolGroup;
import software.amazon.awscdk.services.cognito.UserPoolGroupOptions;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderApple;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderFacebook;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderGoogle;
import software.amazon.awscdk.services.cognito.UserPoolOperation;
import software.amazon.awscdk.services.cognito.UserPoolSESOptions;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * A Cognito user pool for e-mail sign-in with one confidential app client (a secret, the
 * server-side password flow and refresh-token auth), TOTP MFA, threat protection and deletion
 * protection; its codes go out through Amazon SES when given {@code emailFrom}.
 */
public class AuthPool extends Construct {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern DOMAIN_PREFIX = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

    private final UserPool userPool;
    private final UserPoolClient client;
    private final UserPoolDomain domain;
    private final List<UserPoolGroup> groups;
    private final List<IUserPoolIdentityProvider> identityProviders;

    public AuthPool(Construct scope, String id) {
        this(scope, id, AuthPoolProps.builder().build());
    }

    public AuthPool(Construct scope, String id, AuthPoolProps props) {
        super(scope, id);
        validate(props);

        Mfa mfa = Objects.requireNonNullElse(props.mfa(), AuthDefaults.mfa());
        FeaturePlan plan = Objects.requireNonNullElse(props.featurePlan(), AuthDefaults.featurePlan());
        boolean plus = plan == FeaturePlan.PLUS;
        StandardThreatProtectionMode threatMode =
                Objects.requireNonNullElse(props.threatProtectionMode(), AuthDefaults.threatProtectionMode());
        boolean deletionProtection = !Boolean.FALSE.equals(props.deletionProtection());
        RemovalPolicy removalPolicy = Objects.requireNonNullElse(props.removalPolicy(), RemovalPolicy.RETAIN);

        UserPool.Builder pool = UserPool.Builder.create(this, "Resource")
                .signInAliases(SignInAliases.builder().email(true).build())
                .signInCaseSensitive(false)
                .selfSignUpEnabled(true)
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .keepOriginal(KeepOriginalAttrs.builder().email(true).build())
                .standardAttributes(StandardAttributes.builder()
                        .email(StandardAttribute.builder()
                                .required(true)
                                .mutable(true)
                                .build())
                        .build())
                .passwordPolicy(AuthDefaults.passwordPolicy())
                .mfa(mfa)
                .mfaSecondFactor(AuthDefaults.mfaSecondFactor())
                .accountRecovery(AuthDefaults.accountRecovery())
                .featurePlan(plan)
                .deletionProtection(deletionProtection)
                .removalPolicy(removalPolicy);
        if (plus) {
            pool.standardThreatProtectionMode(threatMode);
        }
        if (props.emailFrom() != null) {
            pool.email(UserPoolEmail.withSES(UserPoolSESOptions.builder()
                    .fromEmail(props.emailFrom())
                    .sesVerifiedDomain(emailDomain(props))
                    .build()));
        }
        this.userPool = pool.build();

        if (props.postConfirmation() != null) {
            userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, props.postConfirmation());
        }
        if (props.preTokenGeneration() != null) {
            // Version two: the event that may change access tokens (scopes and claims), not only id tokens.
            userPool.addTrigger(
                    UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, props.preTokenGeneration(), LambdaVersion.V2_0);
        }

        this.identityProviders = createIdentityProviders(props);
        List<UserPoolClientIdentityProvider> supported = new ArrayList<>();
        supported.add(UserPoolClientIdentityProvider.COGNITO);
        if (props.googleSecret() != null) {
            supported.add(UserPoolClientIdentityProvider.GOOGLE);
        }
        if (props.appleSecret() != null) {
            supported.add(UserPoolClientIdentityProvider.APPLE);
        }
        if (props.facebookSecret() != null) {
            supported.add(UserPoolClientIdentityProvider.FACEBOOK);
        }

        UserPoolClientOptions.Builder clientOptions = UserPoolClientOptions.builder()
                // Confidential: only a server holding the secret signs users in, by the server-side
                // flow that passes each caller's context data to threat protection.
                .generateSecret(true)
                .supportedIdentityProviders(supported)
                .authFlows(AuthFlow.builder().adminUserPassword(true).build())
                .enableTokenRevocation(true)
                .preventUserExistenceErrors(true)
                .accessTokenValidity(
                        Objects.requireNonNullElse(props.accessTokenValidity(), AuthDefaults.ACCESS_TOKEN_VALIDITY))
                .idTokenValidity(Objects.requireNonNullElse(props.idTokenValidity(), AuthDefaults.ID_TOKEN_VALIDITY))
                .refreshTokenValidity(
                        Objects.requireNonNullElse(props.refreshTokenValidity(), AuthDefaults.REFRESH_TOKEN_VALIDITY));
        if (props.oAuthCallbackUrls().isEmpty()) {
            clientOptions.disableOAuth(true);
        } else {
            clientOptions.oAuth(OAuthSettings.builder()
                    .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                    .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE))
                    .callbackUrls(props.oAuthCallbackUrls())
                    .build());
        }
        this.client = userPool.addClient("Client", clientOptions.build());
        // The client names the providers; CloudFormation must create them first.
        identityProviders.forEach(provider -> client.getNode().addDependency(provider));

        this.domain = props.domainPrefix() == null
                ? null
                : userPool.addDomain(
                        "Domain",
                        UserPoolDomainOptions.builder()
                                .cognitoDomain(CognitoDomainOptions.builder()
                                        .domainPrefix(props.domainPrefix())
                                        .build())
                                .build());

        List<String> groupNames = props.groups();
        this.groups = IntStream.range(0, groupNames.size())
                .mapToObj(i -> userPool.addGroup(
                        "Group" + groupNames.get(i),
                        UserPoolGroupOptions.builder()
                                .groupName(groupNames.get(i))
                                .precedence(i)
                                .build()))
                .toList();

        if (mfa != Mfa.REQUIRED) {
            Compliance.suppress(
                    userPool,
                    "AwsSolutions-COG2",
                    plus
                            ? "MFA (TOTP) is offered to every user and enforced adaptively by threat protection on"
                                    + " risky sign-ins; requiring it for all users is a per-deployment choice (prop"
                                    + " mfa)."
                            : "MFA (TOTP) is offered to every user; requiring it for all users is a per-deployment"
                                    + " choice (prop mfa). Asking for it only on risky sign-ins is threat protection,"
                                    + " which needs featurePlan PLUS.");
        }
        if (!plus) {
            PropsCheck.warnOverride(this, "featurePlan", plan + " has no threat protection");
        } else if (threatMode != StandardThreatProtectionMode.FULL_FUNCTION) {
            PropsCheck.warnOverride(this, "threatProtectionMode", threatMode + " does not block risky sign-ins");
        }
        if (!deletionProtection) {
            PropsCheck.warnOverride(this, "deletionProtection", "the pool and its users can be deleted");
        }
        if (removalPolicy != RemovalPolicy.RETAIN) {
            PropsCheck.warnOverride(this, "removalPolicy", removalPolicy + " deletes all users with the stack");
        }
    }

    /**
     * Social providers, every credential a {@code {{resolve:secretsmanager:...}}} dynamic
     * reference: CloudFormation resolves it at deploy time, the template never holds a value.
     * The L2s type client, team and key ids as String; a dynamic reference is a valid String
     * token, so they come from the same secret as the private parts.
     */
    private List<IUserPoolIdentityProvider> createIdentityProviders(AuthPoolProps props) {
        List<IUserPoolIdentityProvider> providers = new ArrayList<>();
        ISecret google = props.googleSecret();
        if (google != null) {
            providers.add(UserPoolIdentityProviderGoogle.Builder.create(this, "Google")
                    .userPool(userPool)
                    .clientId(google.secretValueFromJson("clientId").unsafeUnwrap())
                    .clientSecretValue(google.secretValueFromJson("clientSecret"))
                    .scopes(AuthDefaults.GOOGLE_SCOPES)
                    .attributeMapping(AttributeMapping.builder()
                            .email(ProviderAttribute.GOOGLE_EMAIL)
                            .emailVerified(ProviderAttribute.GOOGLE_EMAIL_VERIFIED)
                            .build())
                    .build());
        }
        ISecret apple = props.appleSecret();
        if (apple != null) {
            providers.add(UserPoolIdentityProviderApple.Builder.create(this, "Apple")
                    .userPool(userPool)
                    .clientId(apple.secretValueFromJson("servicesId").unsafeUnwrap())
                    .teamId(apple.secretValueFromJson("teamId").unsafeUnwrap())
                    .keyId(apple.secretValueFromJson("keyId").unsafeUnwrap())
                    .privateKeyValue(apple.secretValueFromJson("privateKey"))
                    .scopes(AuthDefaults.APPLE_SCOPES)
                    .attributeMapping(AttributeMapping.builder()
                            .email(ProviderAttribute.APPLE_EMAIL)
                            .emailVerified(ProviderAttribute.APPLE_EMAIL_VERIFIED)
                            .build())
                    .build());
        }
        ISecret facebook = props.facebookSecret();
        if (facebook != null) {
            // The Facebook L2 has no SecretValue prop: the secret goes in as its dynamic reference.
            providers.add(UserPoolIdentityProviderFacebook.Builder.create(this, "Facebook")
                    .userPool(userPool)
                    .clientId(facebook.secretValueFromJson("clientId").unsafeUnwrap())
                    .clientSecret(facebook.secretValueFromJson("clientSecret").unsafeUnwrap())
                    .scopes(AuthDefaults.FACEBOOK_SCOPES)
                    .attributeMapping(AttributeMapping.builder()
                            .email(ProviderAttribute.FACEBOOK_EMAIL)
                            .build())
                    .build());
        }
        return List.copyOf(providers);
    }

    private void validate(AuthPoolProps props) {
        PropsCheck check = new PropsCheck("AuthPool");
        check.require("props", props);
        if (props != null) {
            check.check(props.mfa() != Mfa.OFF, "mfa must be OPTIONAL or REQUIRED (value: OFF)");
            check.check(
                    props.threatProtectionMode() == null
                            || props.featurePlan() == null
                            || props.featurePlan() == FeaturePlan.PLUS,
                    "threatProtectionMode needs featurePlan PLUS (value: " + props.featurePlan() + ")");
            check.check(
                    props.preTokenGeneration() == null || props.featurePlan() != FeaturePlan.LITE,
                    "preTokenGeneration customizes access tokens, which needs featurePlan ESSENTIALS or PLUS (value: "
                            + props.featurePlan() + ")");
            long access = minutes(check, "accessTokenValidity", props.accessTokenValidity(), 5, 24 * 60);
            long id = minutes(check, "idTokenValidity", props.idTokenValidity(), 5, 24 * 60);
            long refresh = minutes(check, "refreshTokenValidity", props.refreshTokenValidity(), 60, 3650L * 24 * 60);
            long effectiveAccess = access >= 0
                    ? access
                    : AuthDefaults.ACCESS_TOKEN_VALIDITY.toMinutes().longValue();
            long effectiveId =
                    id >= 0 ? id : AuthDefaults.ID_TOKEN_VALIDITY.toMinutes().longValue();
            long effectiveRefresh = refresh >= 0
                    ? refresh
                    : AuthDefaults.REFRESH_TOKEN_VALIDITY.toMinutes().longValue();
            check.check(
                    effectiveRefresh > Math.max(effectiveAccess, effectiveId),
                    "refreshTokenValidity must be longer than the access and id tokens (value: " + effectiveRefresh
                            + " minutes)");
            String prefix = props.domainPrefix();
            if (PropsCheck.resolved(prefix)) {
                check.check(
                        DOMAIN_PREFIX.matcher(prefix).matches(),
                        "domainPrefix must be 1..63 lower-case letters, digits or inner hyphens (value: " + prefix
                                + ")");
                check.check(
                        !prefix.contains("aws") && !prefix.contains("amazon") && !prefix.contains("cognito"),
                        "domainPrefix must not contain aws, amazon or cognito (value: " + prefix + ")");
            }
            check.browserOrigins("oAuthCallbackUrls", props.oAuthCallbackUrls());
            boolean social =
                    props.googleSecret() != null || props.appleSecret() != null || props.facebookSecret() != null;
            check.check(
                    !social
                            || (props.domainPrefix() != null
                                    && !props.oAuthCallbackUrls().isEmpty()),
                    "googleSecret, appleSecret and facebookSecret need domainPrefix and oAuthCallbackUrls (value:"
                            + " domainPrefix=" + props.domainPrefix() + ", oAuthCallbackUrls="
                            + props.oAuthCallbackUrls() + ")");
            String from = props.emailFrom();
            if (PropsCheck.resolved(from)) {
                check.check(EMAIL.matcher(from).matches(), "emailFrom must be an e-mail address (value: " + from + ")");
                String identity = props.emailIdentity();
                check.check(
                        identity == null
                                || identity.equalsIgnoreCase(from)
                                || from.toLowerCase(Locale.ROOT).endsWith("@" + identity.toLowerCase(Locale.ROOT)),
                        "emailIdentity must be emailFrom or its domain (value: " + identity + ")");
            }
            check.check(
                    props.emailIdentity() == null || from != null,
                    "emailIdentity needs emailFrom (value: " + props.emailIdentity() + ")");
            Set<String> seen = new HashSet<>();
            for (String group : props.groups()) {
                check.check(
                        group != null && !group.isBlank() && group.length() <= 128 && !group.contains(" "),
                        "groups entries must be 1..128 characters without spaces (value: " + group + ")");
                check.check(seen.add(group), "groups must not repeat a name (value: " + group + ")");
            }
        }
        check.throwIfInvalid(getNode().getPath());
    }

    /** The SES identity as CDK takes it: a domain, or null when the address itself is the identity. */
    private static String emailDomain(AuthPoolProps props) {
        String identity = props.emailIdentity() != null
                ? props.emailIdentity()
                : props.emailFrom().substring(props.emailFrom().indexOf('@') + 1);
        return identity.contains("@") ? null : identity;
    }

    /** Minutes of a resolved duration checked against a range; -1 when absent or a token. */
    private static long minutes(PropsCheck check, String prop, Duration value, long min, long max) {
        if (value == null || value.isUnresolved()) {
            return -1;
        }
        long minutes = value.toMinutes().longValue();
        check.range(prop + " (minutes)", minutes, min, max);
        return minutes;
    }

    public UserPool getUserPool() {
        return userPool;
    }

    /**
     * Lets an API administer this pool's accounts ({@link Perms#COGNITO_ACCOUNT_ADMIN}), on this
     * pool only.
     */
    public Grant grantAccountAdmin(IGrantable grantee) {
        return userPool.grant(grantee, Perms.COGNITO_ACCOUNT_ADMIN.toArray(String[]::new));
    }

    /**
     * The app client: confidential (a generated secret, readable by {@link #grantAccountAdmin}),
     * ADMIN_USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH.
     */
    public UserPoolClient getClient() {
        return client;
    }

    /**
     * Adds a confidential app client for an API's own use, never for users: a generated secret
     * (readable by {@link #grantAccountAdmin}, never exposed), only ADMIN_USER_PASSWORD_AUTH (with
     * the refresh flow Cognito always allows, so its refresh tokens can be revoked) and the
     * shortest token validities Cognito takes (5 minutes access and id, 60 minutes refresh). An API
     * signs a user in on it again, with the password, to act with the user's own token where
     * Cognito has no admin API (enrolling an authenticator), while a pre token generation trigger
     * keeps Cognito's user-API scope out of the tokens of every other client. Its tokens are not
     * in {@link #getClientIds}, so an API does not accept them as bearer tokens.
     */
    public UserPoolClient addInternalClient(String id) {
        return userPool.addClient(
                id,
                UserPoolClientOptions.builder()
                        .generateSecret(true)
                        .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                        .authFlows(AuthFlow.builder().adminUserPassword(true).build())
                        .enableTokenRevocation(true)
                        .preventUserExistenceErrors(true)
                        .disableOAuth(true)
                        .accessTokenValidity(Duration.minutes(5))
                        .idTokenValidity(Duration.minutes(5))
                        .refreshTokenValidity(Duration.minutes(60))
                        .build());
    }

    /** Client ids whose tokens an API should accept (the JWT audience). */
    public List<String> getClientIds() {
        return List.of(client.getUserPoolClientId());
    }

    /** The JWT issuer: {@code https://cognito-idp.REGION.amazonaws.com/POOL_ID}. */
    public String getIssuerUrl() {
        return "https://cognito-idp." + Stack.of(this).getRegion() + ".amazonaws.com/" + userPool.getUserPoolId();
    }

    /** The hosted domain, or null without {@code domainPrefix}. */
    public UserPoolDomain getDomain() {
        return domain;
    }

    public List<UserPoolGroup> getGroups() {
        return groups;
    }

    /** The social identity providers (Google, Apple, Facebook, in that order); empty without any. */
    public List<IUserPoolIdentityProvider> getIdentityProviders() {
        return identityProviders;
    }
}
