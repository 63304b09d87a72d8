package org.parathumb.core.image.nativecodec;

import java.util.Objects;
import org.parathumb.core.image.CancelledException;

/**
 * A PNG's row filters chosen as Pillow chooses them (none, Up, Sub, Paeth, each kept only when
 * its sum of byte distances is strictly smaller), in the native library ({@code png_filter.c}):
 * the same bytes as {@code PillowPng}'s Java loops, which run under C1 in the installed app.
 */
public final class NativePngFilter {

    private static final int CANCELLED = 2;

    private NativePngFilter() {
    }

    /** True when the native library is loaded. */
    public static boolean available() {
        return NativeLibrary.loaded();
    }

    /**
     * Each of {@code height} rows of {@code samples} ({@code width x bpp} bytes a row, packed)
     * behind its filter type byte, into {@code out} ({@code (width x bpp + 1) x height} bytes).
     * Asks for a cancel every 64 rows.
     *
     * @throws CancelledException if the thread is interrupted before the last band
     * @throws IllegalStateException when the library is not loaded or refuses the arguments
     */
    public static void filter(byte[] samples, int width, int height, int bpp, byte[] out) {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(out, "out");
        if (!available()) {
            throw new IllegalStateException("the native library is not loaded: " + NativeLibrary.status());
        }
        int result = filter0(samples, width, height, bpp, out);
        if (result == CANCELLED) {
            throw new CancelledException();
        }
        if (result != 0) {
            throw new IllegalStateException("the native PNG filter refused its arguments");
        }
    }

    private static native int filter0(byte[] samples, int width, int height, int bpp, byte[] out);
}
