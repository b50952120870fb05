package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.kms.KeyProps;

class SearchCollectionTest {

    private static Stack stack;
    private static SearchCollection collection;
    private static NagAudit.Findings nag;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        stack = TestApps.stack(app, "Serverless");
        Key key = new Key(
                stack, "DataKey", KeyProps.builder().enableKeyRotation(true).build());
        collection = new SearchCollection(
                stack,
                "Search",
                SearchCollectionProps.builder()
                        .encryptionKey(key)
                        .collectionName("cairn-recipes-test")
                        .build());
        collection.grantRead(role("Api"), "recipes");
        collection.grantWrite(role("Indexer"), "recipes");
        collection.grantWrite(role("Reindex"), "recipes");
        nag = NagAudit.audit(stack);
    }

    private static Role role(String id) {
        return Role.Builder.create(stack, id)
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
    }

    @Test
    void aSearchCollectionWithStandbyReplicasAfterItsPolicies() {
        Template template = Template.fromStack(stack);
        template.hasResource(
                "AWS::OpenSearchServerless::Collection",
                Match.objectLike(Map.of(
                        "DeletionPolicy",
                        "Retain",
                        "DependsOn",
                        List.of(
                                Match.stringLikeRegexp("SearchEncryptionPolicy.*"),
                                Match.stringLikeRegexp("SearchNetworkPolicy.*")),
                        "Properties",
                        Match.objectLike(Map.of(
                                "Name", "cairn-recipes-test", "Type", "SEARCH", "StandbyReplicas", "ENABLED")))));
        assertThat(collection.getSigningService()).isEqualTo("aoss");
        assertThat(stack.resolve(collection.getEndpoint()).toString()).contains("CollectionEndpoint");
    }

    @Test
    void encryptsWithTheGivenKeyNotAnAwsOwnedOne() throws Exception {
        JsonNode policy = policyOf("AWS::OpenSearchServerless::SecurityPolicy", "encryption");
        assertThat(policy.get("AWSOwnedKey").asBoolean()).isFalse();
        assertThat(policy.get("KmsARN").toString()).contains("DataKey");
        assertThat(policy.get("Rules").toString()).contains("collection/cairn-recipes-test");
        assertThat(Template.fromStack(stack).findResources("AWS::KMS::Key")).hasSize(1);
    }

    @Test
    void opensTheEndpointAndNoDashboards() throws Exception {
        JsonNode policy = policyOf("AWS::OpenSearchServerless::SecurityPolicy", "network");
        assertThat(policy.toString()).doesNotContain("dashboard");
        assertThat(policy.get(0).get("Rules").toString()).contains("collection/cairn-recipes-test");
    }

    @Test
    void theDataAccessPolicyNamesOnlyTheGrantedRolesTheApiReadOnly() throws Exception {
        JsonNode policy = policyOf("AWS::OpenSearchServerless::AccessPolicy", "data");
        assertThat(policy).hasSize(3);
        List<String> principals = new ArrayList<>();
        policy.forEach(statement -> principals.add(statement.get("Principal").toString()));
        assertThat(principals).allMatch(p -> !p.contains("\"*\""));
        JsonNode api = statementOf(policy, "Api");
        assertThat(api.get("Rules").toString())
                .contains("index/cairn-recipes-test/recipes*")
                .contains("aoss:ReadDocument")
                .doesNotContain("aoss:WriteDocument")
                .doesNotContain("aoss:CreateIndex")
                .doesNotContain("CollectionItems");
        JsonNode indexer = statementOf(policy, "Indexer");
        assertThat(indexer.get("Rules").toString())
                .contains("aoss:WriteDocument")
                .contains("aoss:CreateIndex")
                .contains("aoss:UpdateCollectionItems");
    }

    @Test
    void eachRoleMayCallOnlyThisCollection() {
        String policies =
                Template.fromStack(stack).findResources("AWS::IAM::Policy").toString();
        assertThat(policies)
                .contains("Action=aoss:APIAccessAll, Effect=Allow, Resource={Fn::GetAtt=[Search14E54FC3, Arn]}");
        assertThat(policies).doesNotContain("aoss:*").doesNotContain("Resource=*");
    }

    @Test
    void isNagCleanUnderAllFivePacks() {
        List<String> fixtures = List.of("/Serverless/Api/", "/Serverless/Indexer/", "/Serverless/Reindex/");
        assertThat(nag.errors())
                .allMatch(f -> fixtures.stream().anyMatch(f::startsWith) && f.contains("IAMNoInlinePolicy"));
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void noStandbyReplicasIsASecurityWarning() {
        Stack other = TestApps.stack();
        new SearchCollection(
                other,
                "Search",
                SearchCollectionProps.builder()
                        .encryptionKey(new Key(other, "Key"))
                        .standbyReplicas(false)
                        .build());
        Annotations.fromStack(other).hasWarning("/Test/Search", Match.stringLikeRegexp(".*standbyReplicas.*"));
    }

    @Test
    void failsWithoutKeyOrWithABadName() {
        Stack other = TestApps.stack();
        assertThatThrownBy(() -> new SearchCollection(
                        other,
                        "Search",
                        SearchCollectionProps.builder()
                                .collectionName("Recipes")
                                .build()))
                .hasMessageContaining("encryptionKey is required (value: null)")
                .hasMessageContaining("collectionName must be 3..28 characters")
                .hasMessageContaining("(value: Recipes)");
    }

    private static JsonNode policyOf(String type, String policyType) throws Exception {
        Map<String, Map<String, Object>> resources = Template.fromStack(stack)
                .findResources(
                        type, Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("Type", policyType)))));
        assertThat(resources).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties =
                (Map<String, Object>) resources.values().iterator().next().get("Properties");
        Object policy = properties.get("Policy");
        String json = policy instanceof String s ? s : flatten(policy);
        return new ObjectMapper().readTree(json);
    }

    /** An Fn::Join of strings and references, as text with the references named. */
    @SuppressWarnings("unchecked")
    private static String flatten(Object policy) {
        List<Object> join = (List<Object>) ((Map<String, Object>) policy).get("Fn::Join");
        StringBuilder text = new StringBuilder();
        for (Object part : (List<Object>) join.get(1)) {
            text.append(part instanceof String s ? s : part.toString().replaceAll("[^A-Za-z0-9:]", ""));
        }
        return text.toString();
    }

    private static JsonNode statementOf(JsonNode policy, String role) {
        for (JsonNode statement : policy) {
            if (statement.get("Principal").toString().contains(role)) {
                return statement;
            }
        }
        throw new AssertionError("no statement of " + role);
    }
}
