package dev.cairn.api.data;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB transactions as the app writes them. Two transactions on the same row (a per-user
 * counter) at once make DynamoDB cancel one with {@code TransactionConflict}, having written
 * nothing; that one is run again after a short random pause. Every other cancellation (a failed
 * condition) reaches the caller, which decides what it means.
 */
public final class Transactions {
    static final int MAX_ATTEMPTS = 8;

    private Transactions() {}

    public static void write(DynamoDbClient dynamoDb, List<TransactWriteItem> writes) {
        for (int attempt = 0; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                if (!conflicted(e) || attempt + 1 >= MAX_ATTEMPTS) {
                    throw e;
                }
                pause(10L + ThreadLocalRandom.current().nextLong(10L << attempt), e);
            }
        }
    }

    static boolean conflicted(TransactionCanceledException e) {
        return e.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }

    private static void pause(long millis, TransactionCanceledException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
