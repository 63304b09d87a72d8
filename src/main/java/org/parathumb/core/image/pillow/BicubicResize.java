package org.parathumb.core.image.pillow;

import java.awt.image.BufferedImage;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFilter;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.pixels.LayoutConversion;

/**
 * Pillow's {@code ImagingResample} with the BICUBIC filter (Resample.c), exactly: a = -0.5,
 * support scaled by the reduction factor, coefficients normalised in double precision then stored
 * as 22-bit fixed point, horizontal pass first (over only the rows the vertical pass reads), then
 * vertical, each rounded and clipped to 8 bits. The source box is in single precision, as it
 * reaches Pillow's C code. Every channel, alpha included, is resampled the same way (callers
 * premultiply RGBA first, as Pillow does).
 */
public final class BicubicResize implements ImageFilter {

    /** The fractional bits of the fixed-point weights (22), as Pillow's {@code PRECISION_BITS}. */
    public static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double SUPPORT = 2.0;
    private static final int CANCEL_CHECK_ROWS = 64;

    private final int width;
    private final int height;
    private final float[] box;

    /** Resizes the whole image to {@code width x height}. */
    public BicubicResize(int width, int height) {
        this(width, height, null);
    }

    /**
     * Resizes the region {@code (left, top, right, bottom)} of the image, in source pixels, to
     * {@code width x height}, as Pillow's {@code resize(size, BICUBIC, box)}.
     */
    public BicubicResize(int width, int height, float left, float top, float right, float bottom) {
        this(width, height, new float[] {left, top, right, bottom});
    }

