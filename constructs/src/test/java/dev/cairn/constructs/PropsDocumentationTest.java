package dev.cairn.constructs;

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

/** Callers read a prop's meaning and default where they type it: on the builder's setter. */
class PropsDocumentationTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/cairn/constructs");
    /** A setter of a props builder, with the text between the previous member and it. */
    private static final Pattern SETTER =
            Pattern.compile("(?:;|\\{|\\})\\s*\\n((?:(?!\\n\\s*\\n)[\\s\\S])*?)\\n\\s*public Builder (\\w+)\\(");

    @Test
    void everyBuilderSetterSaysWhatThePropMeansAndItsDefault() throws IOException {
        List<String> undocumented = new ArrayList<>();
        int setters = 0;
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                if (!source.contains("public static final class Builder")) {
                    continue;
                }
                Matcher setter = SETTER.matcher(source);
                while (setter.find()) {
                    setters++;
                    String javadoc = setter.group(1).strip();
                    if (!javadoc.startsWith("/**") || !javadoc.contains("Default:")) {
                        undocumented.add(file.getFileName() + "#" + setter.group(2));
                    }
                }
            }
        }
        assertThat(setters).as("setters found").isGreaterThan(100);
        assertThat(undocumented).isEmpty();
    }
}
