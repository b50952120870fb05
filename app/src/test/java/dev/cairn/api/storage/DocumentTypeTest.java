package dev.cairn.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentTypeTest {

    @Test
    void typesAreKnownByMediaTypeWithOrWithoutParameters() {
        assertThat(DocumentType.ofMediaType("application/pdf")).hasValue(DocumentType.PDF);
        assertThat(DocumentType.ofMediaType("Text/Plain; charset=UTF-8")).hasValue(DocumentType.TEXT);
        assertThat(DocumentType.ofMediaType("image/jpg")).hasValue(DocumentType.JPEG);
        assertThat(DocumentType.ofMediaType("image/webp")).hasValue(DocumentType.WEBP);
        assertThat(DocumentType.ofMediaType("text/html")).isEmpty();
        assertThat(DocumentType.ofMediaType(null)).isEmpty();
    }

    @Test
    void contentIsCheckedAgainstTheType() {
        byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};

        assertThat(DocumentType.PDF.startsLike(pdf)).isTrue();
        assertThat(DocumentType.PDF.startsLike("%PD".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(DocumentType.PNG.startsLike(png)).isTrue();
        assertThat(DocumentType.JPEG.startsLike(png)).isFalse();
        assertThat(DocumentType.PDF.startsLike(png)).isFalse();
    }

    @Test
    void plainTextIsUtf8WithoutNul() {
        assertThat(DocumentType.isPlainText("Grüße\n".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(DocumentType.isPlainText(new byte[] {'a', 0})).isFalse();
        assertThat(DocumentType.isPlainText(new byte[] {'c', (byte) 0xE9})).isFalse();
        assertThat(DocumentType.isPlainText(new byte[] {(byte) 0xC3})).isFalse();
    }

    @Test
    void aKeyIsAcceptedOnlyInTheOwnersArea() {
        PrivateMedia media = new PrivateMedia(null);
        String id = "0190f1c2-7a3b-7c4d-8e5f-0123456789ab";
        String key = "private/user-1/files/" + id + "/cv.pdf";

        assertThat(media.idOf("user-1", "files", key)).hasValue(id);
        assertThat(media.idOf("user-2", "files", key)).isEmpty();
        assertThat(media.idOf("user-1", "receipts/x", key)).isEmpty();
        assertThat(media.idOf("user-1", "files", key.replace("cv.pdf", "../cv.pdf")))
                .isEmpty();
        assertThat(media.idOf("user-1", "files", key + "/more")).isEmpty();
        assertThat(media.idOf("user-1", "files", null)).isEmpty();
    }
}
