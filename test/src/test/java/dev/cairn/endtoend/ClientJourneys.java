package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.endtoend.Accounts.Account;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a blueprint's client journey (clients/journeys/, compiled by module clients/ into
 * clients/target/journeys/) with Node's test runner: the generated TypeScript client against the
 * running local stack, signed in as a confirmed user made here.
 */
final class ClientJourneys {
    private static final Path REPO = Path.of(System.getProperty("cairn.local.repo-dir", ".."))
            .toAbsolutePath()
            .normalize();
    private static final long TIMEOUT_SECONDS = 120;

    private ClientJourneys() {}

    /** Runs {@code clients/target/journeys/{blueprint}.test.mjs}; fails with Node's output unless all pass. */
    static void run(String blueprint) throws Exception {
        Path journey = REPO.resolve("clients/target/journeys/" + blueprint + ".test.mjs");
        assertThat(journey)
                .as("the compiled journey (build module clients first)")
                .isRegularFile();
        Account user = Accounts.signedIn(EndToEnd.stack, EndToEnd.api, "Journey");

        ProcessBuilder builder = new ProcessBuilder(List.of("node", "--test", journey.toString()))
                .directory(REPO.toFile())
                .redirectErrorStream(true);
        builder.environment().put("CAIRN_BASE_URL", EndToEnd.stack.baseUrl().toString());
        builder.environment().put("CAIRN_EMAIL", user.email());
        builder.environment().put("CAIRN_PASSWORD", Accounts.PASSWORD);
        Process node = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(node.getInputStream()));
        boolean exited = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            node.destroyForcibly();
        }
        String report = output.get(10, TimeUnit.SECONDS);

        assertThat(exited)
                .as("node --test %s ended in %ds:%n%s", journey, TIMEOUT_SECONDS, report)
                .isTrue();
        assertThat(node.exitValue()).as("node --test %s:%n%s", journey, report).isZero();
        assertThat(report)
                .as("node --test %s ran tests and all passed:%n%s", journey, report)
                .containsPattern("(?m)^# pass [1-9]")
                .containsPattern("(?m)^# fail 0$");
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
