package dev.cairn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which {@code Host} names the stand-ins answer: loopback names only, so that a web page cannot
 * reach them through a DNS name pointed at 127.0.0.1. The end-to-end suites prove that the running
 * stack refuses the others.
 */
class LoopbackHostsTest {

    @Test
    void onlyLoopbackNamesAreLoopbackHosts() {
        assertThat(List.of("localhost", "localhost:8080", "LOCALHOST", "app.localhost:80", "127.0.0.1:1", "127.1.2.3"))
                .allMatch(LoopbackHosts::allowed);
        assertThat(LoopbackHosts.allowed("[::1]:8080")).isTrue();
        assertThat(List.of(
                        "",
                        "rebound.example",
                        "localhost.example",
                        "127.0.0.1.nip.io",
                        "localhost:80:80",
                        "192.0.2.1",
                        "[::2]",
                        "128.0.0.1",
                        "127.0.0.256"))
                .noneMatch(LoopbackHosts::allowed);
        assertThat(LoopbackHosts.allowed(null)).isFalse();
    }
}
