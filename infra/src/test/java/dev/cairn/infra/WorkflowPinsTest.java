package dev.cairn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every GitHub Action the workflows run is pinned to a full commit SHA, with its release beside it:
 * a moved tag cannot change what runs with the deployment roles.
 */
class WorkflowPinsTest {
    private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$");
    private static final Pattern PINNED = Pattern.compile("^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$");
    private static final Pattern RELEASE = Pattern.compile("^\\s+# v\\d+\\.\\d+\\.\\d+$");

    @Test
    void everyActionIsPinnedByCommitShaWithItsRelease() throws IOException {
        Path workflows = repositoryRoot().resolve(".github/workflows");
        List<Path> files;
        try (Stream<Path> list = Files.list(workflows)) {
            files = list.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        List<String> uses = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                Matcher matcher = USES.matcher(line);
                if (matcher.matches()) {
                    uses.add(file.getFileName() + ": " + matcher.group(1));
                    assertThat(matcher.group(1))
                            .as(file.getFileName() + ": " + line)
                            .matches(PINNED);
                    assertThat(matcher.group(2))
                            .as(file.getFileName() + ": " + line)
                            .matches(RELEASE);
                }
            }
        }
        assertThat(uses).isNotEmpty();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".github/workflows"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No .github/workflows above " + Path.of("").toAbsolutePath());
    }
}
