package dev.cairn.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The cost report: synthesizes every blueprint in every stage (offline, without the cdk-nag
 * packs), prices each stage's templates with {@link CostModel} at its traffic model and at 1,000,
 * 10,000 and 100,000 monthly active users, and writes {@code report.md}, {@code report.html} and
 * {@code report.json}. With {@code --write-estimates FILE} it also writes the estimates the stages'
 * budgets are set from ({@link CostEstimates}).
 *
 * <p>{@code scripts/cost} runs it.
 */
public final class CostReport {
    /** The user counts every blueprint and stage is priced at, beside its own traffic model. */
    public static final List<Integer> USER_COUNTS = List.of(1_000, 10_000, 100_000);
    /** Targets the defaults are held to. */
    static final double DEV_FLOOR_TARGET_USD = 5;

    static final double GUITAR_PROD_TARGET_USD = 25;
    /** Seed 001's own total at 1,000 users. */
    static final double SEED_001_TOTAL_USD = 2.38;

    private final CostModel model;
    private final Map<String, Map<String, List<JsonNode>>> templates;
    private final JsonNode accountTemplate;

    CostReport(CostModel model, Map<String, Map<String, List<JsonNode>>> templates, JsonNode accountTemplate) {
        this.model = model;
        this.templates = templates;
        this.accountTemplate = accountTemplate;
    }

    public static void main(String[] args) throws IOException {
        long begin = System.nanoTime();
        Path out = Path.of(argument(args, "--out", "build/cost"));
        String traffic = argument(args, "--traffic", null);
        CostModel model = traffic == null ? CostModel.load() : CostModel.load(Path.of(traffic));
        Path dir = Files.createTempDirectory("cairn-cost");
        CostReport report = new CostReport(model, synthesizeAll(dir), synthesizeAccount(dir));
        report.write(out);
        String estimates = argument(args, "--write-estimates", null);
        if (estimates != null) {
            Files.writeString(Path.of(estimates), report.estimatesJson());
            System.out.println("Budget estimates: " + estimates);
        }
        System.out.printf(
                "Cost report in %.1f s: %s, report.html, report.json%n",
                (System.nanoTime() - begin) / 1e9, out.resolve("report.md"));
    }

    /**
     * Every blueprint in every stage, in us-east-1 (where the prices are), each stage's templates by
     * blueprint and stage name.
     */
    static Map<String, Map<String, List<JsonNode>>> synthesizeAll(Path dir) throws IOException {
        Path code = Files.createDirectories(dir.resolve("code"));
        Files.writeString(code.resolve("placeholder.txt"), "the cost report prices templates, not code");
        // One app for all of them: one synthesis instead of fifteen.
        App app = new App(
                AppProps.builder().outdir(dir.resolve("cdk.out").toString()).build());
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        Map<String, Map<String, CairnApp.Stacks>> built = new LinkedHashMap<>();
        for (Blueprint blueprint : Blueprints.all()) {
            Map<String, CairnApp.Stacks> stages = new LinkedHashMap<>();
            for (StageConfig stage : StageConfig.STAGES_IN_ORDER) {
                stages.put(
                        stage.name(),
                        CairnApp.build(
                                app,
                                stage.in(null, CairnApp.DEFAULT_REGION).withEmailFrom(SynthAll.EXAMPLE_EMAIL_FROM),
                                blueprint,
                                List.of(),
                                Code.fromAsset(code.toString())));
            }
            built.put(blueprint.name(), stages);
        }
        CloudAssembly assembly = app.synth();
        Map<String, Map<String, List<JsonNode>>> all = new LinkedHashMap<>();
        for (var blueprint : built.entrySet()) {
            Map<String, List<JsonNode>> stages = new LinkedHashMap<>();
            for (var stage : blueprint.getValue().entrySet()) {
                List<JsonNode> templates = new ArrayList<>();
                for (var stack : stage.getValue().all()) {
                    CloudFormationStackArtifact artifact = assembly.getStackByName(stack.getStackName());
                    templates.add(CostModel.JSON.readTree(
                            Path.of(artifact.getTemplateFullPath()).toFile()));
                }
                stages.put(stage.getKey(), templates);
            }
            all.put(blueprint.getKey(), stages);
        }
        return all;
    }

