package org.parathumb.core.image.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.pixels.Scratch;

/** A whole file in the thread's reused direct buffer, for the native decoders. */
record WholeFile(ByteBuffer data, int length) {

    /** The most of a file's start that {@link ImageFormat#sniff} reads to tell a WebP or a PNG. */
    private static final int SIGNATURE_BYTES = 12;

    /**
     * {@code source} read into {@code buffers}' direct buffer; empty when it cannot be read or is
     * too short or too long: then the Java decoders take it, and say what is wrong if anything is.
     */
    static Optional<WholeFile> read(Path source, Scratch buffers) {
        return read(source, buffers, false);
    }

    /**
     * {@link #read}, but empty as soon as its first bytes show the file is not a JPEG, a WebP or a
     * PNG: the rest is not read.
     */
    static Optional<WholeFile> readJpegWebpOrPng(Path source, Scratch buffers) {
        return read(source, buffers, true);
    }

    private static Optional<WholeFile> read(Path source, Scratch buffers, boolean jpegWebpOrPngOnly) {
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8 || size > Integer.MAX_VALUE - 8) {
                return Optional.empty();
            }
            int length = (int) size;
            ByteBuffer data = buffers.direct(length);
            if (jpegWebpOrPngOnly) {
                int peek = Math.min(length, SIGNATURE_BYTES);
                data.limit(peek);
                while (data.position() < peek && channel.read(data) > 0) {
                    CancelledException.checkInterrupt();
                }
                WholeFile start = new WholeFile(data, data.position());
                if (!start.isJpeg() && !start.isWebp() && !start.isPng()) {
                    return Optional.empty();
                }
                data.limit(data.capacity());
            }
            while (data.position() < length && channel.read(data) > 0) {
                CancelledException.checkInterrupt();
            }
            return data.position() < length ? Optional.empty() : Optional.of(new WholeFile(data, length));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the file starts with a JPEG's start-of-image marker. */
    boolean isJpeg() {
        return length >= 2 && (data.get(0) & 0xFF) == 0xFF && (data.get(1) & 0xFF) == 0xD8;
    }

    /** Whether the file starts as a WebP does ("RIFF", four bytes of size, "WEBP"), as {@link ImageFormat#sniff} tells. */
    boolean isWebp() {
        return sniffed().filter(ImageFormat.WEBP::equals).isPresent();
    }

    /** Whether the file starts with PNG's signature, as {@link ImageFormat#sniff} tells. */
    boolean isPng() {
        return sniffed().filter(ImageFormat.PNG::equals).isPresent();
    }

    /** The format the file's first bytes name, by the project's one reader of signatures. */
    private Optional<ImageFormat> sniffed() {
        byte[] head = new byte[Math.min(length, SIGNATURE_BYTES)];
        data.get(0, head);
        return ImageFormat.sniff(head, head.length);
    }
}
