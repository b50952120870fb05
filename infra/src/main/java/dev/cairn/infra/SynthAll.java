package dev.cairn.infra;

import dev.cairn.constructs.Compliance;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Code;

/**
 * Synthesizes every blueprint in every stage, offline, each into its own folder under
 * {@code OUT/cdk.out/BLUEPRINT-STAGE}, with all five cdk-nag packs; with {@code --report} it then
 * writes the auditors' report ({@link ComplianceReport}). The account baseline ({@link AccountStack})
 * is synthesized too, into {@code OUT/cdk.out/account}. Exits 1 when any finding is unsuppressed.
 *
 * <p>{@code scripts/synth} and {@code scripts/compliance-report} run it.
 */
public final class SynthAll {
    static final String EXAMPLE_EMAIL_FROM = "no-reply@example.com";
    /** Where the account baseline's alarms and anomaly mails go unless {@code --alarm-email} says. */
    static final String EXAMPLE_ALARM_EMAIL = "alarms@example.com";

    private SynthAll() {}

    public static void main(String[] args) throws IOException {
        boolean report = List.of(args).contains("--report");
        Path out = Path.of(argument(args, "--out", report ? "build/compliance" : "build/synth"));
        Path jar = Path.of(argument(args, "--artifact", CairnApp.DEFAULT_ARTIFACT));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "The api function's artifact is missing at " + jar.toAbsolutePath() + ": build app/ first");
        }
        // Staging and prod need a sender; without --email-from they get the example one.
        String emailFrom = argument(args, "--email-from", EXAMPLE_EMAIL_FROM);
        List<Synthesized> results = new ArrayList<>();
        int total = Blueprints.all().size() * StageConfig.STAGES.size();
        long begin = System.nanoTime();
        for (Blueprint blueprint : Blueprints.all()) {
            for (StageConfig stage : StageConfig.STAGES.values()) {
                long start = System.nanoTime();
                Path dir = out.resolve("cdk.out").resolve(blueprint.name() + "-" + stage.name());
                App app = new App(AppProps.builder().outdir(dir.toString()).build());
                // As CairnApp.main: data cannot be deleted while a service stack still reads it.
                CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
                CairnApp.Stacks stacks = CairnApp.build(
                        app, stage.withEmailFrom(emailFrom), blueprint, List.of(), Code.fromAsset(jar.toString()));
                Compliance.applyAllPacks(app);
                app.synth();
                results.add(new Synthesized(
                        blueprint,
                        stage,
                        dir,
                        stacks.all().stream().map(Stack::getStackName).toList()));
                System.out.printf(
                        "[%2d/%d] %-18s %-8s %5.1f s%n",
                        results.size(), total, blueprint.name(), stage.name(), (System.nanoTime() - start) / 1e9);
            }
        }
        System.out.printf(
                "Synthesized %d blueprint-stage pairs in %.1f s into %s%n",
                total, (System.nanoTime() - begin) / 1e9, out.resolve("cdk.out"));
        AccountSynthesized account = synthesizeAccount(out, argument(args, "--alarm-email", EXAMPLE_ALARM_EMAIL));
        ComplianceReport findings = ComplianceReport.read(results, account);
        if (report) {
            findings.write(out);
            System.out.println("Compliance report: " + out.resolve("report.md") + " and " + out.resolve("report.html"));
        }
        if (findings.unsuppressed() > 0) {
            System.err.println(findings.unsuppressed() + " unsuppressed cdk-nag findings (see the reports above)");
            System.exit(1);
        }
        System.out.println("cdk-nag: no unsuppressed findings in any stack, in all five packs");
    }

    /**
     * The account baseline with every control, auditing the buckets of every blueprint in every
     * stage, into {@code OUT/cdk.out/account}.
     */
    static AccountSynthesized synthesizeAccount(Path out, String alarmEmail) {
        long start = System.nanoTime();
        Path dir = out.resolve("cdk.out").resolve("account");
        App app = new App(AppProps.builder().outdir(dir.toString()).build());
        AccountStack stack = CairnApp.account(
                app,
                AccountConfig.defaults().withEveryDeploymentOf(Blueprints.all()).withAlarmEmails(List.of(alarmEmail)));
        Compliance.applyAllPacks(app);
        app.synth();
        System.out.printf("[account] %-27s %5.1f s%n", stack.getStackName(), (System.nanoTime() - start) / 1e9);
        return new AccountSynthesized(dir, stack.getStackName());
    }

    /** The synthesized account baseline. */
    record AccountSynthesized(Path outdir, String stackName) {}

    /** One synthesized blueprint-stage pair. */
    record Synthesized(Blueprint blueprint, StageConfig stage, Path outdir, List<String> stackNames) {}

    private static String argument(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