    /**
     * The account baseline with every control, auditing the buckets of every blueprint in every
     * stage, in us-east-1: its template.
     */
    static JsonNode synthesizeAccount(Path dir) throws IOException {
        App app = new App(AppProps.builder()
                .outdir(dir.resolve("cdk.out-account").toString())
                .build());
        AccountStack stack = CairnApp.account(
                app,
                AccountConfig.defaults()
                        .withEveryDeploymentOf(Blueprints.all())
                        .withAlarmEmails(List.of(SynthAll.EXAMPLE_EMAIL_FROM)));
        CloudAssembly assembly = app.synth();
        return CostModel.JSON.readTree(
                Path.of(assembly.getStackByName(stack.getStackName()).getTemplateFullPath())
                        .toFile());
    }

    /** The account baseline at the account traffic of the traffic model. */
    CostModel.Estimate account() {
        return model.account(accountTemplate);
    }

    /** The synthesized templates of one blueprint's stage. */
    List<JsonNode> templates(String blueprint, String stage) {
        return templates.get(blueprint).get(stage);
    }

    /** A stage at its own traffic: the blueprint's model times the stage's share. */
    CostModel.Estimate atStageTraffic(String blueprint, String stage) {
        CostModel.Traffic traffic = model.traffic(blueprint).scaled(model.stageShare(stage));
        return model.estimate(blueprint, stage, templates.get(blueprint).get(stage), traffic);
    }

    CostModel.Estimate atUsers(String blueprint, String stage, double users) {
        CostModel.Traffic traffic = model.traffic(blueprint).withUsers(users);
        return model.estimate(blueprint, stage, templates.get(blueprint).get(stage), traffic);
    }

    /** The estimates file: each stage's net monthly estimate at its own traffic, and its budget. */
    String estimatesJson() {
        ObjectNode root = CostModel.JSON.createObjectNode();
        root.put(
                "note",
                "Written by scripts/cost --write-estimates; the stages' budgets are "
                        + Math.round(CostEstimates.BUDGET_SHARE * 100) + " % of these estimates, rounded up.");
        root.put("pricesDate", model.priceDate());
        ObjectNode blueprints = root.putObject("blueprints");
        templates.forEach((blueprint, stages) -> {
            ObjectNode node = blueprints.putObject(blueprint);
            stages.keySet()
                    .forEach(stage -> node.put(
                            stage, round(atStageTraffic(blueprint, stage).netUsd())));
        });
        try {
            return CostModel.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Path out) throws IOException {
        Files.createDirectories(out);
        String markdown = markdown();
        Files.writeString(out.resolve("report.md"), markdown);
        Files.writeString(out.resolve("report.html"), html(markdown));
        Files.writeString(out.resolve("report.json"), json());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# What Cairn costs: every blueprint and stage\n\n");
        md.append("Monthly USD, estimated from the synthesized templates of each stage and the traffic model of its"
                        + " blueprint (`infra/src/main/resources/cost/traffic.json`), with ")
                .append(model.priceRegion())
                .append(" list prices of ")
                .append(model.priceDate())
                .append(" (`infra/src/main/resources/cost/prices.json`, each with its pricing page).")
                .append(" **Fixed floor**: what a stage pays before a single request. **Net**: after the"
                        + " always-free tiers, which are per account (the figures assume each stage in an account of"
                        + " its own); 12-month free tiers are never deducted. Dev and staging carry ")
                .append(percent(model.stageShare("dev")))
                .append(" and ")
                .append(percent(model.stageShare("staging")))
                .append(" of the reference traffic.\n\n");

        md.append("## Summary\n\n");
        md.append("| blueprint | stage | fixed floor | net at stage traffic (users) | at 1k users | at 10k users |"
                + " at 100k users | per user at 10k |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        templates.forEach((blueprint, stages) -> stages.keySet().forEach(stage -> {
            CostModel.Estimate own = atStageTraffic(blueprint, stage);
            md.append("| ")
                    .append(blueprint)
                    .append(" | ")
                    .append(stage)
                    .append(" | ")
                    .append(usd(own.fixedFloorUsd()))
                    .append(" | ")
                    .append(usd(own.netUsd()))
                    .append(" (")
                    .append(Math.round(own.traffic().monthlyActiveUsers()))
                    .append(")");
            for (int users : USER_COUNTS) {
                md.append(" | ").append(usd(atUsers(blueprint, stage, users).netUsd()));
            }
            md.append(" | ")
                    .append(usd(atUsers(blueprint, stage, 10_000).perUserUsd(), 4))
                    .append(" |\n");
        }));
        md.append('\n');

