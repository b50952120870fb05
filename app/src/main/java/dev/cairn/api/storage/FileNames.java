package dev.cairn.api.storage;

import java.util.Locale;
import java.util.regex.Pattern;

/** File names as keys of the media bucket carry them: short, lower case, nothing but {@code [a-z0-9._-]}. */
public final class FileNames {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private FileNames() {}

    /** The name's stem made safe, with {@code extension} (the type's, not the name's). */
    public static String safe(String fileName, String fallbackStem, String extension) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        String stem = UNSAFE.matcher(dot > 0 ? base.substring(0, dot) : base).replaceAll("-");
        stem = stem.replaceAll("^[.-]+", "").toLowerCase(Locale.ROOT);
        if (stem.length() > 80) {
            stem = stem.substring(0, 80);
        }
        return (stem.isEmpty() ? fallbackStem : stem) + "." + extension;
    }
}
