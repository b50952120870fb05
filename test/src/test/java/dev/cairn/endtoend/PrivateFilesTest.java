package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.TableNames;
import dev.cairn.contract.Tables;
import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import dev.cairn.local.LocalCairn;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Seed 004's private files: pre-signed uploads checked by content, served only through signed URLs. */
@StackBlueprint("personal-site")
class PrivateFilesTest extends EndToEnd {

    @Test
    void storedBytesAndFileCountAreLimitedExactlyAndDeletingGivesThemBack() throws Exception {
        // The test stacks run with 30 MiB and 12 uploads a user (test/pom.xml).
        Account ada = Accounts.signedIn(stack, api, "Ada");
        byte[] twenty = TestDocuments.text("a".repeat(20 * 1024 * 1024));
        byte[] eleven = TestDocuments.text("b".repeat(11 * 1024 * 1024));
        Reply first = Uploads.document(api, ada, "/api/files/upload-url", "twenty.txt", "text/plain", twenty);
        Reply second = Uploads.document(api, ada, "/api/files/upload-url", "eleven.txt", "text/plain", eleven);

        Reply kept =
                api.post("/api/files/upload-complete", Map.of("fileKey", first.text("fileKey")), ada.accessToken());
        Reply overBytes =
                api.post("/api/files/upload-complete", Map.of("fileKey", second.text("fileKey")), ada.accessToken());

        assertThat(kept.status()).as(kept.body().toString()).isEqualTo(201);
        assertThat(overBytes.status()).isEqualTo(413);
        assertThat(overBytes.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(overBytes.error().get("message"))
                .asString()
                .contains("storage limit of 30.0 MB")
                .contains("20.0 MB in use")
                .contains("the upload was removed");
        assertThat(exists(second.text("fileKey"))).isFalse();
        assertThat(pages(ada, "/api/files", 20)).containsExactly(kept.text("id"));
        Reply early = api.post(
                "/api/files/upload-url",
                Map.of("fileName", "e.txt", "fileType", "text/plain", "fileSize", eleven.length),
                ada.accessToken());
        assertThat(early.status()).isEqualTo(413);
        assertThat(early.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");

        assertThat(api.delete("/api/files/" + kept.text("id"), ada.accessToken())
                        .status())
                .isEqualTo(204);
        assertThat(usage(ada)).containsExactly(0L, 0L);

        // Uploads count too: 10 kept, then three finishing at once for the last two places.
        for (int i = 0; i < 10; i++) {
            complete(ada, "n" + i + ".txt", "text/plain", TestDocuments.text("note " + i));
        }
        List<Reply> urls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            urls.add(Uploads.document(
                    api, ada, "/api/files/upload-url", "r" + i + ".txt", "text/plain", TestDocuments.text("racer")));
        }
        List<CompletableFuture<Reply>> racing = urls.stream()
                .map(url -> CompletableFuture.supplyAsync(() -> api.post(
                        "/api/files/upload-complete", Map.of("fileKey", url.text("fileKey")), ada.accessToken())))
                .toList();
        List<Reply> finished = racing.stream().map(CompletableFuture::join).toList();
        List<Integer> statuses = finished.stream().map(Reply::status).toList();

        assertThat(statuses.stream().filter(s -> s == 201).count())
                .as(statuses.toString())
                .isEqualTo(2);
        assertThat(statuses.stream().filter(s -> s == 429).count())
                .as(statuses.toString())
                .isEqualTo(1);
        Reply refused =
                finished.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(refused.error().get("message")).asString().contains("12 uploads");
        assertThat(pages(ada, "/api/files", 20)).hasSize(12);
        assertThat(usage(ada).get(1)).isEqualTo(12L);
        Reply thirteenth = api.post(
                "/api/files/upload-url",
                Map.of("fileName", "x.txt", "fileType", "text/plain", "fileSize", 10),
                ada.accessToken());
        assertThat(thirteenth.errorCode()).isEqualTo("RATE_LIMITED");
        // Another user's uploads are counted apart.
        Account bob = Accounts.signedIn(stack, api, "Bob");
        complete(bob, "bob.txt", "text/plain", TestDocuments.text("bob"));
    }

    @Test
    void aFileIsUploadedListedDownloadedAndDeleted() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        byte[] pdf = TestDocuments.pdf("tax return");

        Reply url = Uploads.document(api, ada, "/api/files/upload-url", "Tax Return 2025.PDF", "application/pdf", pdf);
        String fileKey = url.text("fileKey");
        assertThat(fileKey).startsWith("private/" + ada.userId() + "/files/").endsWith("/tax-return-2025.pdf");
        assertThat(url.data()).containsEntry("expiresIn", 300);
        Reply created =
                api.post("/api/files/upload-complete", Map.of("fileKey", fileKey, "title", "Taxes"), ada.accessToken());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.data())
                .containsEntry("fileId", id)
                .containsEntry("title", "Taxes")
                .containsEntry("fileName", "tax-return-2025.pdf")
                .containsEntry("contentType", "application/pdf")
                .containsEntry("size", pdf.length)
                .containsEntry("version", 1)
                .doesNotContainKeys("objectKey", "userId");
        assertThat(fileKey).contains("/" + id + "/");
        String download = created.text("url");
        assertThat(download)
                .contains("X-Amz-Signature=")
                .contains("X-Amz-Expires=300")
                .doesNotContain("/media/");
        HttpResponse<byte[]> fetched = Uploads.fetch(download);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(pdf);
        assertThat(fetched.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"tax-return-2025.pdf\"");
        // The CDN's /media path never serves private objects.
        assertThat(Uploads.fetch(stack.baseUrl() + "/media/" + fileKey).statusCode())
                .isIn(403, 404);

