package org.parathumb.core.image.nativecodec;

import java.nio.ByteBuffer;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFailure;

/**
 * HEIF/HEIC and AVIF through the system's libheif ({@code src/main/native/heif.c}), as the Pillow
 * plugin reads them: the primary image, upright (libheif applies irot and imir), 10 and 12 bits
 * brought to 8 by libheif, RGBA when it has alpha. libheif 1.15 cannot stop a decode it has
 * started: the interrupt is checked before and after it (the caller may run it on a thread it
 * can leave).
 */
public final class NativeHeif {

    static final NativeImages.Library LIBRARY = NativeImages.Library.of("heif", "libheif.so.1", "libheif1");

    private NativeHeif() {
    }

    /** Opened on first use, not when JNI_OnLoad registers this class's methods. */
    private static final class Opened {
        static final NativeImages.Availability AVAILABILITY = open();
    }

    /** The primary image's upright size, whether it has alpha, and its bits per sample. */
    public record Info(int width, int height, boolean alpha, int bits) implements NativeImages.Shape {
        @Override
        public int channels() {
            return alpha ? 4 : 3;
        }
    }

    /** Whether libheif is open in this JVM ("libheif 1.15.1 HEVC AV1"), or why not. */
    public static NativeImages.Availability availability() {
        return Opened.AVAILABILITY;
    }

    /** The Debian package that installs libheif. */
    public static String debianPackage() {
        return LIBRARY.debianPackage();
    }

    private static NativeImages.Availability open() {
        return NativeImages.open(LIBRARY, NativeHeif::open, () -> "libheif " + version());
    }

    /** The header of the HEIF or AVIF in {@code data}'s first {@code length} bytes (a direct buffer). */
    public static Info info(ByteBuffer data, int length) throws ImageFailure {
        requireOpen();
        int[] info = new int[4];
        String[] detail = new String[1];
        NativeImages.check(info(data, length, info, detail), "libheif", detail[0], 0, 0);
        NativeImages.checkSize(info[0], info[1]);
        return new Info(info[0], info[1], info[2] != 0, info[3]);
    }

    /**
     * Decodes the primary image into {@code out} ({@code width x height x channels}, RGB or RGBA
     * as {@code info} says, 8 bits per sample, upright).
     *
     * @throws CancelledException if the thread is interrupted
     * @throws ImageFailure if the data is cut short, damaged, or needs a codec libheif lacks
     */
    public static void decode(ByteBuffer data, int length, Info info, byte[] out) throws ImageFailure {
        requireOpen();
        String[] detail = new String[1];
        int result = decode(data, length, info.width(), info.height(), info.channels(), out, detail);
        NativeImages.check(result, "libheif", detail[0], 0, info.height());
    }

    private static void requireOpen() {
        NativeImages.requireOpen(availability(), "libheif");
    }

    private static native boolean open(String soname);

    private static native String version();

    private static native int info(ByteBuffer data, int length, int[] info, String[] detail);

    private static native int decode(ByteBuffer data, int length, int width, int height, int channels, byte[] out,
            String[] detail);
}
