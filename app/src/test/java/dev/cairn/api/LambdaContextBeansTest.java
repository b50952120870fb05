package dev.cairn.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.function.aws.LambdaContextFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaContextBeansTest {

    @Test
    void invocationsRegisterNoBeans() {
        try (HandlerFixture api = new HandlerFixture(Map.of())) {
            int before = api.context().getAllBeanDefinitions().size();

            for (int i = 0; i < 3; i++) {
                assertThat(api.send("GET", "/api/health", null, Map.of()).getStatusCode())
                        .isEqualTo(200);
            }

            assertThat(api.context().getBean(LambdaContextFactory.class)).isInstanceOf(LambdaContextBeans.class);
            assertThat(api.context().getAllBeanDefinitions()).hasSize(before);
        }
    }
}
