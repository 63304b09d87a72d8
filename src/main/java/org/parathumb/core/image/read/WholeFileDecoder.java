package org.parathumb.core.image.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.nativecodec.NativeImages;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;

/**
 * A decoder on a native codec that reads a file held whole in a direct buffer: the header from
 * the file's head, then the whole file in the thread's direct buffer, decoded in place into the
 * thread's array and wrapped as the codec gives it (1 channel gray, 3 RGB, 4 RGBA).
 *
 * @param <S> what the codec's header says
 */
abstract class WholeFileDecoder<S extends NativeImages.Shape> implements Decoder {

    /** A codec's header read, on a file (or its head) held in a direct buffer. */
    interface Header<S> {
        S read(ByteBuffer data, int length) throws ImageFailure;
    }

    /** A codec's decode into {@code out}, sized by {@link #pixelBytes}, of a file whose header said {@code shape}. */
    interface Pixels<S> {
        void decode(ByteBuffer data, int length, S shape, byte[] out) throws ImageFailure;
    }

    private final ImageFormat format;
    private final Supplier<NativeImages.Availability> availability;
    private final int headerBytes;
    private final Header<S> header;
    private final Pixels<S> pixels;

    /** Reads files of {@code format} while {@code availability} says so; the header is in the first {@code headerBytes}. */
    WholeFileDecoder(ImageFormat format, Supplier<NativeImages.Availability> availability, int headerBytes,
            Header<S> header, Pixels<S> pixels) {
        this.format = format;
        this.availability = availability;
        this.headerBytes = headerBytes;
        this.header = header;
        this.pixels = pixels;
    }

    /** The header a file whose codec header says {@code shape} gets: its orientation, its working set. */
    abstract ImageHeader header(Path file, ImageFormat content, S shape) throws IOException;

    @Override
    public final boolean reads(ImageFormat content) {
        return content == format && availability.get().readable();
    }

    @Override
    public final String describe(ImageFormat content) {
        return availability.get().description();
    }

    @Override
    public final ImageHeader readHeader(Path file, ImageFormat content) throws IOException {
        ByteBuffer head = FileBytes.head(file, headerBytes);
        return header(file, content, header.read(head, head.position()));
    }

    @Override
    public final DecodedImage decode(Path file, ImageFormat content, Scratch scratch) throws IOException {
        int length = FileBytes.readAll(file, scratch::direct);
        ByteBuffer data = scratch.direct(length);
        S shape = header.read(data, length);
        byte[] out = scratch.bytes(pixelBytes(shape));
        pixels.decode(data, length, shape, out);
        return new DecodedImage(layout(shape.channels()).wrap(out, shape.width(), shape.height()), content);
    }

    /** The bytes {@code shape}'s pixels take, or "too large" when one array cannot hold them. */
    static int pixelBytes(NativeImages.Shape shape) throws ImageFailure {
        long size = (long) shape.width() * shape.height() * shape.channels();
        if (size > Integer.MAX_VALUE - 8) {
            throw new ImageFailure(ImageFailure.Kind.TOO_LARGE,
                    "too large (" + shape.width() + "x" + shape.height() + " pixels)");
        }
        return (int) size;
    }

    /** The layout of {@code channels} samples a pixel. */
    static PixelLayout layout(int channels) {
        return switch (channels) {
            case 1 -> PixelLayout.GRAY;
            case 3 -> PixelLayout.RGB;
            default -> PixelLayout.RGBA;
        };
    }
}
