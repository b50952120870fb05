package dev.cairn.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.constructs.Compliance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The auditors' report: per stack and cdk-nag pack the rule counts, every suppression with its
 * resource, rule, {@code appliesTo} and reason, and the security properties each stage
 * guarantees, read from the synthesized templates themselves. Written as Markdown and HTML beside
 * the raw cdk-nag CSV and JSON reports.
 */
final class ComplianceReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Rule counts of one stack under one pack. */
    record Counts(String stack, String pack, int compliant, int suppressed, int nonCompliant) {}

    /** One suppression as the template records it. */
    record Suppression(String stack, String resource, String rule, String appliesTo, String reason) {}

    /** One unsuppressed finding. */
    record Finding(String stack, String pack, String rule, String resource, String level, String info) {}

    /**
     * One account control: deployed by Cairn's account stack, declared provided by the
     * organization, or neither, with the evidence read from the account stack's template.
     */
    record AccountControl(String name, String status, boolean holds, String evidence) {}

    /** Whether a stage guarantees a property, with the evidence. */
    record Property(String name, boolean holds, String evidence) {}

    private final List<Counts> counts = new ArrayList<>();
    private final List<Suppression> suppressions = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, List<Property>> properties = new LinkedHashMap<>();
    private final List<Path> rawReports = new ArrayList<>();
    private final List<AccountControl> accountControls = new ArrayList<>();

    private ComplianceReport() {}

    static ComplianceReport read(List<SynthAll.Synthesized> synthesized) throws IOException {
        return read(synthesized, null);
    }

    /** As {@link #read(List)}, with the account baseline's stack too (null: none). */
    static ComplianceReport read(List<SynthAll.Synthesized> synthesized, SynthAll.AccountSynthesized account)
            throws IOException {
        ComplianceReport report = new ComplianceReport();
        if (account != null) {
            JsonNode template = report.readStack(account.outdir(), account.stackName());
            report.accountControls.addAll(AccountControls.of(template));
        }
        Map<String, List<JsonNode>> templatesByStage = new TreeMap<>();
        for (SynthAll.Synthesized pair : synthesized) {
            for (String stack : pair.stackNames()) {
                JsonNode template = report.readStack(pair.outdir(), stack);
                templatesByStage
                        .computeIfAbsent(pair.stage().name(), k -> new ArrayList<>())
                        .add(template);
            }
        }
        templatesByStage.forEach((stage, templates) -> report.properties.put(stage, StageProperties.of(templates)));
        return report;
    }

    /** Reads one stack's cdk-nag reports and suppressions; returns its template. */
    private JsonNode readStack(Path outdir, String stack) throws IOException {
        for (String prefix : Compliance.PACK_PREFIXES) {
            String pack = prefix.replaceAll("-$", "");
            Path csv = outdir.resolve(pack + "-" + stack + "-NagReport.csv");
            readCsv(stack, pack, csv);
            rawReports.add(csv);
            rawReports.add(outdir.resolve(pack + "-" + stack + "-NagReport.json"));
        }
        JsonNode template =
                JSON.readTree(outdir.resolve(stack + ".template.json").toFile());
        readSuppressions(stack, template);
        return template;
    }

    int unsuppressed() {
        return findings.size();
    }

    private void readCsv(String stack, String pack, Path csv) throws IOException {
        int compliant = 0;
        int suppressed = 0;
        int nonCompliant = 0;
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = csvCells(line);
            switch (cells.get(2)) {
                case "Compliant" -> compliant++;
                case "Suppressed" -> suppressed++;
                case "Non-Compliant" -> {
                    nonCompliant++;
                    findings.add(new Finding(stack, pack, cells.get(0), cells.get(1), cells.get(4), cells.get(5)));
                }
                default -> {}
            }
        }
        counts.add(new Counts(stack, pack, compliant, suppressed, nonCompliant));
    }

    private void readSuppressions(String stack, JsonNode template) {
        Iterator<Map.Entry<String, JsonNode>> resources =
                template.path("Resources").fields();
        while (resources.hasNext()) {
            Map.Entry<String, JsonNode> resource = resources.next();
            JsonNode metadata = resource.getValue().path("Metadata");
            String path = metadata.path("aws:cdk:path").asText(resource.getKey());
            for (JsonNode rule : metadata.path("cdk_nag").path("rules_to_suppress")) {
                List<String> appliesTo = new ArrayList<>();
                for (JsonNode target : rule.path("applies_to")) {
                    appliesTo.add(
                            target.isTextual()
                                    ? target.asText()
                                    : target.path("regex").asText());
                }
                suppressions.add(new Suppression(
                        stack,
                        path,
                        rule.path("id").asText(),
                        String.join(", ", appliesTo),
                        rule.path("reason").asText()));
            }
        }
    }

    void write(Path out) throws IOException {
        Files.createDirectories(out.resolve("raw"));
        for (Path raw : rawReports) {
            Files.copy(raw, out.resolve("raw").resolve(raw.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(out.resolve("report.md"), markdown());
        Files.writeString(out.resolve("report.html"), html());
    }

    /** Suppressions that read the same in every stack, with the stacks they appear in. */
    private Map<List<String>, TreeSet<String>> groupedSuppressions() {
        Map<List<String>, TreeSet<String>> grouped =
                new TreeMap<>((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
        for (Suppression s : suppressions) {
            String resource = s.resource().substring(s.resource().indexOf('/') + 1);
            grouped.computeIfAbsent(List.of(s.rule(), resource, s.appliesTo(), s.reason()), k -> new TreeSet<>())
                    .add(s.stack());
        }
        return grouped;
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Cairn compliance report\n\n")
                .append("Generated ")
                .append(Instant.now())
                .append(" by `scripts/compliance-report` from a synthesis of every ")
                .append(
                        "blueprint in every stage, and of the account baseline, with five cdk-nag rule packs (AWS Solutions, HIPAA Security, NIST 800-53 ")
                .append(
                        "rev 5, PCI DSS 3.2.1, Serverless). Raw cdk-nag reports (CSV and JSON, one per stack and pack) are in `raw/`.\n\n");
        md.append(
                findings.isEmpty()
                        ? "**Result: no unsuppressed findings.**\n\n"
                        : "**Result: " + findings.size() + " unsuppressed findings** (listed below).\n\n");
        if (!accountControls.isEmpty()) {
            md.append("## Account controls\n\n")
                    .append("What the account baseline (`Cairn-account`, deployed once per account) runs, and what ")
                    .append("its configuration declares the organization provides instead, read from its template.\n\n")
                    .append("| control | status | holds | evidence |\n|---|---|---|---|\n");
            for (AccountControl c : accountControls) {
                md.append("| ")
                        .append(c.name())
                        .append(" | ")
                        .append(c.status())
                        .append(" | ")
                        .append(c.holds() ? "yes" : "**no**")
                        .append(" | ")
                        .append(escape(c.evidence()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Security properties by stage\n\n");
        properties.forEach((stage, list) -> {
            md.append("### ").append(stage).append("\n\n| property | holds | evidence |\n|---|---|---|\n");
            for (Property p : list) {
                md.append("| ")
                        .append(p.name())
                        .append(" | ")
                        .append(p.holds() ? "yes" : "**no**")
                        .append(" | ")
                        .append(escape(p.evidence()))
                        .append(" |\n");
            }
            md.append('\n');
        });
        md.append("## Cost-driven stage choices and their compliance consequences\n\n")
                .append("What each stage pays for is decided in StageConfig; the cost report (`scripts/cost`,")
                .append(" docs/cost.md) prices each choice. Where a choice turns a control off, the rules it")
                .append(" would fail are suppressed with the reason below, generated from the stage config.\n\n")
                .append("| stage | choice | setting | compliance consequence |\n|---|---|---|---|\n");
        for (List<String> row : costChoices()) {
            md.append("| ")
                    .append(row.get(0))
                    .append(" | ")
                    .append(row.get(1))
                    .append(" | ")
                    .append(escape(row.get(2)))
                    .append(" | ")
                    .append(escape(row.get(3)))
                    .append(" |\n");
        }
        md.append('\n');
        md.append(
                "## Rule counts per stack and pack\n\n| stack | pack | compliant | suppressed | non-compliant |\n|---|---|---:|---:|---:|\n");
        for (Counts c : counts) {
            md.append("| ")
                    .append(c.stack())
                    .append(" | ")
                    .append(c.pack())
                    .append(" | ")
                    .append(c.compliant())
                    .append(" | ")
                    .append(c.suppressed())
                    .append(" | ")
                    .append(c.nonCompliant())
                    .append(" |\n");
        }
        if (!findings.isEmpty()) {
            md.append(
                    "\n## Unsuppressed findings\n\n| stack | pack | rule | resource | level | rule info |\n|---|---|---|---|---|---|\n");
            for (Finding f : findings) {
                md.append("| ")
                        .append(f.stack())
                        .append(" | ")
                        .append(f.pack())
                        .append(" | ")
                        .append(f.rule())
                        .append(" | ")
                        .append(f.resource())
                        .append(" | ")
                        .append(f.level())
                        .append(" | ")
                        .append(escape(f.info()))
                        .append(" |\n");
            }
        }
        md.append("\n## Suppressions\n\nEvery suppression, with the reason recorded in the template. Identical ")
                .append(
                        "suppressions are listed once with the stacks they appear in (resource paths are relative to the stack).\n\n")
                .append("| rule | resource | applies to | reason | stacks |\n|---|---|---|---|---|\n");
        groupedSuppressions().forEach((key, stacks) -> md.append("| ")
                .append(key.get(0))
                .append(" | ")
                .append(escape(key.get(1)))
                .append(" | ")
                .append(escape(key.get(2)))
                .append(" | ")
                .append(escape(key.get(3)))
                .append(" | ")
                .append(
                        stacks.size()
                                        == counts.stream()
                                                .map(Counts::stack)
                                                .distinct()
                                                .count()
                                ? "all"
                                : String.join(", ", stacks))
                .append(" |\n"));
        return md.toString();
    }

    private String html() {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Cairn compliance report</title><style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem;}"
                + "table{border-collapse:collapse;margin:1rem 0;}td,th{border:1px solid #ccd;padding:4px 8px;vertical-align:top;}"
                + "th{background:#eef2f6;text-align:left}.no{color:#b42318;font-weight:600}</style></head><body>");
        html.append("<h1>Cairn compliance report</h1><p>Generated ")
                .append(Instant.now())
                .append(
                        " from every blueprint in every stage under five cdk-nag packs. Raw reports: <code>raw/</code>.</p>");
        html.append(
                findings.isEmpty()
                        ? "<p><strong>Result: no unsuppressed findings.</strong></p>"
                        : "<p class=\"no\">Result: " + findings.size() + " unsuppressed findings.</p>");
        if (!accountControls.isEmpty()) {
            html.append("<h2>Account controls</h2><p>What the account baseline (<code>Cairn-account</code>) runs,"
                    + " and what its configuration declares the organization provides instead, read from its"
                    + " template.</p><table><tr><th>control</th><th>status</th><th>holds</th><th>evidence</th></tr>");
            for (AccountControl c : accountControls) {
                html.append("<tr><td>")
                        .append(text(c.name()))
                        .append("</td><td>")
                        .append(text(c.status()))
                        .append("</td><td")
                        .append(c.holds() ? ">yes" : " class=\"no\">no")
                        .append("</td><td>")
                        .append(text(c.evidence()))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<h2>Security properties by stage</h2>");
        properties.forEach((stage, list) -> {
            html.append("<h3>")
                    .append(text(stage))
                    .append("</h3><table><tr><th>property</th><th>holds</th><th>evidence</th></tr>");
            for (Property p : list) {
                html.append("<tr><td>")
                        .append(text(p.name()))
                        .append("</td><td")
                        .append(p.holds() ? ">yes" : " class=\"no\">no")
                        .append("</td><td>")
                        .append(text(p.evidence()))
                        .append("</td></tr>");
            }
            html.append("</table>");
        });
        html.append("<h2>Cost-driven stage choices and their compliance consequences</h2><p>What each stage pays")
                .append(" for is decided in StageConfig; the cost report (<code>scripts/cost</code>, docs/cost.md)")
                .append(" prices each choice.</p><table><tr><th>stage</th><th>choice</th><th>setting</th>")
                .append("<th>compliance consequence</th></tr>");
        for (List<String> row : costChoices()) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(text(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
        html.append("<h2>Rule counts per stack and pack</h2><table><tr><th>stack</th><th>pack</th><th>compliant</th>"
                + "<th>suppressed</th><th>non-compliant</th></tr>");
        for (Counts c : counts) {
            html.append("<tr><td>")
                    .append(text(c.stack()))
                    .append("</td><td>")
                    .append(text(c.pack()))
                    .append("</td><td>")
                    .append(c.compliant())
                    .append("</td><td>")
                    .append(c.suppressed())
                    .append("</td><td")
                    .append(c.nonCompliant() > 0 ? " class=\"no\">" : ">")
                    .append(c.nonCompliant())
                    .append("</td></tr>");
        }
        html.append("</table>");
        if (!findings.isEmpty()) {
            html.append(
                    "<h2>Unsuppressed findings</h2><table><tr><th>stack</th><th>pack</th><th>rule</th><th>resource</th><th>info</th></tr>");
            for (Finding f : findings) {
                html.append("<tr><td>")
                        .append(text(f.stack()))
                        .append("</td><td>")
                        .append(text(f.pack()))
                        .append("</td><td>")
                        .append(text(f.rule()))
                        .append("</td><td>")
                        .append(text(f.resource()))
                        .append("</td><td>")
                        .append(text(f.info()))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append(
                "<h2>Suppressions</h2><table><tr><th>rule</th><th>resource</th><th>applies to</th><th>reason</th><th>stacks</th></tr>");
        long stackCount = counts.stream().map(Counts::stack).distinct().count();
        groupedSuppressions().forEach((key, stacks) -> html.append("<tr><td>")
                .append(text(key.get(0)))
                .append("</td><td>")
                .append(text(key.get(1)))
                .append("</td><td>")
                .append(text(key.get(2)))
                .append("</td><td>")
                .append(text(key.get(3)))
                .append("</td><td>")
                .append(stacks.size() == stackCount ? "all" : text(String.join(", ", stacks)))
                .append("</td></tr>"));
        return html.append("</table></body></html>\n").toString();
    }

    /**
     * Each stage's cost-driven choices (stage, choice, setting, compliance consequence), from
     * {@link StageConfig}: the same texts the suppressions carry.
     */
    static List<List<String>> costChoices() {
        List<List<String>> rows = new ArrayList<>();
        for (StageConfig stage : StageConfig.STAGES_IN_ORDER) {
            StageConfig.Spending spending = stage.spending();
            String name = stage.name();
            rows.add(List.of(
                    name,
                    "KMS keys",
                    "one customer managed key per region for tables, media, logs, secrets and alarm topics",
                    "The HIPAA, NIST and PCI rules asking for customer managed keys and key rotation hold; SQS"
                            + " queues (message ids only) keep SQS-managed encryption, which the packs accept."));
            rows.add(List.of(
                    name,
                    "web firewall",
                    spending.webFirewall() ? "on (managed rules, rate limits, logged)" : "off",
                    spending.webFirewall()
                            ? "WAF logging rules hold; the distribution has the web ACL."
                            : "AwsSolutions-CFR2 suppressed: " + StageConfig.NO_WEB_FIREWALL));
            rows.add(List.of(
                    name,
                    "Cognito feature plan",
                    spending.userPoolPlan().name(),
                    spending.userPoolPlan().name().equals("PLUS")
                            ? "Threat protection enforced (AwsSolutions-COG3 holds)."
                            : "AwsSolutions-COG3 suppressed: " + StageConfig.ESSENTIALS_PLAN));
            rows.add(List.of(
                    name,
                    "AWS Backup",
                    spending.awsBackup() ? "monthly copies kept a year, beside 35-day PITR" : "off: 35-day PITR only",
                    spending.awsBackup()
                            ? "DynamoDBInBackupPlan (HIPAA, NIST) holds. Recovery point: about 5 minutes within 35 days"
                                    + " (PITR), one month up to a year (backups); recovery time: a restore into a new"
                                    + " table, under an hour for small tables."
                            : "DynamoDBInBackupPlan (HIPAA, NIST) suppressed: " + StageConfig.PITR_ONLY));
            rows.add(List.of(
                    name,
                    "alarms and dashboard",
                    (spending.alarms() ? "alarms on" : "no alarms") + ", "
                            + (spending.dashboard() ? "a dashboard" : "no dashboard"),
                    spending.alarms()
                            ? "Every alarm notifies the KMS-encrypted topic (CloudWatchAlarmAction holds)."
                            : "No rule asks for alarms; metrics and logs are still recorded, and nobody is"
                                    + " subscribed in this stage to act on an alarm. The budget stays."));
            rows.add(List.of(
                    name,
                    "log retention",
                    stage.logRetention().toString(),
                    "Every log group has a retention and a customer managed key (CloudWatchLogGroupRetentionPeriod"
                            + " and CloudWatchLogGroupEncrypted hold)."));
        }
        return rows;
    }

    private static String escape(String markdown) {
        return markdown.replace("|", "\\|").replace("\n", " ");
    }

    private static String text(String html) {
        return html.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** cdk-nag's CSV: every cell quoted, quotes doubled inside. */
    static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The properties a stage guarantees, checked on every resource of every template of the stage. */
    static final class StageProperties {
        private StageProperties() {}

        static List<Property> of(List<JsonNode> templates) {
            List<JsonNode> tables = resources(templates, "AWS::DynamoDB::Table");
            List<JsonNode> buckets = resources(templates, "AWS::S3::Bucket");
            List<JsonNode> logs = resources(templates, "AWS::Logs::LogGroup");
            List<JsonNode> policies = resources(templates, "AWS::IAM::Policy");
            List<JsonNode> bucketPolicies = resources(templates, "AWS::S3::BucketPolicy");
            List<Property> list = new ArrayList<>();
            list.add(all(
                    "Encryption at rest: DynamoDB",
                    tables,
                    t -> t.path("Properties")
                            .path("SSESpecification")
                            .path("SSEEnabled")
                            .asBoolean(),
                    "SSESpecification.SSEEnabled (KMS) on every table"));
            list.add(all(
                    "Encryption at rest: S3",
                    buckets,
                    b -> b.path("Properties").has("BucketEncryption"),
                    "BucketEncryption on every bucket"));
            list.add(all(
                    "Encryption at rest: logs",
                    logs,
                    l -> l.path("Properties").has("KmsKeyId"),
                    "KmsKeyId on every log group"));
            list.add(all(
                    "Encryption in transit: S3 refuses plain HTTP",
                    bucketPolicies,
                    p -> p.toString().contains("aws:SecureTransport"),
                    "every bucket policy denies aws:SecureTransport=false"));
            list.add(all(
                    "Point-in-time recovery",
                    tables,
                    t -> t.path("Properties")
                            .path("PointInTimeRecoverySpecification")
                            .path("PointInTimeRecoveryEnabled")
                            .asBoolean(),
                    "PITR on every table"));
            list.add(all(
                    "Versioning",
                    buckets,
                    b -> "Enabled"
                            .equals(b.path("Properties")
                                    .path("VersioningConfiguration")
                                    .path("Status")
                                    .asText()),
                    "versioning on every bucket"));
            list.add(all(
                    "Public access blocked",
                    buckets,
                    b -> {
                        JsonNode block = b.path("Properties").path("PublicAccessBlockConfiguration");
                        return block.path("BlockPublicAcls").asBoolean()
                                && block.path("BlockPublicPolicy").asBoolean()
                                && block.path("IgnorePublicAcls").asBoolean()
                                && block.path("RestrictPublicBuckets").asBoolean();
                    },
                    "all four public access blocks on every bucket"));
            list.add(all(
                    "Least privilege: no Action \"*\", no Scan on a request path",
                    policies,
                    p -> !p.toString().contains("\"Action\":\"*\"")
                            && (!p.toString().contains("dynamodb:Scan")
                                    || p.path("Properties")
                                            .path("PolicyName")
                                            .asText()
                                            .startsWith("SearchReindex")),
                    "no IAM policy allows every action; only the search reindex may Scan"));
            searchProperties(templates, list);
            list.add(all(
                    "Data retained when its stack is deleted",
                    tables,
                    t -> "Retain".equals(t.path("DeletionPolicy").asText()),
                    "DeletionPolicy Retain on every table"));
            TreeSet<Integer> retention = new TreeSet<>();
            logs.forEach(l ->
                    retention.add(l.path("Properties").path("RetentionInDays").asInt(-1)));
            list.add(new Property(
                    "Log retention", !retention.contains(-1), "RetentionInDays of the log groups: " + retention));
            List<JsonNode> distributions = resources(templates, "AWS::CloudFront::Distribution");
            long guarded = distributions.stream()
                    .filter(d -> d.path("Properties").path("DistributionConfig").has("WebACLId"))
                    .count();
            boolean acl = !resources(templates, "AWS::WAFv2::WebACL").isEmpty();
            list.add(new Property(
                    "Web application firewall",
                    acl && guarded == distributions.size(),
                    acl
                            ? "a WAFv2 web ACL (CLOUDFRONT scope, edge stack) on every distribution (" + guarded
                                    + " of " + distributions.size() + ")"
                            : "no WAFv2 web ACL in these stacks"));
            TreeSet<String> subscribed = new TreeSet<>();
            resources(templates, "AWS::SNS::Subscription").stream()
                    .filter(r ->
                            "email".equals(r.path("Properties").path("Protocol").asText()))
                    .forEach(r ->
                            subscribed.add(r.path("Properties").path("Endpoint").asText()));
            list.add(new Property(
                    "Alarm notifications",
                    !subscribed.isEmpty(),
                    subscribed.isEmpty()
                            ? "no e-mail subscription: alarms and budget alerts reach nobody"
                            : "e-mail subscriptions of the alarm topics: " + String.join(", ", subscribed)));
            List<JsonNode> pools = resources(templates, "AWS::Cognito::UserPool");
            TreeSet<String> senders = new TreeSet<>();
            pools.forEach(pool -> {
                JsonNode email = pool.path("Properties").path("EmailConfiguration");
                if ("DEVELOPER".equals(email.path("EmailSendingAccount").asText())) {
                    senders.add(email.path("From").asText());
                }
            });
            list.add(all(
                    "Sign-up and reset codes through Amazon SES",
                    pools,
                    pool -> "DEVELOPER"
                            .equals(pool.path("Properties")
                                    .path("EmailConfiguration")
                                    .path("EmailSendingAccount")
                                    .asText()),
                    "user pools sending from a verified SES identity " + senders));
            return list;
        }

        /** What the search engines guarantee, where a blueprint of the stage declares search. */
        private static void searchProperties(List<JsonNode> templates, List<Property> list) {
            List<JsonNode> domains = resources(templates, "AWS::OpenSearchService::Domain");
            if (!domains.isEmpty()) {
                list.add(all(
                        "Encryption at rest: search domains",
                        domains,
                        d -> d.path("Properties")
                                        .path("EncryptionAtRestOptions")
                                        .path("Enabled")
                                        .asBoolean()
                                && d.path("Properties")
                                        .path("EncryptionAtRestOptions")
                                        .has("KmsKeyId"),
                        "EncryptionAtRestOptions with a customer managed key on every domain"));
                list.add(all(
                        "Encryption in transit: search domains",
                        domains,
                        d -> d.path("Properties")
                                        .path("NodeToNodeEncryptionOptions")
                                        .path("Enabled")
                                        .asBoolean()
                                && d.path("Properties")
                                        .path("DomainEndpointOptions")
                                        .path("EnforceHTTPS")
                                        .asBoolean()
                                && d.path("Properties")
                                        .path("DomainEndpointOptions")
                                        .path("TLSSecurityPolicy")
                                        .asText()
                                        .startsWith("Policy-Min-TLS-1-2"),
                        "node-to-node encryption, HTTPS only, TLS 1.2 or later on every domain"));
                list.add(all(
                        "Search access through IAM only",
                        domains,
                        d -> d.path("Properties")
                                        .path("AdvancedSecurityOptions")
                                        .path("Enabled")
                                        .asBoolean()
                                && !d.path("Properties")
                                        .path("AdvancedSecurityOptions")
                                        .path("InternalUserDatabaseEnabled")
                                        .asBoolean()
                                && !d.path("Properties")
                                        .path("AccessPolicies")
                                        .toString()
                                        .contains("\"AWS\":\"*\""),
                        "fine-grained access control with IAM, no internal users, no \"*\" principal"));
            }
            List<JsonNode> encryptionPolicies =
                    resources(templates, "AWS::OpenSearchServerless::SecurityPolicy").stream()
                            .filter(p -> "encryption"
                                    .equals(p.path("Properties").path("Type").asText()))
                            .toList();
            if (!encryptionPolicies.isEmpty()) {
                list.add(all(
                        "Encryption at rest: search collections",
                        encryptionPolicies,
                        p -> p.path("Properties").path("Policy").toString().contains("KmsARN"),
                        "a customer managed key in every collection's encryption policy"));
            }
        }

        private static Property all(String name, List<JsonNode> resources, Predicate<JsonNode> test, String evidence) {
            long failing = resources.stream().filter(test.negate()).count();
            return new Property(
                    name,
                    failing == 0 && !resources.isEmpty(),
                    evidence + " (" + (resources.size() - failing) + " of " + resources.size() + ")");
        }

        private static List<JsonNode> resources(List<JsonNode> templates, String type) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode template : templates) {
                template.path("Resources").forEach(r -> {
                    if (type.equals(r.path("Type").asText())) {
                        found.add(r);
                    }
                });
            }
            return found;
        }
    }

    /** The account controls, read from the account stack's template and its metadata. */
    static final class AccountControls {
        static final String DEPLOYED = "deployed by Cairn";
        static final String PROVIDED = "provided by the organization (declared)";
        static final String MISSING = "not deployed";

        private AccountControls() {}

        static List<AccountControl> of(JsonNode template) {
            JsonNode declared = template.path("Metadata").path(AccountStack.METADATA_KEY);
            List<AccountControl> list = new ArrayList<>();
            for (AccountConfig.Control control : AccountConfig.Control.values()) {
                if (contains(declared.path("providedByOrganization"), control.key())) {
                    list.add(new AccountControl(
                            control.title(),
                            PROVIDED,
                            true,
                            "declared with organizationProvides=" + control.key()
                                    + "; nothing of it is in this template: the organization's own evidence applies"));
                } else if (contains(declared.path("deployed"), control.key())) {
                    list.add(deployed(control, template));
                } else {
                    list.add(new AccountControl(
                            control.title(),
                            MISSING,
                            false,
                            declared.path("notDeployed")
                                    .path(control.key())
                                    .asText("neither deployed nor declared provided")));
                }
            }
            return list;
        }

        private static AccountControl deployed(AccountConfig.Control control, JsonNode template) {
            return switch (control) {
                case CLOUDTRAIL -> trail(template);
                case GUARDDUTY -> guardDuty(template);
                case CONFIG -> config(template);
                case COST_ANOMALY -> anomalies(template);
            };
        }

        private static AccountControl trail(JsonNode template) {
            JsonNode trail = first(template, "AWS::CloudTrail::Trail").path("Properties");
            boolean multiRegion = trail.path("IsMultiRegionTrail").asBoolean();
            boolean validation = trail.path("EnableLogFileValidation").asBoolean();
            boolean kms = trail.has("KMSKeyId");
            boolean logs = trail.has("CloudWatchLogsLogGroupArn");
            int dataResources = 0;
            for (JsonNode selector : trail.path("EventSelectors")) {
                for (JsonNode resource : selector.path("DataResources")) {
                    dataResources += resource.path("Values").size();
                }
            }
            TreeSet<String> parameters = new TreeSet<>();
            template.path("Parameters").forEach(p -> {
                if (p.path("Type").asText().startsWith("AWS::SSM::Parameter::Value")
                        && p.path("Default").asText().contains("/audited-buckets/")) {
                    parameters.add(p.path("Default").asText());
                }
            });
            String lock = "no Object Lock";
            for (JsonNode bucket : resources(template, "AWS::S3::Bucket")) {
                JsonNode retention = bucket.path("Properties")
                        .path("ObjectLockConfiguration")
                        .path("Rule")
                        .path("DefaultRetention");
                if (!retention.isMissingNode()) {
                    lock = "Object Lock " + retention.path("Mode").asText() + " "
                            + retention.path("Days").asInt() + " days";
                }
            }
            long filters = resources(template, "AWS::Logs::MetricFilter").stream()
                    // A pattern naming a bucket from a parameter is an Fn::Join, not a string.
                    .filter(f -> f.path("Properties")
                            .path("FilterPattern")
                            .toString()
                            .contains("AccessDenied"))
                    .count();
            long alarms = resources(template, "AWS::CloudWatch::Alarm").stream()
                    .filter(a ->
                            a.path("Properties").path("MetricName").asText().equals("S3AccessDenied")
                                    && a.path("Properties").path("AlarmActions").size() > 0)
                    .count();
            boolean holds = multiRegion
                    && validation
                    && kms
                    && logs
                    && (dataResources == 0 || (alarms > 0 && filters >= dataResources));
            return new AccountControl(
                    AccountConfig.Control.CLOUDTRAIL.title(),
                    DEPLOYED,
                    holds,
                    "multi-region " + yes(multiRegion) + ", log file validation " + yes(validation)
                            + ", KMS encryption " + yes(kms) + ", CloudWatch Logs delivery " + yes(logs)
                            + "; log bucket: " + lock + "; S3 data events on " + dataResources
                            + " buckets (names from " + parameters.size() + " SSM parameters: "
                            + String.join(", ", parameters) + "); " + filters
                            + " AccessDenied metric filters, " + alarms + " alarm with actions");
        }

        private static AccountControl guardDuty(JsonNode template) {
            JsonNode detector = first(template, "AWS::GuardDuty::Detector").path("Properties");
            String s3 = "DISABLED";
            for (JsonNode feature : detector.path("Features")) {
                if ("S3_DATA_EVENTS".equals(feature.path("Name").asText())) {
                    s3 = feature.path("Status").asText();
                }
            }
            boolean enabled = detector.path("Enable").asBoolean();
            return new AccountControl(
                    AccountConfig.Control.GUARDDUTY.title(),
                    DEPLOYED,
                    enabled && "ENABLED".equals(s3),
                    "detector enabled " + yes(enabled) + ", S3 Protection (S3_DATA_EVENTS) " + s3
                            + ", findings updated every "
                            + detector.path("FindingPublishingFrequency").asText());
        }

        private static AccountControl config(JsonNode template) {
            JsonNode group = first(template, "AWS::Config::ConfigurationRecorder")
                    .path("Properties")
                    .path("RecordingGroup");
            JsonNode channel = first(template, "AWS::Config::DeliveryChannel").path("Properties");
            List<String> rules = new ArrayList<>();
            resources(template, "AWS::Config::ConfigRule")
                    .forEach(r -> rules.add(r.path("Properties")
                            .path("Source")
                            .path("SourceIdentifier")
                            .asText()));
            boolean all = group.path("AllSupported").asBoolean();
            boolean delivers = channel.has("S3BucketName");
            return new AccountControl(
                    AccountConfig.Control.CONFIG.title(),
                    DEPLOYED,
                    all && delivers && !rules.isEmpty(),
                    "recorder of all supported types " + yes(all) + " (global types "
                            + yes(group.path("IncludeGlobalResourceTypes").asBoolean()) + "), delivery channel to a"
                            + " bucket " + yes(delivers) + " (KMS " + yes(channel.has("S3KmsKeyArn")) + "); "
                            + rules.size() + " managed rules: " + String.join(", ", rules));
        }

        private static AccountControl anomalies(JsonNode template) {
            JsonNode subscription =
                    first(template, "AWS::CE::AnomalySubscription").path("Properties");
            JsonNode monitor = first(template, "AWS::CE::AnomalyMonitor").path("Properties");
            List<String> emails = new ArrayList<>();
            subscription
                    .path("Subscribers")
                    .forEach(s -> emails.add(s.path("Address").asText()));
            String threshold = "";
            try {
                JsonNode expression =
                        JSON.readTree(subscription.path("ThresholdExpression").asText("{}"));
                threshold = expression.path("Dimensions").path("Values").path(0).asText();
            } catch (IOException e) {
                threshold = "?";
            }
            return new AccountControl(
                    AccountConfig.Control.COST_ANOMALY.title(),
                    DEPLOYED,
                    !emails.isEmpty(),
                    (monitor.isMissingNode()
                                    ? "an existing monitor"
                                    : "a " + monitor.path("MonitorType").asText() + " monitor by "
                                            + monitor.path("MonitorDimension").asText())
                            + "; " + subscription.path("Frequency").asText() + " mail of anomalies of at least USD "
                            + threshold + " to " + String.join(", ", emails));
        }

        private static String yes(boolean value) {
            return value ? "yes" : "NO";
        }

        private static boolean contains(JsonNode array, String value) {
            for (JsonNode item : array) {
                if (value.equals(item.asText())) {
                    return true;
                }
            }
            return false;
        }

        private static JsonNode first(JsonNode template, String type) {
            List<JsonNode> found = resources(template, type);
            return found.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : found.getFirst();
        }

        private static List<JsonNode> resources(JsonNode template, String type) {
            return StageProperties.resources(List.of(template), type);
        }
    }
}
