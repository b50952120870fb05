package dev.cairn.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.storage.ImageFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The decode budget, decided from the header: no pixel of these images is ever decoded. */
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
