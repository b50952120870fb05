package dev.cairn.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's test command, {@code scripts/test}, finds what the tests need or says in one line
 * what is missing. Only its {@code --check} step runs here, and never installs anything: a machine
 * without Chromium is made with {@code CAIRN_CHROMIUM_PATH} pointing at an empty folder.
 */
class TestScriptTest {
    private static final Path REPO = Path.of(System.getProperty("cairn.local.repo-dir", ".."))
            .toAbsolutePath()
            .normalize();

    @Test
    void withoutChromiumItStopsWithOneLineSayingWhatToInstall(@TempDir Path empty) throws Exception {
        Result result = check(Map.of("CAIRN_CHROMIUM_PATH", empty.toString(), "CAIRN_INSTALL", "no"));

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().lines()).hasSize(1);
        assertThat(result.stderr())
                .startsWith("scripts/test: the docs-page test needs headless Chromium")
                .contains("apt-get install chromium")
                .contains("CAIRN_CHROMIUM");
    }

    @Test
    void aChromiumSetThatIsNotThereIsOneClearLine() throws Exception {
        Result result = check(Map.of("CAIRN_CHROMIUM", "/nonexistent/chromium", "CAIRN_INSTALL", "no"));

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.stderr().lines()).hasSize(1);
        assertThat(result.stderr())
                .isEqualTo("scripts/test: CAIRN_CHROMIUM=/nonexistent/chromium is not an executable file: point it"
                        + " at a Chrome or Chromium binary, or unset it.\n");
    }

    @Test
    void itFindsChromiumOnTheSearchPathAndPassesItToTheBuild(@TempDir Path bin) throws Exception {
        Path chromium = Files.writeString(bin.resolve("chromium-browser"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(chromium, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result result = check(Map.of("CAIRN_CHROMIUM_PATH", bin.toString(), "CAIRN_INSTALL", "no"));

        assertThat(result.status()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("Chromium: " + chromium);
        assertThat(Files.readString(REPO.resolve("scripts/test")))
                .contains("exec \"$root/mvnw\" -B verify -Dcairn.chromium=\"$chromium\"");
    }

    @Test
    void ciRunsExactlyTheReadmesTestCommand() throws IOException {
        assertThat(Files.readString(REPO.resolve("README.md"))).contains("```sh\nscripts/test\n```");
        assertThat(Files.readString(REPO.resolve(".ci/run")).lines().filter(l -> !l.startsWith("#")))
                .contains("exec scripts/test")
                .noneMatch(l -> l.contains("mvnw") || l.contains("apt-get"));
    }

    private static Result check(Map<String, String> environment) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder("bash", REPO.resolve("scripts/test").toString(), "--check");
        builder.environment().remove("CAIRN_CHROMIUM");
        builder.environment().remove("CAIRN_CHROMIUM_PATH");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Result(int status, String stdout, String stderr) {}
}