        md.append("## Targets at the defaults\n\n");
        templates.keySet().forEach(blueprint -> {
            CostModel.Estimate dev = atStageTraffic(blueprint, "dev");
            double floor = dev.platformFloorUsd();
            md.append("- ")
                    .append(blueprint)
                    .append(" dev fixed floor: ")
                    .append(usd(floor))
                    .append(floor < DEV_FLOOR_TARGET_USD ? " (under " : " (**over** ")
                    .append(usd(DEV_FLOOR_TARGET_USD))
                    .append(")");
            if (dev.searchFloorUsd() > 0) {
                md.append("; its search domain adds ")
                        .append(usd(dev.searchFloorUsd()))
                        .append(" (")
                        .append(usd(dev.fixedFloorUsd()))
                        .append(" in all): the smallest OpenSearch offering, outside the target"
                                + " (docs/adr/0013-search-engine-per-stage.md)");
            }
            md.append('\n');
        });
        CostModel.Estimate guitar = atUsers("guitar-collection", "prod", 1_000);
        md.append("- guitar-collection prod at 1,000 users: ")
                .append(usd(guitar.netUsd()))
                .append(guitar.netUsd() < GUITAR_PROD_TARGET_USD ? " (under " : " (**over** ")
                .append(usd(GUITAR_PROD_TARGET_USD))
                .append(")\n\n");

        md.append("## guitar-collection prod against seed 001\n\n");
        double seedCounted = guitar.lines().stream()
                .filter(CostModel.Line::seedCounts)
                .mapToDouble(CostModel.Line::netUsd)
                .sum();
        md.append("Seed 001 estimates ")
                .append(usd(SEED_001_TOTAL_USD))
                .append(" a month at 1,000 users (API Gateway, Lambda, DynamoDB, S3, CloudFront, Cognito). The"
                        + " same services here come to ")
                .append(usd(seedCounted))
                .append(" (with the image variants the media processor writes and the requests priced at today's"
                        + " rates). Every other line, and why the stage pays it:\n\n");
        md.append("| service | item | quantity | net USD | why |\n| --- | --- | ---: | ---: | --- |\n");
        for (CostModel.Line line : guitar.lines()) {
            if (!line.seedCounts()) {
                md.append("| ")
                        .append(line.service())
                        .append(" | ")
                        .append(line.item())
                        .append(" | ")
                        .append(quantity(line.quantity()))
                        .append(" | ")
                        .append(usd(line.netUsd()))
                        .append(" | ")
                        .append(line.why())
                        .append(" |\n");
            }
        }
        md.append('\n');

        md.append("## Each blueprint's prod at its traffic model, line by line\n\n");
        templates.keySet().forEach(blueprint -> {
            CostModel.Estimate estimate = atStageTraffic(blueprint, "prod");
            md.append("### ").append(blueprint).append(" (prod)\n\n");
            md.append("Traffic: ").append(estimate.traffic().source()).append(".\n\n");
            lineTable(md, estimate);
        });
        md.append("### Dev fixed floors\n\n");
        templates.keySet().forEach(blueprint -> {
            CostModel.Estimate dev = atStageTraffic(blueprint, "dev");
            md.append("- ").append(blueprint).append(": ");
            List<String> parts = new ArrayList<>();
            dev.lines().stream()
                    .filter(CostModel.Line::fixed)
                    .filter(line -> line.grossUsd() > 0)
                    .forEach(line -> parts.add(line.service() + " " + line.item() + " " + quantity(line.quantity())
                            + " = " + usd(line.netUsd())));
            md.append(String.join("; ", parts)).append('\n');
        });
        md.append('\n');

        md.append("## Free tiers (shown apart, never hiding a price)\n\n");
        md.append("| price | free each month | kind |\n| --- | ---: | --- |\n");
        model.prices().properties().forEach(entry -> {
            JsonNode free = entry.getValue().path("free");
            if (!free.isMissingNode()) {
                md.append("| ")
                        .append(entry.getKey())
                        .append(" | ")
                        .append(quantity(free.path("quantity").asDouble()))
                        .append(" | ")
                        .append(free.path("kind").asText())
                        .append(" |\n");
            }
        });
        md.append('\n');

