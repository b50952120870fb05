package dev.cairn.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/reindex} checks its arguments before it calls anything, and {@code --dry-run}
 * prints the invocations it would make: begin, every segment, finish. Nothing here reaches AWS:
 * each run either stops at its arguments or is a dry run.
 */
class ReindexScriptTest {
    private static final Path REPO = Path.of(System.getProperty("cairn.local.repo-dir", ".."))
            .toAbsolutePath()
            .normalize();

    @Test
    void aDryRunPrintsBeginEverySegmentAndFinish() throws Exception {
        Result result = run(
                "--stage",
                "dev",
                "--blueprint",
                "recipe-archive",
                "--index",
                "recipes",
                "--segments",
                "3",
                "--dry-run");

        assertThat(result.status()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("Cairn-recipe-archive-dev-service")
                .contains("{\"step\":\"begin\",\"index\":\"recipes\"}")
                .contains("{\"step\":\"segment\",\"index\":\"recipes\",\"segment\":0,\"segments\":3}")
                .contains("{\"step\":\"segment\",\"index\":\"recipes\",\"segment\":2,\"segments\":3}")
                .doesNotContain("\"segment\":3,")
                .contains("{\"step\":\"finish\",\"index\":\"recipes\"}");
        assertThat(run(
                                "--stage",
                                "dev",
                                "--blueprint",
                                "recipe-archive",
                                "--index",
                                "recipes",
                                "--abort",
                                "--dry-run",
                                "--function",
                                "reindex-fn")
                        .stdout())
                .contains("reindex-fn")
                .contains("{\"step\":\"abort\",\"index\":\"recipes\"}")
                .doesNotContain("begin");
    }

    @Test
    void missingOrBadArgumentsStopWithStatusTwoNamingTheArgument() throws Exception {
        assertRefused("--stage is required", "--blueprint", "recipe-archive", "--index", "recipes");
        assertRefused("--blueprint is required", "--stage", "dev", "--index", "recipes");
        assertRefused("--index is required", "--stage", "dev", "--blueprint", "recipe-archive");
        assertRefused(
                "--segments must be a whole number from 1 to 1000 (value: 0)",
                "--stage",
                "dev",
                "--blueprint",
                "recipe-archive",
                "--index",
                "recipes",
                "--segments",
                "0");
        assertRefused(
                "--segments must be a whole number from 1 to 1000 (value: many)",
                "--stage",
                "dev",
                "--blueprint",
                "recipe-archive",
                "--index",
                "recipes",
                "--segments",
                "many");
        assertRefused(
                "--index must be lower-case words",
                "--stage",
                "dev",
                "--blueprint",
                "recipe-archive",
                "--index",
                "Recipes; rm -rf /");
        assertRefused("--stage must be a lower-case name", "--stage", "Dev!", "--blueprint", "x", "--index", "y");
        assertRefused("unknown option: --everything", "--everything");
        assertRefused("--segments needs a value", "--segments");
    }

    private static void assertRefused(String message, String... arguments) throws Exception {
        Result result = run(arguments);
        assertThat(result.status()).as(String.join(" ", arguments)).isEqualTo(2);
        assertThat(result.stderr()).contains("scripts/reindex: " + message);
        assertThat(result.stdout()).isEmpty();
    }

    private static Result run(String... arguments) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", REPO.resolve("scripts/reindex").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("CAIRN_STAGE");
        builder.environment().remove("CAIRN_BLUEPRINT");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Result(int status, String stdout, String stderr) {}
}
