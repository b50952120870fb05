package dev.cairn.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.storage.ImageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How an image record is stored: variants with their heights, the placeholder, and items stored before them. */
class ImageRecordsTest {

    @Test
    void aRecordComesBackAsItWasStored() {
        ImageRecord record = record(
                List.of(
                        new ImageRecord.Variant(320, 240, ImageFormat.JPEG, "images/u/i/w320.jpg"),
                        new ImageRecord.Variant(320, 240, ImageFormat.WEBP, "images/u/i/w320.webp")),
                new ImageRecord.Placeholder("#1e5aa0", "data:image/jpeg;base64,AAAA"));

        assertThat(ImageRecords.fromItem(ImageRecords.toItem(record))).isEqualTo(record);
        ImageRecord colourOnly = record(List.of(), new ImageRecord.Placeholder("#ffffff", null));
        assertThat(ImageRecords.fromItem(ImageRecords.toItem(colourOnly))).isEqualTo(colourOnly);
        ImageRecord processing = record(List.of(), null);
        assertThat(ImageRecords.toItem(processing)).doesNotContainKey("placeholder");
        assertThat(ImageRecords.fromItem(ImageRecords.toItem(processing))).isEqualTo(processing);
    }

    @Test
    void aVariantStoredWithoutItsHeightGetsTheOnesItsProportionsGive() {
        Map<String, AttributeValue> item = new HashMap<>(ImageRecords.toItem(record(List.of(), null)));
        item.put(
                "variants",
                AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                        "width", AttributeValue.fromN("640"),
                        "format", AttributeValue.fromS("WEBP"),
                        "key", AttributeValue.fromS("images/u/i/w640.webp"))))));

        ImageRecord legacy = ImageRecords.fromItem(item);

        assertThat(legacy.variants())
                .containsExactly(new ImageRecord.Variant(640, 480, ImageFormat.WEBP, "images/u/i/w640.webp"));
        assertThat(legacy.placeholder()).isNull();
    }

    private static ImageRecord record(List<ImageRecord.Variant> variants, ImageRecord.Placeholder placeholder) {
        return new ImageRecord(
                "u",
                "i",
                ImageFormat.JPEG,
                1600,
                1200,
                1234,
                "images/u/i/original.jpg",
                "images/u/i/thumb.jpg",
                variants,
                ImageRecord.READY,
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:01Z",
                placeholder);
    }
}
