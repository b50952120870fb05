package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.RetentionDays;

class SearchDomainTest {

    private static Stack defaults;
    private static Stack single;
    private static SearchDomain domain;
    private static NagAudit.Findings nag;
    private static NagAudit.Findings singleNag;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        defaults = TestApps.stack(app, "Defaults");
        Key key = new Key(
                defaults,
                "DataKey",
                software.amazon.awscdk.services.kms.KeyProps.builder()
                        .enableKeyRotation(true)
                        .build());
        Role admin = role(defaults, "Reindex");
        domain = new SearchDomain(
                defaults,
                "Search",
                SearchDomainProps.builder()
                        .encryptionKey(key)
                        .administrator(admin)
                        .domainName("cairn-recipes-test")
                        .build());
        domain.grantRead(role(defaults, "Api"), "recipes");
        domain.grantWrite(role(defaults, "Indexer"), "recipes");
        nag = NagAudit.audit(defaults);

        single = TestApps.stack(app, "Single");
        Key singleKey = new Key(
                single,
                "DataKey",
                software.amazon.awscdk.services.kms.KeyProps.builder()
                        .enableKeyRotation(true)
                        .build());
        SearchDomain small = new SearchDomain(
                single,
                "Search",
                SearchDomainProps.builder()
                        .encryptionKey(singleKey)
                        .administrator(role(single, "Reindex"))
                        .instanceType("t3.small.search")
                        .availabilityZones(1)
                        .dedicatedMasterCount(0)
                        .logRetention(RetentionDays.ONE_WEEK)
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build());
        software.amazon.awscdk.Annotations.of(small)
                .acknowledgeWarning("@cairn/constructs:availabilityZones", "A test of a single-zone domain.");
        software.amazon.awscdk.Annotations.of(small)
                .acknowledgeWarning("@cairn/constructs:dedicatedMasterCount", "A test of a domain without masters.");
        singleNag = NagAudit.audit(single);
    }

    private static Role role(Stack stack, String id) {
        return Role.Builder.create(stack, id)
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
    }

    @Test
    void encryptsAtRestWithTheGivenKeyAndBetweenNodes() {
        Template template = Template.fromStack(defaults);
        template.hasResourceProperties(
                "AWS::OpenSearchService::Domain",
                Match.objectLike(Map.of(
                        "EncryptionAtRestOptions",
                        Map.of(
                                "Enabled",
                                true,
                                "KmsKeyId",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("DataKey.*"), "Arn"))),
                        "NodeToNodeEncryptionOptions",
                        Map.of("Enabled", true))));
        // The data key is the caller's: the domain makes none of its own but its logs' key.
        assertThat(template.findResources("AWS::KMS::Key").keySet())
                .allMatch(id -> id.startsWith("DataKey") || id.startsWith("SearchLogKey"))
                .hasSize(2);
    }

    @Test
    void answersHttpsOnlyWithTls12OrLater() {
        Template.fromStack(defaults)
                .hasResourceProperties(
                        "AWS::OpenSearchService::Domain",
                        Match.objectLike(Map.of(
                                "DomainEndpointOptions",
                                Map.of("EnforceHTTPS", true, "TLSSecurityPolicy", "Policy-Min-TLS-1-2-PFS-2023-10"))));
        assertThat(domain.getSigningService()).isEqualTo("es");
        assertThat(defaults.resolve(domain.getEndpoint()).toString())
                .contains("https://")
                .contains("DomainEndpoint");
    }

    @Test
    void fineGrainedAccessControlWithTheAdministratorRoleAsMasterUserAndNoInternalUsers() {
        Template.fromStack(defaults)
                .hasResourceProperties(
                        "AWS::OpenSearchService::Domain",
                        Match.objectLike(Map.of(
                                "AdvancedSecurityOptions",
                                Map.of(
                                        "Enabled",
                                        true,
                                        "InternalUserDatabaseEnabled",
                                        false,
                                        "AnonymousAuthEnabled",
                                        false,
                                        "MasterUserOptions",
                                        Map.of(
                                                "MasterUserARN",
                                                Map.of(
                                                        "Fn::GetAtt",
                                                        List.of(Match.stringLikeRegexp("Reindex.*"), "Arn")))))));
    }

    @Test
    void publishesSlowLogsAndErrorLogsToEncryptedGroupsTheServiceMayWriteTo() {
        Template template = Template.fromStack(defaults);
        for (String type : SearchDomain.LOG_TYPES) {
            template.hasResourceProperties(
                    "AWS::OpenSearchService::Domain",
                    Match.objectLike(Map.of(
                            "LogPublishingOptions",
                            Match.objectLike(Map.of(type, Match.objectLike(Map.of("Enabled", true)))))));
        }
        template.resourcePropertiesCountIs(
                "AWS::Logs::LogGroup",
                Match.objectLike(Map.of("KmsKeyId", Match.anyValue(), "RetentionInDays", 30)),
                3);
        String policy = template.findResources("AWS::Logs::ResourcePolicy").toString();
        assertThat(policy)
                .contains("es.amazonaws.com")
                .contains("logs:PutLogEvents")
                .contains("aws:SourceArn")
                .contains("domain/cairn-recipes-test");
        template.hasResource(
                "AWS::OpenSearchService::Domain",
                Match.objectLike(Map.of("DependsOn", List.of(Match.stringLikeRegexp("SearchLogsResourcePolicy.*")))));
    }

    @Test
    void defaultsSpreadOverTwoZonesWithThreeDedicatedMastersAndRetain() {
        Template.fromStack(defaults)
                .hasResource(
                        "AWS::OpenSearchService::Domain",
                        Match.objectLike(Map.of(
                                "DeletionPolicy",
                                "Retain",
                                "Properties",
                                Match.objectLike(Map.of(
                                        "ClusterConfig",
                                        Map.of(
                                                "InstanceType",
                                                SearchDomain.INSTANCE_TYPE,
                                                "InstanceCount",
                                                2,
                                                "ZoneAwarenessEnabled",
                                                true,
                                                "ZoneAwarenessConfig",
                                                Map.of("AvailabilityZoneCount", 2),
                                                "DedicatedMasterEnabled",
                                                true,
                                                "DedicatedMasterType",
                                                SearchDomain.DEDICATED_MASTER_TYPE,
                                                "DedicatedMasterCount",
                                                3),
                                        "EBSOptions",
                                        Map.of("EBSEnabled", true, "VolumeType", "gp3", "VolumeSize", 10),
                                        "SoftwareUpdateOptions",
                                        Map.of("AutoSoftwareUpdateEnabled", true))))));
    }

    @Test
    void theAccessPolicyNamesOnlyTheGrantedRolesEachOnItsPaths() {
        Map<String, Object> properties = domainProperties(defaults);
        String policy = properties.get("AccessPolicies").toString();
        assertThat(policy).doesNotContain("AWS=*").doesNotContain("\"*\"").doesNotContain("IpAddress");
        assertThat(policy).contains("Reindex").contains("Api").contains("Indexer");
        List<Map<String, Object>> statements = statements(properties.get("AccessPolicies"));
        assertThat(statements).hasSize(4);
        Map<String, Object> search = statementOf(statements, "Api", "es:ESHttpPost");
        assertThat(search.get("Resource").toString())
                .contains("domain/cairn-recipes-test/recipes/_search")
                .doesNotContain("recipes/*")
                .doesNotContain("_bulk");
        Map<String, Object> read = statementOf(statements, "Api", "es:ESHttpGet");
        assertThat(read.get("Action").toString())
                .doesNotContain("Put")
                .doesNotContain("Delete")
                .doesNotContain("Post");
        Map<String, Object> write = statementOf(statements, "Indexer", "es:ESHttpPut");
        assertThat(write.get("Resource").toString())
                .contains("domain/cairn-recipes-test/recipes*")
                .contains("domain/cairn-recipes-test/_aliases")
                .contains("domain/cairn-recipes-test/_bulk");
    }

    @Test
    void eachRolePolicyHoldsOnlyItsOwnAccess() {
        Template template = Template.fromStack(defaults);
        String api = policyOf(template, "Api");
        assertThat(api).contains("es:ESHttpGet").contains("es:ESHttpPost").contains("recipes/_search");
        assertThat(api)
                .doesNotContain("es:ESHttpPut")
                .doesNotContain("es:ESHttpDelete")
                .doesNotContain("_bulk");
        String indexer = policyOf(template, "Indexer");
        assertThat(indexer).contains("es:ESHttpPut").contains("es:ESHttpDelete").contains("_aliases");
    }

    @Test
    void defaultsAreNagCleanUnderAllFivePacks() {
        // The grantee roles are bare fixtures with inline policies; what they hold is checked above.
        List<String> fixtures = List.of("/Defaults/Api/", "/Defaults/Indexer/", "/Defaults/Reindex/");
        assertThat(nag.errors())
                .allMatch(f -> fixtures.stream().anyMatch(f::startsWith) && f.contains("IAMNoInlinePolicy"));
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void oneZoneWithoutMastersWarnsAndIsNagCleanOnceAcknowledged() {
        Annotations annotations = Annotations.fromStack(single);
        assertThat(annotations.findWarning("*", Match.stringLikeRegexp(".*overridden.*")))
                .isEmpty();
        Template.fromStack(single)
                .hasResource(
                        "AWS::OpenSearchService::Domain",
                        Match.objectLike(Map.of(
                                "DeletionPolicy",
                                "Delete",
                                "Properties",
                                Match.objectLike(Map.of(
                                        "ClusterConfig",
                                        Map.of(
                                                "InstanceType",
                                                "t3.small.search",
                                                "InstanceCount",
                                                1,
                                                "ZoneAwarenessEnabled",
                                                false,
                                                "DedicatedMasterEnabled",
                                                false))))));
        assertThat(singleNag.errors())
                .allMatch(f -> f.startsWith("/Single/Reindex/") && f.contains("IAMNoInlinePolicy"));
        assertThat(singleNag.warnings()).isEmpty();
    }

    @Test
    void oneZoneWithoutMastersIsASecurityWarningUntilAcknowledged() {
        Stack stack = TestApps.stack();
        new SearchDomain(
                stack,
                "Search",
                SearchDomainProps.builder()
                        .encryptionKey(new Key(stack, "Key"))
                        .administrator(role(stack, "Admin"))
                        .availabilityZones(1)
                        .dedicatedMasterCount(0)
                        .build());
        Annotations annotations = Annotations.fromStack(stack);
        annotations.hasWarning("/Test/Search", Match.stringLikeRegexp(".*availabilityZones.*"));
        annotations.hasWarning("/Test/Search", Match.stringLikeRegexp(".*dedicatedMasterCount.*"));
    }

    @Test
    void failsWithoutKeyOrAdministrator() {
        Stack stack = TestApps.stack();
        assertThatThrownBy(() -> new SearchDomain(
                        stack, "Search", SearchDomainProps.builder().build()))
                .hasMessageContaining("Invalid SearchDomain props at Test/Search")
                .hasMessageContaining("encryptionKey is required (value: null)")
                .hasMessageContaining("administrator is required (value: null)");
    }

    @Test
    void failsOnABadNameNodeCountOrInstanceType() {
        Stack stack = TestApps.stack();
        assertThatThrownBy(() -> new SearchDomain(
                        stack,
                        "Search",
                        SearchDomainProps.builder()
                                .encryptionKey(new Key(stack, "Key"))
                                .administrator(role(stack, "Admin"))
                                .domainName("Recipes")
                                .availabilityZones(2)
                                .instanceCount(3)
                                .instanceType("t2.small.search")
                                .dedicatedMasterCount(2)
                                .build()))
                .hasMessageContaining("domainName must be 3..28 characters")
                .hasMessageContaining("(value: Recipes)")
                .hasMessageContaining("instanceCount must be a multiple of availabilityZones 2 (value: 3)")
                .hasMessageContaining("so not t2 (value: t2.small.search)")
                .hasMessageContaining("dedicatedMasterCount must be 0, 3 or 5 (value: 2)");
    }

    @Test
    void failsOnAnIndexThatIsNotAnAliasName() {
        Stack stack = TestApps.stack();
        SearchDomain other = new SearchDomain(
                stack,
                "Search",
                SearchDomainProps.builder()
                        .encryptionKey(new Key(stack, "Key"))
                        .administrator(role(stack, "Admin"))
                        .build());
        Role role = role(stack, "Other");
        assertThatThrownBy(() -> other.grantRead(role, "*"))
                .hasMessageContaining("index must be an alias of lower-case letters, digits and - (value: *)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> domainProperties(Stack stack) {
        Map<String, Map<String, Object>> domains =
                Template.fromStack(stack).findResources("AWS::OpenSearchService::Domain");
        assertThat(domains).hasSize(1);
        return (Map<String, Object>) domains.values().iterator().next().get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Object document) {
        return (List<Map<String, Object>>) ((Map<String, Object>) document).get("Statement");
    }

    private static Map<String, Object> statementOf(List<Map<String, Object>> statements, String role, String action) {
        return statements.stream()
                .filter(s -> s.get("Principal").toString().contains(role))
                .filter(s -> s.get("Action").toString().contains(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no statement of " + role + " with " + action));
    }

    private static String policyOf(Template template, String role) {
        return template.findResources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> e.getKey().startsWith(role))
                .map(e -> e.getValue().toString())
                .findFirst()
                .orElseThrow();
    }
}
