package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.contract.Blueprints;
import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import dev.cairn.infra.CairnApp;
import dev.cairn.infra.StageConfig;
import dev.cairn.local.LocalCairn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The media bucket's archive rule, as deployed, matches the receipt the app really writes: its key
 * and its tags, read back from S3. S3 lifecycle filters are a prefix and tags, never a wildcard.
 */
class ReceiptArchiveTest extends EndToEnd {

    @Test
    void aReceiptWhoseTaggingFailsGivesBackItsBytesAndCanBeCompletedAgain() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Reply created = api.post(
                "/api/guitars",
                Map.of("brand", "Fender", "model", "Telecaster", "year", 1952, "type", "electric"),
                ada.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String base = "/api/guitars/" + created.text("id") + "/receipt";
        byte[] pdf = TestDocuments.pdf("1952");
        String key = Uploads.document(api, ada, base + "/upload-url", "receipt.pdf", "application/pdf", pdf)
                .text("fileKey");

        try (TaggingFailsS3 failing = new TaggingFailsS3(stack.s3Endpoint());
                LocalCairn.AnotherInstance instance = stack.startAnotherInstance(
                        Map.of("cairn.aws.s3-endpoint", failing.endpoint().toString()))) {
            Reply failed = new ApiClient(stack, instance.baseUrl())
                    .post(base + "/upload-complete", Map.of("fileKey", key), ada.accessToken());
            assertThat(failed.status()).as(failed.body().toString()).isGreaterThanOrEqualTo(500);
            assertThat(failing.refusedTaggings()).isPositive();
        }
        assertThat(PrivateFilesTest.usage(stack, ada))
                .as("stored bytes and uploads after the failed completion")
                .containsExactly(0L, 0L);

        Reply attached = api.post(base + "/upload-complete", Map.of("fileKey", key), ada.accessToken());
        assertThat(attached.status()).as(attached.body().toString()).isEqualTo(200);
        assertThat(PrivateFilesTest.usage(stack, ada))
                .as("the receipt counted once")
                .containsExactly((long) pdf.length, 1L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDeployedArchiveRuleMatchesTheReceiptTheAppWrites() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Reply created = api.post(
                "/api/guitars",
                Map.of("brand", "Gibson", "model", "ES-335", "year", 1958, "type", "electric"),
                ada.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String base = "/api/guitars/" + created.text("id") + "/receipt";
        String key = Uploads.document(
                        api, ada, base + "/upload-url", "receipt.pdf", "application/pdf", TestDocuments.pdf("1958"))
                .text("fileKey");
        Reply attached = api.post(base + "/upload-complete", Map.of("fileKey", key), ada.accessToken());
        assertThat(attached.status()).as(attached.body().toString()).isEqualTo(200);

        S3Client s3 = stack.app().getBean(S3Client.class);
        Map<String, String> tags = new TreeMap<>();
        for (Tag tag : s3.getObjectTagging(
                        r -> r.bucket(LocalCairn.MEDIA_BUCKET).key(key))
                .tagSet()) {
            tags.put(tag.key(), tag.value());
        }

        Map<String, Object> rule = archiveRule("guitar-collection");
        String prefix = (String) rule.get("Prefix");
        assertThat(key).as("the key the app wrote").startsWith(prefix);
        List<Map<String, String>> filters = (List<Map<String, String>>) rule.get("TagFilters");
        assertThat(filters).isNotEmpty();
        for (Map<String, String> filter : filters) {
            assertThat(tags).as("tags of " + key).containsEntry(filter.get("Key"), filter.get("Value"));
        }
        // Glacier Instant Retrieval: the five-minute signed download still reads an archived receipt.
        assertThat(rule.get("Transitions").toString()).contains("StorageClass=GLACIER_IR");
    }

    /** The archive rule of the media bucket in the blueprint's synthesized prod data stack. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> archiveRule(String blueprint) throws Exception {
        Path code = Files.createTempDirectory("cairn-code");
        Files.writeString(code.resolve("placeholder.txt"), "injected");
        App app = new App(AppProps.builder()
                .outdir(Files.createTempDirectory("cairn-archive").toString())
                .build());
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        CairnApp.Stacks stacks = CairnApp.build(
                app,
                StageConfig.PROD.withEmailFrom("no-reply@example.com"),
                Blueprints.named(blueprint),
                List.of(),
                Code.fromAsset(code.toString()));
        Map<String, Object> bucket = (Map<String, Object>) Template.fromStack(stacks.data())
                .findResources("AWS::S3::Bucket")
                .get(stacks.data()
                        .resolve(((software.amazon.awscdk.CfnElement) stacks.data()
                                        .media()
                                        .getBucket()
                                        .getNode()
                                        .getDefaultChild())
                                .getLogicalId())
                        .toString());
        Map<String, Object> properties = (Map<String, Object>) bucket.get("Properties");
        List<Map<String, Object>> rules = (List<Map<String, Object>>)
                ((Map<String, Object>) properties.get("LifecycleConfiguration")).get("Rules");
        return rules.stream()
                .filter(r -> "Archive".equals(r.get("Id")))
                .findFirst()
                .orElseThrow();
    }
}
