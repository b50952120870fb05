package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.user.UserProfiles;
import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import dev.cairn.local.LocalCairn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Data portability and the right to be forgotten, end to end. */
class AccountTest extends EndToEnd {
    private static S3Client s3;

    @BeforeAll
    static void clients() {
        s3 = stack.app().getBean(S3Client.class);
    }

    @Test
    void theExportHoldsEverythingOfTheUsersAndNothingElse() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        api.send("PUT", "/api/user/preferences", Map.of("language", "en"), ada.accessToken());
        putObject("images/" + ada.userId() + "/a.jpg");
        putObject("images/" + bob.userId() + "/b.jpg");

        Reply export = api.get("/api/user/export", ada.accessToken());

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.data()).containsEntry("userId", ada.userId()).containsKey("exportedAt");
        assertThat(export.data().get("profile"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("name", "Ada")
                .containsEntry("preferences", Map.of("language", "en"));
        assertThat(export.data().get("mediaObjects")).isEqualTo(List.of("images/" + ada.userId() + "/a.jpg"));
    }

    @Test
    void deletingTheAccountLeavesNothingOfTheUserAndCanBeRepeated() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        putObject("uploads/" + ada.userId() + "/pending.jpg");
        putObject("images/" + ada.userId() + "/kept.jpg");
        putObject("images/" + bob.userId() + "/bobs.jpg");

        Reply wrongPassword =
                api.send("DELETE", "/api/user/account", Map.of("password", "Not-The-One-1"), ada.accessToken());
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.errorCode()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        assertThat(objects(ada.userId())).hasSize(2);

        Reply deleted =
                api.send("DELETE", "/api/user/account", Map.of("password", Accounts.PASSWORD), ada.accessToken());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data()).containsEntry("deleted", true);

        assertThat(stack.app().getBean(UserProfiles.class).find(ada.userId())).isEmpty();
        assertThat(objects(ada.userId())).isEmpty();
        assertThat(StoredVersions.under(stack, "uploads/" + ada.userId() + "/")).isEmpty();
        assertThat(StoredVersions.under(stack, "images/" + ada.userId() + "/")).isEmpty();
        assertThat(api.post("/api/auth/login", Map.of("email", ada.email(), "password", Accounts.PASSWORD))
                        .errorCode())
                .isEqualTo("AUTH_INVALID_CREDENTIALS");
        Reply again = api.send("DELETE", "/api/user/account", Map.of("password", Accounts.PASSWORD), ada.accessToken());
        assertThat(again.status()).isEqualTo(200);

        assertThat(objects(bob.userId()))
                .extracting(S3Object::key)
                .containsExactly("images/" + bob.userId() + "/bobs.jpg");
        assertThat(api.get("/api/user/profile", bob.accessToken()).data()).containsEntry("name", "Bob");
    }

    private static void putObject(String key) {
        s3.putObject(r -> r.bucket(LocalCairn.MEDIA_BUCKET).key(key), RequestBody.fromString("x"));
    }

    private static List<S3Object> objects(String userId) {
        return List.of("uploads/", "images/").stream()
                .flatMap(prefix -> s3
                        .listObjectsV2(r -> r.bucket(LocalCairn.MEDIA_BUCKET).prefix(prefix + userId + "/"))
                        .contents()
                        .stream())
                .toList();
    }
}
