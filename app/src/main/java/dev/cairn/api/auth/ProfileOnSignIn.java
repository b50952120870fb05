package dev.cairn.api.auth;

/**
 * Makes sure a user who signs in has a profile. The post-confirmation trigger creates it; should
 * that have failed, the user's tokens would all be refused ({@link RevocationCheck}: no profile, no
 * access) until a sign-in creates it here.
 */
public interface ProfileOnSignIn {

    /** Creates the profile of the token's user from their attributes, unless one (or a deletion's mark) exists. */
    void ensureProfile(String userId, String accessToken);
}
