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
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
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
        ImageWriter writer =
                ImageIO.getImageWritersByMIMEType(format.mediaType()).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            switch (format) {
                case JPEG -> {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(JPEG_QUALITY);
                }
                case WEBP -> {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
                    param.setCompressionQuality(WEBP_QUALITY);
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
