package dev.cairn.contract;

import java.util.Arrays;
import java.util.Locale;

/**
 * A language search understands: its code, as items and queries name it, and the OpenSearch
 * analyzer that stems and drops the stop words of its text. English and Portuguese are always
 * indexed; a blueprint lists the others it needs.
 *
 * @see Blueprint#searchLanguages()
 */
public enum Language {
    EN("en", "english"),
    PT("pt", "portuguese"),
    FR("fr", "french"),
    ES("es", "spanish");

    private final String code;
    private final String analyzer;

    Language(String code, String analyzer) {
        this.code = code;
        this.analyzer = analyzer;
    }

    /** The ISO 639-1 code: {@code en}, {@code pt}. */
    public String code() {
        return code;
    }

    /** The built-in OpenSearch analyzer for the language (module {@code analysis-common}). */
    public String analyzer() {
        return analyzer;
    }

    /** The language whose {@link #code()} is {@code code} (any case); fails naming the known codes. */
    public static Language ofCode(String code) {
        return Arrays.stream(values())
                .filter(l -> l.code.equals(code == null ? null : code.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("language must be one of "
                        + Arrays.stream(values()).map(Language::code).toList() + " (value: " + code + ")"));
    }
}
