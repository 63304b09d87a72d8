package org.parathumb.core.image.pillow;

import java.awt.image.BufferedImage;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.ThumbnailSpec;

/**
 * A true Gaussian blur of standard deviation {@code sigma} (what Pillow's GaussianBlur radius
 * means, and approximates with box passes), as one separable kernel of radius
 * {@code ceil(3 sigma)} in 16-bit fixed point, edges replicated, every channel alike. Meant for
 * the small images the fast pipeline blurs after reducing, where sigma is a fraction of a pixel:
 * a short loop the JIT compiles at once, where Pillow's exact box passes would take it a while.
 */
public final class SmallGaussianBlur {

    private static final int BITS = 16;
    private static final int CANCEL_CHECK_ROWS = 64;

    private final int radius;
    private final int[] weights;

    public SmallGaussianBlur(double sigma) {
        if (!(sigma > 0 && sigma <= ThumbnailSpec.MAX_BLUR_RADIUS)) {
            throw new IllegalArgumentException("sigma must be above 0 and at most "
                    + ThumbnailSpec.MAX_BLUR_RADIUS + ", got " + sigma);
        }
        radius = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] exact = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            exact[i + radius] = Math.exp(-(i * (double) i) / (2 * sigma * sigma));
            sum += exact[i + radius];
        }
        weights = new int[2 * radius + 1];
        int total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (int) Math.round(exact[i] / sum * (1 << BITS));
            total += weights[i];
        }
        weights[radius] += (1 << BITS) - total;
    }

    /** Blurs {@code image}, in a {@link PixelLayout}, in place. */
    public void blurInPlace(BufferedImage image) {
        int channels = PixelLayout.of(image).orElseThrow(
                () -> new IllegalArgumentException("image is not in a PixelLayout")).channels();
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] samples = PixelLayout.samples(image);
        int rowLength = width * channels;
        int[] line = new int[Math.max(width, height) + 2 * radius];
        for (int y = 0; y < height; y++) {
            if (y % CANCEL_CHECK_ROWS == 0) {
                CancelledException.checkInterrupt();
            }
            for (int c = 0; c < channels; c++) {
                pass(samples, y * rowLength + c, channels, width, line);
            }
        }
        for (int x = 0; x < width; x++) {
            if (x % CANCEL_CHECK_ROWS == 0) {
                CancelledException.checkInterrupt();
            }
            for (int c = 0; c < channels; c++) {
                pass(samples, x * channels + c, rowLength, height, line);
            }
        }
    }

    /** One pass along {@code count} samples from {@code start}, {@code stride} apart. */
    private void pass(byte[] samples, int start, int stride, int count, int[] line) {
        int r = radius;
        for (int i = 0; i < count; i++) {
            line[r + i] = samples[start + i * stride] & 0xFF;
        }
        int first = line[r];
        int last = line[r + count - 1];
        for (int i = 0; i < r; i++) {
            line[i] = first;
            line[r + count + i] = last;
        }
        int[] w = weights;
        for (int i = 0; i < count; i++) {
            long sum = 1L << (BITS - 1);
            for (int t = 0; t < w.length; t++) {
                sum += (long) w[t] * line[i + t];
            }
            int value = (int) (sum >> BITS);
            samples[start + i * stride] = (byte) Math.min(255, value);
        }
    }
}
