package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.media.ImageRecord;
import dev.cairn.api.media.ImageRecords;
import dev.cairn.api.media.MediaProcessorHandler;
import dev.cairn.api.storage.MediaObjects;
import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import dev.cairn.local.LocalCairn;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Seed 001's pre-signed upload flow end to end, with the local CDN path and the variants. */
class ImageFlowTest extends EndToEnd {
    private static S3Client s3;

    @BeforeAll
    static void clients() {
        s3 = stack.app().getBean(S3Client.class);
    }

    @Test
    void anUploadIsCleanedThumbnailedAndGetsItsVariants() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        byte[] photo = TestImages.jpegWithGps(1600, 1200);
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains(TestImages.GPS_MARKER);

        Map<String, Object> image = upload(ada, "../My Guitar (front).JPG", "image/jpeg", photo);

        String imageId = (String) image.get("imageId");
        assertThat(image)
                .containsEntry("contentType", "image/jpeg")
                .containsEntry("width", 1600)
                .containsEntry("height", 1200);
        // The placeholder comes with the variants.
        assertThat(image).doesNotContainKey("placeholder");
        assertThat((String) image.get("imageUrl"))
                .startsWith(stack.baseUrl() + "/media/images/" + ada.userId() + "/" + imageId + "/");

        HttpResponse<byte[]> original = fetch((String) image.get("imageUrl"));
        assertThat(original.statusCode()).isEqualTo(200);
        // Cached five minutes at most (the CDN's cache policy caps it there too): a deleted image stops
        // being served within that time.
        assertThat(original.headers().firstValue("cache-control")).hasValue("public, max-age=300");
        String originalBytes = new String(original.body(), StandardCharsets.ISO_8859_1);
        assertThat(originalBytes).doesNotContain(TestImages.GPS_MARKER).doesNotContain("Exif");

        BufferedImage thumbnail =
                TestImages.decode(fetch((String) image.get("thumbnailUrl")).body());
        assertThat(thumbnail.getWidth()).isEqualTo(400);
        assertThat(thumbnail.getHeight()).isEqualTo(300);

        Map<String, Object> ready = awaitReady(ada, imageId);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> variants = (List<Map<String, Object>>) ready.get("variants");
        assertThat(variants)
                .extracting(v -> v.get("width") + "x" + v.get("height") + " " + v.get("format"))
                .containsExactlyInAnyOrder(
                        "320x240 image/jpeg",
                        "320x240 image/webp",
                        "640x480 image/jpeg",
                        "640x480 image/webp",
                        "1280x960 image/jpeg",
                        "1280x960 image/webp");
        for (Map<String, Object> variant : variants) {
            assertThat(variant).containsOnlyKeys("width", "height", "format", "url");
            HttpResponse<byte[]> served = fetch((String) variant.get("url"));
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("content-type")).hasValue((String) variant.get("format"));
            BufferedImage decoded = TestImages.decode(served.body());
            assertThat(decoded.getWidth()).isEqualTo(variant.get("width"));
            assertThat(decoded.getHeight()).isEqualTo(variant.get("height"));
            assertThat(new String(served.body(), StandardCharsets.ISO_8859_1))
                    .doesNotContain(TestImages.GPS_MARKER)
                    .doesNotContain("Exif");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> placeholder = (Map<String, Object>) ready.get("placeholder");
        assertThat(placeholder).containsOnlyKeys("color", "dataUri");
        // Blue with an orange oval over a fifth of it: about (74, 112, 129) on average.
        Color average = Color.decode((String) placeholder.get("color"));
        assertThat((String) placeholder.get("color")).matches("#[0-9a-f]{6}");
        assertThat(average.getRed()).isBetween(66, 82);
        assertThat(average.getGreen()).isBetween(104, 120);
        assertThat(average.getBlue()).isBetween(121, 137);
        String dataUri = (String) placeholder.get("dataUri");
        assertThat(dataUri).startsWith("data:image/jpeg;base64,").hasSizeLessThanOrEqualTo(1024);
        byte[] previewBytes = Base64.getDecoder().decode(dataUri.substring("data:image/jpeg;base64,".length()));
        BufferedImage preview = TestImages.decode(previewBytes);
        assertThat(preview.getWidth()).isEqualTo(16);
        assertThat(preview.getHeight()).isEqualTo(12);
        assertThat(new String(previewBytes, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        assertThat(s3.listObjectsV2(r -> r.bucket(LocalCairn.MEDIA_BUCKET).prefix("uploads/" + ada.userId() + "/"))
                        .contents())
                .isEmpty();
    }

    @Test
    void aTextFileNamedJpgIsRejectedAndRemoved() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        byte[] text = "just some notes, not a picture".getBytes(StandardCharsets.UTF_8);
        Reply url = api.post(
                "/api/images/upload-url",
                Map.of("fileName", "notes.jpg", "fileType", "image/jpeg", "fileSize", text.length),
                ada.accessToken());
        assertThat(put(url, text)).isEqualTo(200);

        Reply complete =
                api.post("/api/images/upload-complete", Map.of("imageKey", url.text("imageKey")), ada.accessToken());

        assertThat(complete.status()).isEqualTo(400);
        assertThat(complete.errorCode()).isEqualTo("IMAGE_UPLOAD_FAILED");
        assertThat(s3.listObjectsV2(r -> r.bucket(LocalCairn.MEDIA_BUCKET).prefix(url.text("imageKey")))
                        .contents())
                .isEmpty();
    }

