package dev.cairn.api.search;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchReindexHandlerTest {
    /** What the Lambda runtime does: the handler built from a context of the function's configuration. */
    @Test
    void theHandlerIsBuiltFromTheFunctionsContext() {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of(
                        "cairn.blueprint", "recipe-archive",
                        "cairn.aws.region", "us-east-1",
                        "cairn.aws.local-credentials", true,
                        "cairn.tables.recipes", "recipes",
                        "cairn.search.endpoint", "http://127.0.0.1:9"))
                .deduceEnvironment(false)
                .start()) {
            assertThatCode(() -> new SearchReindexHandler(context)).doesNotThrowAnyException();
        }
    }
}
