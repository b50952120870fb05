package dev.cairn.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.BeanContextConfiguration;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

/** The Lambda handler's context: Micronaut's Lambda environments, singletons built on first use. */
class ApiHandlerContextTest {

    @Test
    void singletonsAreNotEager() {
        BeanContextConfiguration lambda = (BeanContextConfiguration) ApiHandler.lambdaContext();

        assertThat(lambda.getEagerInitAnnotated()).doesNotContain(Singleton.class);
        assertThat(lambda.isEagerInitConfiguration()).isTrue();
    }

    @Test
    void theEnvironmentsAreMicronautsLambdaOnes() {
        // What the builder it replaces sets, and eager singletons, which it leaves out.
        LambdaApplicationContextBuilder micronauts = new LambdaApplicationContextBuilder();

        assertThat(((BeanContextConfiguration) micronauts).getEagerInitAnnotated())
                .isNotEmpty();
        assertThat(ApiHandler.lambdaContext().build().getEnvironment().getActiveNames())
                .containsAll(micronauts.build().getEnvironment().getActiveNames());
    }
}