        // Completing the same upload again cannot make a second record of the object.
        assertThat(api.post("/api/files/upload-complete", Map.of("fileKey", fileKey), ada.accessToken())
                        .errorCode())
                .isEqualTo("CONFLICT");

        String notes = complete(ada, "notes.txt", "text/plain", TestDocuments.text("Grüße, plain text\n"));
        String photo = complete(ada, "me.png", "image/png", TestImages.png(64, 48));
        Reply read = api.get("/api/files/" + photo, ada.accessToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data()).containsEntry("title", "me.png").containsEntry("contentType", "image/png");
        assertThat(Uploads.fetch(read.text("url")).headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"me.png\"");
        assertThat(pages(ada, "/api/files?limit=2", 2)).containsExactly(photo, notes, id);
        assertThat(pages(ada, "/api/files?contentType=text/plain", 20)).containsExactly(notes);
        assertThat(list(ada).getFirst()).containsKey("url").doesNotContainKey("objectKey");

        assertThat(api.delete("/api/files/" + id, ada.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/files/" + id, ada.accessToken()).errorCode()).isEqualTo("FILE_NOT_FOUND");
        assertThat(exists(fileKey)).isFalse();
        assertThat(Uploads.fetch(download).statusCode()).isEqualTo(404);
        assertThat(pages(ada, "/api/files", 20)).containsExactly(photo, notes);
    }

    @Test
    void uploadsOfTheWrongKindOrSizeAreRefusedUpFront() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");

        Reply zip = api.post(
                "/api/files/upload-url",
                Map.of("fileName", "a.zip", "fileType", "application/zip", "fileSize", 100),
                ada.accessToken());
        Reply html = api.post(
                "/api/files/upload-url",
                Map.of("fileName", "a.html", "fileType", "text/html", "fileSize", 100),
                ada.accessToken());
        Reply huge = api.post(
                "/api/files/upload-url",
                Map.of("fileName", "big.pdf", "fileType", "application/pdf", "fileSize", 25 * 1024 * 1024 + 1),
                ada.accessToken());
        Reply largest = api.post(
                "/api/files/upload-url",
                Map.of("fileName", "big.pdf", "fileType", "application/pdf", "fileSize", 25 * 1024 * 1024),
                ada.accessToken());

        assertThat(zip.errorCode()).isEqualTo("FILE_VALIDATION_ERROR");
        assertThat(html.errorCode()).isEqualTo("FILE_VALIDATION_ERROR");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(largest.status()).isEqualTo(200);
    }

    @Test
    void contentThatIsNotWhatItClaimsIsDeletedAndRefused() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Map<String, byte[]> claimedPdf = Map.of(
                "a PNG", TestImages.png(10, 10),
                "text", TestDocuments.text("%PD not quite"));
        for (Map.Entry<String, byte[]> upload : claimedPdf.entrySet()) {
            assertRefused(ada, "doc.pdf", "application/pdf", upload.getValue(), upload.getKey());
        }
        assertRefused(ada, "nul.txt", "text/plain", new byte[] {'a', 0, 'b'}, "text with NUL");
        assertRefused(ada, "latin1.txt", "text/plain", new byte[] {'c', 'a', 'f', (byte) 0xE9}, "not UTF-8");
        assertRefused(ada, "photo.png", "image/png", TestImages.jpegWithGps(10, 10), "a JPEG as PNG");
        assertRefused(ada, "photo.jpg", "image/jpeg", TestDocuments.pdf("x"), "a PDF as JPEG");

