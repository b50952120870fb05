package dev.cairn.api.media;

import com.luciad.imageio.webp.WebPWriteParam;
import dev.cairn.api.storage.ImageFormat;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decoding, scaling and encoding. Images are written from pixels only, so nothing of the upload's
 * metadata (EXIF with GPS position, camera serials, comments) survives into what is served.
 */
final class ImageCodec {
    static final float JPEG_QUALITY = 0.85f;
    static final float WEBP_QUALITY = 0.80f;
    /**
     * The decode budget: the decoded pixels of an accepted image take at most this many bytes
     * (width x height x bytes per pixel at the image's bit depth: 8 for 16-bit RGBA, 4 for 8-bit
     * RGBA, 3 for an 8-bit RGB JPEG). A 5000x5000 RGBA PNG or a 24-megapixel photo fits; a 16-bit
     * RGBA 7000x7000 PNG (about 400 MB decoded, a few hundred KB compressed) does not.
     */
    static final long MAX_DECODED_BYTES = 100L * 1024 * 1024;
    /**
     * At most this many pixels, whatever their depth, so that a working copy at 4 bytes per pixel
     * (scaling, flattening onto white) stays within the budget as well.
     */
    static final long MAX_PIXELS = 25_000_000L;
    /** The placeholder preview fits in a square of this many pixels a side. */
    static final int PREVIEW_SIZE = 16;
    /** The preview's JPEG quality: it is shown blurred, so detail does not matter. */
    static final float PREVIEW_QUALITY = 0.6f;
    /** The longest preview {@code data:} URI kept on the record (DynamoDB items are at most 400 KB). */
    static final int MAX_PREVIEW_CHARS = 1024;

    static final String PREVIEW_PREFIX = "data:image/jpeg;base64,";

    private ImageCodec() {}

    /** What decoding an image would take, read from its header only. */
    record Measure(int width, int height, int bytesPerPixel) {
        long pixels() {
            return (long) width * height;
        }

        long decodedBytes() {
            return pixels() * bytesPerPixel;
        }

        boolean withinBudget() {
            return pixels() > 0 && pixels() <= MAX_PIXELS && decodedBytes() <= MAX_DECODED_BYTES;
        }
    }

    /** The image's size and depth from its header, or empty if it is not a readable image of {@code format}. */
    static Optional<Measure> measure(byte[] bytes, ImageFormat format) {
        return withReader(bytes, format, reader -> Optional.of(measure(reader)));
    }

    /**
     * The decoded picture, or empty if {@code bytes} are not a readable image of {@code format} or
     * decoding it would exceed the budget ({@link Measure#withinBudget()}), which is checked from
     * the header before any pixel is decoded.
     */
    static Optional<BufferedImage> decode(byte[] bytes, ImageFormat format) {
        return withReader(
                bytes,
                format,
                reader -> measure(reader).withinBudget() ? Optional.ofNullable(reader.read(0)) : Optional.empty());
    }