    @Test
    void anImageBeyondTheDecodeBudgetIsRefusedFromItsHeaderAndRemoved() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        // 381 KB that would decode to ~400 MB; and one within the pixel count but not at 16 bits.
        byte[] bomb = TestImages.deepPng(7000, 7000);
        byte[] deep = TestImages.deepPng(4000, 4000);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        for (byte[] png : List.of(bomb, deep)) {
            Reply url = api.post(
                    "/api/images/upload-url",
                    Map.of("fileName", "deep.png", "fileType", "image/png", "fileSize", png.length),
                    ada.accessToken());
            assertThat(put(url, png)).isEqualTo(200);

            Reply complete = api.post(
                    "/api/images/upload-complete", Map.of("imageKey", url.text("imageKey")), ada.accessToken());

            assertThat(complete.status()).as(complete.body().toString()).isEqualTo(400);
            assertThat(complete.errorCode()).isEqualTo("IMAGE_UPLOAD_FAILED");
            assertThat(complete.error().get("message"))
                    .asString()
                    .contains("at 8 bytes a pixel")
                    .contains("at most 100 MB")
                    .contains("it was removed");
            assertThat(s3.listObjectsV2(r -> r.bucket(LocalCairn.MEDIA_BUCKET).prefix(url.text("imageKey")))
                            .contents())
                    .isEmpty();
        }
        assertThat(stack.app().getBean(ImageRecords.class).all(ada.userId())).isEmpty();
    }

    @Test
    void onlySmallEnoughImagesAreAcceptedForUpload() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");

        Reply tooLarge = api.post(
                "/api/images/upload-url",
                Map.of("fileName", "huge.jpg", "fileType", "image/jpeg", "fileSize", 10 * 1024 * 1024 + 1),
                ada.accessToken());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");

        Reply notAnImage = api.post(
                "/api/images/upload-url",
                Map.of("fileName", "cv.pdf", "fileType", "application/pdf", "fileSize", 1000),
                ada.accessToken());
        assertThat(notAnImage.status()).isEqualTo(400);
        assertThat(notAnImage.errorCode()).isEqualTo("IMAGE_VALIDATION_ERROR");

        Reply url = api.post(
                "/api/images/upload-url",
                Map.of("fileName", "ok.png", "fileType", "image/png", "fileSize", 1000),
                ada.accessToken());
        assertThat(url.data())
                .containsEntry("expiresIn", 300)
                .containsEntry("headers", Map.of("Content-Type", "image/png"));
        assertThat(url.text("imageKey")).matches("uploads/" + ada.userId() + "/[0-9a-f-]{36}-ok\\.png");
    }

    @Test
    void oneUserCanNeverReachAnothersImages() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account eve = Accounts.signedIn(stack, api, "Eve");
        Map<String, Object> image = upload(ada, "mine.png", "image/png", TestImages.png(300, 200));
        String imageId = (String) image.get("imageId");

        Reply adasUpload = api.post(
                "/api/images/upload-url",
                Map.of("fileName", "pending.png", "fileType", "image/png", "fileSize", 10),
                ada.accessToken());
        for (String key : List.of(
                adasUpload.text("imageKey"),
                "uploads/" + eve.userId() + "/../" + ada.userId() + "/x.png",
                "images/" + ada.userId() + "/" + imageId + "/original.png")) {
            Reply stolen = api.post("/api/images/upload-complete", Map.of("imageKey", key), eve.accessToken());
            assertThat(stolen.status()).as(key).isEqualTo(404);
            assertThat(stolen.errorCode()).isEqualTo("IMAGE_NOT_FOUND");
        }
        assertThat(api.get("/api/images/" + imageId, eve.accessToken()).errorCode())
                .isEqualTo("IMAGE_NOT_FOUND");
        assertThat(api.delete("/api/images/" + imageId, eve.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/images/optimize", Map.of("imageIds", List.of(imageId)), eve.accessToken())
                        .status())
                .isEqualTo(404);

        assertThat(api.get("/api/images/" + imageId, ada.accessToken()).status())
                .isEqualTo(200);
    }

    @Test
    void deletingAnImageRemovesEveryVariant() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Map<String, Object> image = upload(ada, "gone.png", "image/png", TestImages.png(700, 500));
        String imageId = (String) image.get("imageId");
        awaitReady(ada, imageId);

        Reply optimized = api.post("/api/images/optimize", Map.of("imageIds", List.of(imageId)), ada.accessToken());
        assertThat(optimized.data()).containsEntry("imageIds", List.of(imageId));
        awaitReady(ada, imageId);

        String prefix = "images/" + ada.userId() + "/" + imageId + "/";
        assertThat(StoredVersions.under(stack, prefix)).isNotEmpty();
        assertThat(api.delete("/api/images/" + imageId, ada.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/images/" + imageId, ada.accessToken()).status())
                .isEqualTo(404);
        assertThat(s3.listObjectsV2(r -> r.bucket(LocalCairn.MEDIA_BUCKET).prefix(prefix))
                        .contents())
                .isEmpty();
        // The bucket is versioned: no older version and no delete marker is left either, nor of the upload.
        assertThat(StoredVersions.under(stack, prefix)).isEmpty();
        assertThat(StoredVersions.under(stack, "uploads/" + ada.userId() + "/")).isEmpty();
        assertThat(fetch((String) image.get("thumbnailUrl")).statusCode()).isEqualTo(404);
    }

    @Test
    void optimizeWritesTheOriginalAgainSoTheBucketEventRunsTheProcessor() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String imageId = (String)
                upload(ada, "again.png", "image/png", TestImages.png(700, 500)).get("imageId");
        awaitReady(ada, imageId);
        String originalKey = stack.app()
                .getBean(ImageRecords.class)
                .find(ada.userId(), imageId)
                .orElseThrow()
                .originalKey();
        assertThat(StoredVersions.of(stack, originalKey)).hasSize(1);

        Reply optimized = api.post("/api/images/optimize", Map.of("imageIds", List.of(imageId)), ada.accessToken());

        assertThat(optimized.status()).isEqualTo(200);
        // In AWS the copy raises the bucket's Object Created event for the original, which the
        // media-processor's rule takes as it takes a new upload (see the infra contract test).
        HeadObjectResponse rewritten =
                s3.headObject(r -> r.bucket(LocalCairn.MEDIA_BUCKET).key(originalKey));
        assertThat(rewritten.metadata()).containsEntry(MediaObjects.REWRITTEN_FOR, "optimize");
        assertThat(rewritten.contentType()).isEqualTo("image/png");
        assertThat(rewritten.cacheControl()).isEqualTo("public, max-age=300");
        // One version stays: in AWS the copy is a new version and the one it replaced is deleted
        // (S3Mock copies an object onto itself within its version).
        assertThat(StoredVersions.of(stack, originalKey)).hasSize(1);
        Map<String, Object> ready = awaitReady(ada, imageId);
        assertThat((List<?>) ready.get("variants")).isNotEmpty();
    }

    @Test
    void theMediaProcessorFunctionMakesVariantsFromTheBucketEvent() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String imageId = (String)
                upload(ada, "event.png", "image/png", TestImages.png(900, 600)).get("imageId");
        awaitReady(ada, imageId);
        ImageRecords records = stack.app().getBean(ImageRecords.class);
        ImageRecord record = records.find(ada.userId(), imageId).orElseThrow();
        for (ImageRecord.Variant variant : record.variants()) {
            s3.deleteObject(r -> r.bucket(LocalCairn.MEDIA_BUCKET).key(variant.key()));
        }
        records.update(new ImageRecord(
                record.userId(),
                record.imageId(),
                record.format(),
                record.width(),
                record.height(),
                record.bytes(),
                record.originalKey(),
                record.thumbnailKey(),
                List.of(),
                ImageRecord.PROCESSING,
                record.createdAt(),
                record.updatedAt(),
                null));

        String event = """
                {"version":"0","source":"aws.s3","detail-type":"Object Created",
                 "detail":{"bucket":{"name":"%s"},"object":{"key":"%s","size":1}}}
                """.formatted(LocalCairn.MEDIA_BUCKET, record.originalKey());
        new MediaProcessorHandler(stack.app())
                .handleRequest(
                        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(),
                        null);

        ImageRecord processed = records.find(ada.userId(), imageId).orElseThrow();
        assertThat(processed.status()).isEqualTo(ImageRecord.READY);
        assertThat(processed.variants())
                .extracting(v -> v.width() + "x" + v.height())
                .containsOnly("320x213", "640x427");
        assertThat(processed.placeholder()).isNotNull();
        for (ImageRecord.Variant variant : processed.variants()) {
            assertThat(s3.headObject(r -> r.bucket(LocalCairn.MEDIA_BUCKET).key(variant.key()))
                            .contentLength())
                    .isPositive();
        }
    }

    private static Map<String, Object> upload(Account user, String name, String type, byte[] bytes) throws Exception {
        return Uploads.image(api, user, name, type, bytes);
    }

    private static int put(Reply url, byte[] bytes) throws Exception {
        return Uploads.put(url, bytes);
    }

    private static HttpResponse<byte[]> fetch(String url) throws Exception {
        return Uploads.fetch(url);
    }
}
