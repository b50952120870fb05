package dev.cairn.infra;

import dev.cairn.constructs.ObservabilityDefaults;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The one customer managed KMS key of a stage in a region: its tables, media bucket, log groups,
 * secrets and alarm topic are encrypted with it, and access is granted by intent on each principal
 * (a function that reads a table may decrypt through that grant, nothing else). One key instead of
 * a key per resource keeps the HIPAA, NIST and PCI rules that ask for customer managed keys
 * satisfied at 1 USD a month per stage and region instead of about 11.
 *
 * <p>The data stack holds it; the edge stack (us-east-1) uses it when the stage's data lives in
 * us-east-1 too and holds a second one otherwise. It is data: kept outside dev like the tables.
 */
final class StageKey {
    private StageKey() {}

    /** A rotated key that CloudWatch Logs may use for the log groups of its account and region. */
    static Key create(Construct scope, String id, StageConfig stage, String blueprint) {
        Key key = Key.Builder.create(scope, id)
                .description("Encrypts the data at rest of Cairn " + blueprint + " (" + stage.name()
                        + "): tables, media, logs, secrets, alarm topic")
                .enableKeyRotation(true)
                .removalPolicy(stage.removalPolicy())
                .build();
        ObservabilityDefaults.allowLogs(key);
        return key;
    }
}
