package dev.cairn.api.health;

import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the build wrote into the artifact (META-INF/cairn/build.properties). */
@Context
public final class BuildInfo {
    private final String version;

    BuildInfo() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/META-INF/cairn/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read META-INF/cairn/build.properties", e);
        }
        this.version = properties.getProperty("version", "unknown");
    }

    public String version() {
        return version;
    }
}