        md.append("## Prices\n\n| price | USD | per | page |\n| --- | ---: | --- | --- |\n");
        model.prices().properties().forEach(entry -> md.append("| ")
                .append(entry.getKey())
                .append(" | ")
                .append(entry.getValue().path("usd").asText())
                .append(" | ")
                .append(entry.getValue().path("per").asText())
                .append(" | ")
                .append(entry.getValue().path("page").asText())
                .append(" |\n"));
        md.append('\n');

        md.append("## The account baseline (`Cairn-account`)\n\n");
        CostModel.Estimate account = account();
        md.append("Deployed once per account and region, not per stage (docs/account-baseline.md): ")
                .append(usd(account.fixedFloorUsd()))
                .append(" a month before any traffic, ")
                .append(usd(account.netUsd()))
                .append(" at the account traffic of `traffic.json`. ")
                .append(model.accountSource())
                .append(" GuardDuty's first 30 days are free; the figure is after them. Not counted: the trail's"
                        + " log bucket storage (a few GB a year) and S3 requests of its deliveries, Config's"
                        + " delivery bucket, and the SNS e-mails.\n\n");
        lineTable(md, account);
        md.append('\n');

        md.append("## Budgets and anomaly detection\n\n");
        md.append("Each stage's AWS Budget is ")
                .append(Math.round(CostEstimates.BUDGET_SHARE * 100))
                .append(" % of its net estimate at stage traffic, rounded up to a whole USD, read at synth from"
                        + " `infra/src/main/resources/cost/estimates.json` (rewritten by `scripts/cost"
                        + " --write-estimates`; a test fails when it is stale), unless the stage config or `-c"
                        + " budget=USD` sets an amount. Cost Anomaly Detection is account-level: its monitor comes"
                        + " from the account stack, not from any stage, and costs nothing.\n\n");

