package dev.cairn.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.storage.ImageFormat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The decode budget, decided from the header (no pixel of those images is ever decoded); scaled
 * sizes; the placeholder; and what the writers leave out.
 */
class ImageCodecTest {

    @Test
    void theBudgetCountsBitDepthAsWellAsPixels() {
        ImageCodec.Measure deep =
                ImageCodec.measure(pngHeader(4000, 4000, 16), ImageFormat.PNG).orElseThrow();
        ImageCodec.Measure plain =
                ImageCodec.measure(pngHeader(4000, 4000, 8), ImageFormat.PNG).orElseThrow();
        ImageCodec.Measure bomb =
                ImageCodec.measure(pngHeader(7000, 7000, 16), ImageFormat.PNG).orElseThrow();

        assertThat(deep.bytesPerPixel()).isEqualTo(8);
        assertThat(deep.decodedBytes()).isEqualTo(128_000_000L);
        assertThat(deep.withinBudget()).isFalse();
        assertThat(plain.bytesPerPixel()).isEqualTo(4);
        assertThat(plain.withinBudget()).isTrue();
        assertThat(bomb.decodedBytes()).isEqualTo(392_000_000L);
        assertThat(bomb.withinBudget()).isFalse();
        assertThat(ImageCodec.decode(pngHeader(7000, 7000, 16), ImageFormat.PNG))
                .isEmpty();
    }

    @Test
    void noAcceptedImageNeedsMoreThanTheBudget() {
        long worstBytes = ImageCodec.MAX_PIXELS * 8; // 16-bit RGBA at the pixel cap
        assertThat(new ImageCodec.Measure(5000, 5000, 8).withinBudget()).isFalse();
        assertThat(new ImageCodec.Measure(5000, 5000, 4).withinBudget()).isTrue();
        assertThat(new ImageCodec.Measure(6000, 4000, 3).withinBudget()).isTrue();
        assertThat(new ImageCodec.Measure(10_000, 5_000, 1).withinBudget()).isFalse();
        assertThat(worstBytes).isGreaterThan(ImageCodec.MAX_DECODED_BYTES);
        assertThat(ImageCodec.MAX_PIXELS * 4).isLessThanOrEqualTo(ImageCodec.MAX_DECODED_BYTES);
    }

    @Test
    void aScaledImageKeepsItsProportions() {
        BufferedImage photo = solid(1600, 1200, Color.RED);

        BufferedImage scaled = ImageCodec.fit(photo, 640, Integer.MAX_VALUE, false);

        assertThat(scaled.getWidth()).isEqualTo(640);
        assertThat(scaled.getHeight()).isEqualTo(480);
        assertThat(ImageCodec.scaledHeight(1600, 1200, 640)).isEqualTo(480);
        assertThat(ImageCodec.scaledHeight(900, 600, 320)).isEqualTo(213);
        assertThat(ImageCodec.fit(solid(900, 600, Color.RED), 320, Integer.MAX_VALUE, false)
                        .getHeight())
                .isEqualTo(213);
        assertThat(ImageCodec.scaledHeight(3000, 2, 320)).isEqualTo(1);
        assertThat(ImageCodec.scaledHeight(300, 200, 640)).isEqualTo(200);
    }

    @Test
    void aSolidImagesPlaceholderIsItsColour() throws IOException {
        ImageRecord.Placeholder red = ImageCodec.placeholder(solid(400, 300, Color.RED));

        assertThat(red.color()).isEqualTo("#ff0000");
        BufferedImage preview = preview(red);
        assertThat(preview.getWidth()).isEqualTo(16);
        assertThat(preview.getHeight()).isEqualTo(12);
        Color middle = new Color(preview.getRGB(8, 6));
        assertThat(middle.getRed()).isGreaterThan(240);
        assertThat(middle.getGreen()).isLessThan(20);
        assertThat(middle.getBlue()).isLessThan(20);
    }

    @Test
    void aTwoColourImagesPlaceholderIsTheirAverage() throws IOException {
        BufferedImage halves = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = halves.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLUE);
        g.fillRect(100, 0, 100, 100);
        g.dispose();

