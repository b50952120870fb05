package dev.cairn.api.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OptimisticRetryTest {

    @Test
    void aWriteThatLostARaceIsTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();

        String result = OptimisticRetry.run(() -> {
            if (attempts.incrementAndGet() < OptimisticRetry.ATTEMPTS) {
                throw lostRace();
            }
            return "written";
        });

        assertThat(result).isEqualTo("written");
        assertThat(attempts).hasValue(OptimisticRetry.ATTEMPTS);
    }

    @Test
    void theLastLostRaceReachesTheCaller() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> OptimisticRetry.run(() -> {
                    attempts.incrementAndGet();
                    throw lostRace();
                }))
                .isInstanceOf(CollectionStore.ConditionFailed.class);
        assertThat(attempts).hasValue(OptimisticRetry.ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> OptimisticRetry.run(() -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("not found");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    private static CollectionStore.ConditionFailed lostRace() {
        return new CollectionStore.ConditionFailed(
                CollectionStore.ConditionFailed.Row.ITEM, new RuntimeException("version moved"));
    }
}