    private static Measure measure(ImageReader reader) throws IOException {
        int bytesPerPixel = 4;
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types != null && types.hasNext()) {
            SampleModel model = types.next().getSampleModel(1, 1);
            int bits = DataBuffer.getDataTypeSize(model.getDataType()) * model.getNumDataElements();
            bytesPerPixel = Math.max(1, (bits + 7) / 8);
        }
        return new Measure(reader.getWidth(0), reader.getHeight(0), bytesPerPixel);
    }

    private interface ReaderWork<T> {
        Optional<T> apply(ImageReader reader) throws IOException;
    }

    private static <T> Optional<T> withReader(byte[] bytes, ImageFormat format, ReaderWork<T> work) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.mediaType());
            if (in == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return work.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The height of an image {@code width} x {@code height} scaled to {@code scaledWidth}, as {@link #fit} makes it. */
    static int scaledHeight(int width, int height, int scaledWidth) {
        double scale = Math.min(1.0, (double) scaledWidth / width);
        return Math.max(1, (int) Math.round(height * scale));
    }

    /**
     * The image's placeholder, from one pass over its pixels (transparency flattened onto white, as
     * the JPEG variants are): the average colour as {@code #rrggbb}, and a preview at most {@link
     * #PREVIEW_SIZE} pixels a side whose every pixel is the average of the area it covers, as a JPEG
     * {@code data:} URI, left out if longer than {@link #MAX_PREVIEW_CHARS}.
     */
    static ImageRecord.Placeholder placeholder(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        double scale = Math.min(1.0, Math.min((double) PREVIEW_SIZE / width, (double) PREVIEW_SIZE / height));
        int previewWidth = Math.max(1, (int) Math.round(width * scale));
        int previewHeight = Math.max(1, (int) Math.round(height * scale));
        long[] cells = new long[previewWidth * previewHeight * 3];
        long[] counts = new long[previewWidth * previewHeight];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int cellRow = (int) ((long) y * previewHeight / height) * previewWidth;
            for (int x = 0; x < width; x++) {
                int cell = cellRow + (int) ((long) x * previewWidth / width);
                int argb = row[x];
                int alpha = argb >>> 24;
                // Each channel times 255, flattened onto white.
                cells[cell * 3] += (long) ((argb >> 16) & 0xFF) * alpha + 255L * (255 - alpha);
                cells[cell * 3 + 1] += (long) ((argb >> 8) & 0xFF) * alpha + 255L * (255 - alpha);
                cells[cell * 3 + 2] += (long) (argb & 0xFF) * alpha + 255L * (255 - alpha);
                counts[cell]++;
            }
        }
        long[] total = new long[3];
        BufferedImage preview = new BufferedImage(previewWidth, previewHeight, BufferedImage.TYPE_INT_RGB);
        for (int cell = 0; cell < counts.length; cell++) {
            int rgb = 0;
            for (int channel = 0; channel < 3; channel++) {
                total[channel] += cells[cell * 3 + channel];
                rgb = (rgb << 8) | average(cells[cell * 3 + channel], counts[cell]);
            }
            preview.setRGB(cell % previewWidth, cell / previewWidth, rgb);
        }
        long pixels = (long) width * height;
        String color = String.format(
                "#%02x%02x%02x", average(total[0], pixels), average(total[1], pixels), average(total[2], pixels));
        String dataUri = PREVIEW_PREFIX
                + Base64.getEncoder().encodeToString(write(preview, ImageFormat.JPEG, PREVIEW_QUALITY, true));
        return new ImageRecord.Placeholder(color, dataUri.length() <= MAX_PREVIEW_CHARS ? dataUri : null);
    }

    /** The average of {@code count} channel values each times 255, rounded to 0..255. */
    private static int average(long sum, long count) {
        return count == 0 ? 255 : (int) Math.round(sum / (255.0 * count));
    }

    /** Scaled to fit in {@code maxWidth} x {@code maxHeight}, keeping its proportions; never enlarged. */
    static BufferedImage fit(BufferedImage image, int maxWidth, int maxHeight, boolean keepAlpha) {
        double scale =
                Math.min(1.0, Math.min((double) maxWidth / image.getWidth(), (double) maxHeight / image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage scaled =
                new BufferedImage(width, height, keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            if (!keepAlpha) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    static byte[] encode(BufferedImage image, ImageFormat format) {
        return write(image, format, format == ImageFormat.WEBP ? WEBP_QUALITY : JPEG_QUALITY, false);
    }

    private static byte[] write(BufferedImage image, ImageFormat format, float quality, boolean smallest) {
        ImageWriter writer =
                ImageIO.getImageWritersByMIMEType(format.mediaType()).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            switch (format) {
                case JPEG -> {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(quality);
                    if (smallest && param instanceof JPEGImageWriteParam jpeg) {
                        // Tables fitted to the few pixels instead of the standard ones: a few hundred bytes less.
                        jpeg.setOptimizeHuffmanTables(true);
                    }
                }
                case WEBP -> {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
                    param.setCompressionQuality(quality);
                }
                case PNG -> {}
            }
            BufferedImage pixels = format == ImageFormat.JPEG ? opaque(image) : image;
            writer.write(null, new IIOImage(pixels, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + format, e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** JPEG has no alpha: flatten onto white. */
    private static BufferedImage opaque(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        return fit(image, image.getWidth(), image.getHeight(), false);
    }
}
