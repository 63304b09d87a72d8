package org.parathumb.core.image.pillow;

import java.awt.image.BufferedImage;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFilter;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.pixels.LayoutConversion;

/**
 * Pillow's {@code Image.reduce((factorX, factorY))} (Reduce.c): each output pixel is the rounded
 * mean of a {@code factorX x factorY} block, computed as {@code ((sum + n/2) * m) >>> 24} with
 * Pillow's single-precision reciprocal {@code m}; blocks cut by the right or bottom edge average
 * what exists.
 */
public final class BoxReduce implements ImageFilter {

    private static final int CANCEL_CHECK_ROWS = 64;

    private final int factorX;
    private final int factorY;

    public BoxReduce(int factorX, int factorY) {
        if (factorX < 1 || factorY < 1) {
            throw new IllegalArgumentException("factors must be positive, got " + factorX + "x" + factorY);
        }
        this.factorX = factorX;
        this.factorY = factorY;
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        BufferedImage source = LayoutConversion.toLayout(image);
        PixelLayout layout = PixelLayout.of(source).orElseThrow();
        int width = source.getWidth();
        int height = source.getHeight();
        int outWidth = (width + factorX - 1) / factorX;
        int outHeight = (height + factorY - 1) / factorY;
        BufferedImage out = layout.create(outWidth, outHeight);
        byte[] src = PixelLayout.samples(source);
        byte[] dst = PixelLayout.samples(out);
        int c = layout.channels();
        int rowLength = width * c;
        int outRowLength = outWidth * c;
        int[] sums = new int[outRowLength];
        int fullColumns = width / factorX;
        for (int oy = 0; oy < outHeight; oy++) {
            if (oy % CANCEL_CHECK_ROWS == 0) {
                CancelledException.checkInterrupt();
            }
            java.util.Arrays.fill(sums, 0);
            int rowEnd = Math.min(height, (oy + 1) * factorY);
            for (int y = oy * factorY; y < rowEnd; y++) {
                accumulateRow(src, y * rowLength, rowLength, c, sums);
            }
            int rows = rowEnd - oy * factorY;
            long fullMultiplier = multiplier(factorX * rows);
            int fullAmend = factorX * rows / 2;
            int o = oy * outRowLength;
            int fullEnd = fullColumns * c;
            for (int i = 0; i < fullEnd; i++) {
                dst[o + i] = (byte) mean(sums[i], fullAmend, fullMultiplier);
            }
            if (fullColumns < outWidth) {
                int scale = (width - fullColumns * factorX) * rows;
                long edgeMultiplier = multiplier(scale);
                int edgeAmend = scale / 2;
                for (int i = fullEnd; i < outRowLength; i++) {
                    dst[o + i] = (byte) mean(sums[i], edgeAmend, edgeMultiplier);
                }
            }
        }
        return out;
    }

    /** Adds one source row into the per-block sums. */
    private void accumulateRow(byte[] src, int start, int rowLength, int c, int[] sums) {
        int blockLength = factorX * c;
        int i = 0;
        int block = 0;
        while (i < rowLength) {
            int end = Math.min(rowLength, i + blockLength);
            for (; i < end; i += c) {
                for (int ch = 0; ch < c; ch++) {
                    sums[block + ch] += src[start + i + ch] & 0xFF;
                }
            }
            block += c;
        }
    }

    static int mean(int sum, int amend, long multiplier) {
        return (int) ((((sum + amend) & 0xFFFFFFFFL) * multiplier & 0xFFFFFFFFL) >>> 24);
    }

    /** Pillow's {@code division_UINT32(divider, 8)}: 2^32 / (256 * divider), in floats, truncated. */
    static long multiplier(int divider) {
        long maxDividend = (256L * divider) & 0xFFFFFFFFL;
        float maxInt = 4294967296.0f;
        return (long) (maxInt / (float) maxDividend) & 0xFFFFFFFFL;
    }
}
