package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.TableNames;
import dev.cairn.contract.Tables;
import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import dev.cairn.local.SampleData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Seed 004's client journey on the personal-site blueprint: notes and bookmarks. */
@StackBlueprint("personal-site")
class PersonalSiteTest extends EndToEnd {

    @Test
    void onlyThisBlueprintsRoutesExist() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");

        assertThat(api.get("/api/notes", ada.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/bookmarks", ada.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/files", ada.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/keys", ada.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/guitars", ada.accessToken()).errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void pinnedNotesComeFirstAndTagsFilter() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(createNote(
                    ada, note("Note " + i, i % 3 == 0, i % 2 == 0 ? List.of("java", "aws") : List.of("life"))));
        }

        List<String> listed = pages(ada, "/api/notes?limit=3", 3);
        List<String> javaNotes = pages(ada, "/api/notes?tag=java&limit=2", 2);
        List<String> pinned = pages(ada, "/api/notes?pinned=true", 20);

        // Pinned (0, 3, 6) newest first, then the rest newest first.
        assertThat(listed)
                .containsExactly(ids.get(6), ids.get(3), ids.get(0), ids.get(5), ids.get(4), ids.get(2), ids.get(1));
        assertThat(javaNotes).containsExactly(ids.get(6), ids.get(0), ids.get(4), ids.get(2));
        assertThat(pinned).containsExactly(ids.get(6), ids.get(3), ids.get(0));

