package dev.cairn.api.aot;

import io.micronaut.aot.MicronautAotOptimizer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Runs Micronaut AOT on the API's compiled classes for the Lambda artifact (JIT, not native) and
 * packs what it generates into one jar, which the shade plugin adds to {@code cairn-api-lambda.jar}.
 * Only that artifact gets the optimizations: {@code target/classes}, which the unit tests, the local
 * stack and the end-to-end suites run, stays as compiled.
 *
 * <p>Build-time only: {@code app/pom.xml} runs this file in the JDK's source-file mode, on the
 * API's runtime classpath plus the optimizer's jars, at {@code prepare-package}. It is never
 * compiled into the app or shipped.
 *
 * <p>Arguments: the optimizer's configuration ({@code app/aot-lambda.properties}) and the output
 * folder ({@code target/aot}), which ends up holding the generated sources and classes, the
 * optimizer's logs and {@code cairn-api-aot.jar}.
 */
public final class LambdaAot {
    /** The package of the generated classes, inside the Lambda artifact only. */
    static final String GENERATED_PACKAGE = "dev.cairn.api.aot";

    private LambdaAot() {}

    public static void main(String[] args) throws IOException {
        Path config = Path.of(args[0]);
        Path output = Path.of(args[1]);

        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(config)) {
            properties.load(in);
        }
        String classpath = System.getProperty("java.class.path");
        properties.setProperty("classpath", String.join(",", classpath.split(File.pathSeparator)));
        properties.setProperty("package", GENERATED_PACKAGE);
        properties.setProperty("output.directory", output.toString());
        properties.setProperty("runtime", "jit");
        deleteRecursively(output);
        MicronautAotOptimizer.execute(properties);
        // What makes the Lambda handler pick the optimizations up (Micronaut's context builder loads it
        // as a service, with or without a main method): without it the artifact would be unoptimized.
        Path configurer = output.resolve("classes/dev/cairn/api/aot/AOTApplicationContextConfigurer.class");
        if (!Files.isRegularFile(configurer)) {
            throw new IllegalStateException("Micronaut AOT generated no " + configurer);
        }
        jar(output.resolve("classes"), output.resolve("cairn-api-aot.jar"));
    }

    private static void jar(Path folder, Path jar) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out)) {
            for (Path file : files) {
                String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
                JarEntry entry = new JarEntry(name);
                entry.setTime(0);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
