package org.parathumb.core.image.nativecodec;

import java.nio.ByteBuffer;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFailure;

/**
 * WebP through the system's libwebp ({@code src/main/native/webp.c}), as Pillow 9.4 reads it: RGBA
 * when the file says it has alpha, RGB otherwise, the samples of libwebp's default decode, the
 * first frame of an animation as WebPAnimDecoder composes it. A still image is decoded a 64th of
 * its input at a time, with the interrupt checked between, so a cancel lands within one step.
 */
public final class NativeWebp {

    static final NativeImages.Library LIBRARY = NativeImages.Library.of("webp", "libwebp.so.7", "libwebp7");
    static final NativeImages.Library DEMUX = NativeImages.Library.of("webpdemux", "libwebpdemux.so.2", "libwebpdemux2");

    /** Opened on first use, not when JNI_OnLoad registers this class's methods (the library is loading then). */
    private static final class Opened {
        static final NativeImages.Availability AVAILABILITY = open();
    }

    private NativeWebp() {
    }

    /** A WebP's canvas size, whether Pillow would open it as RGBA, and whether it is animated. */
    public record Features(int width, int height, boolean alpha, boolean animated) implements NativeImages.Shape {
        @Override
        public int channels() {
            return alpha ? 4 : 3;
        }
    }

    /** Whether libwebp is open in this JVM, or why not. */
    public static NativeImages.Availability availability() {
        return Opened.AVAILABILITY;
    }

    private static NativeImages.Availability open() {
        return NativeImages.open(LIBRARY, soname -> open(soname, DEMUX.soname()), () -> "libwebp " + version());
    }

    /** The features of the WebP in {@code data}'s first {@code length} bytes (a direct buffer). */
    public static Features features(ByteBuffer data, int length) throws ImageFailure {
        requireOpen();
        int[] info = new int[4];
        NativeImages.check(features(data, length, info), "libwebp", null, 0, 0);
        NativeImages.checkSize(info[0], info[1]);
        return new Features(info[0], info[1], info[2] != 0, info[3] != 0);
    }

    /**
     * Decodes the WebP in {@code data} into {@code out} ({@code width x height x channels}, RGB or
     * RGBA as {@code features} says).
     *
     * @throws CancelledException if the thread is interrupted during the decode
     * @throws ImageFailure if the data is cut short or damaged
     */
    public static void decode(ByteBuffer data, int length, Features features, byte[] out) throws ImageFailure {
        requireOpen();
        int[] rows = new int[1];
        int result = decode(data, length, features.width(), features.height(), features.channels(),
                features.animated(), out, rows);
        NativeImages.check(result, "libwebp", null, rows[0], features.height());
    }

    /**
     * Decodes the still WebP without alpha in {@code data} as RGB scaled by libwebp to
     * {@code width x height} (each output pixel the average of the source pixels it covers) into
     * {@code out} ({@code width x height x 3}): the full-size image is never held.
     *
     * @throws IllegalArgumentException for an animation, an image with alpha, or a size below one pixel
     * @throws CancelledException if the thread is interrupted during the decode
     * @throws ImageFailure if the data is cut short or damaged
     */
    public static void decodeScaled(ByteBuffer data, int length, Features features, int width, int height, byte[] out)
            throws ImageFailure {
        requireOpen();
        if (features.animated() || features.alpha() || width < 1 || height < 1) {
            throw new IllegalArgumentException("no scaled decode of " + features + " to " + width + "x" + height);
        }
        int[] rows = new int[1];
        int result = decodeScaled(data, length, width, height, out, rows);
        NativeImages.check(result, "libwebp", null, rows[0], height);
    }

    private static void requireOpen() {
        NativeImages.requireOpen(availability(), "libwebp");
    }

    private static native boolean open(String soname, String demuxSoname);

    private static native String version();

    private static native int features(ByteBuffer data, int length, int[] info);

    private static native int decode(ByteBuffer data, int length, int width, int height, int channels,
            boolean animated, byte[] out, int[] rows);

    private static native int decodeScaled(ByteBuffer data, int length, int width, int height, byte[] out,
            int[] rows);
}
