package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;

class AuthPoolTest {

    private static Stack defaults;
    private static Stack custom;
    private static Stack essentials;
    private static Stack social;
    private static AuthPool socialPool;
    private static NagAudit.Findings socialNag;
    private static AuthPool defaultPool;
    private static NagAudit.Findings nag;
    private static Stack ses;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        defaults = TestApps.stack(app, "Defaults");
        defaultPool = new AuthPool(defaults, "Auth");

        custom = TestApps.stack(app, "Custom");
        new AuthPool(
                custom,
                "Auth",
                AuthPoolProps.builder()
                        .mfa(Mfa.REQUIRED)
                        .threatProtectionMode(StandardThreatProtectionMode.AUDIT_ONLY)
                        .accessTokenValidity(Duration.minutes(15))
                        .idTokenValidity(Duration.minutes(30))
                        .refreshTokenValidity(Duration.days(7))
                        .domainPrefix("example-app")
                        .oAuthCallbackUrls(List.of("https://app.example.com/callback"))
                        .groups(List.of("admin", "editor"))
                        .postConfirmation(Function.fromFunctionArn(
                                custom, "Trigger", "arn:aws:lambda:eu-west-1:123456789012:function:auth-triggers"))
                        .preTokenGeneration(Function.fromFunctionArn(
                                custom, "TokenTrigger", "arn:aws:lambda:eu-west-1:123456789012:function:token-scopes"))
                        .build());

        ses = TestApps.stack(app, "Ses");
        new AuthPool(
                ses,
                "Auth",
                AuthPoolProps.builder().emailFrom("no-reply@mail.example.com").build());
        new AuthPool(
                ses,
                "AddressIdentity",
                AuthPoolProps.builder()
                        .emailFrom("codes@example.org")
                        .emailIdentity("codes@example.org")
                        .build());

        essentials = TestApps.stack(app, "Essentials");
        new AuthPool(
                essentials,
                "Auth",
                AuthPoolProps.builder()
                        .featurePlan(FeaturePlan.ESSENTIALS)
                        .deletionProtection(false)
                        .removalPolicy(software.amazon.awscdk.RemovalPolicy.DESTROY)
                        .build());

        social = TestApps.stack(app, "Social");
        socialPool = new AuthPool(
                social,
                "Auth",
                AuthPoolProps.builder()
                        .domainPrefix("example-app")
                        .oAuthCallbackUrls(List.of("https://app.example.com/callback"))
                        .googleSecret(secret(social, "google"))
                        .appleSecret(secret(social, "apple"))
                        .facebookSecret(secret(social, "facebook"))
                        .build());

