package dev.cairn.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MediaLayoutTest {
    private static final String USER = "u-1";

    /** One key of each kind the app writes, built the way the app builds it. */
    private static final List<String> WRITTEN = List.of(
            MediaLayout.uploadsOf(USER) + "0190-a.jpg",
            MediaLayout.imageOf(USER, "img-1") + "original.jpg",
            MediaLayout.imageOf(USER, "img-1") + "w640.webp",
            MediaLayout.privateArea(USER, MediaLayout.FILES_AREA) + "f-1/notes.pdf",
            MediaLayout.privateArea(USER, MediaLayout.receiptArea("g-1")) + "r-1/receipt.pdf");

    @Test
    void everyPrefixErasedWithAnAccountIsOneTheAppWritesTo() {
        for (String prefix : MediaLayout.prefixesOf(USER)) {
            assertThat(WRITTEN).as("keys under " + prefix).anyMatch(key -> key.startsWith(prefix));
        }
    }

    @Test
    void everyKeyTheAppWritesIsErasedWithItsAccount() {
        for (String key : WRITTEN) {
            assertThat(MediaLayout.prefixesOf(USER)).as(key).anyMatch(key::startsWith);
        }
    }

    @Test
    void theReceiptKeyIsUnderTheArchivePrefix() {
        String receipt = MediaLayout.privateArea(USER, MediaLayout.receiptArea("g-1")) + "r-1/receipt.pdf";
        assertThat(receipt)
                .startsWith(MediaLayout.ARCHIVE_PREFIX)
                .isEqualTo("private/u-1/receipts/g-1/r-1/receipt.pdf");
        assertThat(Feature.GUITARS.privateMediaArea()).isEqualTo(MediaLayout.RECEIPTS_AREA);
        assertThat(MediaLayout.RECEIPT_ARCHIVE_TAGS).isNotEmpty();
    }

    @Test
    void theEventPatternAndTheProcessorsRegexSelectTheSameKeys() {
        Pattern wildcard = Pattern.compile(
                MediaLayout.ORIGINAL_EVENT_PATTERN.replace(".", "\\.").replace("*", ".*"));
        List<String> originals = List.of(
                MediaLayout.imageOf(USER, "img-1") + "original.jpg", MediaLayout.imageOf(USER, "i") + "original.webp");
        List<String> others = List.of(
                MediaLayout.imageOf(USER, "img-1") + "w640.webp",
                MediaLayout.uploadsOf(USER) + "original.jpg",
                MediaLayout.privateArea(USER, "files") + "original.jpg");
        for (String key : originals) {
            assertThat(wildcard.matcher(key).matches()).as(key).isTrue();
            assertThat(MediaLayout.ORIGINAL_KEY.matcher(key).matches()).as(key).isTrue();
        }
        for (String key : others) {
            assertThat(wildcard.matcher(key).matches()).as(key).isFalse();
            assertThat(MediaLayout.ORIGINAL_KEY.matcher(key).matches()).as(key).isFalse();
        }
        var matcher = MediaLayout.ORIGINAL_KEY.matcher(MediaLayout.imageOf(USER, "img-1") + "original.png");
        assertThat(matcher.matches()).isTrue();
        assertThat(matcher.group(1)).isEqualTo(USER);
        assertThat(matcher.group(2)).isEqualTo("img-1");
    }

    @Test
    void aKeySegmentMayNotClimbOrSplit() {
        assertThatThrownBy(() -> MediaLayout.uploadsOf("a/b"))
                .hasMessage("userId must be one key segment without '/' (value: a/b)");
        assertThatThrownBy(() -> MediaLayout.privateArea(USER, "../x"))
                .hasMessage("area must be a relative path without '..' (value: ../x)");
    }
}
