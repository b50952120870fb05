package dev.cairn.infra;

import dev.cairn.constructs.ObservabilityDefaults;
import software.amazon.awscdk.services.kms.CfnKey;
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
    /**
     * The data stack's key keeps the logical id of the media bucket's former key of its own, so a
     * deployed stage updates that key in place and its media objects stay readable.
     */
    static final String DATA_STACK_LOGICAL_ID = "MediaKeyF1173EF8";

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

    /** The data stack's key: {@link #create}, under {@link #DATA_STACK_LOGICAL_ID}. */
    static Key createInDataStack(Construct scope, StageConfig stage, String blueprint) {
        Key key = create(scope, "StageKey", stage, blueprint);
        ((CfnKey) key.getNode().getDefaultChild()).overrideLogicalId(DATA_STACK_LOGICAL_ID);
        return key;
    }
}
