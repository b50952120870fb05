package dev.cairn.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class TransactionsTest {

    @Test
    void aTransactionThatMetAnotherRunsAgainUntilItIsWritten() {
        Cancelling dynamoDb = new Cancelling("TransactionConflict", 3);

        Transactions.write(dynamoDb, List.of());

        assertThat(dynamoDb.calls.get()).isEqualTo(4);
    }

    @Test
    void aFailedConditionReachesTheCallerAtOnce() {
        Cancelling dynamoDb = new Cancelling("ConditionalCheckFailed", 1);

        assertThatThrownBy(() -> Transactions.write(dynamoDb, List.of()))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(dynamoDb.calls.get()).isEqualTo(1);
    }

    @Test
    void conflictsThatGoOnAreGivenUpAfterTheLastAttempt() {
        Cancelling dynamoDb = new Cancelling("TransactionConflict", Integer.MAX_VALUE);

        assertThatThrownBy(() -> Transactions.write(dynamoDb, List.of()))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(dynamoDb.calls.get()).isEqualTo(Transactions.MAX_ATTEMPTS);
    }

    /** Cancels the first {@code times} transactions with {@code reason}, then writes. */
    private static final class Cancelling implements DynamoDbClient {
        final AtomicInteger calls = new AtomicInteger();
        private final String reason;
        private final int times;

        Cancelling(String reason, int times) {
            this.reason = reason;
            this.times = times;
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(Consumer<TransactWriteItemsRequest.Builder> request) {
            if (calls.incrementAndGet() <= times) {
                throw TransactionCanceledException.builder()
                        .cancellationReasons(
                                CancellationReason.builder().code(reason).build())
                        .build();
            }
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }
}
