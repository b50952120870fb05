package dev.cairn.api.collection;

/**
 * At most {@code maxItems} items per owner in a collection, counted exactly: a row of the owner's
 * partition ({@code #count}) moves in the same transaction as each create and delete, and a create
 * that would pass the limit is refused with 429 {@code RATE_LIMITED} and {@code message}, writing
 * nothing.
 */
public record ItemLimit(int maxItems, String message) {
    public ItemLimit {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1 (value: " + maxItems + ")");
        }
    }
}