        nag = NagAudit.audit(defaults);
        socialNag = NagAudit.audit(social);
    }

    private static ISecret secret(Stack stack, String name) {
        return Secret.fromSecretCompleteArn(stack, name, secretArn(name));
    }

    private static String secretArn(String name) {
        return "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + name + "-AbCdEf";
    }

    /** The CloudFormation dynamic reference to one JSON field of a test secret. */
    private static String ref(String name, String field) {
        return "{{resolve:secretsmanager:" + secretArn(name) + ":SecretString:" + field + "::}}";
    }

    @Test
    void defaultsAreNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void anAccountAdminGrantReadsAndDeletesAccountsOfThisPoolOnly() {
        Stack stack = TestApps.stack(TestApps.app(), "Grant");
        AuthPool pool = new AuthPool(stack, "Auth");
        software.amazon.awscdk.services.iam.Role role = software.amazon.awscdk.services.iam.Role.Builder.create(
                        stack, "Api")
                .assumedBy(new software.amazon.awscdk.services.iam.ServicePrincipal("lambda.amazonaws.com"))
                .build();

        pool.grantAccountAdmin(role);

        Template.fromStack(stack)
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        Match.objectLike(Map.of(
                                "PolicyDocument",
                                Map.of(
                                        "Statement",
                                        List.of(Match.objectLike(Map.of(
                                                "Action",
                                                List.of(
                                                        "cognito-idp:AdminGetUser",
                                                        "cognito-idp:AdminDeleteUser",
                                                        "cognito-idp:AdminInitiateAuth",
                                                        "cognito-idp:AdminRespondToAuthChallenge",
                                                        "cognito-idp:DescribeUserPoolClient",
                                                        "cognito-idp:AdminUserGlobalSignOut",
                                                        "cognito-idp:AdminDisableUser",
                                                        "cognito-idp:AdminSetUserMFAPreference"),
                                                "Effect",
                                                "Allow",
                                                "Resource",
                                                Map.of("Fn::GetAtt", List.of("Auth55780030", "Arn"))))),
                                        "Version",
                                        "2012-10-17"))));
    }

    @Test
    void pinsTheUserPoolLogicalId() {
        assertThat(Template.fromStack(defaults).findResources("AWS::Cognito::UserPool"))
                .containsOnlyKeys("Auth55780030");
    }

    @Test
    void defaultsSignInByEmailWithStrongPasswordsOptionalTotpAndThreatProtection() {
        Template.fromStack(defaults)
                .hasResource(
                        "AWS::Cognito::UserPool",
                        Match.objectLike(Map.of(
                                "DeletionPolicy",
                                "Retain",
                                "Properties",
                                Match.objectLike(Map.of(
                                        "UsernameAttributes", List.of("email"),
                                        "AutoVerifiedAttributes", List.of("email"),
                                        "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", false),
                                        "Policies",
                                                Map.of(
                                                        "PasswordPolicy",
                                                        Map.of(
                                                                "MinimumLength", 8,
                                                                "RequireLowercase", true,
                                                                "RequireUppercase", true,
                                                                "RequireNumbers", true,
                                                                "RequireSymbols", true,
                                                                "TemporaryPasswordValidityDays", 3)),
                                        "MfaConfiguration", "OPTIONAL",
                                        "EnabledMfas", List.of("SOFTWARE_TOKEN_MFA"),
                                        "AccountRecoverySetting",
                                                Map.of(
                                                        "RecoveryMechanisms",
                                                        List.of(Map.of("Name", "verified_email", "Priority", 1))),
                                        "DeletionProtection", "ACTIVE",
                                        "UserPoolTier", "PLUS",
                                        "UserPoolAddOns", Map.of("AdvancedSecurityMode", "ENFORCED"))))));
    }

    @Test
    void defaultClientIsConfidentialWithServerSidePasswordAndRefreshAuthAndRevocation() {
        Template.fromStack(defaults)
                .hasResourceProperties(
                        "AWS::Cognito::UserPoolClient",
                        Match.objectLike(Map.of(
                                "GenerateSecret",
                                true,
                                "ExplicitAuthFlows",
                                List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                                "EnableTokenRevocation",
                                true,
                                "PreventUserExistenceErrors",
                                "ENABLED",
                                "AccessTokenValidity",
                                60,
                                "IdTokenValidity",
                                60,
                                "RefreshTokenValidity",
                                43200,
                                "AllowedOAuthFlowsUserPoolClient",
                                false)));
    }

    @Test
    void exposesIssuerUrlAndClientIds() {
        assertThat(Stack.of(defaultPool).resolve(defaultPool.getIssuerUrl()).toString())
                .contains("https://cognito-idp.eu-west-1.amazonaws.com/", "Auth55780030");
        assertThat(defaultPool.getClientIds()).hasSize(1);
        assertThat(defaultPool.getDomain()).isNull();
    }

    @Test
    void propsSetMfaRequiredTokenLifetimesDomainOAuthGroupsAndTrigger() {
        Template template = Template.fromStack(custom);
        template.hasResourceProperties(
                "AWS::Cognito::UserPool",
                Match.objectLike(Map.of(
                        "MfaConfiguration", "ON",
                        "UserPoolAddOns", Map.of("AdvancedSecurityMode", "AUDIT"),
                        "LambdaConfig",
                                Match.objectLike(Map.of(
                                        "PostConfirmation",
                                        "arn:aws:lambda:eu-west-1:123456789012:function:auth-triggers",
                                        "PreTokenGenerationConfig",
                                        Map.of(
                                                "LambdaArn",
                                                "arn:aws:lambda:eu-west-1:123456789012:function:token-scopes",
                                                "LambdaVersion",
                                                "V2_0"))))));
        template.hasResourceProperties(
                "AWS::Cognito::UserPoolClient",
                Match.objectLike(Map.of(
                        "AccessTokenValidity", 15,
                        "IdTokenValidity", 30,
                        "RefreshTokenValidity", 10080,
                        "AllowedOAuthFlows", List.of("code"),
                        "CallbackURLs", List.of("https://app.example.com/callback"))));
        template.hasResourceProperties(
                "AWS::Cognito::UserPoolDomain", Map.of("Domain", "example-app", "UserPoolId", Match.anyValue()));
        template.hasResourceProperties(
                "AWS::Cognito::UserPoolGroup", Match.objectLike(Map.of("GroupName", "admin", "Precedence", 0)));
        template.hasResourceProperties(
                "AWS::Cognito::UserPoolGroup", Match.objectLike(Map.of("GroupName", "editor", "Precedence", 1)));
        assertThat(template.findResources("AWS::Cognito::UserPool").toString()).doesNotContain("AwsSolutions-COG2");
    }

    @Test
    void weakeningSecurityDefaultsLeavesWarnings() {
        Annotations annotations = Annotations.fromStack(essentials);
        annotations.hasWarning("/Essentials/Auth", Match.stringLikeRegexp(".*featurePlan.*"));
        annotations.hasWarning("/Essentials/Auth", Match.stringLikeRegexp(".*deletionProtection.*"));
        annotations.hasWarning("/Essentials/Auth", Match.stringLikeRegexp(".*removalPolicy.*"));
        Annotations.fromStack(custom).hasWarning("/Custom/Auth", Match.stringLikeRegexp(".*threatProtectionMode.*"));
        Template.fromStack(essentials)
                .hasResourceProperties(
                        "AWS::Cognito::UserPool",
                        Match.objectLike(Map.of(
                                "UserPoolTier",
                                "ESSENTIALS",
                                "UserPoolAddOns",
                                Match.absent(),
                                "DeletionProtection",
                                "INACTIVE")));
    }

    @Test
    void socialProvidersAreNagCleanUnderAllFivePacks() {
        assertThat(socialNag.errors()).isEmpty();
        assertThat(socialNag.warnings()).isEmpty();
    }

    @Test
    void googleProviderReadsItsClientFromTheSecretByDynamicReference() {
        Template.fromStack(social)
                .hasResourceProperties(
                        "AWS::Cognito::UserPoolIdentityProvider",
                        Match.objectLike(Map.of(
                                "ProviderName",
                                "Google",
                                "ProviderType",
                                "Google",
                                "ProviderDetails",
                                Map.of(
                                        "client_id", ref("google", "clientId"),
                                        "client_secret", ref("google", "clientSecret"),
                                        "authorize_scopes", "openid email profile"),
                                "AttributeMapping",
                                Map.of("email", "email", "email_verified", "email_verified"))));
    }

    @Test
    void appleProviderReadsServicesIdTeamKeyAndPrivateKeyFromTheSecret() {
        Template.fromStack(social)
                .hasResourceProperties(
                        "AWS::Cognito::UserPoolIdentityProvider",
                        Match.objectLike(Map.of(
                                "ProviderName",
                                "SignInWithApple",
                                "ProviderType",
                                "SignInWithApple",
                                "ProviderDetails",
                                Map.of(
                                        "client_id", ref("apple", "servicesId"),
                                        "team_id", ref("apple", "teamId"),
                                        "key_id", ref("apple", "keyId"),
                                        "private_key", ref("apple", "privateKey"),
                                        "authorize_scopes", "email name"),
                                "AttributeMapping",
                                Map.of("email", "email", "email_verified", "email_verified"))));
    }

    @Test
    void facebookProviderReadsItsAppFromTheSecret() {
        Template.fromStack(social)
                .hasResourceProperties(
                        "AWS::Cognito::UserPoolIdentityProvider",
                        Match.objectLike(Map.of(
                                "ProviderName",
                                "Facebook",
                                "ProviderType",
                                "Facebook",
                                "ProviderDetails",
                                Match.objectLike(Map.of(
                                        "client_id", ref("facebook", "clientId"),
                                        "client_secret", ref("facebook", "clientSecret"),
                                        "authorize_scopes", "public_profile,email")),
                                "AttributeMapping",
                                Map.of("email", "email"))));
    }

    @Test
    void providerDetailsHoldOnlyDynamicReferencesAndScopes() {
        Map<String, Map<String, Object>> providers =
                Template.fromStack(social).findResources("AWS::Cognito::UserPoolIdentityProvider");
        assertThat(providers).hasSize(3);
        assertThat(socialPool.getIdentityProviders()).hasSize(3);
        providers.values().forEach(resource -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> details =
                    (Map<String, Object>) ((Map<String, Object>) resource.get("Properties")).get("ProviderDetails");
            details.forEach((key, value) -> {
                if (!key.equals("authorize_scopes") && !key.equals("api_version")) {
                    assertThat(value.toString()).as(key).startsWith("{{resolve:secretsmanager:arn:aws:secretsmanager:");
                }
            });
        });
    }

    @Test
    void clientSupportsTheProvidersAndDependsOnThem() {
        Template template = Template.fromStack(social);
        template.hasResourceProperties(
                "AWS::Cognito::UserPoolClient",
                Match.objectLike(Map.of(
                        "SupportedIdentityProviders",
                        List.of("COGNITO", "Google", "SignInWithApple", "Facebook"),
                        "AllowedOAuthFlows",
                        List.of("code"),
                        "AllowedOAuthScopes",
                        Match.arrayWith(List.of("openid", "email", "profile")))));
        List<String> providerIds = List.copyOf(
                template.findResources("AWS::Cognito::UserPoolIdentityProvider").keySet());
        template.hasResource(
                "AWS::Cognito::UserPoolClient",
                Match.objectLike(Map.of(
                        "DependsOn",
                        Match.arrayWith(providerIds.stream().sorted().toList()))));
    }

    @Test
    void defaultClientSupportsCognitoOnly() {
        Template.fromStack(defaults)
                .hasResourceProperties(
                        "AWS::Cognito::UserPoolClient",
                        Match.objectLike(Map.of("SupportedIdentityProviders", List.of("COGNITO"))));
        assertThat(Template.fromStack(defaults).findResources("AWS::Cognito::UserPoolIdentityProvider"))
                .isEmpty();
        assertThat(defaultPool.getIdentityProviders()).isEmpty();
    }

    @Test
    void withEmailFromCodesGoOutThroughSesFromTheVerifiedIdentity() {
        Template template = Template.fromStack(ses);
        template.hasResourceProperties(
                "AWS::Cognito::UserPool",
                Match.objectLike(Map.of(
                        "EmailConfiguration",
                        Match.objectLike(Map.of(
                                "EmailSendingAccount",
                                "DEVELOPER",
                                "From",
                                "no-reply@mail.example.com",
                                "SourceArn",
                                Match.anyValue())))));
        String pools = template.findResources("AWS::Cognito::UserPool").toString();
        assertThat(pools)
                .contains(":ses:eu-west-1:123456789012:identity/mail.example.com")
                .contains(":ses:eu-west-1:123456789012:identity/codes@example.org");
        assertThat(NagAudit.audit(ses).errors()).isEmpty();
    }

    @Test
    void withoutEmailFromThePoolUsesCognitosOwnMailer() {
        String pool = Template.fromStack(defaults)
                .findResources("AWS::Cognito::UserPool")
                .toString();
        assertThat(pool).doesNotContain("DEVELOPER");
    }

    @Test
    void failsIfEmailFromIsNotAnAddressOrTheIdentityDoesNotCoverIt() {
        assertThatThrownBy(() ->
                        create(AuthPoolProps.builder().emailFrom("no-reply").build()))
                .hasMessageContaining("emailFrom must be an e-mail address (value: no-reply)");
        assertThatThrownBy(() -> create(AuthPoolProps.builder()
                        .emailFrom("no-reply@example.com")
                        .emailIdentity("other.org")
                        .build()))
                .hasMessageContaining("emailIdentity must be emailFrom or its domain (value: other.org)");
        assertThatThrownBy(() -> create(
                        AuthPoolProps.builder().emailIdentity("example.com").build()))
                .hasMessageContaining("emailIdentity needs emailFrom");
    }

    private static void create(AuthPoolProps props) {
        new AuthPool(TestApps.stack(), "Auth", props);
    }

    @Test
    void failsIfMfaOff() {
        assertThatThrownBy(() -> create(AuthPoolProps.builder().mfa(Mfa.OFF).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mfa must be OPTIONAL or REQUIRED (value: OFF)");
    }

    @Test
    void failsIfThreatProtectionWithoutPlus() {
        assertThatThrownBy(() -> create(AuthPoolProps.builder()
                        .featurePlan(FeaturePlan.ESSENTIALS)
                        .threatProtectionMode(StandardThreatProtectionMode.FULL_FUNCTION)
                        .build()))
                .hasMessageContaining("threatProtectionMode needs featurePlan PLUS (value: ESSENTIALS)");
    }

    @Test
    void failsIfPreTokenGenerationOnLite() {
        assertThatThrownBy(() -> create(AuthPoolProps.builder()
                        .featurePlan(FeaturePlan.LITE)
                        .preTokenGeneration(Function.fromFunctionArn(
                                TestApps.stack(), "TokenTrigger", "arn:aws:lambda:eu-west-1:123456789012:function:t"))
                        .build()))
                .hasMessageContaining("preTokenGeneration customizes access tokens, which needs featurePlan"
                        + " ESSENTIALS or PLUS (value: LITE)");
    }

    @Test
    void anInternalClientSignsInServerSideOnlyWithTheShortestTokensAndIsNoAudience() {
        Stack stack = TestApps.stack(TestApps.app(), "Internal");
        AuthPool pool = new AuthPool(stack, "Auth");

        pool.addInternalClient("InternalClient");

        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::Cognito::UserPoolClient", 2);
        template.hasResourceProperties(
                "AWS::Cognito::UserPoolClient",
                Match.objectLike(Map.of(
                        "GenerateSecret",
                        true,
                        "ExplicitAuthFlows",
                        List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                        "AccessTokenValidity",
                        5,
                        "IdTokenValidity",
                        5,
                        "RefreshTokenValidity",
                        60,
                        "EnableTokenRevocation",
                        true,
                        "AllowedOAuthFlowsUserPoolClient",
                        false)));
        assertThat(pool.getClientIds()).hasSize(1);
    }

    @Test
    void withoutPreTokenGenerationThePoolHasNoTokenTrigger() {
        assertThat(Template.fromStack(defaults)
                        .findResources("AWS::Cognito::UserPool")
                        .toString())
                .doesNotContain("PreTokenGeneration");
    }

    @Test
    void failsIfAccessTokenValidityOutOfRange() {
        assertThatThrownBy(() -> create(AuthPoolProps.builder()
                        .accessTokenValidity(Duration.days(2))
                        .build()))
                .hasMessageContaining("accessTokenValidity (minutes) must be 5..1440 (value: 2880)");
    }

    @Test
    void failsIfIdTokenValidityOutOfRange() {
        assertThatThrownBy(() -> create(AuthPoolProps.builder()
                        .idTokenValidity(Duration.minutes(1))
                        .build()))
                .hasMessageContaining("idTokenValidity (minutes) must be 5..1440 (value: 1)");
    }

    @Test
    void failsIfRefreshTokenValidityOutOfRange() {
        assertThatThrownBy(() -> create(AuthPoolProps.builder()
                        .refreshTokenValidity(Duration.days(4000))
                        .build()))
                .hasMessageContaining("refreshTokenValidity (minutes) must be 60..5256000");
    }

    @Test
    void failsIfRefreshTokenNotLongerThanAccessToken() {
        assertThatThrownBy(() -> create(AuthPoolProps.builder()
                        .accessTokenValidity(Duration.hours(2))
                        .refreshTokenValidity(Duration.hours(1))
                        .build()))
                .hasMessageContaining(
                        "refreshTokenValidity must be longer than the access and id tokens (value: 60 minutes)");
    }

    @Test
    void failsIfDomainPrefixInvalid() {
        assertThatThrownBy(() ->
                        create(AuthPoolProps.builder().domainPrefix("My_App").build()))
                .hasMessageContaining(
                        "domainPrefix must be 1..63 lower-case letters, digits or inner hyphens (value: My_App)");
    }

    @Test
    void failsIfDomainPrefixUsesReservedWord() {
        assertThatThrownBy(() -> create(
                        AuthPoolProps.builder().domainPrefix("my-cognito").build()))
                .hasMessageContaining("domainPrefix must not contain aws, amazon or cognito (value: my-cognito)");
    }

    @Test
    void failsIfCallbackUrlInsecure() {
        assertThatThrownBy(() -> create(AuthPoolProps.builder()
                        .oAuthCallbackUrls(List.of("http://app.example.com/cb"))
                        .build()))
                .hasMessageContaining("oAuthCallbackUrls must be https:// origins or http://localhost");
    }

    @Test
    void failsIfGroupNameInvalid() {
        assertThatThrownBy(() -> create(
                        AuthPoolProps.builder().groups(List.of("super admin")).build()))
                .hasMessageContaining("groups entries must be 1..128 characters without spaces (value: super admin)");
    }

    @Test
    void failsIfGroupRepeats() {
        assertThatThrownBy(() -> create(AuthPoolProps.builder()
                        .groups(List.of("admin", "admin"))
                        .build()))
                .hasMessageContaining("groups must not repeat a name (value: admin)");
    }

    @Test
    void failsIfSocialProviderWithoutDomainAndCallbacks() {
        Stack stack = TestApps.stack();
        assertThatThrownBy(() -> new AuthPool(
                        stack,
                        "Auth",
                        AuthPoolProps.builder()
                                .googleSecret(secret(stack, "google"))
                                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("googleSecret, appleSecret and facebookSecret need domainPrefix and"
                        + " oAuthCallbackUrls (value: domainPrefix=null, oAuthCallbackUrls=[])");
    }
}
