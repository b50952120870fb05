package dev.cairn.api.collection;

import java.util.function.Supplier;

/**
 * Read, change and write back on the version read, again when another request wrote in between:
 * the engine's one retry for a write that lost such a race ({@link CollectionStore.ConditionFailed}).
 * Transactions that met another transaction are retried by {@code Transactions} underneath.
 */
final class OptimisticRetry {
    /** Attempts before the lost race reaches the caller (as a conflict, usually). */
    static final int ATTEMPTS = 3;

    private OptimisticRetry() {}

    /**
     * Runs {@code attempt} (which reads, then writes conditionally) until it returns, at most
     * {@link #ATTEMPTS} times. Anything but a failed condition reaches the caller at once.
     *
     * @throws CollectionStore.ConditionFailed from the last attempt
     */
    static <R> R run(Supplier<R> attempt) {
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (CollectionStore.ConditionFailed e) {
                if (attempts >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
