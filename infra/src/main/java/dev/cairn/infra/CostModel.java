package dev.cairn.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates what one blueprint's stage costs a month: the fixed floor counted from its synthesized
 * templates (keys, web ACL and rules, secrets, alarm metrics, dashboards, custom metrics), and the
 * usage a {@link Traffic} model brings (requests, storage, transfer, monthly active users), priced
 * from {@code cost/prices.json} (one file: region, date and pricing page of every price).
 *
 * <p>Free tiers are kept apart from prices: each line carries its gross cost and the free tier
 * that would cover part of it. Only "always" free tiers are deducted in the net total, and they are
 * per account, so the net assumes each stage in an account of its own; 12-month free tiers are
 * shown and never deducted.
 */
public final class CostModel {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Hours in an average month (365 × 24 / 12). */
    static final double HOURS_PER_MONTH = 730;
    /** Days in an average month. */
    static final double DAYS_PER_MONTH = 30.4;
    /** What one API request takes on average on a warm SnapStart function. */
    static final double API_MILLIS_PER_REQUEST = 150;
    /** What the media processor takes for one original and its variants. */
    static final double PROCESSOR_SECONDS_PER_IMAGE = 4;
    /** Function logs and the API's access log line, per request. */
    static final double LOG_KB_PER_REQUEST = 1.5;
    /** A JSON response of the API, through the CDN. */
    static final double API_RESPONSE_KB = 2;
    /** The average object the CDN serves from media and site. */
    static final double DOWNLOAD_OBJECT_MB = 0.2;
    /** Data keys DynamoDB asks KMS for, per table, in a month (about one each 5 minutes). */
    static final double KMS_REQUESTS_PER_TABLE = 8_760;
    /** Variants the media processor writes beside each original. */
    static final int VARIANTS_PER_IMAGE = 3;
    /** X-Ray's default sampling: the first request each second, then 5 % of the rest. */
    static final double XRAY_RESERVOIR_PER_MONTH = DAYS_PER_MONTH * 86_400;

    /** What the report does not count, in the order it lists them. */
    public static final List<String> NOT_COUNTED = List.of(
            "Taxes, support plans, Savings Plans and credits.",
            "CloudFront's origin fetches (free from S3 and API Gateway origins) and transfer between AWS services"
                    + " in one region (free); nothing in the templates crosses regions at run time.",
            "DynamoDB writes to global secondary indexes (each index write is one more write request unit),"
                    + " transactions (twice the units) and strongly consistent reads.",
            "S3 noncurrent versions of overwritten or deleted objects, the access-log buckets' storage, and the"
                    + " savings of Intelligent-Tiering's infrequent and archive tiers after 30 and 90 days (all media is"
                    + " priced at the frequent tier).",
            "SNS deliveries of alarm e-mails, EventBridge rule deliveries of S3 events (AWS service events are free)"
                    + " and CodeDeploy deployments of Lambda (free).",
            "The CDK bootstrap stack (its asset bucket and repository), CloudFormation, ACM certificates (free),"
                    + " Route 53 hosted zones and queries (not in the templates), AWS Shield Standard (free).",
            "Cost Anomaly Detection (free): it is account-level, from the account stack, not from a stage.",
            "Budget actions and budget reports (the stages' budgets only alert).",
            "WebSocket messages and connection minutes, and OpenSearch Serverless collections (no stage uses one"
                    + " yet; the OCU price is in prices.json).");

    /**
     * The price key of each OpenSearch instance type the stages use; a template with another type
     * fails the estimate rather than leave its nodes out.
     */
    static final java.util.Map<String, String> OPENSEARCH_INSTANCE_PRICES = java.util.Map.of(
            "t3.small.search", "opensearch.instanceHour",
            "m7g.large.search", "opensearch.m7gLargeInstanceHour");

    private final JsonNode prices;
    private final JsonNode traffic;

    CostModel(JsonNode prices, JsonNode traffic) {
        this.prices = prices;
        this.traffic = traffic;
    }

    /** The prices and traffic models committed under {@code infra/src/main/resources/cost/}. */
    public static CostModel load() {
        return new CostModel(resource("cost/prices.json"), resource("cost/traffic.json"));
    }

