package dev.cairn.infra;

import dev.cairn.constructs.Observability;
import dev.cairn.constructs.ObservabilityProps;
import dev.cairn.constructs.WebFirewall;
import dev.cairn.constructs.WebFirewallProps;
import dev.cairn.contract.RoutePolicy;
import software.amazon.awscdk.CfnWaitConditionHandle;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * What CloudFront only accepts from us-east-1: the WAF web ACL (CLOUDFRONT scope, the stage's rate
 * limits) and, when the stage has a custom domain, its ACM certificate. The WAF alarm lives here
 * too, since the web ACL's metrics exist only in this region.
 *
 * <p>The service stack reads the ACL's and the certificate's ARNs as weak cross-region references
 * ({@code Fn::GetStackOutput}, see docs/adr/0003-stacks-and-cross-stack-references.md): no custom
 * resource, no name agreed in advance.
 */
public final class EdgeStack extends Stack {
    /** CloudFront reads web ACLs and certificates from this region only. */
    public static final String REGION = "us-east-1";

    private final WebFirewall firewall;
    private final Certificate certificate;
    private final IKey stageKey;

    /**
     * @param dataKey the stage's key in its data region ({@link StageKey}): used here when that
     *     region is us-east-1; otherwise this stack holds the stage's key for us-east-1
     */
    public EdgeStack(Construct scope, String id, StackProps props, StageConfig stage, String blueprint, IKey dataKey) {
        super(scope, id, props);
        boolean waf = stage.spending().webFirewall();
        // Only the firewall's logs and alarm topic need a key here.
        this.stageKey = !waf
                ? null
                : REGION.equals(Stack.of(dataKey).getRegion())
                        ? dataKey
                        : StageKey.create(this, "StageKey", stage, blueprint);
        this.firewall = waf ? createFirewall(stage) : null;
        if (stage.domainName() != null) {
            this.certificate = Certificate.Builder.create(this, "Certificate")
                    .domainName(stage.domainName())
                    // The CNAME to create is shown in the ACM console and in the stack events.
                    .validation(CertificateValidation.fromDns())
                    .build();
            CrossStackReferences.of(certificate).produce(ReferenceStrength.WEAK);
        } else {
            this.certificate = null;
        }
        if (waf) {
            new Observability(
                    this,
                    "Observability",
                    ObservabilityProps.builder()
                            .wafWebAclName(firewall.getWebAclName())
                            .alarmEmails(stage.alarmEmails())
                            .topicKey(stageKey)
                            .alarms(stage.spending().alarms())
                            // One widget, which the WAF console shows too: not worth a dashboard.
                            .dashboard(false)
                            .build());
        } else if (certificate == null) {
            // CloudFormation refuses a template without resources; this handle costs nothing.
            new CfnWaitConditionHandle(this, "NothingAtTheEdge");
        }
    }

    private WebFirewall createFirewall(StageConfig stage) {
        WebFirewall created = new WebFirewall(
                this,
                "Firewall",
                WebFirewallProps.builder()
                        .rateLimit(stage.wafRequestsPer5Minutes())
                        .authRateLimit(stage.wafAuthRequestsPer5Minutes())
                        .authPathPrefix(RoutePolicy.API_PATH_PREFIX + "auth/")
                        // Notes and recipes outgrow the common rule set's 8 KB: the API takes what it accepts.
                        .largeBodyPathPrefix(RoutePolicy.API_PATH_PREFIX)
                        .largeBodyMaxBytes(RoutePolicy.MAX_BODY_BYTES)
                        .logRetention(stage.logRetention())
                        .logEncryptionKey(stageKey)
                        .build());
        CrossStackReferences.of(created.getWebAcl()).produce(ReferenceStrength.WEAK);
        return created;
    }

    /**
     * The stage's key in us-east-1: the data stack's when it lives there, else this stack's own;
     * null without a web firewall.
     */
    public IKey stageKey() {
        return stageKey;
    }

    /** The web firewall, or null when the stage runs without one. */
    public WebFirewall firewall() {
        return firewall;
    }

    /** The certificate of the stage's custom domain, or null without one. */
    public ICertificate certificate() {
        return certificate;
    }
}
