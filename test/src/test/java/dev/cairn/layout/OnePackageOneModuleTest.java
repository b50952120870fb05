package dev.cairn.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each Java package lives in one module: no module puts classes, main or test, into a package of
 * another module to reach its package-private members. Such a split package ties the modules
 * together through members that neither declares as its API, and breaks once either is a JPMS
 * module or is loaded by another class loader.
 *
 * <p>It reads the sources, not compiled classes: so it also covers modules outside the default
 * build (the {@code bench} profile) and needs no module but this one compiled.
 */
class OnePackageOneModuleTest {
    private static final Path REPO = Path.of(System.getProperty("cairn.local.repo-dir", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    @Test
    void noPackageIsSplitAcrossTheReactorsModules() {
        Map<String, Set<String>> packages = modulesByPackage(REPO);

        assertThat(packages)
                .as("packages found in %s", REPO)
                .containsKeys("dev.cairn.local", "dev.cairn.api", "dev.cairn.bench");
        assertThat(packages.get("dev.cairn.local")).containsExactly("local");
        assertThat(splitPackages(packages)).isEmpty();
    }

    @Test
    void testSourcesInAnotherModulesMainPackageAreASplit(@TempDir Path repo) throws IOException {
        Files.writeString(
                repo.resolve("pom.xml"),
                "<project><modules><module>runtime</module></modules><profiles><profile><modules>"
                        + "<module>suites</module></modules></profile></profiles></project>");
        write(repo.resolve("runtime/src/main/java/x/Runtime.java"), "package x;\n\nclass Runtime {}\n");
        write(repo.resolve("runtime/src/test/java/x/RuntimeTest.java"), "package x;\n\nclass RuntimeTest {}\n");
        write(repo.resolve("suites/src/test/java/x/SuiteTest.java"), "package x;\n\nclass SuiteTest {}\n");
        write(repo.resolve("suites/src/test/java/y/OwnTest.java"), "package y;\n\nclass OwnTest {}\n");

        assertThat(splitPackages(modulesByPackage(repo)))
                .containsOnlyKeys("x")
                .containsEntry("x", Set.of("runtime", "suites"));
    }

    /** Packages declared in more than one module, each with the modules that declare it. */
    private static Map<String, Set<String>> splitPackages(Map<String, Set<String>> modulesByPackage) {
        Map<String, Set<String>> split = new TreeMap<>(modulesByPackage);
        split.values().removeIf(modules -> modules.size() < 2);
        return split;
    }

    /** Every package declared in the Java sources of a module the root pom lists (profiles too). */
    private static Map<String, Set<String>> modulesByPackage(Path repo) {
        Map<String, Set<String>> packages = new TreeMap<>();
        for (String module : modules(repo)) {
            Path sources = repo.resolve(module).resolve("src");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java"))
                        .map(OnePackageOneModuleTest::packageOf)
                        .flatMap(Optional::stream)
                        .forEach(name -> packages.computeIfAbsent(name, n -> new TreeSet<>())
                                .add(module));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the sources under " + sources, e);
            }
        }
        return packages;
    }

    private static Set<String> modules(Path repo) {
        try {
            Matcher matcher = MODULE.matcher(Files.readString(repo.resolve("pom.xml")));
            Set<String> modules = new TreeSet<>();
            while (matcher.find()) {
                modules.add(matcher.group(1).trim());
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + repo.resolve("pom.xml"), e);
        }
    }

    private static Optional<String> packageOf(Path source) {
        try {
            Matcher matcher = PACKAGE.matcher(Files.readString(source));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
