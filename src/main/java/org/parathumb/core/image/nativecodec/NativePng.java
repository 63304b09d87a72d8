package org.parathumb.core.image.nativecodec;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.PixelLayout;

/**
 * PNG through the system's libspng ({@code src/main/native/png_decode.c}), about twice as fast as
 * ImageIO's reader, into the very samples the Java path gives (ImageIO, then LayoutConversion):
 * 16-bit samples keep their high byte, gray with alpha and palettes with transparency become
 * RGBA. What the Java path would read some other way (gray below 8 bits, a tRNS chunk on gray or
 * RGB, ...) and any error are declined: the caller then decodes with ImageIO, which says what is
 * wrong if anything is. Where libspng is missing, ImageIO decodes everything.
 */
public final class NativePng {

    private static final int DONE = 0;
    private static final int CANCELLED = 2;
    private static final int BAD_ARGUMENTS = -1;

    private NativePng() {
    }

    /** A PNG's size and the layout it decodes to. */
    public record PngHeader(int width, int height, PixelLayout layout) {
    }

    /** Whether libspng is there to decode with. */
    public static boolean available() {
        return NativeBlurReduce.decodesPng();
    }

    /** The header of the PNG in {@code data}'s first {@code length} bytes, when this decoder takes it. */
    public static Optional<PngHeader> header(ByteBuffer data, int length) {
        if (!available()) {
            return Optional.empty();
        }
        int[] info = new int[3];
        return decode(data, length, null, info) == DONE
                ? Optional.of(new PngHeader(info[0], info[1], layout(info[2])))
                : Optional.empty();
    }

    /**
     * Decodes the PNG into {@code into} (at least width x height x channels bytes; a reused buffer)
     * and returns it as an image of the header's layout, or empty when declined. Asks
     * {@link NativeAbort} every band of rows.
     *
     * @throws CancelledException if the thread was interrupted
     */
    public static Optional<BufferedImage> decode(ByteBuffer data, int length, PngHeader header, byte[] into) {
        if (!available()) {
            throw new IllegalStateException("no libspng to decode with: " + NativeBlurReduce.status());
        }
        long needed = (long) header.width() * header.height() * header.layout().channels();
        if (into.length < needed) {
            throw new IllegalArgumentException("a buffer of " + into.length + " bytes is too small for " + needed);
        }
        int[] info = new int[3];
        int result = decode(data, length, into, info);
        if (result == CANCELLED) {
            throw new CancelledException();
        }
        if (result == BAD_ARGUMENTS) {
            throw new IllegalStateException("the native PNG decoder refused its arguments");
        }
        if (result != DONE || info[0] != header.width() || info[1] != header.height()
                || info[2] != header.layout().channels()) {
            return Optional.empty();
        }
        return Optional.of(header.layout().wrap(into, header.width(), header.height()));
    }

    private static PixelLayout layout(int channels) {
        return switch (channels) {
            case 1 -> PixelLayout.GRAY;
            case 3 -> PixelLayout.RGB;
            case 4 -> PixelLayout.RGBA;
            default -> throw new IllegalStateException("the native PNG decoder named " + channels + " channels");
        };
    }

    /** Opens libspng.so.0; false when the system has none. */
    static native boolean openLibspng();

    private static native int decode(ByteBuffer data, int length, byte[] out, int[] info);
}
