package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.TableNames;
import dev.cairn.api.media.ImageRecords;
import dev.cairn.contract.Tables;
import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import dev.cairn.local.LocalCairn;
import dev.cairn.local.SampleData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Seed 001's client journey on the guitar-collection blueprint: CRUD, filters, pages, notes, images. */
class GuitarCollectionTest extends EndToEnd {

    @Test
    void aGuitarIsCreatedReadChangedAndDeleted() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Map<String, Object> strat = guitar("Fender", "Stratocaster", 1965, "electric");
        strat.put("privateInfo", Map.of("serialNumber", "L12345", "purchasePrice", 1800.50, "currency", "EUR"));
        strat.put("detailedSpecs", Map.of("radius", "7.25 in"));

        Reply created = api.post("/api/guitars", strat, ada.accessToken());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.data())
                .containsEntry("guitarId", id)
                .containsEntry("brand", "Fender")
                .containsEntry("year", 1965)
                .containsEntry("version", 1)
                .containsEntry("detailedSpecs", Map.of("radius", "7.25 in"))
                .containsKeys("createdAt", "updatedAt")
                .doesNotContainKey("userId");
        assertThat(created.raw().headers().firstValue("ETag")).hasValue("\"1\"");

        Reply read = api.get("/api/guitars/" + id, ada.accessToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data()).isEqualTo(created.data());
        assertThat(read.data().get("privateInfo"))
                .isEqualTo(Map.of("serialNumber", "L12345", "purchasePrice", 1800.5, "currency", "EUR"));

        Map<String, Object> changed = new LinkedHashMap<>(strat);
        changed.put("color", "Sunburst");
        changed.put("version", 1);
        Reply replaced = api.send("PUT", "/api/guitars/" + id, changed, ada.accessToken());
        assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
        assertThat(replaced.data())
                .containsEntry("color", "Sunburst")
                .containsEntry("version", 2)
                .containsEntry("createdAt", created.data().get("createdAt"));

        Reply patched = api.send(
                "PATCH",
                "/api/guitars/" + id,
                Map.of("finish", "Nitro", "detailedSpecs", Map.of("radius", "9.5 in")),
                ada.accessToken(),
                Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"2\""));
        assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
        assertThat(patched.data())
                .containsEntry("finish", "Nitro")
                .containsEntry("color", "Sunburst")
                .containsEntry("model", "Stratocaster")
                .containsEntry("detailedSpecs", Map.of("radius", "9.5 in"))
                .containsEntry("version", 3);

        Map<String, Object> removeColor = new HashMap<>();
        removeColor.put("color", null);
        Reply removed = api.send("PATCH", "/api/guitars/" + id, removeColor, ada.accessToken());
        assertThat(removed.data()).doesNotContainKey("color").containsEntry("finish", "Nitro");

        Reply deleted = api.delete("/api/guitars/" + id, ada.accessToken());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/guitars/" + id, ada.accessToken()).errorCode()).isEqualTo("GUITAR_NOT_FOUND");
        assertThat(api.delete("/api/guitars/" + id, ada.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void aStaleVersionIsAConflictAndWritesNothing() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String id = create(ada, guitar("Gibson", "Les Paul", 1959, "electric"));
        Map<String, Object> first = guitar("Gibson", "Les Paul Custom", 1959, "electric");
        first.put("version", 1);
        assertThat(api.send("PUT", "/api/guitars/" + id, first, ada.accessToken())
                        .status())
                .isEqualTo(200);

        Map<String, Object> stale = guitar("Gibson", "Les Paul Junior", 1959, "electric");
        stale.put("version", 1);
        Reply conflict = api.send("PUT", "/api/guitars/" + id, stale, ada.accessToken());
        Reply staleTag = api.send(
                "PATCH", "/api/guitars/" + id, Map.of("model", "SG"), ada.accessToken(), Map.of("If-Match", "\"1\""));
        Reply staleDelete =
                api.send("DELETE", "/api/guitars/" + id, null, ada.accessToken(), Map.of("If-Match", "\"1\""));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorCode()).isEqualTo("CONFLICT");
        assertThat(staleTag.errorCode()).isEqualTo("CONFLICT");
        assertThat(staleDelete.errorCode()).isEqualTo("CONFLICT");
        Reply stored = api.get("/api/guitars/" + id, ada.accessToken());
        assertThat(stored.data()).containsEntry("model", "Les Paul Custom").containsEntry("version", 2);
    }

    @Test
    void badGuitarsAreRefusedFieldByField() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Map<String, Object> bad = guitar("", "X", 1700, "electric");
        bad.put("numberOfFrets", 40);
        bad.put("privateInfo", Map.of("currency", "XYZ", "purchasePrice", -1, "purchaseDate", "2020-02-30"));

        Reply refused = api.post("/api/guitars", bad, ada.accessToken());
        Reply future = api.post(
                "/api/guitars",
                guitar("Fender", "Time Machine", java.time.Year.now().getValue() + 2, "electric"),
                ada.accessToken());
        Reply wrongType =
                api.post("/api/guitars", Map.of("brand", "Fender", "model", "X", "year", "old"), ada.accessToken());
        Reply notAnObject = api.post("/api/guitars", List.of(1, 2), ada.accessToken());
        Reply notJson = api.post("/api/guitars", "{brand:", ada.accessToken());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("GUITAR_VALIDATION_ERROR");
        assertThat(fields(refused))
                .contains(
                        "brand",
                        "year",
                        "numberOfFrets",
                        "privateInfo.currency",
                        "privateInfo.purchasePrice",
                        "privateInfo.purchaseDate");
        assertThat(fields(future)).containsExactly("year");
        assertThat(wrongType.errorCode()).isEqualTo("GUITAR_VALIDATION_ERROR");
        assertThat(fields(wrongType)).containsExactly("year");
        assertThat(notAnObject.errorCode()).isEqualTo("GUITAR_VALIDATION_ERROR");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(api.get("/api/guitars", ada.accessToken()).data().get("items"))
                .asList()
                .isEmpty();
    }

    @Test
    void listsPageWithoutGapsOrDuplicatesAndFilter() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        List<String> created = new ArrayList<>();
        String[] brands = {"Fender", "Gibson", "Martin"};
        for (int i = 0; i < 25; i++) {
            created.add(
                    create(ada, guitar(brands[i % 3], "Model " + i, 1950 + i, i % 2 == 0 ? "electric" : "acoustic")));
        }

        List<String> all = pages(ada, "/api/guitars?limit=10", 10);
        List<String> fenders = pages(ada, "/api/guitars?brand=Fender&limit=3", 3);
        List<String> acousticSixties = pages(ada, "/api/guitars?type=acoustic&yearFrom=1960&yearTo=1969&limit=2", 2);

        assertThat(all).isEqualTo(created.reversed());
        List<String> expectedFenders = new ArrayList<>();
        List<String> expectedAcoustic = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            if (i % 3 == 0) {
                expectedFenders.add(created.get(i));
            }
            if (i % 2 == 1 && 1950 + i >= 1960 && 1950 + i <= 1969) {
                expectedAcoustic.add(created.get(i));
            }
        }
        assertThat(fenders).containsExactlyInAnyOrderElementsOf(expectedFenders);
        assertThat(acousticSixties).isEqualTo(expectedAcoustic.reversed());
        assertThat(api.get("/api/guitars/brands", ada.accessToken()).body().get("data"))
                .isEqualTo(List.of("Fender", "Gibson", "Martin"));
    }

    @Test
    void badListRequestsAreRefused() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        for (int i = 0; i < 3; i++) {
            create(ada, guitar("Fender", "Model " + i, 1960, "electric"));
        }
        String cursor = (String)
                api.get("/api/guitars?limit=1", ada.accessToken()).data().get("nextCursor");
        assertThat(cursor).isNotBlank();
        String tampered = cursor.substring(0, cursor.indexOf('.') - 2) + "AA" + cursor.substring(cursor.indexOf('.'));

        assertThat(api.get("/api/guitars?limit=1&cursor=" + tampered, ada.accessToken())
                        .errorCode())
                .isEqualTo("GUITAR_VALIDATION_ERROR");
        assertThat(api.get("/api/guitars?limit=1&cursor=" + cursor, bob.accessToken())
                        .errorCode())
                .isEqualTo("GUITAR_VALIDATION_ERROR");
        assertThat(api.get("/api/guitars?limit=1&brand=Fender&cursor=" + cursor, ada.accessToken())
                        .errorCode())
                .isEqualTo("GUITAR_VALIDATION_ERROR");
        assertThat(api.get("/api/guitars?limit=101", ada.accessToken()).errorCode())
                .isEqualTo("GUITAR_VALIDATION_ERROR");
        assertThat(api.get("/api/guitars?limit=0", ada.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/guitars?yearFrom=sixties", ada.accessToken()).errorCode())
                .isEqualTo("GUITAR_VALIDATION_ERROR");
        assertThat(api.get("/api/guitars?limit=1&cursor=" + cursor, ada.accessToken())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void numbersOutOfRangeAreRefusedInFiltersAndBodies() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String id = create(ada, guitar("Fender", "Stratocaster", 1962, "electric"));

        // Spelt out, 1e999999999 is a billion digits; it must be refused from its text alone.
        for (String bad : List.of("1e999999999", "-1E+999999999", "1e5", "1" + "0".repeat(38), "0x10", "1.", "NaN")) {
            Reply refused = api.get("/api/guitars?yearFrom=" + bad, ada.accessToken());
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.errorCode()).as(bad).isEqualTo("GUITAR_VALIDATION_ERROR");
            assertThat(fields(refused)).as(bad).containsExactly("yearFrom");
        }
        assertThat(api.get("/api/guitars?yearTo=1e999999999", ada.accessToken()).errorCode())
                .isEqualTo("GUITAR_VALIDATION_ERROR");
        assertThat(pages(ada, "/api/guitars?yearFrom=1960.5&yearTo=+1963", 20)).containsExactly(id);

        // Bodies: beyond DynamoDB's range (38 digits, magnitude below 1E+126) is 400, never 500.
        String base = "{\"brand\":\"Gibson\",\"model\":\"SG\",\"privateInfo\":{\"purchasePrice\":";
        for (String bad : List.of("1e999999999", "-1e999999999", "1e200", "1e-200", "1" + "0".repeat(130))) {
            Reply refused = api.post("/api/guitars", base + bad + "}}", ada.accessToken());
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.errorCode()).as(bad).isEqualTo("GUITAR_VALIDATION_ERROR");
            assertThat(fields(refused)).as(bad).containsExactly("privateInfo.purchasePrice");
            Reply patched = api.send(
                    "PATCH",
                    "/api/guitars/" + id,
                    "{\"privateInfo\":{\"currentValue\":" + bad + "}}",
                    ada.accessToken());
            assertThat(patched.status()).as(bad).isEqualTo(400);
            assertThat(fields(patched)).as(bad).containsExactly("privateInfo.currentValue");
        }
        Reply year = api.post(
                "/api/guitars", "{\"brand\":\"Gibson\",\"model\":\"SG\",\"year\":1e999999999}", ada.accessToken());
        assertThat(year.errorCode()).isEqualTo("GUITAR_VALIDATION_ERROR");
        assertThat(fields(year)).containsExactly("year");
        Reply fine = api.post("/api/guitars", base + "12345678901234567890.123456789012345678}}", ada.accessToken());
        assertThat(fine.status()).as(fine.body().toString()).isEqualTo(201);
        assertThat(pages(ada, "/api/guitars", 20)).hasSize(2);

        Reply preferences = api.send("PUT", "/api/user/preferences", "{\"anything\":1e999999999}", ada.accessToken());
        assertThat(preferences.status()).isEqualTo(400);
        assertThat(fields(preferences)).containsExactly("preferences.anything");
    }

    @Test
    void brandsFollowCreatesChangesAndDeletes() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String martin = create(ada, guitar("Martin", "D-28", 1970, "acoustic"));
        create(ada, guitar("Gibson", "J-45", 1950, "acoustic"));
        String second = create(ada, guitar("Gibson", "ES-335", 1962, "electric"));

        assertThat(brands(ada)).isEqualTo(List.of("Gibson", "Martin"));
        Map<String, Object> rebranded = guitar("Epiphone", "ES-335", 1962, "electric");
        assertThat(api.send("PUT", "/api/guitars/" + second, rebranded, ada.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(brands(ada)).isEqualTo(List.of("Epiphone", "Gibson", "Martin"));
        assertThat(api.delete("/api/guitars/" + martin, ada.accessToken()).status())
                .isEqualTo(204);
        assertThat(brands(ada)).isEqualTo(List.of("Epiphone", "Gibson"));
        assertThat(pages(ada, "/api/guitars", 20)).hasSize(2);
    }

    @Test
    void notesAreAddedKeptAndRemoved() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String id = create(ada, guitar("Fender", "Telecaster", 1952, "electric"));

        Reply noted =
                api.post("/api/guitars/" + id + "/notes", Map.of("content", "New strings, 10-46"), ada.accessToken());
        assertThat(noted.status()).as(noted.body().toString()).isEqualTo(201);
        List<Map<String, Object>> notes = notes(noted);
        assertThat(notes).singleElement().satisfies(n -> assertThat(n)
                .containsEntry("content", "New strings, 10-46")
                .containsKeys("id", "createdAt"));
        String noteId = (String) notes.getFirst().get("id");

        Map<String, Object> replacement = guitar("Fender", "Telecaster Custom", 1952, "electric");
        replacement.put("notes", List.of());
        Reply replaced = api.send("PUT", "/api/guitars/" + id, replacement, ada.accessToken());
        assertThat(notes(replaced)).hasSize(1);

        assertThat(api.post("/api/guitars/" + id + "/notes", Map.of("content", " "), ada.accessToken())
                        .errorCode())
                .isEqualTo("GUITAR_VALIDATION_ERROR");
        assertThat(api.delete("/api/guitars/" + id + "/notes/" + Accounts.newEmail(), ada.accessToken())
                        .errorCode())
                .isEqualTo("NOTE_NOT_FOUND");
        Reply removed = api.delete("/api/guitars/" + id + "/notes/" + noteId, ada.accessToken());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(notes(removed)).isEmpty();
    }

    @Test
    void imagesAreAttachedAndGoWithTheGuitar() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        String front = (String) Uploads.image(api, ada, "front.png", "image/png", TestImages.png(800, 600))
                .get("imageId");
        String back = (String) Uploads.image(api, ada, "back.png", "image/png", TestImages.png(800, 600))
                .get("imageId");
        String bobs = (String) Uploads.image(api, bob, "bob.png", "image/png", TestImages.png(100, 100))
                .get("imageId");

        Map<String, Object> withBobs = guitar("Gibson", "Flying V", 1958, "electric");
        withBobs.put("images", List.of(Map.of("id", bobs)));
        Reply refused = api.post("/api/guitars", withBobs, ada.accessToken());
        assertThat(refused.errorCode()).isEqualTo("GUITAR_VALIDATION_ERROR");
        assertThat(fields(refused)).containsExactly("images[0].id");

        Map<String, Object> v = guitar("Gibson", "Flying V", 1958, "electric");
        v.put(
                "images",
                List.of(
                        Map.of("id", back, "caption", "Back", "order", 2),
                        Map.of("id", front, "caption", "Front", "isPrimary", true, "order", 1)));
        Reply created = api.post("/api/guitars", v, ada.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        // Variants are made in the background; once they are, every object of the image exists.
        awaitReady(ada, front);
        awaitReady(ada, back);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images =
                (List<Map<String, Object>>) created.data().get("images");
        assertThat(images).extracting(i -> i.get("id")).containsExactly(front, back);
        assertThat(images.getFirst())
                .containsEntry("caption", "Front")
                .containsEntry("isPrimary", true)
                .doesNotContainKeys("key", "thumbnailKey");
        assertThat(Uploads.fetch((String) images.getFirst().get("url")).statusCode())
                .isEqualTo(200);
        assertThat(Uploads.fetch((String) images.getFirst().get("thumbnailUrl")).statusCode())
                .isEqualTo(200);

        assertThat(api.delete("/api/guitars/" + created.text("id"), ada.accessToken())
                        .status())
                .isEqualTo(204);

        assertThat(api.get("/api/images/" + front, ada.accessToken()).errorCode())
                .isEqualTo("IMAGE_NOT_FOUND");
        assertThat(api.get("/api/images/" + back, ada.accessToken()).errorCode())
                .isEqualTo("IMAGE_NOT_FOUND");
        assertThat(stack.app().getBean(ImageRecords.class).all(ada.userId())).isEmpty();
        S3Client s3 = stack.app().getBean(S3Client.class);
        assertThat(s3.listObjectsV2(r -> r.bucket(LocalCairn.MEDIA_BUCKET).prefix("images/" + ada.userId() + "/"))
                        .contents())
                .isEmpty();
        assertThat(api.get("/api/images/" + bobs, bob.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void filesAndApiKeysAreNotPartOfThisBlueprint() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");

        assertThat(api.get("/api/files", ada.accessToken()).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.post("/api/keys", Map.of("name", "k"), ada.accessToken()).errorCode())
                .isEqualTo("NOT_FOUND");
        Reply withKey = api.send("GET", "/api/guitars", null, null, Map.of("X-Api-Key", "cairn_" + "A".repeat(43)));
        assertThat(withKey.status()).isEqualTo(401);
        assertThat(withKey.errorCode()).isEqualTo("AUTH_UNAUTHORIZED");
    }

    @Test
    void usersNeverSeeEachOthersGuitars() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        String adas = create(ada, guitar("Rickenbacker", "360", 1964, "electric"));

        assertThat(api.get("/api/guitars/" + adas, bob.accessToken()).errorCode())
                .isEqualTo("GUITAR_NOT_FOUND");
        assertThat(api.send(
                                "PUT",
                                "/api/guitars/" + adas,
                                guitar("Rickenbacker", "Mine", 1964, "electric"),
                                bob.accessToken())
                        .errorCode())
                .isEqualTo("GUITAR_NOT_FOUND");
        assertThat(api.delete("/api/guitars/" + adas, bob.accessToken()).errorCode())
                .isEqualTo("GUITAR_NOT_FOUND");
        assertThat(api.post("/api/guitars/" + adas + "/notes", Map.of("content", "mine now"), bob.accessToken())
                        .errorCode())
                .isEqualTo("GUITAR_NOT_FOUND");
        assertThat(pages(bob, "/api/guitars", 20)).isEmpty();
        assertThat(brands(bob)).isEmpty();
        assertThat(api.get("/api/guitars", null).status()).isEqualTo(401);
        assertThat(api.get("/api/guitars/" + adas, ada.accessToken()).data()).containsEntry("model", "360");
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportHoldsTheGuitarsAndAccountDeletionErasesThem() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String id = create(ada, guitar("Gretsch", "White Falcon", 1955, "electric"));

        Reply export = api.get("/api/user/export", ada.accessToken());
        assertThat(export.data().get("guitars")).asList().singleElement().satisfies(g -> assertThat(
                        (Map<String, Object>) g)
                .containsEntry("id", id)
                .containsEntry("model", "White Falcon"));

        Reply deleted =
                api.send("DELETE", "/api/user/account", Map.of("password", Accounts.PASSWORD), ada.accessToken());
        assertThat(deleted.status()).isEqualTo(200);

        var items = stack.app()
                .getBean(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class)
                .query(r -> r.tableName(stack.app().getBean(TableNames.class).of(Tables.GUITARS))
                        .keyConditionExpression("userId = :u")
                        .expressionAttributeValues(Map.of(
                                ":u",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(ada.userId()))))
                .items();
        assertThat(items).isEmpty();
    }

    @Test
    void sampleDataGivesTheDemoUserAPopulatedCollection() {
        SampleData.Seeded seeded = SampleData.seed(stack);
        SampleData.Seeded again = SampleData.seed(stack);

        assertThat(seeded.existed()).isFalse();
        assertThat(again.existed()).isTrue();
        assertThat(again.items()).isZero();
        Reply login = api.post("/api/auth/login", Map.of("email", seeded.email(), "password", seeded.password()));
        Account demo = new Account(seeded.email(), null, login.text("accessToken"), null);
        List<String> guitars = pages(demo, "/api/guitars", 20);
        assertThat(guitars).hasSize(5);
        assertThat(seeded.items()).isEqualTo(6);
        assertThat(brands(demo)).containsExactly("Fender", "Gibson", "Martin", "Yamaha");
        assertThat(notes(api.get("/api/guitars/" + guitars.getLast(), demo.accessToken())))
                .singleElement()
                .satisfies(n -> assertThat((String) n.get("content")).startsWith("Restrung"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReceiptIsPrivateServedSignedAndGoesWithTheGuitar() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        Map<String, Object> les = guitar("Gibson", "Les Paul", 1959, "electric");
        les.put("privateInfo", Map.of("serialNumber", "9 0001", "currency", "USD"));
        String id = create(ada, les);
        String base = "/api/guitars/" + id + "/receipt";
        byte[] pdf = TestDocuments.pdf("receipt 1959");

        String key = Uploads.document(api, ada, base + "/upload-url", "Receipt.pdf", "application/pdf", pdf)
                .text("fileKey");
        assertThat(key).startsWith("private/" + ada.userId() + "/receipts/" + id + "/");
        Reply attached = api.post(base + "/upload-complete", Map.of("fileKey", key), ada.accessToken());

        assertThat(attached.status()).as(attached.body().toString()).isEqualTo(200);
        Map<String, Object> info = (Map<String, Object>) attached.data().get("privateInfo");
        assertThat(info).containsEntry("serialNumber", "9 0001").containsKey("receiptUrl");
        assertThat(attached.data()).doesNotContainKey("receipt").containsEntry("version", 2);
        String url = (String) info.get("receiptUrl");
        assertThat(url).contains("X-Amz-Expires=300").contains("X-Amz-Signature=");
        var download = Uploads.fetch(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"receipt.pdf\"");
        assertThat(Uploads.fetch(stack.baseUrl() + "/media/" + key).statusCode())
                .isIn(403, 404);
        // Only the key is stored, never a URL.
        assertThat(storedGuitar(ada, id).toString()).contains(key).doesNotContain("X-Amz");

        // A replace from a client that echoes the view keeps the receipt and stores no URL.
        Map<String, Object> echoed = new LinkedHashMap<>(les);
        echoed.put("privateInfo", info);
        echoed.put("color", "Cherry Sunburst");
        Reply replaced = api.send("PUT", "/api/guitars/" + id, echoed, ada.accessToken());
        assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
        assertThat((Map<String, Object>) replaced.data().get("privateInfo")).containsKey("receiptUrl");
        assertThat(storedGuitar(ada, id).toString()).doesNotContain("X-Amz");

        // Someone else can neither upload for the guitar nor attach its upload to their own.
        String bobs = create(bob, guitar("Gibson", "SG", 1961, "electric"));
        assertThat(api.post(
                                base + "/upload-url",
                                Map.of("fileName", "r.pdf", "fileType", "application/pdf", "fileSize", 10),
                                bob.accessToken())
                        .errorCode())
                .isEqualTo("GUITAR_NOT_FOUND");
        assertThat(api.post(
                                "/api/guitars/" + bobs + "/receipt/upload-complete",
                                Map.of("fileKey", key),
                                bob.accessToken())
                        .errorCode())
                .isEqualTo("RECEIPT_NOT_FOUND");
        assertThat(api.get("/api/guitars/" + bobs, bob.accessToken()).data().get("privateInfo"))
                .isNull();

        // Only documents and photos, checked by content; a bad upload is removed.
        assertThat(api.post(
                                base + "/upload-url",
                                Map.of("fileName", "r.txt", "fileType", "text/plain", "fileSize", 10),
                                ada.accessToken())
                        .errorCode())
                .isEqualTo("RECEIPT_VALIDATION_ERROR");
        String fake = Uploads.document(api, ada, base + "/upload-url", "r.pdf", "application/pdf", TestImages.png(8, 8))
                .text("fileKey");
        assertThat(api.post(base + "/upload-complete", Map.of("fileKey", fake), ada.accessToken())
                        .errorCode())
                .isEqualTo("RECEIPT_UPLOAD_FAILED");
        assertThat(PrivateFilesTest.exists(stack, fake)).isFalse();

        // A new receipt replaces the old one, whose object goes.
        byte[] photo = TestImages.png(20, 30);
        String second = Uploads.document(api, ada, base + "/upload-url", "receipt.png", "image/png", photo)
                .text("fileKey");
        Reply swapped = api.post(base + "/upload-complete", Map.of("fileKey", second), ada.accessToken());
        assertThat(swapped.status()).as(swapped.body().toString()).isEqualTo(200);
        assertThat(PrivateFilesTest.exists(stack, key)).isFalse();
        String photoUrl = (String) ((Map<String, Object>) swapped.data().get("privateInfo")).get("receiptUrl");
        assertThat(Uploads.fetch(photoUrl).body()).isEqualTo(photo);

        assertThat(api.delete("/api/guitars/" + id, ada.accessToken()).status()).isEqualTo(204);
        assertThat(PrivateFilesTest.exists(stack, second)).isFalse();
    }

    @Test
    void receiptsAndImagesCountAgainstStorageAndGiveItBackWhenDeleted() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String id = create(ada, guitar("Gibson", "ES-335", 1958, "electric"));
        String base = "/api/guitars/" + id + "/receipt";
        byte[] pdf = TestDocuments.pdf("ES-335");
        String key = Uploads.document(api, ada, base + "/upload-url", "r.pdf", "application/pdf", pdf)
                .text("fileKey");
        assertThat(api.post(base + "/upload-complete", Map.of("fileKey", key), ada.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(PrivateFilesTest.usage(stack, ada)).containsExactly((long) pdf.length, 1L);

        // The same upload completed again is counted once; a replacement swaps the sizes.
        assertThat(api.post(base + "/upload-complete", Map.of("fileKey", key), ada.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(PrivateFilesTest.usage(stack, ada)).containsExactly((long) pdf.length, 1L);
        byte[] photo = TestImages.png(20, 30);
        String second = Uploads.document(api, ada, base + "/upload-url", "r.png", "image/png", photo)
                .text("fileKey");
        assertThat(api.post(base + "/upload-complete", Map.of("fileKey", second), ada.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(PrivateFilesTest.usage(stack, ada)).containsExactly((long) photo.length, 1L);

        String imageId = (String) Uploads.image(api, ada, "front.png", "image/png", TestImages.png(300, 200))
                .get("imageId");
        long imageBytes = stack.app()
                .getBean(ImageRecords.class)
                .find(ada.userId(), imageId)
                .orElseThrow()
                .bytes();
        assertThat(PrivateFilesTest.usage(stack, ada)).containsExactly(photo.length + imageBytes, 2L);
        awaitReady(ada, imageId);

        assertThat(api.delete("/api/images/" + imageId, ada.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.delete("/api/images/" + imageId, ada.accessToken()).status())
                .isEqualTo(404);
        assertThat(PrivateFilesTest.usage(stack, ada)).containsExactly((long) photo.length, 1L);
        assertThat(api.delete("/api/guitars/" + id, ada.accessToken()).status()).isEqualTo(204);
        assertThat(PrivateFilesTest.usage(stack, ada)).containsExactly(0L, 0L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReceiptCanBeRemovedOnItsOwn() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String id = create(ada, guitar("Martin", "D-28", 1968, "acoustic"));
        String base = "/api/guitars/" + id + "/receipt";
        String key = Uploads.document(
                        api, ada, base + "/upload-url", "r.pdf", "application/pdf", TestDocuments.pdf("D-28"))
                .text("fileKey");
        assertThat(api.post(base + "/upload-complete", Map.of("fileKey", key), ada.accessToken())
                        .status())
                .isEqualTo(200);

        Reply removed = api.delete(base, ada.accessToken());

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.data().get("privateInfo")).isNull();
        assertThat(PrivateFilesTest.exists(stack, key)).isFalse();
        assertThat(api.get("/api/guitars/" + id, ada.accessToken()).data()).doesNotContainKey("privateInfo");
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> storedGuitar(
            Account user, String id) {
        return stack.app()
                .getBean(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class)
                .getItem(r -> r.tableName(stack.app().getBean(TableNames.class).of(Tables.GUITARS))
                        .key(Map.of(
                                "userId",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(user.userId()),
                                "guitarId",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id))))
                .item();
    }

    static Map<String, Object> guitar(String brand, String model, int year, String type) {
        Map<String, Object> guitar = new LinkedHashMap<>();
        guitar.put("brand", brand);
        guitar.put("model", model);
        guitar.put("year", year);
        guitar.put("type", type);
        guitar.put("numberOfFrets", 21);
        guitar.put("caseIncluded", true);
        return guitar;
    }

    private static String create(Account user, Map<String, Object> guitar) {
        Reply created = api.post("/api/guitars", guitar, user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    @SuppressWarnings("unchecked")
    private static List<String> brands(Account user) {
        return (List<String>)
                api.get("/api/guitars/brands", user.accessToken()).body().get("data");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> notes(Reply reply) {
        return (List<Map<String, Object>>) reply.data().getOrDefault("notes", List.of());
    }
}
