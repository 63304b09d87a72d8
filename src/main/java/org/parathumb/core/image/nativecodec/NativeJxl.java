package org.parathumb.core.image.nativecodec;

import java.nio.ByteBuffer;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFailure;

/**
 * JPEG XL through the system's libjxl ({@code src/main/native/jxl.c}): the first frame, upright
 * (libjxl applies the codestream's orientation), 8 bits per sample, gray as gray, alpha as RGBA.
 * The input goes to libjxl a 64th at a time, with the interrupt checked between steps.
 */
public final class NativeJxl {

    static final NativeImages.Library LIBRARY = NativeImages.Library.of("jxl", "libjxl.so.0.7", "libjxl0.7");

    private NativeJxl() {
    }

    /** Opened on first use, not when JNI_OnLoad registers this class's methods. */
    private static final class Opened {
        static final NativeImages.Availability AVAILABILITY = open();
    }

    /** The image's upright size, the channels it decodes to (1 gray, 3 RGB, 4 RGBA), its bits per sample. */
    public record Info(int width, int height, int channels, int bits) implements NativeImages.Shape {
    }

    /** Whether libjxl is open in this JVM ("libjxl 0.7.0"), or why not. */
    public static NativeImages.Availability availability() {
        return Opened.AVAILABILITY;
    }

    /** The Debian package that installs libjxl. */
    public static String debianPackage() {
        return LIBRARY.debianPackage();
    }

    private static NativeImages.Availability open() {
        return NativeImages.open(LIBRARY, NativeJxl::open, () -> "libjxl " + version());
    }

    /** The header of the JPEG XL in {@code data}'s first {@code length} bytes (a direct buffer). */
    public static Info info(ByteBuffer data, int length) throws ImageFailure {
        requireOpen();
        int[] info = new int[4];
        NativeImages.check(info(data, length, info), "libjxl", null, 0, 0);
        NativeImages.checkSize(info[0], info[1]);
        return new Info(info[0], info[1], info[2], info[3]);
    }

    /**
     * Decodes the first frame into {@code out} ({@code width x height x channels} as {@code info}
     * says, 8 bits per sample, upright).
     *
     * @throws CancelledException if the thread is interrupted
     * @throws ImageFailure if the data is cut short, damaged, or is not JPEG XL libjxl reads
     */
    public static void decode(ByteBuffer data, int length, Info info, byte[] out) throws ImageFailure {
        requireOpen();
        int result = decode(data, length, info.width(), info.height(), info.channels(), out);
        NativeImages.check(result, "libjxl", null, 0, info.height());
    }

    private static void requireOpen() {
        NativeImages.requireOpen(availability(), "libjxl");
    }

    private static native boolean open(String soname);

    private static native String version();

    private static native int info(ByteBuffer data, int length, int[] info);

    private static native int decode(ByteBuffer data, int length, int width, int height, int channels, byte[] out);
}
