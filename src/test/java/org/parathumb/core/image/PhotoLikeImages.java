package org.parathumb.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Synthetic photo-like images for tests and benchmarks: smooth gradients plus noise. */
public final class PhotoLikeImages {

    private PhotoLikeImages() {
    }

    /** An RGB image in {@link PixelLayout#RGB} with gradients, a few soft blobs and noise. */
    public static BufferedImage create(int width, int height, long seed) {
        BufferedImage image = PixelLayout.RGB.create(width, height);
        byte[] samples = PixelLayout.samples(image);
        Random random = new Random(seed);
        double fx = 2 * Math.PI / width;
        double fy = 2 * Math.PI / height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                double r = 128 + 90 * Math.sin(x * fx * 1.3 + y * fy * 0.4);
                double g = 120 + 80 * Math.cos(x * fx * 0.7 - y * fy * 1.1);
                double b = 100 + 60 * Math.sin((x + y) * fx * 0.5) + 40.0 * y / height;
                int noise = random.nextInt(17) - 8;
                samples[i] = (byte) clamp(r + noise);
                samples[i + 1] = (byte) clamp(g + noise);
                samples[i + 2] = (byte) clamp(b - noise);
            }
        }
        return image;
    }

    public static void writeJpeg(BufferedImage image, float quality, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
