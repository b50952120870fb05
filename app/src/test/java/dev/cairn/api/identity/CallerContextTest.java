package dev.cairn.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** What leaves the API for the identity provider's risk scoring: client-describing headers, never secrets. */
class CallerContextTest {

    @Test
    void onlyHeadersThatDescribeTheClientAreShared() {
        HttpRequest<?> request = HttpRequest.POST("/api/auth/login", "{}")
                .header("Host", "API.example.com")
                .header("User-Agent", "Mozilla/5.0")
                .header("Accept-Language", "pt-PT")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("Authorization", "Bearer secret-token")
                .header("Cookie", "session=secret")
                .header("X-Api-Key", "ck_secret")
                .header("X-Origin-Verify", "cloudfront-secret");

        CallerContext caller = CallerContext.of(request);

        assertThat(caller.headers())
                .containsOnlyKeys("user-agent", "accept-language", "x-forwarded-for")
                .containsEntry("x-forwarded-for", "203.0.113.7");
        assertThat(caller.headers().values()).noneMatch(v -> v.contains("secret"));
        assertThat(caller.serverName()).isEqualTo("api.example.com");
        assertThat(caller.serverPath()).isEqualTo("/api/auth/login");
    }
}
