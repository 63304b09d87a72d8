package org.parathumb.core.image.nativecodec;

import java.util.Arrays;
import java.util.Objects;
import org.parathumb.core.image.CancelledException;

/**
 * zlib's deflate with every parameter a caller names, through the system's zlib
 * ({@code libz.so.1}, which every Linux has and which Pillow uses). {@link java.util.zip.Deflater}
 * sets the level and the strategy but not the memory level, and the memory level changes the
 * bytes: Pillow's PNG encoder asks for 9, the JDK's Deflater always uses 8 (decision 0018).
 */
public final class NativeDeflate {

    /** zlib's {@code Z_FILTERED} strategy. */
    public static final int FILTERED = 1;

    /** deflate0's result when {@link NativeAbort} said stop (zlib's own errors are -1 to -6). */
    private static final int CANCELLED = -101;

    private static volatile Boolean open;

    private NativeDeflate() {
    }

    /** True when the native library is loaded and the system's zlib opened. */
    public static boolean available() {
        Boolean known = open;
        if (known == null) {
            known = NativeLibrary.loaded() && open0();
            open = known;
        }
        return known;
    }

    /**
     * The zlib stream (header, deflate data, Adler-32) of {@code data}'s first {@code length}
     * bytes, made by {@code deflateInit2(level, Z_DEFLATED, 15, memLevel, strategy)} and one
     * {@code Z_FINISH}: the bytes do not depend on how the input is handed over. A cancel is
     * asked for before each 256 KB of input.
     *
     * @throws CancelledException if the thread is interrupted before the stream ends
     * @throws IllegalStateException when zlib is not open here, or refuses the parameters
     */
    public static byte[] zlibStream(byte[] data, int length, int level, int memLevel, int strategy) {
        Objects.requireNonNull(data, "data");
        Objects.checkFromIndexSize(0, length, data.length);
        if (!available()) {
            throw new IllegalStateException("the system's zlib is not open: " + NativeLibrary.status());
        }
        // zlib's conservative bound for any parameters (deflateBound), plus its 6-byte wrapper.
        long bound = length + ((length + 7L) >> 3) + ((length + 63L) >> 6) + 5 + 6;
        byte[] out = new byte[Math.toIntExact(bound)];
        int written = deflate0(data, length, out, level, memLevel, strategy);
        if (written == CANCELLED) {
            throw new CancelledException();
        }
        if (written < 0) {
            throw new IllegalStateException("zlib refused the stream (" + written + ")");
        }
        return Arrays.copyOf(out, written);
    }

    private static native boolean open0();

    /** Bytes written to out, or a negative zlib error (or -100 when out is too small, -101 when cancelled). */
    private static native int deflate0(byte[] data, int length, byte[] out, int level, int memLevel, int strategy);
}
