package dev.cairn.constructs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.CfnResourcePolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.opensearchservice.CfnDomain;
import software.amazon.awscdk.services.opensearchservice.EngineVersion;
import software.constructs.Construct;

/**
 * An Amazon OpenSearch Service domain for an app's search indexes: encryption at rest with the
 * given customer managed key, node-to-node encryption, HTTPS only with TLS 1.2 or later (forward
 * secrecy), fine-grained access control with IAM (the {@code administrator} role as master user,
 * no internal users, no anonymous access), slow logs and error logs to encrypted CloudWatch log
 * groups, zone awareness and dedicated masters by default, automatic service software updates.
 *
 * <p>Its access policy names exactly the roles granted through {@link #grantRead} and {@link
 * #grantWrite} (and the administrator), each on the index paths it needs: no {@code *} principal,
 * no IP condition. Requests are SigV4-signed with service name {@value #DOMAIN_SIGNING_SERVICE}.
 */
public class SearchDomain extends Construct implements SearchEngine {

    /** The OpenSearch version of new domains: the newest the CDK names (the local node runs 3.9). */
    public static final EngineVersion ENGINE_VERSION = EngineVersion.OPENSEARCH_3_5;
    /** Data nodes by default: Graviton general purpose, the size AWS starts production domains at. */
    public static final String INSTANCE_TYPE = "m7g.large.search";
    /** Dedicated masters by default: the size AWS recommends for up to ten data nodes. */
    public static final String DEDICATED_MASTER_TYPE = "m7g.large.search";
    /** The gp3 volume of each data node by default, in GiB. */
    public static final int VOLUME_SIZE_GIB = 10;
    /** Availability zones by default. */
    public static final int AVAILABILITY_ZONES = 2;
    /** Dedicated masters by default when a type is set. */
    public static final int DEDICATED_MASTER_COUNT = 3;
    /** HTTPS only, TLS 1.2 or later with forward-secret ciphers. */
    public static final String TLS_SECURITY_POLICY = "Policy-Min-TLS-1-2-PFS-2023-10";

    /** The logs the domain publishes to CloudWatch: the two slow logs and the error (application) log. */
    public static final List<String> LOG_TYPES = List.of("INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS", "ES_APPLICATION_LOGS");

    private static final Pattern DOMAIN_NAME = Pattern.compile("[a-z][a-z0-9-]{2,27}");
    /** The search paths a read grant may POST to: queries with a body, never a document write. */
    private static final List<String> SEARCH_PATHS = List.of("_search", "_msearch", "_count");

    private final CfnDomain domain;
    private final String domainName;
    private final Map<String, LogGroup> logGroups = new LinkedHashMap<>();
    private final IKey logEncryptionKey;
    private final PolicyDocument accessPolicy = new PolicyDocument();

