package dev.cairn.api.auth;

/** An access token that does not admit its bearer; {@link #expired()} tells the one case clients act on. */
public final class TokenRejectedException extends Exception {
    private final boolean expired;

    TokenRejectedException(String reason, boolean expired) {
        super(reason, null, false, false);
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}