    private BicubicResize(int width, int height, float[] box) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("target size must be positive, got " + width + "x" + height);
        }
        if (box != null && !(box[0] >= 0 && box[1] >= 0 && box[2] > box[0] && box[3] > box[1])) {
            throw new IllegalArgumentException("box must be a non-empty region");
        }
        this.width = width;
        this.height = height;
        this.box = box;
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        BufferedImage source = LayoutConversion.toLayout(image);
        PixelLayout layout = PixelLayout.of(source).orElseThrow();
        int inWidth = source.getWidth();
        int inHeight = source.getHeight();
        float[] region = box != null ? box : new float[] {0, 0, inWidth, inHeight};
        if (region[2] > inWidth || region[3] > inHeight) {
            throw new IllegalArgumentException("box reaches outside the image");
        }
        int c = layout.channels();
        boolean needHorizontal = width != inWidth || region[0] != 0 || region[2] != width;
        boolean needVertical = height != inHeight || region[1] != 0 || region[3] != height;

        Coefficients vertical = Coefficients.bicubic(inHeight, region[1], region[3], height);
        int firstRow = vertical.bounds[0];
        int lastRow = vertical.bounds[height * 2 - 2] + vertical.bounds[height * 2 - 1];

        byte[] current = PixelLayout.samples(source);
        int currentWidth = inWidth;
        int currentHeight = inHeight;
        if (needHorizontal) {
            Coefficients horizontal = Coefficients.bicubic(inWidth, region[0], region[2], width);
            for (int i = 0; i < height; i++) {
                vertical.bounds[i * 2] -= firstRow;
            }
            int rows = lastRow - firstRow;
            byte[] temp = new byte[width * rows * c];
            resampleHorizontal(current, inWidth, c, firstRow, rows, horizontal, temp, width);
            current = temp;
            currentWidth = width;
            currentHeight = rows;
        }
        if (needVertical) {
            byte[] out = new byte[currentWidth * height * c];
            resampleVertical(current, currentWidth * c, vertical, out, height);
            current = out;
            currentHeight = height;
        } else if (!needHorizontal) {
            current = current.clone();
        }
        BufferedImage result = layout.wrap(current, currentWidth, currentHeight);
        return result;
    }

    private static void resampleHorizontal(byte[] in, int inWidth, int c, int offset, int rows,
                                           Coefficients k, byte[] out, int outWidth) {
        if (c == 4) {
            resampleHorizontal4(in, inWidth, offset, rows, k, out, outWidth);
            return;
        }
        int inRow = inWidth * c;
        int outRow = outWidth * c;
        int[] acc = new int[c];
        for (int yy = 0; yy < rows; yy++) {
            if (yy % CANCEL_CHECK_ROWS == 0) {
                CancelledException.checkInterrupt();
            }
            int rowStart = (yy + offset) * inRow;
            for (int xx = 0; xx < outWidth; xx++) {
                int xmin = k.bounds[xx * 2];
                int xmax = k.bounds[xx * 2 + 1];
                int kStart = xx * k.size;
                java.util.Arrays.fill(acc, 1 << (PRECISION_BITS - 1));
                for (int x = 0; x < xmax; x++) {
                    int weight = k.fixed[kStart + x];
                    int p = rowStart + (x + xmin) * c;
                    for (int ch = 0; ch < c; ch++) {
                        acc[ch] += (in[p + ch] & 0xFF) * weight;
                    }
                }
                int o = yy * outRow + xx * c;
                for (int ch = 0; ch < c; ch++) {
                    out[o + ch] = (byte) clip8(acc[ch]);
                }
            }
        }
    }

    /**
     * The horizontal pass for four channels (premultiplied RGBA, the full-size path), with the
     * sums in locals: the same integer arithmetic as the general loop, in the same order.
     */
    private static void resampleHorizontal4(byte[] in, int inWidth, int offset, int rows,
                                            Coefficients k, byte[] out, int outWidth) {
        int inRow = inWidth * 4;
        int outRow = outWidth * 4;
        int half = 1 << (PRECISION_BITS - 1);
        int[] bounds = k.bounds;
        int[] fixed = k.fixed;
        for (int yy = 0; yy < rows; yy++) {
            if (yy % CANCEL_CHECK_ROWS == 0) {
                CancelledException.checkInterrupt();
            }
            int rowStart = (yy + offset) * inRow;
            for (int xx = 0; xx < outWidth; xx++) {
                int xmax = bounds[xx * 2 + 1];
                int kStart = xx * k.size;
                int a0 = half;
                int a1 = half;
                int a2 = half;
                int a3 = half;
                int p = rowStart + bounds[xx * 2] * 4;
                for (int x = 0; x < xmax; x++, p += 4) {
                    int weight = fixed[kStart + x];
                    a0 += (in[p] & 0xFF) * weight;
                    a1 += (in[p + 1] & 0xFF) * weight;
                    a2 += (in[p + 2] & 0xFF) * weight;
                    a3 += (in[p + 3] & 0xFF) * weight;
                }
                int o = yy * outRow + xx * 4;
                out[o] = (byte) clip8(a0);
                out[o + 1] = (byte) clip8(a1);
                out[o + 2] = (byte) clip8(a2);
                out[o + 3] = (byte) clip8(a3);
            }
        }
    }

    private static void resampleVertical(byte[] in, int rowLength, Coefficients k, byte[] out, int outHeight) {
        int[] acc = new int[rowLength];
        for (int yy = 0; yy < outHeight; yy++) {
            if (yy % CANCEL_CHECK_ROWS == 0) {
                CancelledException.checkInterrupt();
            }
            int ymin = k.bounds[yy * 2];
            int ymax = k.bounds[yy * 2 + 1];
            int kStart = yy * k.size;
            java.util.Arrays.fill(acc, 1 << (PRECISION_BITS - 1));
            for (int y = 0; y < ymax; y++) {
                int weight = k.fixed[kStart + y];
                int p = (y + ymin) * rowLength;
                for (int i = 0; i < rowLength; i++) {
                    acc[i] += (in[p + i] & 0xFF) * weight;
                }
            }
            int o = yy * rowLength;
            for (int i = 0; i < rowLength; i++) {
                out[o + i] = (byte) clip8(acc[i]);
            }
        }
    }

    /** Pillow's {@code clip8}: the 8-bit value of a fixed-point sum, clipped to 0..255. */
    public static int clip8(int sum) {
        int value = sum >> PRECISION_BITS;
        return value < 0 ? 0 : Math.min(value, 255);
    }

    /** Pillow's {@code bicubic_filter} with a = -0.5. */
    static double bicubic(double x) {
        double a = -0.5;
        if (x < 0.0) {
            x = -x;
        }
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }

    /**
     * Per output pixel {@code i}: the first source index {@code bounds[2i]}, the count
     * {@code bounds[2i + 1]}, and the fixed-point weights from {@code fixed[i * size]} on. Shared
     * with the native resize, so both start from the very same weights.
     */
    public record Coefficients(int size, int[] bounds, int[] fixed) {

        /** Pillow's {@code precompute_coeffs} then {@code normalize_coeffs_8bpc}, for source span {@code in0..in1}. */
        public static Coefficients bicubic(int inSize, float in0, float in1, int outSize) {
            double scale = (double) (in1 - in0) / outSize;
            double filterScale = scale < 1.0 ? 1.0 : scale;
            double support = SUPPORT * filterScale;
            int size = (int) Math.ceil(support) * 2 + 1;
            double[] kk = new double[Math.multiplyExact(outSize, size)];
            int[] bounds = new int[outSize * 2];
            for (int xx = 0; xx < outSize; xx++) {
                double center = in0 + (xx + 0.5) * scale;
                double ww = 0.0;
                double ss = 1.0 / filterScale;
                int xmin = (int) (center - support + 0.5);
                if (xmin < 0) {
                    xmin = 0;
                }
                int xmax = (int) (center + support + 0.5);
                if (xmax > inSize) {
                    xmax = inSize;
                }
                xmax -= xmin;
                int k = xx * size;
                for (int x = 0; x < xmax; x++) {
                    double w = BicubicResize.bicubic((x + xmin - center + 0.5) * ss);
                    kk[k + x] = w;
                    ww += w;
                }
                for (int x = 0; x < xmax; x++) {
                    if (ww != 0.0) {
                        kk[k + x] /= ww;
                    }
                }
                bounds[xx * 2] = xmin;
                bounds[xx * 2 + 1] = xmax;
            }
            int[] fixed = new int[kk.length];
            for (int i = 0; i < kk.length; i++) {
                double scaled = kk[i] * (1 << PRECISION_BITS);
                fixed[i] = (int) (kk[i] < 0 ? -0.5 + scaled : 0.5 + scaled);
            }
            return new Coefficients(size, bounds, fixed);
        }
    }
}
