package org.parathumb.core.image.nativecodec;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.pixels.Scratch;

/**
 * PNG in native code, into the very samples the Java path gives (ImageIO, then LayoutConversion):
 * 16-bit samples keep their high byte, gray with alpha and palettes with transparency become RGBA.
 * Two engines ({@code src/main/native}): the common PNG (8 bits a sample, not interlaced) through
 * the system's libdeflate, whose inflate is about twice as fast as zlib's (png_inflate.c, decision
 * record 0013); every other one through the system's libspng (png_decode.c). What the Java path
 * would read some other way (gray below 8 bits, a tRNS chunk on gray or RGB, ...) and any damage
 * are declined: the caller then decodes with ImageIO, which says what is wrong if anything is.
 * Where a library is missing, or with {@code -Dparathumb.library.deflate=none}, the other one (and
 * then ImageIO) decodes.
 */
public final class NativePng {

    private static final int DONE = 0;
    private static final int CANCELLED = 2;
    private static final int BAD_ARGUMENTS = -1;

    /** The library libdeflate is opened from ({@code -Dparathumb.library.deflate=none} leaves it closed). */
    static final NativeImages.Library LIBDEFLATE = NativeImages.Library.of("deflate", "libdeflate.so.0", "libdeflate0");
    /** The library libspng is opened from, as every other codec library is named. */
    static final NativeImages.Library LIBSPNG = NativeImages.Library.of("spng", "libspng.so.0", "libspng0");

    private NativePng() {
    }

    /** Which library decodes a PNG: libdeflate for 8 bits a sample, not interlaced; libspng for the rest. */
    public enum Engine {
        LIBDEFLATE("libdeflate"), LIBSPNG("libspng");

        private final String library;

        Engine(String library) {
            this.library = library;
        }

        /** Whether this engine's library is open in this JVM. */
        boolean open() {
            return this == LIBDEFLATE ? NativeLibrary.inflatesPng() : NativeLibrary.decodesPng();
        }

        /** "libdeflate" or "libspng". */
        public String library() {
            return library;
        }
    }

    /**
     * A PNG's size, the layout it decodes to, the engine that takes it, the bytes of direct memory
     * it decodes in (0 for libspng, which works row by row), and the bytes the array it is decoded
     * into must hold: more than its samples when libdeflate inflates the file's rows into that
     * array, filter bytes and all, and undoes them there (gray, RGB and RGBA), so that the image's
     * size is mapped once, not twice.
     */
    public record PngHeader(int width, int height, PixelLayout layout, Engine engine, int workBytes, int outputBytes) {
        public PngHeader {
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(engine, "engine");
            if (workBytes < 0) {
                throw new IllegalArgumentException("work bytes " + workBytes);
            }
            if (outputBytes < (long) width * height * layout.channels()) {
                throw new IllegalArgumentException("output bytes " + outputBytes + " for " + width + "x" + height
                        + " x " + layout.channels());
            }
        }
    }

    /** Whether libdeflate or libspng is there to decode with. */
    public static boolean available() {
        return Engine.LIBDEFLATE.open() || Engine.LIBSPNG.open();
    }

    /** The engines open in this JVM, in the order they are asked: "libdeflate, libspng", or "" for none. */
    public static String engines() {
        return Arrays.stream(Engine.values()).filter(Engine::open).map(Engine::library).collect(Collectors.joining(", "));
    }

    /**
     * The header of the PNG in {@code data}'s first {@code length} bytes, when an engine takes it:
     * libdeflate when it decodes this PNG, else libspng.
     */
    public static Optional<PngHeader> header(ByteBuffer data, int length) {
        for (Engine engine : Engine.values()) {
            Optional<PngHeader> header = header(data, length, engine);
            if (header.isPresent()) {
                return header;
            }
        }
        return Optional.empty();
    }

    /** The header, when {@code engine} is open and takes this PNG. */
    static Optional<PngHeader> header(ByteBuffer data, int length, Engine engine) {
        if (!engine.open()) {
            return Optional.empty();
        }
        int[] info = new int[5];
        if (decode(engine, data, length, null, null, info) != DONE) {
            return Optional.empty();
        }
        long samples = (long) info[0] * info[1] * info[2];
        if (samples > Integer.MAX_VALUE - 8) {
            return Optional.empty(); // no array holds it: ImageDecoder says "too large"
        }
        int output = (int) Math.max(info[4], samples); // libspng names none: its samples
        return Optional.of(new PngHeader(info[0], info[1], layout(info[2]), engine, info[3], output));
    }

    /**
     * A decoded PNG: the image, and whether every pixel of it is opaque (alpha 255 throughout, or
     * a layout without alpha), which the decoder saw as it wrote the rows.
     */
    public record Decoded(BufferedImage image, boolean opaque) {
        public Decoded {
            Objects.requireNonNull(image, "image");
        }
    }

    /**
     * Decodes the PNG into {@code into} (at least the header's output bytes; a reused buffer)
     * with the header's engine and returns it as an image of the header's layout, or empty when
     * declined. Asks {@link NativeAbort} every band of rows (libdeflate also before its inflate).
     *
     * @throws CancelledException if the thread was interrupted
     */
    public static Optional<Decoded> decode(ByteBuffer data, int length, PngHeader header, byte[] into) {
        return decode(data, length, header, into, new Scratch());
    }

    /**
     * As {@link #decode(ByteBuffer, int, PngHeader, byte[])}, working in {@code scratch}'s second
     * direct buffer, which the thread reuses from image to image.
     */
    public static Optional<Decoded> decode(ByteBuffer data, int length, PngHeader header, byte[] into,
            Scratch scratch) {
        if (!header.engine().open()) {
            throw new IllegalStateException("no " + header.engine().library() + " to decode with: "
                    + NativeLibrary.status());
        }
        if (into.length < header.outputBytes()) {
            throw new IllegalArgumentException("a buffer of " + into.length + " bytes is too small for "
                    + header.outputBytes());
        }
        ByteBuffer work = header.workBytes() > 0 ? scratch.direct(1, header.workBytes()) : null;
        int[] info = new int[6];
        int result = decode(header.engine(), data, length, work, into, info);
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
        return Optional.of(new Decoded(header.layout().wrap(into, header.width(), header.height()), info[5] == 1));
    }

    private static PixelLayout layout(int channels) {
        return switch (channels) {
            case 1 -> PixelLayout.GRAY;
            case 3 -> PixelLayout.RGB;
            case 4 -> PixelLayout.RGBA;
            default -> throw new IllegalStateException("the native PNG decoder named " + channels + " channels");
        };
    }

    private static int decode(Engine engine, ByteBuffer data, int length, ByteBuffer work, byte[] out, int[] info) {
        return engine == Engine.LIBDEFLATE ? inflate(data, length, work, out, info) : decode(data, length, out, info);
    }

    /** Opens libspng ({@code soname}); false when the system has none. */
    static native boolean openLibspng(String soname);

    /** Opens libdeflate ({@code soname}); false when the system has none. */
    static native boolean openLibdeflate(String soname);

    /**
     * As {@link #decode(ByteBuffer, int, byte[], int[])}, for the PNGs libdeflate takes (png_inflate.c),
     * in {@code work} and {@code out}; the header also names the bytes of each (info[3] and info[4]).
     */
    private static native int inflate(ByteBuffer data, int length, ByteBuffer work, byte[] out, int[] info);

    private static native int decode(ByteBuffer data, int length, byte[] out, int[] info);
}
