package dev.cairn.api.media;

import dev.cairn.api.storage.ImageFormat;
import dev.cairn.api.storage.MediaObjects;
import dev.cairn.api.storage.MediaSettings;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an image's responsive variants: JPEG and WebP at each configured width up to the
 * original's (never enlarged, proportions kept), and its placeholder (average colour and a tiny
 * preview, {@link ImageCodec#placeholder}). The media-processor function runs this in AWS; the local stack
 * runs the same code on a background thread.
 */
@Singleton
public class ImageVariants {
    private static final Logger LOG = LoggerFactory.getLogger(ImageVariants.class);
    static final List<ImageFormat> FORMATS = List.of(ImageFormat.JPEG, ImageFormat.WEBP);

    private final ImageRecords records;
    private final MediaObjects objects;
    private final MediaSettings settings;
    private final Clock clock = Clock.systemUTC();

    ImageVariants(ImageRecords records, MediaObjects objects, MediaSettings settings) {
        this.records = records;
        this.objects = objects;
        this.settings = settings;
    }

    /** Writes the variants and marks the image ready; does nothing if the image is gone. */
    public void generate(String userId, String imageId) {
        Optional<ImageRecord> found = records.find(userId, imageId);
        if (found.isEmpty()) {
            return;
        }
        ImageRecord record = found.get();
        BufferedImage original = ImageCodec.decode(objects.read(record.originalKey()), record.format())
                .orElseThrow(
                        () -> new IllegalStateException("The stored original of image " + imageId + " is unreadable"));
        List<ImageRecord.Variant> variants = new ArrayList<>();
        for (int width : widths(original.getWidth())) {
            BufferedImage scaled = ImageCodec.fit(original, width, Integer.MAX_VALUE, false);
            for (ImageFormat format : FORMATS) {
                String key = record.prefix() + "w" + width + "." + format.extension();
                objects.write(key, ImageCodec.encode(scaled, format), format.mediaType());
                variants.add(new ImageRecord.Variant(width, scaled.getHeight(), format, key));
            }
        }
        ImageRecord.Placeholder placeholder = ImageCodec.placeholder(original);
        if (!records.update(record.with(
                variants, placeholder, ImageRecord.READY, clock.instant().toString()))) {
            // Deleted while the variants were made: take them away again.
            objects.deletePrefix(record.prefix());
        }
        LOG.info("Image {} has {} variants", imageId, variants.size());
    }

    /** The configured widths up to {@code originalWidth}; an image narrower than all gets its own width. */
    List<Integer> widths(int originalWidth) {
        TreeSet<Integer> widths = new TreeSet<>();
        for (int width : settings.variantWidths()) {
            if (width <= originalWidth) {
                widths.add(width);
            }
        }
        if (widths.isEmpty()) {
            widths.add(originalWidth);
        }
        return List.copyOf(widths);
    }
}
