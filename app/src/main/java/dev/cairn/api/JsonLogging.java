package dev.cairn.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The functions' logging, configured in code: one JSON object a line on standard output, which
 * CloudWatch Logs Insights reads field by field. Logback finds it as a service before it looks for
 * XML, so the cold start skips the XML parser and Logback's configuration interpreter (about 400
 * classes and a tenth of the handler's init, measured by {@code scripts/bench}: see
 * docs/performance.md).
 *
 * <p>A configuration file still wins: one named by {@code -Dlogback.configurationFile} (the local
 * stack's and the benchmarks') or a {@code logback-test.xml} on the class path (the tests').
 */
public final class JsonLogging extends ContextAwareBase implements Configurator {

    /** Loggers quieter than the root's INFO. */
    static final Map<String, Level> LEVELS = Map.of(
            "io.micronaut", Level.WARN,
            // 5xx are logged once, with the request id, by the envelope processor.
            "io.micronaut.http.server.RouteExecutor", Level.OFF);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || JsonLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures {@code context}: the JSON appender on the root logger, and {@link #LEVELS}. */
    static void apply(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithContext(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("STDOUT");
        stdout.setEncoder(encoder);
        stdout.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stdout);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}