        // Unpinning moves a note into the newest-first rest.
        Reply unpinned = api.send("PATCH", "/api/notes/" + ids.get(3), Map.of("pinned", false), ada.accessToken());
        assertThat(unpinned.status()).as(unpinned.body().toString()).isEqualTo(200);
        assertThat(pages(ada, "/api/notes", 20))
                .containsExactly(ids.get(6), ids.get(0), ids.get(5), ids.get(4), ids.get(3), ids.get(2), ids.get(1));
        assertThat(api.get("/api/notes?pinned=maybe", ada.accessToken()).errorCode())
                .isEqualTo("NOTE_VALIDATION_ERROR");
    }

    @Test
    void notesKeepMarkdownAndImagesAndRefuseBadInput() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String image = (String) Uploads.image(api, ada, "cover.png", "image/png", TestImages.png(640, 480))
                .get("imageId");
        Map<String, Object> post = note("Hello", false, List.of("blog"));
        post.put("content", "# Title\n\n*Markdown* with `code`.");
        post.put("images", List.of(Map.of("id", image, "isPrimary", true)));

        Reply created = api.post("/api/notes", post, ada.accessToken());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.data())
                .containsEntry("content", "# Title\n\n*Markdown* with `code`.")
                .containsEntry("noteId", created.text("id"))
                .doesNotContainKey("listOrder");
        Reply untitled =
                api.post("/api/notes", Map.of("content", "no title", "tags", List.of("<b>")), ada.accessToken());
        assertThat(untitled.errorCode()).isEqualTo("NOTE_VALIDATION_ERROR");
        assertThat(fields(untitled)).containsExactly("tags[0]", "title");

        assertThat(api.delete("/api/notes/" + created.text("id"), ada.accessToken())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/images/" + image, ada.accessToken()).errorCode())
                .isEqualTo("IMAGE_NOT_FOUND");
    }

    @Test
    void bookmarksValidateTheirUrlAndFilterByTag() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        String docs = createBookmark(ada, "https://docs.aws.amazon.com/", "AWS docs", List.of("aws", "docs"));
        String blog = createBookmark(ada, "http://example.com/blog?p=1", "A blog", List.of("reading"));

        for (String url :
                List.of("javascript:alert(1)", "ftp://example.com/", "not a url", "https://user:pw@example.com/")) {
            Reply refused = api.post("/api/bookmarks", Map.of("url", url, "title", "Bad"), ada.accessToken());
            assertThat(refused.errorCode()).as(url).isEqualTo("BOOKMARK_VALIDATION_ERROR");
            assertThat(fields(refused)).as(url).containsExactly("url");
        }
        assertThat(pages(ada, "/api/bookmarks?tag=aws", 20)).containsExactly(docs);
        assertThat(pages(ada, "/api/bookmarks", 20)).containsExactly(blog, docs);
        assertThat(pages(bob, "/api/bookmarks", 20)).isEmpty();
        assertThat(api.get("/api/bookmarks/" + docs, bob.accessToken()).errorCode())
                .isEqualTo("BOOKMARK_NOT_FOUND");

        Map<String, Object> stale = new LinkedHashMap<>(Map.of("url", "https://aws.amazon.com/", "title", "AWS"));
        stale.put("version", 7);
        assertThat(api.send("PUT", "/api/bookmarks/" + docs, stale, ada.accessToken())
                        .errorCode())
                .isEqualTo("CONFLICT");
        assertThat(api.get("/api/bookmarks/" + docs, ada.accessToken()).data()).containsEntry("title", "AWS docs");
    }

    @Test
    void exportAndAccountDeletionCoverNotesAndBookmarks() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String note = createNote(ada, note("Keep", true, List.of()));
        String bookmark = createBookmark(ada, "https://example.org/", "Example", List.of());

        Reply export = api.get("/api/user/export", ada.accessToken());
        assertThat(export.data().get("notes"))
                .asList()
                .hasSize(1)
                .first()
                .asString()
                .contains(note);
        assertThat(export.data().get("bookmarks"))
                .asList()
                .hasSize(1)
                .first()
                .asString()
                .contains(bookmark);

        assertThat(api.send("DELETE", "/api/user/account", Map.of("password", Accounts.PASSWORD), ada.accessToken())
                        .status())
                .isEqualTo(200);
        DynamoDbClient dynamoDb = stack.app().getBean(DynamoDbClient.class);
        TableNames tables = stack.app().getBean(TableNames.class);
        for (String table : List.of(tables.of(Tables.NOTES), tables.of(Tables.BOOKMARKS))) {
            assertThat(dynamoDb.query(r -> r.tableName(table)
                                    .keyConditionExpression("userId = :u")
                                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(ada.userId()))))
                            .items())
                    .as(table)
                    .isEmpty();
        }
    }

    @Test
    void sampleDataGivesTheDemoUserNotesAndBookmarks() {
        SampleData.Seeded seeded = SampleData.seed(stack);

        Reply login = api.post("/api/auth/login", Map.of("email", seeded.email(), "password", seeded.password()));
        Account demo = new Account(seeded.email(), null, login.text("accessToken"), null);
        assertThat(seeded.items()).isEqualTo(6);
        Reply notes = api.get("/api/notes", demo.accessToken());
        assertThat(notes.data().get("items"))
                .asList()
                .hasSize(3)
                .first()
                .asString()
                .contains("Welcome");
        assertThat(pages(demo, "/api/bookmarks?tag=java", 20)).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportHoldsFilesAndKeysWithoutSecretsAndAccountDeletionErasesThem() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        String fileKey = Uploads.document(
                        api, ada, "/api/files/upload-url", "cv.pdf", "application/pdf", TestDocuments.pdf("cv"))
                .text("fileKey");
        Reply file = api.post("/api/files/upload-complete", Map.of("fileKey", fileKey), ada.accessToken());
        assertThat(file.status()).isEqualTo(201);
        Reply key = api.post("/api/keys", Map.of("name", "feed", "dailyQuota", 5), ada.accessToken());
        assertThat(key.status()).isEqualTo(201);
        assertThat(api.send("GET", "/api/notes", null, null, Map.of("X-Api-Key", key.text("key")))
                        .status())
                .isEqualTo(200);
        Reply bobsKey = api.post("/api/keys", Map.of("name", "bob's"), bob.accessToken());

        Reply export = api.get("/api/user/export", ada.accessToken());

        assertThat(export.data().get("files")).asList().singleElement().satisfies(f -> assertThat(
                        (Map<String, Object>) f)
                .containsEntry("id", file.text("id"))
                .containsEntry("fileName", "cv.pdf")
                .doesNotContainKey("objectKey"));
        assertThat(export.data().get("api-keys")).asList().singleElement().satisfies(k -> assertThat(
                        (Map<String, Object>) k)
                .containsEntry("id", key.text("id"))
                .containsEntry("name", "feed")
                .doesNotContainKeys("key", "keyHash"));
        assertThat(export.body().toString()).doesNotContain(key.text("key")).doesNotContain("keyHash");

        assertThat(api.send("DELETE", "/api/user/account", Map.of("password", Accounts.PASSWORD), ada.accessToken())
                        .status())
                .isEqualTo(200);
        DynamoDbClient dynamoDb = stack.app().getBean(DynamoDbClient.class);
        TableNames tables = stack.app().getBean(TableNames.class);
        for (String table : List.of(tables.of(Tables.FILES), tables.of(Tables.API_KEYS))) {
            assertThat(dynamoDb.query(r -> r.tableName(table)
                                    .keyConditionExpression("userId = :u")
                                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(ada.userId()))))
                            .items())
                    .as(table + ", usage counters included")
                    .isEmpty();
        }
        assertThat(PrivateFilesTest.exists(stack, fileKey)).isFalse();
        assertThat(api.send("GET", "/api/notes", null, null, Map.of("X-Api-Key", key.text("key")))
                        .errorCode())
                .isEqualTo("AUTH_UNAUTHORIZED");
        assertThat(api.send("GET", "/api/notes", null, null, Map.of("X-Api-Key", bobsKey.text("key")))
                        .status())
                .isEqualTo(200);
    }

    static Map<String, Object> note(String title, boolean pinned, List<String> tags) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("title", title);
        note.put("content", "Some *Markdown* for " + title);
        note.put("tags", tags);
        note.put("pinned", pinned);
        return note;
    }

    private static String createNote(Account user, Map<String, Object> note) {
        Reply created = api.post("/api/notes", note, user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private static String createBookmark(Account user, String url, String title, List<String> tags) {
        Reply created =
                api.post("/api/bookmarks", Map.of("url", url, "title", title, "tags", tags), user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }
}
