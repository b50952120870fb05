package dev.cairn.endtoend;

import java.nio.charset.StandardCharsets;

/** Documents for private upload tests, made on the spot. */
final class TestDocuments {
    private TestDocuments() {}

    static byte[] pdf(String text) {
        return ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
