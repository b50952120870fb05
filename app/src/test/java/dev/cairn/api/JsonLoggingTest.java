package dev.cairn.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class JsonLoggingTest {

    @Test
    void logbackFindsItAsAService() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(JsonLogging.class);
    }

    @Test
    void aConfigurationFileWins() {
        // The tests' class path has logback-test.xml, so Logback goes on to read it.
        LoggerContext context = new LoggerContext();
        JsonLogging logging = new JsonLogging();
        logging.setContext(context);

        assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME)
                        .iteratorForAppenders()
                        .hasNext())
                .isFalse();
    }

    @Test
    void writesOneJsonObjectALineWithTheFormattedMessage() {
        String out = captured(context -> {
            context.getLogger("dev.cairn.api.Example").info("stored {} items", 3);
            context.getLogger("dev.cairn.api.Example").debug("not at INFO");
        });

        String[] lines = out.strip().split("\n");
        assertThat(lines).hasSize(1);
        assertThat(lines[0])
                .startsWith("{")
                .endsWith("}")
                .contains("\"level\":\"INFO\"")
                .contains("\"loggerName\":\"dev.cairn.api.Example\"")
                .contains("\"formattedMessage\":\"stored 3 items\"")
                .doesNotContain("\"message\":")
                .doesNotContain("\"arguments\"")
                .doesNotContain("\"sequenceNumber\"");
    }

    @Test
    void micronautSaysOnlyWarningsAndTheRouteExecutorNothing() {
        String out = captured(context -> {
            context.getLogger("io.micronaut.context.DefaultBeanContext").info("bean created");
            context.getLogger("io.micronaut.context.DefaultBeanContext").warn("bean warning");
            context.getLogger("io.micronaut.http.server.RouteExecutor").error("unhandled error");
        });

        assertThat(out).contains("bean warning").doesNotContain("bean created").doesNotContain("unhandled error");
    }

    private static String captured(java.util.function.Consumer<LoggerContext> logging) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        // What Logback's SLF4J provider gives the context it starts.
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            JsonLogging.apply(context);
            logging.accept(context);
        } finally {
            context.stop();
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
