package org.parathumb.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** An image's samples in channel order (R, G, B, A or gray), whatever its storage, for comparing. */
public record Samples(int width, int height, int bands, int[] values) {

    public static Samples of(BufferedImage image) {
        int bands = image.getRaster().getNumBands();
        int[] values = image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
        return new Samples(image.getWidth(), image.getHeight(), bands, values);
    }

    public static BufferedImage resource(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/fidelity/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path resourcePath(String name) {
        try {
            return Path.of(Samples.class.getResource("/fidelity/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean sameShape(Samples other) {
        return width == other.width && height == other.height && bands == other.bands;
    }

    public boolean identical(Samples other) {
        return sameShape(other) && Arrays.equals(values, other.values);
    }

    /** The lowest per-channel PSNR in dB against {@code other} (infinite when equal). */
    public double psnr(Samples other) {
        if (!sameShape(other)) {
            return Double.NaN;
        }
        double worst = Double.POSITIVE_INFINITY;
        for (int b = 0; b < bands; b++) {
            double sum = 0;
            for (int i = b; i < values.length; i += bands) {
                double d = values[i] - other.values[i];
                sum += d * d;
            }
            double mse = sum / (width * (double) height);
            worst = Math.min(worst, mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse));
        }
        return worst;
    }

    public String describe(Samples expected) {
        return String.format("got %dx%d with %d bands, expected %dx%d with %d bands; PSNR %.2f dB, %d samples differ",
                width, height, bands, expected.width, expected.height, expected.bands, psnr(expected),
                sameShape(expected) ? differing(expected) : -1);
    }

    private int differing(Samples other) {
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != other.values[i]) {
                count++;
            }
        }
        return count;
    }
}
