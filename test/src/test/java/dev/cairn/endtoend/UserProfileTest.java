package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.user.UserProfiles;
import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profiles and preferences end to end, from the post-confirmation trigger to conflicting writes. */
class UserProfileTest extends EndToEnd {

    @Test
    void confirmingTheAddressCreatesTheProfile() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada Lovelace");

        // Written by the post-confirmation trigger, before any profile route was called.
        assertThat(stack.app().getBean(UserProfiles.class).find(ada.userId()))
                .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Ada Lovelace"));

        Reply profile = api.get("/api/user/profile", ada.accessToken());
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.data())
                .containsEntry("userId", ada.userId())
                .containsEntry("email", ada.email())
                .containsEntry("name", "Ada Lovelace")
                .containsEntry("version", 1)
                .containsEntry("preferences", Map.of());
        assertThat(api.get("/api/auth/profile", ada.accessToken()).data()).isEqualTo(profile.data());
    }

    @Test
    void aMissingProfileRefusesTheTokenAndIsRebuiltFromCognitoAtTheNextSignIn() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        stack.app().getBean(UserProfiles.class).delete(ada.userId());

        assertThat(api.get("/api/user/profile", ada.accessToken()).errorCode()).isEqualTo("AUTH_UNAUTHORIZED");
        Reply login = api.post("/api/auth/login", Map.of("email", ada.email(), "password", Accounts.PASSWORD));
        Reply profile = api.get("/api/user/profile", login.text("accessToken"));

        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.data()).containsEntry("name", "Ada").containsEntry("email", ada.email());
    }

    @Test
    void theNameAndPreferencesChangeAndEachWriteBumpsTheVersion() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");

        Reply renamed = api.send("PUT", "/api/user/name", Map.of("name", "Countess"), ada.accessToken());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.data()).containsEntry("name", "Countess").containsEntry("version", 2);

        Reply preferences = api.send(
                "PUT",
                "/api/user/preferences",
                Map.of("language", "pt-BR", "autoplay", true, "volume", 7),
                ada.accessToken());
        assertThat(preferences.status()).isEqualTo(200);
        assertThat(api.get("/api/user/preferences", ada.accessToken()).data())
                .isEqualTo(Map.of("language", "pt-BR", "autoplay", true, "volume", 7));

        Reply profile =
                api.send("PUT", "/api/auth/profile", Map.of("name", "Ada King", "version", 3), ada.accessToken());
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.data()).containsEntry("name", "Ada King").containsEntry("version", 4);
        assertThat(profile.data().get("preferences"))
                .isEqualTo(Map.of("language", "pt-BR", "autoplay", true, "volume", 7));
    }

    @Test
    void aWriteBasedOnAStaleVersionIsAConflictAndChangesNothing() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        api.send("PUT", "/api/user/name", Map.of("name", "First"), ada.accessToken());

        Reply stale = api.send("PUT", "/api/user/profile", Map.of("name", "Stale", "version", 1), ada.accessToken());

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.errorCode()).isEqualTo("CONFLICT");
        assertThat(api.get("/api/user/profile", ada.accessToken()).data())
                .containsEntry("name", "First")
                .containsEntry("version", 2);
    }

    @Test
    void badPreferencesAreRefusedFieldByField() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");

        Reply bad = api.send(
                "PUT",
                "/api/user/preferences",
                Map.of("language", "not a language", "nested", Map.of("x", 1), "ok", "fine"),
                ada.accessToken());

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("USER_VALIDATION_ERROR");
        @SuppressWarnings("unchecked")
        List<String> fields = ((List<Map<String, Object>>) bad.error().get("details"))
                .stream().map(d -> (String) d.get("field")).sorted().toList();
        assertThat(fields).containsExactly("preferences.language", "preferences.nested");
        assertThat(api.get("/api/user/preferences", ada.accessToken()).data()).isEmpty();

        Reply blankName = api.send("PUT", "/api/user/name", Map.of("name", " "), ada.accessToken());
        assertThat(blankName.errorCode()).isEqualTo("USER_VALIDATION_ERROR");
    }

    @Test
    void eachUserSeesOnlyTheirOwnProfile() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        api.send("PUT", "/api/user/preferences", Map.of("language", "en"), ada.accessToken());

        assertThat(api.get("/api/user/profile", bob.accessToken()).data())
                .containsEntry("userId", bob.userId())
                .containsEntry("name", "Bob")
                .containsEntry("preferences", Map.of());
        assertThat(api.get("/api/user/profile", null).errorCode()).isEqualTo("AUTH_UNAUTHORIZED");
    }
}
