package org.parathumb.core.image.nativecodec;

import java.util.Arrays;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.pillow.BicubicResize;

/**
 * Pillow's bicubic resize of a whole RGBA image, the thumbnail's step for images with alpha, in
 * native code ({@code src/main/native/resample.c}): the same weights as
 * {@link BicubicResize} (computed by its {@link BicubicResize.Coefficients}), the same integer
 * sums, so the same bytes, without a full-size premultiplied copy or a full-height intermediate.
 * Runs where {@link NativeLibrary#available()}; the Java {@link BicubicResize} otherwise.
 */
public final class NativeBicubic {

    /** Source rows per native call; the interrupt is checked between calls. */
    private static final int BAND = 256;

    private NativeBicubic() {
    }

    /** Whether the native resize runs in this JVM (the library loaded, the CPU has AVX2). */
    public static boolean available() {
        return NativeLibrary.available();
    }

    /**
     * Whether {@link #resizeRgba} covers resizing {@code width x height} to
     * {@code outWidth x outHeight}: when both sides change, as they do for every thumbnail but
     * those of images one or two pixels across, where {@link BicubicResize} skips a pass.
     */
    public static boolean covers(int width, int height, int outWidth, int outHeight) {
        return width != outWidth && height != outHeight;
    }

    /**
     * The RGBA samples ({@code width x height}, straight or, if {@code premultiplied}, Pillow's
     * "RGBa") resized to {@code outWidth x outHeight}, as Pillow's premultiplied "RGBa": the
     * bytes {@link BicubicResize} gives for the premultiplied image. Does not modify
     * {@code samples}, which may be longer than the image. Checks the interrupt every
     * {@value #BAND} rows.
     *
     * @throws IllegalStateException if the native code is not {@link #available()}
     * @throws IllegalArgumentException if the sizes are not {@linkplain #covers covered}
     */
    public static byte[] resizeRgba(byte[] samples, int width, int height, boolean premultiplied, int outWidth,
            int outHeight) {
        if (!available()) {
            throw new IllegalStateException("the native kernel is not loaded: " + NativeLibrary.status());
        }
        if (width < 1 || height < 1 || outWidth < 1 || outHeight < 1 || !covers(width, height, outWidth, outHeight)) {
            throw new IllegalArgumentException("no native resize of " + width + "x" + height + " to "
                    + outWidth + "x" + outHeight);
        }
        if ((long) width * height * 4 > samples.length) {
            throw new IllegalArgumentException("samples hold fewer than " + width + "x" + height + "x4");
        }
        BicubicResize.Coefficients horizontal = BicubicResize.Coefficients.bicubic(width, 0f, width, outWidth);
        BicubicResize.Coefficients vertical = BicubicResize.Coefficients.bicubic(height, 0f, height, outHeight);
        int[] bounds = vertical.bounds();
        int firstRow = bounds[0];
        int endRow = bounds[2 * outHeight - 2] + bounds[2 * outHeight - 1];
        int[] sums = new int[Math.multiplyExact(Math.multiplyExact(outWidth, outHeight), 4)];
        Arrays.fill(sums, 1 << (BicubicResize.PRECISION_BITS - 1));
        int kernel = NativeBlurReduce.kernels().get(0);
        for (int from = firstRow; from < endRow; from += BAND) {
            CancelledException.checkInterrupt();
            int result = resampleRows(samples, width, height, !premultiplied, from, Math.min(endRow, from + BAND),
                    horizontal.bounds(), horizontal.fixed(), horizontal.size(), outWidth,
                    bounds, vertical.fixed(), vertical.size(), outHeight, sums, kernel);
            if (result == -2) {
                throw new OutOfMemoryError("the native resize ran out of memory");
            }
            if (result != 0) {
                throw new IllegalStateException("the native resize refused its arguments");
            }
        }
        byte[] out = new byte[sums.length];
        for (int i = 0; i < sums.length; i++) {
            out[i] = (byte) BicubicResize.clip8(sums[i]);
        }
        return out;
    }

    private static native int resampleRows(byte[] image, int width, int height, boolean premultiply, int from,
            int to, int[] horizontalBounds, int[] horizontalFixed, int horizontalSize, int outWidth,
            int[] verticalBounds, int[] verticalFixed, int verticalSize, int outHeight, int[] sums, int kernel);
}
