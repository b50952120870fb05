package dev.cairn.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cost report over every blueprint and stage, synthesized once: seed 001's own arithmetic,
 * the targets at the defaults, the committed estimates the budgets come from, and the report files.
 */
class CostReportTest {
    private static CostReport report;
    private static final CostModel MODEL = CostModel.load();

    @BeforeAll
    static void synthesize() throws IOException {
        java.nio.file.Path dir = Files.createTempDirectory("cairn-cost-test");
        report = new CostReport(MODEL, CostReport.synthesizeAll(dir), CostReport.synthesizeAccount(dir));
    }

    /** Seed 001's assumptions: 1,000 users, 100 API calls each a month, 20,000 writes, 50,000 images of 2 MB. */
    private static CostModel.Traffic seed001() {
        return new CostModel.Traffic(
                "seed 001", 1000, 100 / CostModel.DAYS_PER_MONTH, 0.8, 0.2, 0, 10, 1, 50, 2, 0, 0, 0, 0.01, 0, 1);
    }

    /** Seed 001 deducts these free tiers, the 12-month ones of API Gateway included, and no others. */
    private static double seedWay(CostModel.Line line) {
        Set<String> freeInSeed = Set.of("API Gateway", "Lambda", "CloudFront", "Cognito");
        boolean deducted = freeInSeed.contains(line.service()) || line.priceId().equals("dynamodb.storage");
        return deducted ? line.grossUsd() - line.freeTierUsd() : line.grossUsd();
    }

    private static Map<String, Double> seedCountedByService(CostModel.Estimate estimate) {
        return estimate.lines().stream()
                .filter(CostModel.Line::seedCounts)
                .collect(Collectors.groupingBy(
                        CostModel.Line::service, Collectors.summingDouble(CostReportTest::seedWay)));
    }

