package dev.cairn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code scripts/dev} reads its options. */
class OptionsTest {

    @Test
    void browserPagesOnTheUsualDevServersMayCallTheApiByDefault() {
        LocalCairn.Options options = LocalCairn.Options.parse(new String[0], Map.of());

        assertThat(options.corsOrigins()).containsExactly("http://localhost:3000", "http://localhost:5173");
    }

    @Test
    void corsOriginsComeFromTheFlagOverTheEnvironment() {
        Map<String, String> env = Map.of("CAIRN_CORS_ORIGINS", "http://localhost:4200");

        assertThat(LocalCairn.Options.parse(new String[0], env).corsOrigins()).containsExactly("http://localhost:4200");
        assertThat(LocalCairn.Options.parse(
                                new String[] {"--cors-origins", " http://localhost:8000 , https://localhost:8443"}, env)
                        .corsOrigins())
                .containsExactly("http://localhost:8000", "https://localhost:8443");
        assertThat(LocalCairn.Options.parse(new String[] {"--cors-origins", ""}, env)
                        .corsOrigins())
                .isEmpty();
    }

    @Test
    void failsIfACorsOriginIsNotAnOrigin() {
        assertThatThrownBy(() -> LocalCairn.Options.parse(
                        new String[] {"--cors-origins", "http://localhost:5173/app"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(value: http://localhost:5173/app)");
        assertThatThrownBy(() -> LocalCairn.Options.parse(new String[] {"--cors-origins", "*"}, Map.of()))
                .hasMessageContaining("no path or wildcard (value: *)");
        assertThatThrownBy(() ->
                        LocalCairn.Options.parse(new String[] {"--cors-origins", "https://app.example.com"}, Map.of()))
                .hasMessageContaining("--cors-origins must be localhost origins")
                .hasMessageContaining("(value: https://app.example.com)");
        assertThat(new LocalCairn.Options(0, "guitar-collection", null, null, null, false, List.of()).corsOrigins())
                .isEmpty();
    }
}