        md.append("## What this report does not count\n\n");
        CostModel.NOT_COUNTED.forEach(item -> md.append("- ").append(item).append('\n'));
        return md.toString();
    }

    private static void lineTable(StringBuilder md, CostModel.Estimate estimate) {
        md.append("| service | item | fixed | quantity | gross USD | free tier USD | net USD |\n");
        md.append("| --- | --- | --- | ---: | ---: | ---: | ---: |\n");
        for (CostModel.Line line : estimate.lines()) {
            md.append("| ")
                    .append(line.service())
                    .append(" | ")
                    .append(line.item())
                    .append(" | ")
                    .append(line.fixed() ? "fixed" : "usage")
                    .append(" | ")
                    .append(quantity(line.quantity()))
                    .append(" | ")
                    .append(usd(line.grossUsd()))
                    .append(" | ")
                    .append(line.freeTierUsd() > 0 ? usd(line.freeTierUsd()) + " (" + line.freeTierKind() + ")" : "")
                    .append(" | ")
                    .append(usd(line.netUsd()))
                    .append(" |\n");
        }
        md.append("| **total** | ")
                .append(Math.round(estimate.traffic().monthlyActiveUsers()))
                .append(" users | fixed ")
                .append(usd(estimate.fixedFloorUsd()))
                .append(" | | ")
                .append(usd(estimate.grossUsd()))
                .append(" | ")
                .append(usd(estimate.alwaysFreeUsd()))
                .append(" | **")
                .append(usd(estimate.netUsd()))
                .append("** |\n\n");
    }

    String json() {
        ObjectNode root = CostModel.JSON.createObjectNode();
        root.put("pricesRegion", model.priceRegion());
        root.put("pricesDate", model.priceDate());
        ArrayNode estimates = root.putArray("estimates");
        templates.forEach((blueprint, stages) -> stages.keySet().forEach(stage -> {
            List<CostModel.Estimate> all = new ArrayList<>();
            all.add(atStageTraffic(blueprint, stage));
            USER_COUNTS.forEach(users -> all.add(atUsers(blueprint, stage, users)));
            for (CostModel.Estimate estimate : all) {
                ObjectNode node = estimates.addObject();
                node.put("blueprint", blueprint);
                node.put("stage", stage);
                node.put("monthlyActiveUsers", estimate.traffic().monthlyActiveUsers());
                node.put("fixedFloorUsd", round(estimate.fixedFloorUsd()));
                node.put("usageUsd", round(estimate.usageUsd()));
                node.put("grossUsd", round(estimate.grossUsd()));
                node.put("alwaysFreeUsd", round(estimate.alwaysFreeUsd()));
                node.put("netUsd", round(estimate.netUsd()));
                node.put("perUserUsd", Math.round(estimate.perUserUsd() * 1e6) / 1e6);
                ArrayNode lines = node.putArray("lines");
                for (CostModel.Line line : estimate.lines()) {
                    ObjectNode l = lines.addObject();
                    l.put("service", line.service());
                    l.put("item", line.item());
                    l.put("fixed", line.fixed());
                    l.put("quantity", line.quantity());
                    l.put("priceId", line.priceId());
                    l.put("grossUsd", round(line.grossUsd()));
                    l.put("freeTierUsd", round(line.freeTierUsd()));
                    l.put("freeTierKind", line.freeTierKind());
                    l.put("netUsd", round(line.netUsd()));
                }
            }
        }));
        CostModel.Estimate account = account();
        ObjectNode accountNode = root.putObject("account");
        accountNode.put("fixedFloorUsd", round(account.fixedFloorUsd()));
        accountNode.put("netUsd", round(account.netUsd()));
        ArrayNode accountLines = accountNode.putArray("lines");
        for (CostModel.Line line : account.lines()) {
            ObjectNode l = accountLines.addObject();
            l.put("service", line.service());
            l.put("item", line.item());
            l.put("fixed", line.fixed());
            l.put("quantity", line.quantity());
            l.put("priceId", line.priceId());
            l.put("netUsd", round(line.netUsd()));
        }
        ArrayNode notCounted = root.putArray("notCounted");
        CostModel.NOT_COUNTED.forEach(notCounted::add);
        try {
            return CostModel.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown above as a standalone page: headings, paragraphs, lists and tables. */
    static String html(String markdown) {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>What Cairn costs</title><style>body{font-family:sans-serif;max-width:80em;margin:2em auto}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}"
                + "td:not(:first-child){text-align:right}</style></head><body>\n");
        boolean inList = false;
        boolean inTable = false;
        for (String line : markdown.split("\n")) {
            if (inList && !line.startsWith("- ")) {
                html.append("</ul>\n");
                inList = false;
            }
            if (inTable && !line.startsWith("|")) {
                html.append("</table>\n");
                inTable = false;
            }
            if (line.startsWith("#")) {
                int level = line.indexOf(' ');
                html.append("<h")
                        .append(level)
                        .append('>')
                        .append(inline(line.substring(level + 1)))
                        .append("</h")
                        .append(level)
                        .append(">\n");
            } else if (line.startsWith("- ")) {
                if (!inList) {
                    html.append("<ul>\n");
                    inList = true;
                }
                html.append("<li>").append(inline(line.substring(2))).append("</li>\n");
            } else if (line.startsWith("|")) {
                if (line.startsWith("| ---")) {
                    continue;
                }
                String cell = inTable ? "td" : "th";
                if (!inTable) {
                    html.append("<table>\n");
                    inTable = true;
                }
                html.append("<tr>");
                for (String value : line.substring(1, line.length() - 1).split(" \\| ", -1)) {
                    html.append('<')
                            .append(cell)
                            .append('>')
                            .append(inline(value.strip()))
                            .append("</")
                            .append(cell)
                            .append('>');
                }
                html.append("</tr>\n");
            } else if (!line.isBlank()) {
                html.append("<p>").append(inline(line)).append("</p>\n");
            }
        }
        if (inList) {
            html.append("</ul>\n");
        }
        if (inTable) {
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String inline(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return escaped.replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>")
                .replaceAll("`(.+?)`", "<code>$1</code>")
                .replaceAll("(https://[^ |)]+)", "<a href=\"$1\">$1</a>");
    }

    static String usd(double value) {
        return usd(value, 2);
    }

    static String usd(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String quantity(double value) {
        if (value >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    static double round(double usd) {
        return Math.round(usd * 100) / 100.0;
    }

    private static String argument(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
