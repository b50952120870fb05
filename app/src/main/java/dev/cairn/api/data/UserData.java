package dev.cairn.api.data;

/**
 * Something that keeps data of a user's: it hands it over for export and erases it when the
 * account goes. Every table and bucket that holds user data has one, so that export and account
 * deletion reach all of it without a list to keep up to date.
 */
public interface UserData {

    /** The key of this part in the export document, e.g. {@code profile} or {@code guitars}. */
    String name();

    /** Everything of the user's this part holds, ready to serialise. */
    Object export(String userId);

    /** Erases everything of the user's; erasing what is already gone is not an error. */
    void erase(String userId);
}
