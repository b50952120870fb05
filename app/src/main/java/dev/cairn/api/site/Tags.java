package dev.cairn.api.site;

/** What a tag may be: letters, digits, spaces, dashes and underscores, starting with a letter or digit. */
final class Tags {
    static final String PATTERN = "[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,49}";
    static final String MESSAGE = "must be 1-50 letters, digits, spaces, dashes or underscores";

    private Tags() {}
}
