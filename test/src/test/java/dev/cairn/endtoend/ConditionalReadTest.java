package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conditional reads of an item: If-None-Match naming the current ETag is 304 Not Modified, without a body. */
class ConditionalReadTest extends EndToEnd {

    @Test
    void anUnchangedItemIsNotModifiedAndAChangedOneIsReadAgain() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String id = create(ada);
        String path = "/api/guitars/" + id;

        Reply first = api.get(path, ada.accessToken());
        assertThat(first.status()).isEqualTo(200);
        String etag = first.raw().headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"1\"");

        Reply notModified = read(ada, path, etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.raw().body()).isEmpty();
        assertThat(notModified.raw().headers().firstValue("ETag")).hasValue(etag);

        assertThat(read(ada, path, "W/" + etag).status()).isEqualTo(304);
        assertThat(read(ada, path, "*").status()).isEqualTo(304);
        assertThat(read(ada, path, "\"7\", " + etag + ", \"9\"").status()).isEqualTo(304);
        assertThat(read(ada, path, "\"7\", W/\"9\"").status()).isEqualTo(200);

        Reply patched =
                api.send("PATCH", path, Map.of("color", "Sunburst"), ada.accessToken(), Map.of("If-Match", etag));
        assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);

        Reply stale = read(ada, path, etag);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.data()).containsEntry("color", "Sunburst").containsEntry("version", 2);
        assertThat(stale.raw().headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(read(ada, path, "\"2\"").status()).isEqualTo(304);

        Reply plain = api.get(path, ada.accessToken());
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.data()).containsEntry("version", 2);
    }

    @Test
    void anotherUsersItemIsNotFoundWhateverTheTag() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        String path = "/api/guitars/" + create(ada);

        for (String guess : new String[] {"\"1\"", "*", "W/\"1\"", "\"0\", \"1\", \"2\""}) {
            Reply probe = read(bob, path, guess);
            assertThat(probe.status()).as(guess).isEqualTo(404);
            assertThat(probe.errorCode()).isEqualTo("GUITAR_NOT_FOUND");
        }
        assertThat(read(ada, path, "\"1\"").status()).isEqualTo(304);
    }

    private static Reply read(Account user, String path, String ifNoneMatch) {
        return api.send("GET", path, null, user.accessToken(), Map.of("If-None-Match", ifNoneMatch));
    }

    private static String create(Account user) {
        Reply created = api.post(
                "/api/guitars",
                GuitarCollectionTest.guitar("Fender", "Telecaster", 1952, "electric"),
                user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }
}
