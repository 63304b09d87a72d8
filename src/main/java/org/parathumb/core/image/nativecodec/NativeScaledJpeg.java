package org.parathumb.core.image.nativecodec;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.PixelLayout;

/**
 * The fast pipeline's JPEG decode through the system's libjpeg-turbo: its DCT scaling decodes
 * each 8x8 block straight at 4x4, 2x2 or 1x1, baseline and progressive alike
 * ({@code src/main/native/jpeg_scaled.c}). At 1/8 a progressive JPEG is decoded from its DC scans
 * (and the AC scans of chroma that libjpeg scales to 2x2): the scans it leaves out, most of the
 * file, change no sample at that size, and damage inside them goes unseen. Its samples differ from the pure-Java
 * {@link org.parathumb.core.image.jpeg.ScaledJpegDecoder}'s by rounding only (libjpeg's integer
 * IDCT against a float one), which the tests bound; where libjpeg is missing, that decoder runs.
 */
public final class NativeScaledJpeg {

    private static final int DONE = 0;
    private static final int CANCELLED = 2;
    private static final int BAD_ARGUMENTS = -1;

    private NativeScaledJpeg() {
    }

    /** Whether libjpeg is there to decode with. */
    public static boolean available() {
        return NativeLibrary.decodesJpeg();
    }

    /**
     * The plain JPEG in {@code data}'s first {@code length} bytes ({@code header} from
     * {@link NativeJpeg#header}) decoded at {@code 1 / scale} (1, 2, 4 or 8) of its size,
     * gray or RGB. Empty when libjpeg meets anything but a clean, plain JPEG: the caller decodes
     * some other way, which says what is wrong if anything is. Asks {@link NativeAbort} every band
     * of rows and every 64 KB of input.
     *
     * @throws CancelledException if the thread was interrupted
     */
    public static Optional<BufferedImage> decode(ByteBuffer data, int length, NativeJpeg.Header header,
            int scale) {
        return decode(data, length, header, scale, false).map(Decoded::image);
    }

    /** An image decoded, and how many of the file's bytes libjpeg was given to decode it. */
    record Decoded(BufferedImage image, int bytesRead) {
    }

    /**
     * {@link #decode(ByteBuffer, int, NativeJpeg.Header, int)}, or with {@code everyScan}
     * the whole file given to libjpeg, progressive or not.
     */
    static Optional<Decoded> decode(ByteBuffer data, int length, NativeJpeg.Header header, int scale,
            boolean everyScan) {
        if (!available()) {
            throw new IllegalStateException("no libjpeg to decode with: " + NativeLibrary.status());
        }
        if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
            throw new IllegalArgumentException("scale must be 1, 2, 4 or 8, got " + scale);
        }
        int width = (header.width() + scale - 1) / scale;
        int height = (header.height() + scale - 1) / scale;
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(width, height), header.channels())];
        int[] size = new int[4];
        int result = decodeScaled(data, length, scale, everyScan, out, size);
        if (result == CANCELLED) {
            throw new CancelledException();
        }
        if (result == BAD_ARGUMENTS) {
            throw new IllegalStateException("the native JPEG decoder refused its arguments");
        }
        if (result != DONE || size[0] != width || size[1] != height || size[2] != header.channels()) {
            return Optional.empty();
        }
        PixelLayout layout = size[2] == 1 ? PixelLayout.GRAY : PixelLayout.RGB;
        return Optional.of(new Decoded(layout.wrap(out, width, height), size[3]));
    }

    private static native int decodeScaled(ByteBuffer data, int length, int scale, boolean everyScan, byte[] out,
            int[] size);
}
