package dev.cairn.constructs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.IResolveContext;
import software.amazon.awscdk.IStringProducer;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.opensearchserverless.CfnAccessPolicy;
import software.amazon.awscdk.services.opensearchserverless.CfnCollection;
import software.amazon.awscdk.services.opensearchserverless.CfnSecurityPolicy;
import software.constructs.Construct;

/**
 * An Amazon OpenSearch Serverless collection of type SEARCH for an app's search indexes: an
 * encryption policy with the given customer managed key, a network policy that opens the
 * collection's HTTPS endpoint and no dashboards, and a data access policy that names exactly the
 * roles granted through {@link #grantRead} and {@link #grantWrite}, each with its permissions on
 * the indices of its index names. Requests are SigV4-signed with service name {@value
 * #SERVERLESS_SIGNING_SERVICE}; each granted role's policy allows {@code aoss:APIAccessAll} on
 * this collection, and the data access policy decides the rest.
 */
public class SearchCollection extends Construct implements SearchEngine {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{2,27}");

    private final CfnCollection collection;
    private final String collectionName;
    private final CfnAccessPolicy dataAccessPolicy;
    /** Per grantee role ARN (a token), its rules: resource pattern to permissions. */
    private final Map<String, Map<String, List<String>>> rules = new LinkedHashMap<>();

    public SearchCollection(Construct scope, String id, SearchCollectionProps props) {
        super(scope, id);
        validate(props);
        this.collectionName = props.collectionName() != null ? props.collectionName() : defaultName();
        boolean standby = Objects.requireNonNullElse(props.standbyReplicas(), true);
        Stack stack = Stack.of(this);
        String resource = "collection/" + collectionName;

        CfnSecurityPolicy encryption = CfnSecurityPolicy.Builder.create(this, "EncryptionPolicy")
                .name(collectionName + "-enc")
                .type("encryption")
                .description("The stage's customer managed key encrypts " + collectionName)
                .policy(stack.toJsonString(Map.of(
                        "Rules",
                        List.of(Map.of("ResourceType", "collection", "Resource", List.of(resource))),
                        "AWSOwnedKey",
                        false,
                        "KmsARN",
                        props.encryptionKey().getKeyArn())))
                .build();
        // The endpoint answers SigV4-signed requests only; no rule names dashboards, so none answer.
        CfnSecurityPolicy network = CfnSecurityPolicy.Builder.create(this, "NetworkPolicy")
                .name(collectionName + "-net")
                .type("network")
                .description("The HTTPS endpoint of " + collectionName + "; no dashboards")
                .policy(stack.toJsonString(List.of(Map.of(
                        "Rules",
                        List.of(Map.of("ResourceType", "collection", "Resource", List.of(resource))),
                        "AllowFromPublic",
                        true))))
                .build();
        this.collection = CfnCollection.Builder.create(this, "Resource")
                .name(collectionName)
                .type("SEARCH")
                .standbyReplicas(standby ? "ENABLED" : "DISABLED")
                .description("Search indexes; rebuilt from their tables by a reindex")
                .build();
        collection.getNode().addDependency(encryption, network);
        collection.applyRemovalPolicy(Objects.requireNonNullElse(props.removalPolicy(), RemovalPolicy.RETAIN));
        this.dataAccessPolicy = CfnAccessPolicy.Builder.create(this, "DataAccessPolicy")
                .name(collectionName + "-data")
                .type("data")
                .description("Who may read and write which indices of " + collectionName)
                // Resolved at synth: it holds every grant, made before or after this line.
                .policy(Lazy.uncachedString(new IStringProducer() {
                    @Override
                    public String produce(IResolveContext context) {
                        return stack.toJsonString(dataAccessRules());
                    }
                }))
                .build();
        if (!standby) {
            PropsCheck.warnOverride(
                    this, "standbyReplicas", "no standby replicas: search stops while the collection's zone is down");
        }
    }

