package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.TableNames;
import dev.cairn.api.media.ImageRecords;
import dev.cairn.contract.Tables;
import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Uploads kept from before storage usage was counted: a user without a usage row is counted once
 * from what they keep, however their next upload reaches the count (asking for an upload URL, or
 * completing an upload whose URL was handed out before).
 */
class StorageUsageTest extends EndToEnd {

    @Test
    void theNextUploadUrlCountsWhatTheUserAlreadyKeeps() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        byte[] first = TestDocuments.pdf("first receipt");
        String image = (String) Uploads.image(api, ada, "front.png", "image/png", TestImages.png(64, 48))
                .get("imageId");
        attachReceipt(ada, guitar(ada), first);
        long imageBytes = stack.app()
                .getBean(ImageRecords.class)
                .find(ada.userId(), image)
                .orElseThrow()
                .bytes();
        forgetUsage(ada);

        byte[] second = TestDocuments.pdf("second receipt, a little longer");
        attachReceipt(ada, guitar(ada), second);

        assertThat(PrivateFilesTest.usage(stack, ada)).containsExactly(imageBytes + first.length + second.length, 3L);
    }

    @Test
    void aCompletionAfterTheRowWentMissingCountsTheRestOnceAndItselfOnce() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        byte[] first = TestDocuments.pdf("kept receipt");
        attachReceipt(ada, guitar(ada), first);
        String base = "/api/guitars/" + guitar(ada) + "/receipt";
        byte[] second = TestDocuments.pdf("receipt uploaded before the count");
        String key = Uploads.document(api, ada, base + "/upload-url", "r.pdf", "application/pdf", second)
                .text("fileKey");
        forgetUsage(ada);

        Reply attached = api.post(base + "/upload-complete", Map.of("fileKey", key), ada.accessToken());

        assertThat(attached.status()).as(attached.body().toString()).isEqualTo(200);
        assertThat(PrivateFilesTest.usage(stack, ada)).containsExactly((long) first.length + second.length, 2L);
    }

    @Test
    void anImageCompletedAfterTheRowWentMissingIsCountedOnce() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        byte[] receipt = TestDocuments.pdf("kept receipt");
        attachReceipt(ada, guitar(ada), receipt);
        byte[] png = TestImages.png(64, 48);
        Reply url = api.post(
                "/api/images/upload-url",
                Map.of("fileName", "back.png", "fileType", "image/png", "fileSize", png.length),
                ada.accessToken());
        assertThat(Uploads.put(url, png)).isEqualTo(200);
        forgetUsage(ada);

        Reply complete =
                api.post("/api/images/upload-complete", Map.of("imageKey", url.text("imageKey")), ada.accessToken());

        assertThat(complete.status()).as(complete.body().toString()).isEqualTo(200);
        long imageBytes = stack.app()
                .getBean(ImageRecords.class)
                .find(ada.userId(), complete.text("imageId"))
                .orElseThrow()
                .bytes();
        assertThat(PrivateFilesTest.usage(stack, ada)).containsExactly(receipt.length + imageBytes, 2L);
    }

    private static String guitar(Account user) {
        Reply created = api.post(
                "/api/guitars",
                Map.of("brand", "Gibson", "model", "Les Paul", "year", 1959, "type", "electric"),
                user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private static void attachReceipt(Account user, String guitarId, byte[] pdf) throws Exception {
        String base = "/api/guitars/" + guitarId + "/receipt";
        String key = Uploads.document(api, user, base + "/upload-url", "receipt.pdf", "application/pdf", pdf)
                .text("fileKey");
        Reply attached = api.post(base + "/upload-complete", Map.of("fileKey", key), user.accessToken());
        assertThat(attached.status()).as(attached.body().toString()).isEqualTo(200);
    }

    /** Puts the user where every user was before uploads were counted: no usage row. */
    private static void forgetUsage(Account user) {
        stack.app().getBean(DynamoDbClient.class).deleteItem(r -> r.tableName(
                        stack.app().getBean(TableNames.class).of(Tables.IMAGES))
                .key(Map.of(
                        "userId", AttributeValue.fromS(user.userId()),
                        "imageId", AttributeValue.fromS("#usage"))));
    }
}
