package dev.cairn.api.identity;

/**
 * The caller's verified access token, for the few routes that pass it on to Cognito (MFA, the
 * user's own attributes). A route takes it as a parameter; it never prints.
 */
public record AccessToken(String value) {
    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