    /** One rule set per granted role, as the data access policy's JSON wants it. */
    private List<Object> dataAccessRules() {
        List<Object> statements = new ArrayList<>();
        rules.forEach((principal, byResource) -> {
            List<Object> resourceRules = new ArrayList<>();
            byResource.forEach((pattern, permissions) -> resourceRules.add(Map.of(
                    "ResourceType",
                    pattern.startsWith("index/") ? "index" : "collection",
                    "Resource",
                    List.of(pattern),
                    "Permission",
                    permissions)));
            statements.add(Map.of("Rules", resourceRules, "Principal", List.of(principal)));
        });
        return statements;
    }

    private void validate(SearchCollectionProps props) {
        PropsCheck check = new PropsCheck("SearchCollection");
        check.require("props", props);
        if (props != null) {
            check.require("encryptionKey", props.encryptionKey());
            if (PropsCheck.resolved(props.collectionName())) {
                check.check(
                        NAME.matcher(props.collectionName()).matches(),
                        "collectionName must be 3..28 characters: a lower-case letter, then lower-case letters,"
                                + " digits and - (value: " + props.collectionName() + ")");
            }
        }
        check.throwIfInvalid(getNode().getPath());
    }

    @Override
    public String getEndpoint() {
        return collection.getAttrCollectionEndpoint();
    }

    @Override
    public String getSigningService() {
        return SERVERLESS_SIGNING_SERVICE;
    }

    /** {@link Perms#AOSS_INDEX_READ} on the indices of {@code index}; nothing that writes. */
    @Override
    public Grant grantRead(IGrantable grantee, String index) {
        allow(grantee, "index/" + collectionName + "/" + checkIndex(index) + "*", Perms.AOSS_INDEX_READ);
        return apiAccess(grantee);
    }

    /**
     * {@link Perms#AOSS_INDEX_WRITE} on the indices of {@code index}, and {@link Perms#AOSS_ALIASES}
     * on the collection (aliases are collection items).
     */
    @Override
    public Grant grantWrite(IGrantable grantee, String index) {
        allow(grantee, "index/" + collectionName + "/" + checkIndex(index) + "*", Perms.AOSS_INDEX_WRITE);
        allow(grantee, "collection/" + collectionName, Perms.AOSS_ALIASES);
        return apiAccess(grantee);
    }

    private void allow(IGrantable grantee, String pattern, List<String> permissions) {
        if (!(grantee.getGrantPrincipal() instanceof IRole role)) {
            throw new IllegalArgumentException(getNode().getPath()
                    + ": grantee must be an IAM role, which the data access policy names (value: "
                    + grantee.getGrantPrincipal() + ")");
        }
        List<String> granted = rules.computeIfAbsent(role.getRoleArn(), arn -> new LinkedHashMap<>())
                .computeIfAbsent(pattern, p -> new ArrayList<>());
        permissions.stream().filter(p -> !granted.contains(p)).forEach(granted::add);
    }

    private Grant apiAccess(IGrantable grantee) {
        return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(Perms.AOSS_API_ACCESS)
                .resourceArns(List.of(collection.getAttrArn()))
                .build());
    }

    private String checkIndex(String index) {
        if (index == null || !index.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException(getNode().getPath()
                    + ": index must be an alias of lower-case letters, digits and - (value: " + index + ")");
        }
        return index;
    }

    private String defaultName() {
        String unique = Names.uniqueResourceName(
                        this, UniqueResourceNameOptions.builder().maxLength(27).build())
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "");
        return "s" + unique;
    }

    /** The L1 collection. */
    public CfnCollection getCollection() {
        return collection;
    }

    public String getCollectionName() {
        return collectionName;
    }

    /** The data access policy; its rules are those granted, resolved at synth. */
    public CfnAccessPolicy getDataAccessPolicy() {
        return dataAccessPolicy;
    }
}