        ImageRecord.Placeholder placeholder = ImageCodec.placeholder(halves);

        // 255 and 0 in equal parts: 127.5, rounded up.
        assertThat(placeholder.color()).isEqualTo("#800080");
        BufferedImage preview = preview(placeholder);
        assertThat(preview.getWidth()).isEqualTo(16);
        assertThat(preview.getHeight()).isEqualTo(8);
        assertThat(new Color(preview.getRGB(1, 4)).getRed()).isGreaterThan(200);
        assertThat(new Color(preview.getRGB(14, 4)).getBlue()).isGreaterThan(200);
    }

    @Test
    void transparencyCountsAsWhiteAndATallImageKeepsASmallPreview() throws IOException {
        BufferedImage clear = new BufferedImage(10, 4000, BufferedImage.TYPE_INT_ARGB);

        ImageRecord.Placeholder placeholder = ImageCodec.placeholder(clear);

        assertThat(placeholder.color()).isEqualTo("#ffffff");
        BufferedImage preview = preview(placeholder);
        assertThat(preview.getHeight()).isEqualTo(16);
        assertThat(preview.getWidth()).isEqualTo(1);
    }

    @Test
    void aBusyPhotosPreviewStaysUnderAKilobyte() {
        BufferedImage noise = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < noise.getHeight(); y += 10) {
            for (int x = 0; x < noise.getWidth(); x += 10) {
                int rgb = random.nextInt(0x1000000);
                for (int dy = 0; dy < 10; dy++) {
                    for (int dx = 0; dx < 10; dx++) {
                        noise.setRGB(x + dx, y + dy, rgb);
                    }
                }
            }
        }

        ImageRecord.Placeholder placeholder = ImageCodec.placeholder(noise);

        assertThat(placeholder.color()).matches("#[0-9a-f]{6}");
        assertThat(placeholder.dataUri()).startsWith("data:image/jpeg;base64,");
        assertThat(placeholder.dataUri().length()).isLessThanOrEqualTo(ImageCodec.MAX_PREVIEW_CHARS);
    }

    @Test
    void theWrittenImagesCarryNoneOfTheUploadsMetadata() {
        byte[] upload = jpegWithExif(solid(800, 600, Color.ORANGE));
        assertThat(latin1(upload)).contains("Exif").contains("GPSLatitude");
        BufferedImage decoded = ImageCodec.decode(upload, ImageFormat.JPEG).orElseThrow();

        for (ImageFormat format : ImageFormat.values()) {
            byte[] written = ImageCodec.encode(ImageCodec.fit(decoded, 320, Integer.MAX_VALUE, false), format);

            assertThat(latin1(written)).as(format.name()).doesNotContain("Exif").doesNotContain("GPSLatitude");
            assertThat(ImageCodec.decode(written, format)).as(format.name()).isPresent();
        }
        String preview = ImageCodec.placeholder(decoded).dataUri();
        assertThat(latin1(Base64.getDecoder().decode(preview.substring(ImageCodec.PREVIEW_PREFIX.length()))))
                .doesNotContain("Exif");
    }

    private static BufferedImage preview(ImageRecord.Placeholder placeholder) throws IOException {
        assertThat(placeholder.dataUri()).startsWith(ImageCodec.PREVIEW_PREFIX);
        assertThat(placeholder.dataUri().length()).isLessThanOrEqualTo(ImageCodec.MAX_PREVIEW_CHARS);
        byte[] jpeg = Base64.getDecoder().decode(placeholder.dataUri().substring(ImageCodec.PREVIEW_PREFIX.length()));
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static BufferedImage solid(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** The image as a JPEG with an EXIF (APP1) segment right after its start marker. */
    private static byte[] jpegWithExif(BufferedImage image) {
        byte[] jpeg = ImageCodec.encode(image, ImageFormat.JPEG);
        byte[] payload = "Exif\0\0MM\0*\0\0\0\bGPSLatitude-51.4778N".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** An RGBA PNG's signature and header, with an empty image: enough to measure, not to decode. */
    private static byte[] pngHeader(int width, int height, int bitDepth) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
        header.put((byte) bitDepth).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
