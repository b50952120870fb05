package dev.cairn.api.identity;

/**
 * Makes sure a user who signs in has a profile. The post-confirmation trigger creates it; should
 * that have failed, the user's tokens would all be refused ({@link RevocationCheck}: no profile, no
 * access) until a sign-in creates it here.
 */
public interface ProfileOnSignIn {

    /**
     * Creates the profile of the user from their attributes, unless one (or a deletion's mark)
     * exists; {@code username} as the verified access token names the user.
     */
    void ensureProfile(String userId, String username);
}
