package dev.cairn.local;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Sample photos made on the spot, so the sample data needs no binary files: a two-colour gradient
 * with a few soft shapes, the same picture for the same name. {@value #WIDTH} x {@value #HEIGHT}
 * (3:2, as a camera takes them), wide enough for every responsive variant up to 1280 pixels, and
 * compressed hard, as a few dozen of them are uploaded at each start.
 */
final class SampleImages {
    static final int WIDTH = 1600;
    static final int HEIGHT = 1067;
    private static final float QUALITY = 0.5f;

    private SampleImages() {}

    /** A JPEG picture for {@code name}, different for each name and the same every time. */
    static byte[] jpeg(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        Random random = new Random(crc.getValue());
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color from = Color.getHSBColor(random.nextFloat(), 0.35f + random.nextFloat() * 0.3f, 0.35f);
            Color to = Color.getHSBColor(random.nextFloat(), 0.25f + random.nextFloat() * 0.3f, 0.9f);
            g.setPaint(new GradientPaint(0, 0, from, WIDTH, HEIGHT, to));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 4; i++) {
                g.setColor(Color.getHSBColor(random.nextFloat(), 0.4f, 0.95f));
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f + random.nextFloat() * 0.3f));
                int size = HEIGHT / 6 + random.nextInt(HEIGHT / 3);
                int x = random.nextInt(WIDTH - size);
                int y = random.nextInt(HEIGHT - size);
                if (i % 2 == 0) {
                    g.fillOval(x, y, size, size);
                } else {
                    g.fillRect(x, y, size, size * 2 / 3);
                }
            }
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode a sample photo", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
