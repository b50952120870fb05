package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import dev.cairn.local.LocalCairn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every end-to-end test class starts from: the running local stack of its blueprint
 * ({@link StackBlueprint}, guitar-collection without one) and a client of its HTTP API. Classes run
 * one after another, each setting these before its tests.
 */
@ExtendWith(LocalStackExtension.class)
abstract class EndToEnd {
    static LocalCairn stack;
    static ApiClient api;

    @BeforeAll
    static void connect(LocalCairn running, ApiClient client) {
        stack = running;
        api = client;
    }

    /** Follows nextCursor to the end; asserts every page but the last is full. */
    @SuppressWarnings("unchecked")
    static List<String> pages(Account user, String path, int limit) {
        List<String> ids = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            Reply page = api.get(path + (cursor == null ? "" : separator + "cursor=" + cursor), user.accessToken());
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            List<Map<String, Object>> items =
                    (List<Map<String, Object>>) page.data().get("items");
            assertThat(page.data()).containsKey("nextCursor");
            cursor = (String) page.data().get("nextCursor");
            if (cursor != null) {
                assertThat(items).hasSize(limit);
                assertThat(cursors.add(cursor)).isTrue();
            }
            items.forEach(item -> ids.add((String) item.get("id")));
        } while (cursor != null);
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        return ids;
    }

    /** The fields an error's details name. */
    @SuppressWarnings("unchecked")
    static List<String> fields(Reply reply) {
        return ((List<Map<String, Object>>) reply.error().get("details"))
                .stream().map(d -> (String) d.get("field")).toList();
    }

    /** Waits until the image's variants are made (the local stack makes them in the background). */
    static Map<String, Object> awaitReady(Account user, String imageId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            Reply image = api.get("/api/images/" + imageId, user.accessToken());
            if ("READY".equals(image.data().get("status"))) {
                return image.data();
            }
            assertThat(System.currentTimeMillis())
                    .as("variants of " + imageId + " ready in time")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