    public SearchDomain(Construct scope, String id, SearchDomainProps props) {
        super(scope, id);
        validate(props);
        this.domainName = props.domainName() != null ? props.domainName() : defaultName();

        int zones = Objects.requireNonNullElse(props.availabilityZones(), AVAILABILITY_ZONES);
        int instances = Objects.requireNonNullElse(props.instanceCount(), zones);
        int masters = Objects.requireNonNullElse(props.dedicatedMasterCount(), DEDICATED_MASTER_COUNT);
        String masterType =
                masters == 0 ? null : Objects.requireNonNullElse(props.dedicatedMasterType(), DEDICATED_MASTER_TYPE);
        RemovalPolicy removalPolicy = Objects.requireNonNullElse(props.removalPolicy(), RemovalPolicy.RETAIN);
        RetentionDays retention =
                Objects.requireNonNullElse(props.logRetention(), ObservabilityDefaults.logRetention());

        this.logEncryptionKey = props.logEncryptionKey() != null
                ? props.logEncryptionKey()
                : ObservabilityDefaults.logsKey(this, "LogKey");
        Map<String, CfnDomain.LogPublishingOptionProperty> publishing = new LinkedHashMap<>();
        for (String type : LOG_TYPES) {
            LogGroup group = ObservabilityDefaults.encryptedLogGroup(this, logId(type), retention, logEncryptionKey);
            group.applyRemovalPolicy(removalPolicy);
            logGroups.put(type, group);
            publishing.put(
                    type,
                    CfnDomain.LogPublishingOptionProperty.builder()
                            .enabled(true)
                            .cloudWatchLogsLogGroupArn(group.getLogGroupArn())
                            .build());
        }
        CfnResourcePolicy logsPolicy = logsResourcePolicy();

        CfnDomain.ClusterConfigProperty.Builder cluster = CfnDomain.ClusterConfigProperty.builder()
                .instanceType(Objects.requireNonNullElse(props.instanceType(), INSTANCE_TYPE))
                .instanceCount(instances)
                .zoneAwarenessEnabled(zones > 1)
                .dedicatedMasterEnabled(masterType != null);
        if (zones > 1) {
            cluster.zoneAwarenessConfig(CfnDomain.ZoneAwarenessConfigProperty.builder()
                    .availabilityZoneCount(zones)
                    .build());
        }
        if (masterType != null) {
            cluster.dedicatedMasterType(masterType).dedicatedMasterCount(masters);
        }

        // The master user of fine-grained access control: indices, aliases and role mappings.
        allow(props.administrator(), List.of("es:ESHttp*"), List.of(domainArn("*")));
        this.domain = CfnDomain.Builder.create(this, "Resource")
                .domainName(domainName)
                .engineVersion(Objects.requireNonNullElse(props.engineVersion(), ENGINE_VERSION)
                        .getVersion())
                .clusterConfig(cluster.build())
                .ebsOptions(CfnDomain.EBSOptionsProperty.builder()
                        .ebsEnabled(true)
                        .volumeType("gp3")
                        .volumeSize(Objects.requireNonNullElse(props.volumeSizeGiB(), VOLUME_SIZE_GIB))
                        .build())
                .encryptionAtRestOptions(CfnDomain.EncryptionAtRestOptionsProperty.builder()
                        .enabled(true)
                        .kmsKeyId(props.encryptionKey().getKeyArn())
                        .build())
                .nodeToNodeEncryptionOptions(CfnDomain.NodeToNodeEncryptionOptionsProperty.builder()
                        .enabled(true)
                        .build())
                .domainEndpointOptions(CfnDomain.DomainEndpointOptionsProperty.builder()
                        .enforceHttps(true)
                        .tlsSecurityPolicy(TLS_SECURITY_POLICY)
                        .build())
                .advancedSecurityOptions(CfnDomain.AdvancedSecurityOptionsInputProperty.builder()
                        .enabled(true)
                        .internalUserDatabaseEnabled(false)
                        .anonymousAuthEnabled(false)
                        .masterUserOptions(CfnDomain.MasterUserOptionsProperty.builder()
                                .masterUserArn(props.administrator().getRoleArn())
                                .build())
                        .build())
                .logPublishingOptions(publishing)
                .softwareUpdateOptions(CfnDomain.SoftwareUpdateOptionsProperty.builder()
                        .autoSoftwareUpdateEnabled(true)
                        .build())
                // Resolved at synth: it holds every grant, made before or after this line.
                .accessPolicies(accessPolicy)
                .build();
        domain.applyRemovalPolicy(removalPolicy);
        // The service checks at creation that it may write to the log groups.
        domain.getNode().addDependency(logsPolicy);

        suppressFindings(zones, masterType);
        if (zones == 1) {
            PropsCheck.warnOverride(
                    this, "availabilityZones", "one availability zone: search stops while that zone is down");
        }
        if (masterType == null) {
            PropsCheck.warnOverride(
                    this,
                    "dedicatedMasterCount",
                    "no dedicated masters: a busy data node also manages the cluster and can stall it");
        }
    }