        assertThat(list(ada)).isEmpty();
    }

    @Test
    void keysThatAreNotTheCallersOwnUploadAreNotFound() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        byte[] pdf = TestDocuments.pdf("ada's");
        String adaKey = Uploads.document(api, ada, "/api/files/upload-url", "mine.pdf", "application/pdf", pdf)
                .text("fileKey");
        String id = adaKey.split("/")[3];
        String never = api.post(
                        "/api/files/upload-url",
                        Map.of("fileName", "never.pdf", "fileType", "application/pdf", "fileSize", 10),
                        ada.accessToken())
                .text("fileKey");

        List<String> tampered = List.of(
                adaKey.replace("/files/", "/receipts/"),
                adaKey.replace(id, id.substring(0, 35) + (id.endsWith("0") ? "1" : "0")),
                adaKey.replace("mine.pdf", "../mine.pdf"),
                "private/" + ada.userId() + "/files/" + id + "/",
                "uploads/" + ada.userId() + "/" + id + "-mine.pdf",
                never);
        for (String key : tampered) {
            assertThat(api.post("/api/files/upload-complete", Map.of("fileKey", key), ada.accessToken())
                            .errorCode())
                    .as(key)
                    .isEqualTo("FILE_NOT_FOUND");
        }
        Reply stolen = api.post("/api/files/upload-complete", Map.of("fileKey", adaKey), bob.accessToken());
        assertThat(stolen.errorCode()).isEqualTo("FILE_NOT_FOUND");
        assertThat(exists(adaKey)).isTrue();

        Reply mine = api.post("/api/files/upload-complete", Map.of("fileKey", adaKey), ada.accessToken());
        assertThat(mine.status()).isEqualTo(201);
        assertThat(list(bob)).isEmpty();
        assertThat(api.get("/api/files/" + id, bob.accessToken()).errorCode()).isEqualTo("FILE_NOT_FOUND");
        assertThat(api.delete("/api/files/" + id, bob.accessToken()).errorCode())
                .isEqualTo("FILE_NOT_FOUND");
        assertThat(exists(adaKey)).isTrue();
        assertThat(api.get("/api/files", null).errorCode()).isEqualTo("AUTH_UNAUTHORIZED");
    }

    private static void assertRefused(Account user, String name, String type, byte[] bytes, String what)
            throws Exception {
        String key = Uploads.document(api, user, "/api/files/upload-url", name, type, bytes)
                .text("fileKey");
        assertThat(exists(key)).as(what).isTrue();

        Reply refused = api.post("/api/files/upload-complete", Map.of("fileKey", key), user.accessToken());

        assertThat(refused.status()).as(what).isEqualTo(400);
        assertThat(refused.errorCode()).as(what).isEqualTo("FILE_UPLOAD_FAILED");
        assertThat(exists(key)).as(what + " is deleted").isFalse();
    }

    private static String complete(Account user, String name, String type, byte[] bytes) throws Exception {
        String key = Uploads.document(api, user, "/api/files/upload-url", name, type, bytes)
                .text("fileKey");
        Reply created = api.post("/api/files/upload-complete", Map.of("fileKey", key), user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(Uploads.fetch(created.text("url")).body()).isEqualTo(bytes);
        return created.text("id");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Account user) {
        Reply page = api.get("/api/files", user.accessToken());
        assertThat(page.status()).isEqualTo(200);
        return (List<Map<String, Object>>) page.data().get("items");
    }

    private static boolean exists(String key) {
        return exists(stack, key);
    }

    private static List<Long> usage(Account user) {
        return usage(stack, user);
    }

    /** The user's usage row: stored bytes and uploads kept. */
    static List<Long> usage(LocalCairn stack, Account user) {
        DynamoDbClient dynamoDb = stack.app().getBean(DynamoDbClient.class);
        Map<String, AttributeValue> row = dynamoDb.getItem(
                        r -> r.tableName(stack.app().getBean(TableNames.class).of(Tables.IMAGES))
                                .key(Map.of(
                                        "userId", AttributeValue.fromS(user.userId()),
                                        "imageId", AttributeValue.fromS("#usage"))))
                .item();
        return List.of(
                Long.parseLong(row.get("storedBytes").n()),
                Long.parseLong(row.get("files").n()));
    }

    /**
     * Whether the stack's media bucket holds anything at exactly {@code key}: the object, an older
     * version of it or a delete marker (a deleted object leaves none).
     */
    static boolean exists(LocalCairn stack, String key) {
        return !StoredVersions.of(stack, key).isEmpty();
    }
}