    /**
     * The account baseline is priced once per account: its three keys and one alarm from its
     * template, its controls at the account traffic (200,000 S3 data events: 0.20 USD recorded by
     * the trail at 0.10 per 100,000, 0.16 analysed by GuardDuty at 0.80 per million).
     */
    @Test
    void theAccountBaselineIsPricedOnceWithItsKeysAlarmTrailGuardDutyAndConfig() {
        CostModel.Estimate account = report.account();
        assertThat(account.lines())
                .filteredOn(line -> line.priceId().equals("kms.key"))
                .singleElement()
                .satisfies(line -> assertThat(line.quantity()).isEqualTo(3));
        assertThat(account.lines())
                .filteredOn(line -> line.priceId().equals("cloudwatch.alarmMetric"))
                .singleElement()
                .satisfies(line -> assertThat(line.quantity()).isEqualTo(1));
        assertThat(account.lines())
                .filteredOn(line -> line.priceId().equals("cloudtrail.dataEvent"))
                .singleElement()
                .satisfies(
                        line -> assertThat(line.netUsd()).isCloseTo(0.20, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(account.lines())
                .filteredOn(line -> line.priceId().equals("guardduty.s3Event"))
                .singleElement()
                .satisfies(
                        line -> assertThat(line.netUsd()).isCloseTo(0.16, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(account.lines()).extracting(CostModel.Line::service).contains("CloudTrail", "GuardDuty", "Config");
        assertThat(account.fixedFloorUsd()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(report.markdown()).contains("## The account baseline (`Cairn-account`)");
        assertThat(report.json()).contains("\"account\"");
    }

    @Test
    void seed001sOwnArithmeticIsRecomputedWithinTenPercent() {
        // The seed's DynamoDB request prices (1.25 and 0.25 USD per million) predate today's.
        ObjectNode prices = MODEL.prices().deepCopy();
        ((ObjectNode) prices.get("dynamodb.writeRequest")).put("usd", 1.25);
        ((ObjectNode) prices.get("dynamodb.readRequest")).put("usd", 0.25);
        ObjectNode root = CostModel.JSON.createObjectNode();
        root.put("region", MODEL.priceRegion());
        root.set("prices", prices);
        CostModel seedPrices = new CostModel(root, CostModel.resource("cost/traffic.json"));
        List<JsonNode> templates = report.templates("guitar-collection", "prod");
        CostModel.Estimate estimate = seedPrices.estimate("guitar-collection", "prod", templates, seed001());

        Map<String, Double> services = seedCountedByService(estimate);
        // The seed's own lines: API Gateway and Lambda free, DynamoDB 0.05, S3 2.33, CloudFront and Cognito free.
        assertThat(services.get("API Gateway")).isZero();
        assertThat(services.get("Lambda")).isZero();
        assertThat(services.get("DynamoDB")).isCloseTo(0.05, within(0.005));
        assertThat(services.get("S3")).isCloseTo(2.33, within(0.233));
        assertThat(services.get("CloudFront")).isZero();
        assertThat(services.get("Cognito")).isZero();
        double total =
                services.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(total).isCloseTo(CostReport.SEED_001_TOTAL_USD, within(0.238));

        // What the seed does not count, each line of it named.
        Set<String> uncounted = estimate.lines().stream()
                .filter(line -> !line.seedCounts() && line.netUsd() > 0)
                .map(CostModel.Line::service)
                .collect(Collectors.toSet());
        assertThat(uncounted).contains("KMS", "WAF", "Secrets Manager", "CloudWatch");
        assertThat(estimate.lines())
                .filteredOn(line -> !line.seedCounts() && line.netUsd() > 0.01)
                .allSatisfy(line -> assertThat(line.why()).as(line.item()).isNotBlank());
        // Prod pays for AWS Backup; seed 001 counts no backups.
        assertThat(estimate.lines())
                .anySatisfy(line -> assertThat(line.service()).isEqualTo("AWS Backup"));
    }

    @Test
    void theDefaultsMeetTheTargets() {
        for (String blueprint :
                List.of("guitar-collection", "recipe-archive", "photo-portfolio", "retreat-audio", "personal-site")) {
            CostModel.Estimate dev = report.atStageTraffic(blueprint, "dev");
            assertThat(dev.platformFloorUsd())
                    .as(blueprint + " dev fixed floor without its search engine")
                    .isLessThan(CostReport.DEV_FLOOR_TARGET_USD);
            if (!blueprint.equals("recipe-archive")) {
                assertThat(dev.searchFloorUsd()).as(blueprint).isZero();
            }
        }
        // The one exception to the target: the recipe archive's search domain, one t3.small node
        // and its 10 GB volume, priced from the price file.
        CostModel.Estimate recipes = report.atStageTraffic("recipe-archive", "dev");
        assertThat(recipes.lines())
                .filteredOn(line -> line.service().equals("OpenSearch"))
                .extracting(CostModel.Line::priceId, CostModel.Line::quantity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("opensearch.instanceHour", 730.0),
                        org.assertj.core.groups.Tuple.tuple("opensearch.gp3", 10.0));
        // Prod's domain: two data nodes and three dedicated masters, all m7g.large, none left out.
        assertThat(report.atStageTraffic("recipe-archive", "prod").lines())
                .filteredOn(line -> line.priceId().equals("opensearch.m7gLargeInstanceHour"))
                .singleElement()
                .satisfies(line -> assertThat(line.quantity()).isEqualTo(5 * 730.0));
        CostModel.Estimate guitar = report.atUsers("guitar-collection", "prod", 1000);
        assertThat(guitar.netUsd()).isLessThan(CostReport.GUITAR_PROD_TARGET_USD);
        // The floor counted from the templates: one key, the web ACL and its rules, two secrets.
        assertThat(guitar.lines())
                .filteredOn(line -> line.priceId().equals("kms.key"))
                .singleElement()
                .satisfies(line -> assertThat(line.quantity()).isEqualTo(1));
        assertThat(guitar.lines())
                .filteredOn(line -> line.priceId().equals("secretsmanager.secret"))
                .singleElement()
                .satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
        assertThat(report.atStageTraffic("guitar-collection", "dev").lines())
                .noneSatisfy(line -> assertThat(line.service()).isEqualTo("WAF"));
        // Free tiers are shown apart: the gross always includes what they cover.
        assertThat(guitar.grossUsd()).isGreaterThan(guitar.netUsd());
    }

    @Test
    void theCommittedEstimatesTheBudgetsComeFromAreFresh() throws IOException {
        JsonNode committed = CostModel.resource(CostEstimates.RESOURCE).path("blueprints");
        JsonNode fresh = CostModel.JSON.readTree(report.estimatesJson()).path("blueprints");
        assertThat(committed)
                .as("infra/src/main/resources/cost/estimates.json is stale: run scripts/cost --write-estimates")
                .isEqualTo(fresh);
    }

    @Test
    void theReportIsWrittenInMarkdownHtmlAndJson() throws IOException {
        Path out = Files.createTempDirectory("cairn-cost-report");
        report.write(out);
        String markdown = Files.readString(out.resolve("report.md"));
        assertThat(markdown)
                .contains("## Summary", "## Free tiers", "## What this report does not count", "Cost Anomaly Detection")
                .contains("https://aws.amazon.com/kms/pricing/");
        for (String blueprint : List.of("guitar-collection", "photo-portfolio", "personal-site")) {
            assertThat(markdown).contains("| " + blueprint + " | dev |", "| " + blueprint + " | prod |");
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("<table>", "<h2>Summary</h2>");
        JsonNode json = CostModel.JSON.readTree(out.resolve("report.json").toFile());
        // 15 blueprint-stage pairs, each at its own traffic and at 1k, 10k and 100k users.
        assertThat(json.path("estimates").size()).isEqualTo(15 * 4);
        assertThat(json.path("notCounted").size()).isEqualTo(CostModel.NOT_COUNTED.size());
    }
}