    /**
     * CloudWatch Logs lets this domain (and no other) write its log streams into its three groups:
     * a resource policy of the account, since a log group has no policy of its own.
     */
    private CfnResourcePolicy logsResourcePolicy() {
        Stack stack = Stack.of(this);
        List<String> groupArns = new ArrayList<>();
        logGroups.values().forEach(group -> groupArns.add(group.getLogGroupArn()));
        PolicyDocument document = new PolicyDocument();
        document.addStatements(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("es.amazonaws.com")))
                .actions(List.of("logs:PutLogEvents", "logs:CreateLogStream"))
                .resources(groupArns)
                .conditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", domainArn(null))))
                .build());
        return CfnResourcePolicy.Builder.create(this, "LogsResourcePolicy")
                .policyName(domainName + "-logs")
                .policyDocument(stack.toJsonString(document))
                .build();
    }

    private void suppressFindings(int zones, String masterType) {
        String network = "The domain has a public HTTPS endpoint that answers only SigV4-signed requests of the IAM"
                + " roles its access policy names (fine-grained access control on, no anonymous access, TLS 1.2+)."
                + " Its callers are Lambda functions outside any VPC; a VPC domain would need them in a VPC with"
                + " NAT or interface endpoints per zone, adding cost and cold-start latency without narrowing who"
                + " may call it, which IAM already decides.";
        Compliance.suppress(domain, "AwsSolutions-OS1", network);
        Compliance.suppress(domain, "HIPAA.Security-OpenSearchInVPCOnly", network);
        Compliance.suppress(domain, "NIST.800.53.R5-OpenSearchInVPCOnly", network);
        Compliance.suppress(domain, "PCI.DSS.321-OpenSearchInVPCOnly", network);
        Compliance.suppress(
                domain,
                "AwsSolutions-OS3",
                "Access is granted to named IAM roles (Lambda execution roles), not to networks: Lambda has no"
                        + " fixed source addresses, so an IP allow list could only be 0.0.0.0/0 or break the callers.");
        String chosen = "The caller chose this availability in props, and acknowledged the synth warning"
                + " @cairn/constructs:";
        if (zones == 1) {
            Compliance.suppress(
                    domain,
                    "AwsSolutions-OS7",
                    chosen + "availabilityZones: the index is derived data that a reindex rebuilds from its tables.");
        }
        if (masterType == null) {
            Compliance.suppress(
                    domain,
                    "AwsSolutions-OS4",
                    chosen + "dedicatedMasterCount: without dedicated masters the data nodes elect the master.");
        }
    }

    private void validate(SearchDomainProps props) {
        PropsCheck check = new PropsCheck("SearchDomain");
        check.require("props", props);
        if (props != null) {
            check.require("encryptionKey", props.encryptionKey());
            check.require("administrator", props.administrator());
            if (PropsCheck.resolved(props.domainName())) {
                check.check(
                        DOMAIN_NAME.matcher(props.domainName()).matches(),
                        "domainName must be 3..28 characters: a lower-case letter, then lower-case letters, digits"
                                + " and - (value: " + props.domainName() + ")");
            }
            check.range("availabilityZones", props.availabilityZones(), 1, 3);
            check.range("instanceCount", props.instanceCount(), 1, 80);
            check.range("volumeSizeGiB", props.volumeSizeGiB(), 10, 1024);
            int zones = Objects.requireNonNullElse(props.availabilityZones(), AVAILABILITY_ZONES);
            if (props.instanceCount() != null && zones > 0) {
                check.check(
                        props.instanceCount() % zones == 0,
                        "instanceCount must be a multiple of availabilityZones " + zones + " (value: "
                                + props.instanceCount() + ")");
            }
            Integer masters = props.dedicatedMasterCount();
            check.check(
                    masters == null || masters == 0 || masters == 3 || masters == 5,
                    "dedicatedMasterCount must be 0, 3 or 5 (value: " + masters + ")");
            for (String type : new String[] {props.instanceType(), props.dedicatedMasterType()}) {
                if (PropsCheck.resolved(type)) {
                    check.check(
                            type.endsWith(".search") && !type.startsWith("t2."),
                            "instance types must be OpenSearch types (*.search) that support encryption at rest,"
                                    + " so not t2 (value: " + type + ")");
                }
            }
        }
        check.throwIfInvalid(getNode().getPath());
    }

    @Override
    public String getEndpoint() {
        return "https://" + domain.getAttrDomainEndpoint();
    }

    @Override
    public String getSigningService() {
        return DOMAIN_SIGNING_SERVICE;
    }

    /**
     * {@link Perms#OPENSEARCH_HTTP_READ} on the alias and what lies below it, and {@link
     * Perms#OPENSEARCH_HTTP_SEARCH} on its search paths only.
     */
    @Override
    public Grant grantRead(IGrantable grantee, String index) {
        checkIndex(index);
        List<String> reads = List.of(domainArn(index), domainArn(index + "/*"));
        List<String> searches =
                SEARCH_PATHS.stream().map(path -> domainArn(index + "/" + path)).toList();
        allow(grantee.getGrantPrincipal(), Perms.OPENSEARCH_HTTP_READ, reads);
        allow(grantee.getGrantPrincipal(), Perms.OPENSEARCH_HTTP_SEARCH, searches);
        Grant grant = onPrincipal(grantee, Perms.OPENSEARCH_HTTP_READ, reads)
                .combine(onPrincipal(grantee, Perms.OPENSEARCH_HTTP_SEARCH, searches));
        suppressIndexWildcards(
                grantee,
                "Reads of the alias " + index + " of this one domain: the wildcard is the paths below the alias"
                        + " (its documents and mapping), by GET and HEAD only.");
        return grant;
    }

    /**
     * {@link Perms#OPENSEARCH_HTTP_WRITE} on every index whose name starts with {@code index} and
     * what lies below them, on the aliases of those indices, and on {@code _aliases} and {@code
     * _bulk} (fine-grained access control then checks each action's index).
     */
    @Override
    public Grant grantWrite(IGrantable grantee, String index) {
        checkIndex(index);
        List<String> resources = List.of(
                domainArn(index + "*"),
                domainArn(index + "*/*"),
                domainArn("_alias/" + index + "*"),
                domainArn("_aliases"),
                domainArn("_bulk"));
        allow(grantee.getGrantPrincipal(), Perms.OPENSEARCH_HTTP_WRITE, resources);
        Grant grant = onPrincipal(grantee, Perms.OPENSEARCH_HTTP_WRITE, resources);
        suppressIndexWildcards(
                grantee,
                "Writes to the indices of " + index + " on this one domain: a reindex creates " + index + "-vN-TIME"
                        + " and the alias " + index + "-next, so the names are known only by their prefix.");
        return grant;
    }

    /** The role policy's wildcards are index paths of this domain only; said once per grant. */
    private void suppressIndexWildcards(IGrantable grantee, String reason) {
        if (grantee.getGrantPrincipal() instanceof software.amazon.awscdk.services.iam.Role role
                && role.getNode().tryFindChild("DefaultPolicy") instanceof software.constructs.IConstruct policy) {
            Compliance.suppressMatching(
                    policy, "AwsSolutions-IAM5", reason, "/^Resource::arn:.*:es:.*:domain\\/" + domainName + "\\/.*$/");
        }
    }

    private void checkIndex(String index) {
        if (index == null || !index.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException(getNode().getPath()
                    + ": index must be an alias of lower-case letters, digits and - (value: " + index + ")");
        }
    }

    private void allow(IPrincipal principal, List<String> actions, List<String> resources) {
        accessPolicy.addStatements(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(principal))
                .actions(actions)
                .resources(resources)
                .build());
    }

    private static Grant onPrincipal(IGrantable grantee, List<String> actions, List<String> resources) {
        return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(actions)
                .resourceArns(resources)
                .build());
    }

    /** The domain's ARN, or of a path on it: built from the name, as the domain's own policy names it. */
    private String domainArn(String path) {
        return Stack.of(this)
                .formatArn(ArnComponents.builder()
                        .service("es")
                        .resource("domain")
                        .resourceName(path == null ? domainName : domainName + "/" + path)
                        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                        .build());
    }

    private String defaultName() {
        String unique = Names.uniqueResourceName(
                        this, UniqueResourceNameOptions.builder().maxLength(27).build())
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "");
        return "s" + unique;
    }

    private static String logId(String type) {
        return switch (type) {
            case "INDEX_SLOW_LOGS" -> "IndexSlowLogs";
            case "SEARCH_SLOW_LOGS" -> "SearchSlowLogs";
            default -> "ErrorLogs";
        };
    }

    /** The L1 domain. */
    public CfnDomain getDomain() {
        return domain;
    }

    /** The domain's name (also in its ARN and its access policy). */
    public String getDomainName() {
        return domainName;
    }

    /** The domain's ARN. */
    public String getDomainArn() {
        return domain.getAttrArn();
    }

    /** The log groups, by log type ({@link #LOG_TYPES}). */
    public Map<String, LogGroup> getLogGroups() {
        return Map.copyOf(logGroups);
    }

    public IKey getLogEncryptionKey() {
        return logEncryptionKey;
    }
}
