package dev.cairn.api.auth.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cairn.api.http.ApiException;
import dev.cairn.contract.Functions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;

/** Cognito's quota answers are 429 for the client and a log line the stage's alarm counts. */
class CognitoLimitsTest {

    @Test
    void limitExceededIsRateLimitedAndLoggedWithTheWordTheAlarmCounts() {
        ListAppender<ILoggingEvent> logged = capture();
        try {
            RuntimeException answer = CognitoIdentityProvider.translate(
                    CognitoIdentityProvider.Flow.SIGN_UP, (LimitExceededException) LimitExceededException.builder()
                            .message("Exceeded daily email limit for the operation or the account.")
                            .build());
            assertThat(answer).isInstanceOf(ApiException.class);
            assertThat(((ApiException) answer).status()).isEqualTo(429);
            // The word the service stack's metric filter looks for.
            assertThat(logged.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                    .contains(Functions.COGNITO_LIMIT_EXCEEDED)
                    .contains("SIGN_UP"));
        } finally {
            release(logged);
        }
    }

    @Test
    void otherThrottlesAreNotCountedAsQuotaExhaustion() {
        ListAppender<ILoggingEvent> logged = capture();
        try {
            CognitoIdentityProvider.translate(CognitoIdentityProvider.Flow.SIGN_IN, (TooManyRequestsException)
                    TooManyRequestsException.builder().message("slow down").build());
            assertThat(logged.list).isEmpty();
        } finally {
            release(logged);
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(CognitoIdentityProvider.class)).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(CognitoIdentityProvider.class)).detachAppender(appender);
    }
}
