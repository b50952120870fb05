package dev.cairn.contract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The closed lists of a blueprint's site-owned content: the categories its projects belong to and
 * the pages it has. The API refuses any other value with 400; lists without a category read every
 * category in this order; the front end's paths and revalidation tags are built from them.
 *
 * @param categories e.g. {@code interiors}, {@code travel}: lower case words joined by {@code -}
 * @param pages e.g. {@code home}, {@code about}: the same form
 */
public record SiteContent(List<String> categories, List<String> pages) {
    /** No site-owned content: what a blueprint without {@link Feature#PORTFOLIO} has. */
    public static final SiteContent NONE = new SiteContent(List.of(), List.of());

    /** What a category or a page name looks like: it appears in paths, tags and keys. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The longest category or page name. */
    public static final int MAX_NAME_LENGTH = 64;

    public SiteContent {
        categories = checked("categories", categories);
        pages = checked("pages", pages);
    }

    public boolean isCategory(String value) {
        return value != null && categories.contains(value);
    }

    public boolean isPage(String value) {
        return value != null && pages.contains(value);
    }

    private static List<String> checked(String field, List<String> names) {
        List<String> copy = List.copyOf(names);
        Set<String> seen = new HashSet<>();
        for (String name : copy) {
            if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(field + " must be lower case words joined by '-', at most "
                        + MAX_NAME_LENGTH + " characters (value: " + name + ")");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(field + " must be unique (value: " + name + ")");
            }
        }
        return copy;
    }
}