    /** The committed prices with a traffic model from {@code trafficFile} (same shape as traffic.json). */
    public static CostModel load(Path trafficFile) {
        try {
            return new CostModel(resource("cost/prices.json"), JSON.readTree(Files.readString(trafficFile)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the traffic model " + trafficFile, e);
        }
    }

    static JsonNode resource(String name) {
        try (InputStream in = CostModel.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + name + " is missing from the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String priceRegion() {
        return prices.path("region").asText();
    }

    public String priceDate() {
        return prices.path("date").asText();
    }

    /** Every price: its id, USD, what it is per and its pricing page. */
    public JsonNode prices() {
        return prices.path("prices");
    }

    /** The share of a blueprint's reference traffic a stage carries (dev and staging: test traffic). */
    public double stageShare(String stage) {
        return traffic.path("stageShare").path(stage).asDouble(1.0);
    }

    /** A blueprint's traffic model at its reference size. */
    public Traffic traffic(String blueprint) {
        JsonNode node = traffic.path("blueprints").path(blueprint);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("The traffic model has no blueprint " + blueprint);
        }
        return Traffic.of(node);
    }

    /**
     * A blueprint's traffic: monthly active users, requests per user a day by route share, what each
     * user stores, media shared by all users, downloads and search queries.
     *
     * @param source where the figures come from (a seed, or an assumption said as such)
     * @param monthlyActiveUsers users signing in at least once a month
     * @param requestsPerUserPerDay API requests per user a day
     * @param readShare share of requests that read
     * @param writeShare share of requests that write one item
     * @param searchShare share of requests that search
     * @param itemsPerUser items each user stores
     * @param itemKb size of one item
     * @param mediaPerUser images each user stores
     * @param mediaMb size of one original
     * @param newMediaPerUserPerMonth originals each user uploads a month
     * @param variantShare the variants' size as a share of their originals
     * @param sharedMediaGb media all users share (a catalogue, a portfolio)
     * @param downloadGbPerUserPerMonth what the CDN sends each user a month
     * @param searchQueriesPerUserPerMonth search queries per user a month
     * @param siteGb the front end's files
     */
    public record Traffic(
            String source,
            double monthlyActiveUsers,
            double requestsPerUserPerDay,
            double readShare,
            double writeShare,
            double searchShare,
            double itemsPerUser,
            double itemKb,
            double mediaPerUser,
            double mediaMb,
            double newMediaPerUserPerMonth,
            double variantShare,
            double sharedMediaGb,
            double downloadGbPerUserPerMonth,
            double searchQueriesPerUserPerMonth,
            double siteGb) {

        static Traffic of(JsonNode node) {
            return new Traffic(
                    node.path("source").asText(),
                    node.path("monthlyActiveUsers").asDouble(),
                    node.path("requestsPerUserPerDay").asDouble(),
                    node.path("routeMix").path("read").asDouble(),
                    node.path("routeMix").path("write").asDouble(),
                    node.path("routeMix").path("search").asDouble(),
                    node.path("itemsPerUser").asDouble(),
                    node.path("itemKb").asDouble(),
                    node.path("mediaPerUser").asDouble(),
                    node.path("mediaMb").asDouble(),
                    node.path("newMediaPerUserPerMonth").asDouble(),
                    node.path("variantShare").asDouble(),
                    node.path("sharedMediaGb").asDouble(),
                    node.path("downloadGbPerUserPerMonth").asDouble(),
                    node.path("searchQueriesPerUserPerMonth").asDouble(),
                    node.path("siteGb").asDouble());
        }

        /** The same per-user behaviour with {@code users} monthly active users. */
        public Traffic withUsers(double users) {
            return new Traffic(
                    source,
                    users,
                    requestsPerUserPerDay,
                    readShare,
                    writeShare,
                    searchShare,
                    itemsPerUser,
                    itemKb,
                    mediaPerUser,
                    mediaMb,
                    newMediaPerUserPerMonth,
                    variantShare,
                    sharedMediaGb,
                    downloadGbPerUserPerMonth,
                    searchQueriesPerUserPerMonth,
                    siteGb);
        }

        /** A stage's share of this traffic: users and what they store scale, shared media does not. */
        public Traffic scaled(double share) {
            return withUsers(monthlyActiveUsers * share);
        }

        double requestsPerMonth() {
            return monthlyActiveUsers * requestsPerUserPerDay * DAYS_PER_MONTH;
        }

        double originalsGb() {
            return monthlyActiveUsers * mediaPerUser * mediaMb / 1024 + sharedMediaGb;
        }

        double tableGb() {
            return monthlyActiveUsers * itemsPerUser * itemKb / (1024 * 1024);
        }
    }

    /**
     * One line of an estimate.
     *
     * @param service the AWS service
     * @param item what is counted
     * @param fixed true: paid before any request (the floor); false: grows with traffic
     * @param quantity how much, in the price's quantity (not its billing unit)
     * @param priceId the price in prices.json
     * @param grossUsd quantity × price, before any free tier
     * @param freeTierUsd what the price's free tier would cover
     * @param freeTierKind "always", "12-month" or "" without one
     * @param seedCounts whether seed 001's own estimate counts this line
     * @param why what it buys, for lines beyond what the seeds count
     */
    public record Line(
            String service,
            String item,
            boolean fixed,
            double quantity,
            String priceId,
            double grossUsd,
            double freeTierUsd,
            String freeTierKind,
            boolean seedCounts,
            String why) {
        /** The cost after the always-free tier; a 12-month tier is never deducted. */
        public double netUsd() {
            return "always".equals(freeTierKind) ? grossUsd - freeTierUsd : grossUsd;
        }
    }

    /** One blueprint, stage and traffic: its lines and totals. */
    public record Estimate(String blueprint, String stage, Traffic traffic, List<Line> lines) {
        public double grossUsd() {
            return lines.stream().mapToDouble(Line::grossUsd).sum();
        }

        public double netUsd() {
            return lines.stream().mapToDouble(Line::netUsd).sum();
        }

        /** What the stage pays before a single request: the fixed lines, after always-free tiers. */
        public double fixedFloorUsd() {
            return lines.stream().filter(Line::fixed).mapToDouble(Line::netUsd).sum();
        }

        public double usageUsd() {
            return netUsd() - fixedFloorUsd();
        }

        /**
         * The fixed floor of the search engine alone (OpenSearch nodes and their storage): a
         * blueprint's feature whose smallest offering AWS prices far above the rest of a dev stage
         * (docs/adr/0013-search-engine-per-stage.md); 0 without search.
         */
        public double searchFloorUsd() {
            return lines.stream()
                    .filter(Line::fixed)
                    .filter(line -> line.service().equals("OpenSearch"))
                    .mapToDouble(Line::netUsd)
                    .sum();
        }

        /** The fixed floor without the search engine: what the platform itself costs the stage. */
        public double platformFloorUsd() {
            return fixedFloorUsd() - searchFloorUsd();
        }

        /** The always-free tiers deducted in {@link #netUsd()}. */
        public double alwaysFreeUsd() {
            return grossUsd() - netUsd();
        }

        public double perUserUsd() {
            return traffic.monthlyActiveUsers() == 0 ? 0 : netUsd() / traffic.monthlyActiveUsers();
        }

        /** The lines of one service, summed: net USD per service in first-seen order. */
        public Map<String, Double> byService() {
            Map<String, Double> services = new LinkedHashMap<>();
            lines.forEach(line -> services.merge(line.service(), line.netUsd(), Double::sum));
            return services;
        }
    }

    /** What the templates of one stage hold that has a price or drives one. */
    record Resources(
            int keys,
            int webAcls,
            int wafRules,
            int secrets,
            int alarmMetrics,
            int dashboards,
            int customMetrics,
            int budgets,
            int tables,
            int pitrTables,
            int backupCopies,
            String userPoolTier,
            boolean sesEmail,
            boolean intelligentTiering,
            boolean hasSite,
            int cloudFrontFunctions,
            int queues,
            double apiMemoryGb,
            double processorMemoryGb,
            double revalidationMemoryGb,
            double meanLogRetentionDays,
            java.util.SortedMap<String, Integer> openSearchInstances,
            double openSearchStorageGb,
            int webSocketApis) {

        static Resources count(List<JsonNode> templates) {
            int keys = 0, webAcls = 0, wafRules = 0, secrets = 0, alarmMetrics = 0, dashboards = 0;
            int customMetrics = 0, budgets = 0, tables = 0, pitrTables = 0, backupCopies = 0, cfFunctions = 0;
            int queues = 0, webSockets = 0;
            java.util.SortedMap<String, Integer> osInstances = new java.util.TreeMap<>();
            double osStorage = 0, apiMemory = 1, processorMemory = 2, revalidationMemory = 1, retentionSum = 0;
            int logGroups = 0;
            String tier = "ESSENTIALS";
            boolean ses = false, tiering = false, site = false;
            for (JsonNode template : templates) {
                var fields = template.path("Resources").properties();
                for (var entry : fields) {
                    String id = entry.getKey();
                    JsonNode resource = entry.getValue();
                    JsonNode p = resource.path("Properties");
                    switch (resource.path("Type").asText()) {
                        case "AWS::KMS::Key" -> keys++;
                        case "AWS::WAFv2::WebACL" -> {
                            webAcls++;
                            wafRules += p.path("Rules").size();
                        }
                        case "AWS::SecretsManager::Secret" -> secrets++;
                        case "AWS::CloudWatch::Alarm" -> {
                            int metrics = 0;
                            for (JsonNode m : p.path("Metrics")) {
                                if (m.has("MetricStat")) {
                                    metrics++;
                                }
                            }
                            alarmMetrics += Math.max(1, metrics);
                        }
                        case "AWS::CloudWatch::Dashboard" -> dashboards++;
                        case "AWS::Logs::MetricFilter" -> customMetrics++;
                        case "AWS::Budgets::Budget" -> budgets++;
                        case "AWS::DynamoDB::Table" -> {
                            tables++;
                            if (p.path("PointInTimeRecoverySpecification")
                                    .path("PointInTimeRecoveryEnabled")
                                    .asBoolean()) {
                                pitrTables++;
                            }
                        }
                        case "AWS::Backup::BackupPlan" -> {
                            for (JsonNode rule : p.path("BackupPlan").path("BackupPlanRule")) {
                                double keep = rule.path("Lifecycle")
                                        .path("DeleteAfterDays")
                                        .asDouble(35);
                                backupCopies += (int) Math.max(
                                        1,
                                        Math.round(keep
                                                / scheduleDays(rule.path("ScheduleExpression")
                                                        .asText())));
                            }
                        }
                        case "AWS::Cognito::UserPool" -> {
                            tier = p.path("UserPoolTier").asText("ESSENTIALS");
                            ses = "DEVELOPER"
                                    .equals(p.path("EmailConfiguration")
                                            .path("EmailSendingAccount")
                                            .asText());
                        }
                        case "AWS::S3::Bucket" -> {
                            for (JsonNode rule :
                                    p.path("LifecycleConfiguration").path("Rules")) {
                                for (JsonNode t : rule.path("Transitions")) {
                                    if ("INTELLIGENT_TIERING"
                                            .equals(t.path("StorageClass").asText())) {
                                        tiering = true;
                                    }
                                }
                            }
                            if (id.startsWith("Site")) {
                                site = true;
                            }
                        }
                        case "AWS::CloudFront::Function" -> cfFunctions++;
                        case "AWS::SQS::Queue" -> queues++;
                        case "AWS::Lambda::Function" -> {
                            double gb = p.path("MemorySize").asDouble(128) / 1024;
                            if (id.startsWith("Api")) {
                                apiMemory = gb;
                            } else if (id.startsWith("MediaProcessor")) {
                                processorMemory = gb;
                            } else if (id.startsWith("Revalidation")) {
                                revalidationMemory = gb;
                            }
                        }
                        case "AWS::Logs::LogGroup" -> {
                            logGroups++;
                            retentionSum += p.path("RetentionInDays").asDouble(30);
                        }
                        case "AWS::OpenSearchService::Domain" -> {
                            JsonNode cluster = p.path("ClusterConfig");
                            int count = cluster.path("InstanceCount").asInt(1);
                            osInstances.merge(
                                    cluster.path("InstanceType").asText("r6g.large.search"), count, Integer::sum);
                            if (cluster.path("DedicatedMasterEnabled").asBoolean(false)) {
                                osInstances.merge(
                                        cluster.path("DedicatedMasterType").asText("r6g.large.search"),
                                        cluster.path("DedicatedMasterCount").asInt(3),
                                        Integer::sum);
                            }
                            osStorage += count
                                    * p.path("EBSOptions").path("VolumeSize").asDouble(10);
                        }
                        case "AWS::ApiGatewayV2::Api" -> {
                            if ("WEBSOCKET".equals(p.path("ProtocolType").asText())) {
                                webSockets++;
                            }
                        }
                        default -> {}
                    }
                }
            }
            return new Resources(
                    keys,
                    webAcls,
                    wafRules,
                    secrets,
                    alarmMetrics,
                    dashboards,
                    customMetrics,
                    budgets,
                    tables,
                    pitrTables,
                    backupCopies,
                    tier,
                    ses,
                    tiering,
                    site,
                    cfFunctions,
                    queues,
                    apiMemory,
                    processorMemory,
                    revalidationMemory,
                    logGroups == 0 ? 30 : retentionSum / logGroups,
                    osInstances,
                    osStorage,
                    webSockets);
        }

        /** Days between two runs of an AWS Backup schedule: monthly, weekly or daily. */
        static double scheduleDays(String cron) {
            // cron(minutes hours day-of-month month day-of-week year)
            String[] fields = cron.replace("cron(", "").replace(")", "").split(" ");
            if (fields.length >= 5 && !fields[2].equals("*") && !fields[2].equals("?")) {
                return 30.4;
            }
            if (fields.length >= 5 && !fields[4].equals("*") && !fields[4].equals("?")) {
                return 7;
            }
            return 1;
        }
    }

    /** The estimate of one blueprint's stage from its templates, at {@code traffic}. */
    /** Where the account traffic's figures come from (its {@code source}). */
    public String accountSource() {
        return traffic.path("account").path("source").asText();
    }

    /**
     * The account baseline ({@code Cairn-account}), once per account and region: its keys and alarm
     * from its template, and what its controls cost at the account traffic of {@code traffic.json}
     * ({@code account}: S3 data events on the audited buckets, management events, configuration
     * items and rule evaluations, all stated assumptions).
     */
    public Estimate account(JsonNode template) {
        Resources r = Resources.count(List.of(template));
        JsonNode a = traffic.path("account");
        if (a.isMissingNode()) {
            throw new IllegalStateException("traffic.json has no account entry");
        }
        double dataEvents = a.path("s3DataEventsPerMonth").asDouble();
        double managementEvents = a.path("managementEventsPerMonth").asDouble();
        List<Line> lines = new ArrayList<>();
        add(lines, "KMS", "customer managed keys", true, r.keys(), "kms.key", false, Why.ACCOUNT_KEYS);
        add(
                lines,
                "CloudWatch",
                "alarm metrics",
                true,
                r.alarmMetrics(),
                "cloudwatch.alarmMetric",
                false,
                Why.ACCOUNT_ALARM);
        add(
                lines,
                "CloudTrail",
                "S3 data events recorded",
                false,
                dataEvents,
                "cloudtrail.dataEvent",
                false,
                Why.TRAIL);
        add(
                lines,
                "CloudWatch",
                "trail events ingested (GB)",
                false,
                (dataEvents + managementEvents) * a.path("trailEventKb").asDouble(1.5) / 1_000_000,
                "cloudwatch.logIngest",
                false,
                Why.TRAIL);
        add(lines, "GuardDuty", "S3 data events analysed", false, dataEvents, "guardduty.s3Event", false, Why.THREATS);
        add(
                lines,
                "GuardDuty",
                "management events analysed",
                false,
                managementEvents,
                "guardduty.managementEvent",
                false,
                Why.THREATS);
        add(
                lines,
                "Config",
                "configuration items recorded",
                false,
                a.path("configItemsPerMonth").asDouble(),
                "config.item",
                false,
                Why.CONFIG);
        add(
                lines,
                "Config",
                "rule evaluations",
                false,
                a.path("ruleEvaluationsPerMonth").asDouble(),
                "config.evaluation",
                false,
                Why.CONFIG);
        // No users: the account's cost is not per user.
        return new Estimate(
                "account",
                "baseline",
                traffic(traffic.path("blueprints").fieldNames().next()).withUsers(0),
                lines);
    }

    public Estimate estimate(String blueprint, String stage, List<JsonNode> templates, Traffic traffic) {
        return estimate(blueprint, stage, Resources.count(templates), traffic);
    }

    Estimate estimate(String blueprint, String stage, Resources r, Traffic t) {
        List<Line> lines = new ArrayList<>();
        // The fixed floor: what the templates cost before a single request.
        add(lines, "KMS", "customer managed keys", true, r.keys(), "kms.key", false, Why.KMS);
        if (r.webAcls() > 0) {
            add(lines, "WAF", "web ACLs", true, r.webAcls(), "waf.webAcl", false, Why.WAF);
            add(lines, "WAF", "rules in web ACLs", true, r.wafRules(), "waf.rule", false, Why.WAF);
        }
        add(lines, "Secrets Manager", "secrets", true, r.secrets(), "secretsmanager.secret", false, Why.SECRETS);
        add(lines, "CloudWatch", "alarm metrics", true, r.alarmMetrics(), "cloudwatch.alarmMetric", false, Why.ALARMS);
        add(lines, "CloudWatch", "dashboards", true, r.dashboards(), "cloudwatch.dashboard", false, Why.DASHBOARD);
        add(
                lines,
                "CloudWatch",
                "custom metrics from log filters",
                true,
                r.customMetrics(),
                "cloudwatch.customMetric",
                false,
                Why.ALARMS);
        add(lines, "Budgets", "cost budgets", true, r.budgets(), "budgets.budget", false, Why.BUDGET);
        for (var instances : r.openSearchInstances().entrySet()) {
            String priceKey = OPENSEARCH_INSTANCE_PRICES.get(instances.getKey());
            if (priceKey == null) {
                throw new IllegalStateException("No price for the OpenSearch instance type " + instances.getKey()
                        + ": add it to cost/prices.json and CostModel.OPENSEARCH_INSTANCE_PRICES");
            }
            add(
                    lines,
                    "OpenSearch",
                    instances.getKey() + " instance-hours (" + instances.getValue() + " nodes)",
                    true,
                    instances.getValue() * HOURS_PER_MONTH,
                    priceKey,
                    false,
                    Why.SEARCH);
        }
        if (!r.openSearchInstances().isEmpty()) {
            add(
                    lines,
                    "OpenSearch",
                    "gp3 storage (GB)",
                    true,
                    r.openSearchStorageGb(),
                    "opensearch.gp3",
                    false,
                    Why.SEARCH);
        }

        // Usage.
        double requests = t.requestsPerMonth();
        double uploads = t.monthlyActiveUsers() * t.newMediaPerUserPerMonth();
        add(lines, "API Gateway", "HTTP API requests", false, requests, "apigateway.httpRequest", true, "");
        double revalidations = r.queues() > 2 ? requests * t.writeShare() : 0;
        add(lines, "Lambda", "invocations", false, requests + uploads + revalidations, "lambda.request", true, "");
        double gbSeconds = requests * API_MILLIS_PER_REQUEST / 1000 * r.apiMemoryGb()
                + uploads * PROCESSOR_SECONDS_PER_IMAGE * r.processorMemoryGb()
                + revalidations * 0.5 * r.revalidationMemoryGb();
        add(lines, "Lambda", "compute (GB-seconds, arm64)", false, gbSeconds, "lambda.armGbSecond", true, "");
        double writeUnits = requests * t.writeShare() * Math.max(1, Math.ceil(t.itemKb())) + uploads * 2;
        add(lines, "DynamoDB", "write request units", false, writeUnits, "dynamodb.writeRequest", true, "");
        add(lines, "DynamoDB", "read request units", false, requests + uploads, "dynamodb.readRequest", true, "");
        double tableGb = t.tableGb();
        add(lines, "DynamoDB", "storage (GB)", false, tableGb, "dynamodb.storage", true, "");
        if (r.pitrTables() > 0) {
            add(lines, "DynamoDB", "point-in-time recovery (GB)", false, tableGb, "dynamodb.pitr", false, Why.PITR);
        }
        if (r.backupCopies() > 0) {
            add(
                    lines,
                    "AWS Backup",
                    "table copies kept (GB, " + r.backupCopies() + " copies)",
                    false,
                    tableGb * r.backupCopies(),
                    "backup.dynamodbWarm",
                    false,
                    Why.BACKUP);
        }
        double originals = t.originalsGb();
        double media = originals * (1 + t.variantShare());
        add(
                lines,
                "S3",
                "media storage (GB" + (r.intelligentTiering() ? ", Intelligent-Tiering" : "") + ")",
                false,
                media,
                r.intelligentTiering() ? "s3.intelligentFrequent" : "s3.standard",
                true,
                "");
        if (r.intelligentTiering()) {
            double monitored = t.monthlyActiveUsers() * t.mediaPerUser();
            add(
                    lines,
                    "S3",
                    "Intelligent-Tiering monitoring (objects)",
                    false,
                    monitored,
                    "s3.intelligentMonitoring",
                    false,
                    Why.TIERING);
        }
        if (r.hasSite()) {
            add(lines, "S3", "front-end files (GB)", false, t.siteGb(), "s3.standard", true, "");
        }
        add(lines, "S3", "PUT requests", false, uploads * (1 + VARIANTS_PER_IMAGE), "s3.put", false, Why.UPLOADS);
        add(lines, "S3", "GET requests", false, uploads * 2, "s3.get", false, Why.UPLOADS);
        double transfer = t.monthlyActiveUsers() * t.downloadGbPerUserPerMonth() + requests * API_RESPONSE_KB / 1e6;
        add(lines, "CloudFront", "transfer out (GB)", false, transfer, "cloudfront.transfer", true, "");
        double downloads = t.monthlyActiveUsers() * t.downloadGbPerUserPerMonth() * 1024 / DOWNLOAD_OBJECT_MB;
        double cdnRequests = requests + downloads;
        add(lines, "CloudFront", "HTTPS requests", false, cdnRequests, "cloudfront.request", true, "");
        if (r.cloudFrontFunctions() > 0) {
            add(
                    lines,
                    "CloudFront",
                    "function invocations",
                    false,
                    downloads,
                    "cloudfront.function",
                    false,
                    Why.CDN_FUNCTION);
        }
        if (r.webAcls() > 0) {
            add(lines, "WAF", "requests inspected", false, cdnRequests, "waf.request", false, Why.WAF);
        }
        String cognitoPrice = "cognito." + r.userPoolTier().toLowerCase(java.util.Locale.ROOT) + ".mau";
        add(
                lines,
                "Cognito",
                "monthly active users (" + r.userPoolTier() + ")",
                false,
                t.monthlyActiveUsers(),
                cognitoPrice,
                true,
                r.userPoolTier().equals("PLUS") ? Why.COGNITO_PLUS : "");
        if (r.sesEmail()) {
            add(
                    lines,
                    "SES",
                    "sign-up and reset e-mails",
                    false,
                    t.monthlyActiveUsers() * 0.1,
                    "ses.email",
                    false,
                    Why.SES);
        }
        add(
                lines,
                "KMS",
                "requests",
                false,
                r.tables() * KMS_REQUESTS_PER_TABLE + requests * 0.001,
                "kms.request",
                false,
                Why.KMS);
        add(
                lines,
                "Secrets Manager",
                "API calls (cold starts)",
                false,
                requests * 0.01,
                "secretsmanager.call",
                false,
                Why.SECRETS);
        double logGb = (requests + uploads) * LOG_KB_PER_REQUEST / 1e6;
        add(lines, "CloudWatch", "log ingestion (GB)", false, logGb, "cloudwatch.logIngest", false, Why.LOGS);
        add(
                lines,
                "CloudWatch",
                "log storage (GB)",
                false,
                logGb * r.meanLogRetentionDays() / DAYS_PER_MONTH,
                "cloudwatch.logStorage",
                false,
                Why.LOGS);
        double traces =
                Math.min(requests, XRAY_RESERVOIR_PER_MONTH) + 0.05 * Math.max(0, requests - XRAY_RESERVOIR_PER_MONTH);
        add(lines, "X-Ray", "traces recorded", false, traces, "xray.trace", false, Why.TRACES);
        if (revalidations > 0) {
            add(lines, "SQS", "requests", false, revalidations * 3, "sqs.request", false, Why.REVALIDATION);
        }
        return new Estimate(blueprint, stage, t, List.copyOf(lines));
    }

    private void add(
            List<Line> lines,
            String service,
            String item,
            boolean fixed,
            double quantity,
            String priceId,
            boolean seedCounts,
            String why) {
        JsonNode price = prices().path(priceId);
        if (price.isMissingNode()) {
            throw new IllegalStateException("prices.json has no price " + priceId);
        }
        if (quantity <= 0) {
            return;
        }
        double unit = price.path("unit").asDouble(1);
        double usd = price.path("usd").asDouble();
        double gross = quantity / unit * usd;
        JsonNode free = price.path("free");
        double freeUsd = free.isMissingNode()
                ? 0
                : Math.min(quantity, free.path("quantity").asDouble()) / unit * usd;
        lines.add(new Line(
                service,
                item,
                fixed,
                quantity,
                priceId,
                gross,
                freeUsd,
                free.path("kind").asText(""),
                seedCounts,
                why));
    }

    /** What each line beyond the seeds' own estimates buys, as the report says it. */
    static final class Why {
        static final String KMS = "One customer managed key per stage and region for tables, media, logs, secrets"
                + " and alarm topics: the HIPAA, NIST and PCI packs ask for customer managed keys, and key use is"
                + " visible in CloudTrail.";
        static final String WAF = "Managed rule groups and per-IP rate limits (one for sign-in) in front of the CDN;"
                + " on in staging and prod, off in dev unless the stage config turns it on.";
        static final String SECRETS = "The API's signing secret (list cursors, API key hashes) and the CDN's"
                + " origin-verify secret (the portfolio adds the revalidation secret); each must be generated and"
                + " kept out of templates.";
        static final String ALARMS = "Error rate, 5xx, latency, throttling and dead-letter alarms on a KMS-encrypted"
                + " topic, only in stages where someone is subscribed to act on them (not dev).";
        static final String DASHBOARD =
                "One dashboard of the service, in prod only; an account's first three are free.";
        static final String BUDGET = "A cost budget per stage, alerting at 80 % and 100 % of its amount (150 % of"
                + " this estimate unless the stage config sets one); free without actions.";
        static final String PITR = "Point-in-time recovery of every table: any second of the last 35 days.";
        static final String BACKUP = "AWS Backup's monthly copies kept a year, in prod only: they outlive a deleted"
                + " table and the 35-day PITR window.";
        static final String TIERING = "Intelligent-Tiering's monitoring charge on originals over 128 KB; it moves"
                + " images not read for 30 days to a tier 45 % cheaper.";
        static final String UPLOADS = "Each upload: the original and its variants written, the original read once.";
        static final String COGNITO_PLUS = "The Plus plan's threat protection (compromised credentials, adaptive"
                + " authentication): 0.02 USD per monthly active user, no free tier.";
        static final String LOGS = "JSON logs of every function and the API's access log, encrypted, kept for the"
                + " stage's log retention.";
        static final String TRACES = "X-Ray traces of the functions (active tracing), sampled by X-Ray's default rule.";
        static final String CDN_FUNCTION = "The CloudFront functions in front of media (serve images/ only, as"
                + " bucket keys) and of the site (single-page routing).";
        static final String SES = "Sign-up and password-reset codes through SES outside dev: Cognito's own mailer"
                + " stops at about 50 a day.";
        static final String REVALIDATION =
                "The revalidation queue of site-owned content: each admin write is sent," + " received and deleted.";
        static final String SEARCH = "The search domain the blueprint's search feature needs.";
        static final String ACCOUNT_KEYS =
                "The trail's, AWS Config's and the alarm topic's keys: the audit logs, the configuration"
                        + " history and the alerts are encrypted with keys whose use CloudTrail records.";
        static final String ACCOUNT_ALARM =
                "The alarm on AccessDenied in the audited buckets (seed 001's unauthorized access alarm).";
        static final String TRAIL =
                "The audit trail (seeds 003 and 004): object-level events on the blueprints' buckets, which the"
                        + " AccessDenied alarm counts, and the trail's copy in CloudWatch Logs.";
        static final String THREATS = "GuardDuty (seed 000), with S3 Protection, after its 30-day free trial.";
        static final String CONFIG =
                "AWS Config's recorder and its five rules (seed 000), which check what the stacks promise.";

        private Why() {}
    }
}
