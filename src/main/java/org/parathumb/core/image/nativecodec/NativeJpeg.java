package org.parathumb.core.image.nativecodec;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.parathumb.core.image.CancelledException;

/**
 * A plain JPEG decoded by the system's libjpeg ({@code libjpeg.so.62}, opened at run time) straight
 * into the native kernel, which blurs it as Pillow's GaussianBlur(2) and reduces it as the
 * thumbnail's integer reduce while the rows come ({@code src/main/native/blur_reduce.c},
 * {@code jpeg_two_threads.c}): the faithful pipeline's route for the JPEGs it can take, giving the
 * bytes of ImageIO's decode followed by the Java blur and reduce. Runs where
 * {@link NativeLibrary#decodesJpeg()}.
 */
public final class NativeJpeg {

    private static final int JPEG_DONE = 0;
    private static final int JPEG_CANCELLED = 2;
    private static final int JPEG_BAD_ARGUMENTS = -1;

    private NativeJpeg() {
    }

    /** A JPEG's size and components, as libjpeg reads its header, and whether it holds an ICC profile. */
    public record Header(int width, int height, int channels, boolean iccProfile) {
    }

    /** A JPEG decoded, blurred and reduced at once, with the time each part took and how it ran. */
    public record Reduced(byte[] samples, int channels, long decodeNanos, long blurNanos, Sharing sharing) {
    }

    /** How a JPEG's work ran: on the calling thread alone, or shared with a second one, and how. */
    public enum Sharing {
        /** One thread decoded and blurred. */
        ONE_THREAD,
        /** The calling thread decoded rows, a second one blurred them. */
        ROWS_BLURRED_BESIDE,
        /** A progressive file's luma scans decoded on the calling thread, its chroma scans on a second. */
        SCANS_SPLIT
    }

    /**
     * The header of the JPEG in {@code data}'s first {@code length} bytes, when the native path
     * can decode it: {@link org.parathumb.core.image.jpeg.JpegColour#isPlainYCbCr() plain YCbCr}, as
     * libjpeg reads the header (the C twin of that rule). Empty otherwise.
     */
    public static Optional<Header> header(ByteBuffer data, int length) {
        long[] info = new long[5];
        int result = NativeLibrary.decodesJpeg()
                ? jpegBlurReduce(data, length, 0, 0, new int[0], info, NativeLibrary.kernel(), 1) : -1;
        return result == JPEG_DONE
                ? Optional.of(new Header((int) info[0], (int) info[1], (int) info[2], info[3] != 0))
                : Optional.empty();
    }

    /** As {@link #blurAndReduce(ByteBuffer, int, Header, int, int, int)} on this thread alone. */
    public static Optional<Reduced> blurAndReduce(ByteBuffer data, int length, Header header, int factorX,
            int factorY) {
        return blurAndReduce(data, length, header, factorX, factorY, 1);
    }

    /**
     * Decodes the JPEG in {@code data} with libjpeg straight into the kernel, which blurs with
     * {@link NativeBlurReduce#BOX} and reduces by {@code factorX x factorY}. Empty when libjpeg meets anything
     * but a clean, plain JPEG (any error or warning): the caller then decodes with ImageIO, which
     * says what is wrong. Asks {@link NativeAbort} every band of rows and every 64 KB of input.
     * With {@code threads} 2 a second native thread shares the work (a progressive file's scans
     * split by component, or any other's rows blurred as they are decoded), for the same bytes;
     * it has ended when this returns or throws.
     *
     * @throws CancelledException if the thread was interrupted
     */
    public static Optional<Reduced> blurAndReduce(ByteBuffer data, int length, Header header, int factorX,
            int factorY, int threads) {
        if (!NativeLibrary.decodesJpeg()) {
            throw new IllegalStateException("the native kernel does not decode JPEGs: " + NativeLibrary.status());
        }
        if (factorX < 1 || factorY < 1) {
            throw new IllegalArgumentException("factors must be positive, got " + factorX + "x" + factorY);
        }
        if (threads < 1 || threads > 2) {
            throw new IllegalArgumentException("one or two threads, not " + threads);
        }
        int outWidth = (header.width() + factorX - 1) / factorX;
        int outHeight = (header.height() + factorY - 1) / factorY;
        int channels = header.channels();
        int[] blocks = new int[Math.multiplyExact(Math.multiplyExact(outWidth, outHeight), channels)];
        long[] info = new long[6];
        int result = jpegBlurReduce(data, length, factorX, factorY, blocks, info, NativeLibrary.kernel(), threads);
        if (result == JPEG_CANCELLED) {
            throw new CancelledException();
        }
        if (result == JPEG_BAD_ARGUMENTS) {
            throw new IllegalStateException("the native kernel refused its arguments");
        }
        if (result != JPEG_DONE || info[0] != header.width() || info[1] != header.height() || info[2] != channels) {
            return Optional.empty();
        }
        byte[] out = NativeBlurReduce.rounded(blocks, header.width(), header.height(), channels, factorX, factorY);
        return Optional.of(new Reduced(out, channels, info[3], info[4], Sharing.values()[(int) info[5] - 1]));
    }

    /** Opens the system's libjpeg.so.62 (libjpeg_runtime.c). */
    static native boolean openLibjpeg();

    /** libjpeg's decode into the kernel (blur_reduce.c); with factors 0, the header alone, into {@code info}. */
    private static native int jpegBlurReduce(ByteBuffer data, int length, int factorX, int factorY, int[] blocks,
            long[] info, int kernel, int threads);
}
