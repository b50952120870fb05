package dev.cairn.api.storage;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of private documents users keep (files, receipts): known by their media type, and
 * checked by their content, since the announced type proves nothing.
 */
public enum DocumentType {
    PDF("application/pdf", "pdf", null),
    TEXT("text/plain", "txt", null),
    JPEG("image/jpeg", "jpg", ImageFormat.JPEG),
    PNG("image/png", "png", ImageFormat.PNG),
    WEBP("image/webp", "webp", ImageFormat.WEBP);

    /** Enough of the start of a file to recognise every type but text. */
    static final int SIGNATURE_LENGTH = 16;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final String mediaType;
    private final String extension;
    private final ImageFormat image;

    DocumentType(String mediaType, String extension, ImageFormat image) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.image = image;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Images open in the browser; everything else downloads as an attachment. */
    public boolean isImage() {
        return image != null;
    }

    public static Optional<DocumentType> ofMediaType(String mediaType) {
        String wanted = mediaType == null ? "" : mediaType.strip().toLowerCase(Locale.ROOT);
        int parameters = wanted.indexOf(';');
        String bare = parameters < 0 ? wanted : wanted.substring(0, parameters).strip();
        return ImageFormat.ofMediaType(bare)
                .flatMap(format ->
                        Arrays.stream(values()).filter(t -> t.image == format).findFirst())
                .or(() -> Arrays.stream(values())
                        .filter(t -> t.mediaType.equals(bare))
                        .findFirst());
    }

    /** Whether the start of a file is what this type begins with (text is checked whole instead). */
    boolean startsLike(byte[] start) {
        return switch (this) {
            case PDF ->
                start.length >= PDF_MAGIC.length && Arrays.equals(Arrays.copyOf(start, PDF_MAGIC.length), PDF_MAGIC);
            case TEXT -> true;
            default ->
                ImageFormat.sniff(start).filter(format -> format == image).isPresent();
        };
    }

    /** Plain text: valid UTF-8 without NUL characters (which no text file has and binaries do). */
    static boolean isPlainText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
