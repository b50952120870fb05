package dev.cairn.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionsTest {
    @Test
    void aHandlersClassIsWhatComesBeforeItsMethod() {
        assertThat(Functions.handlerClass(Functions.API_HANDLER)).isEqualTo("dev.cairn.api.ApiHandler");
        assertThat(Functions.handlerClass("a.B")).isEqualTo("a.B");
    }
}
