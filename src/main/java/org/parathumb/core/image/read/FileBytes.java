package org.parathumb.core.image.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.IntFunction;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFailure;

/** A file's bytes in a direct buffer, where native decoders read them in place. */
final class FileBytes {

    private FileBytes() {
    }

    /** The whole file, in {@code into} (which must hold it), flipped; checks the interrupt per read. */
    static int readAll(Path file, ByteBuffer into) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (into.hasRemaining() && channel.read(into) > 0) {
                CancelledException.checkInterrupt();
            }
        }
        return into.position();
    }

    /** The whole of {@code file} in a direct buffer from {@code buffers}, with its length. */
    static int readAll(Path file, IntFunction<ByteBuffer> buffers) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new ImageFailure(ImageFailure.Kind.TOO_LARGE, "too large (a file of " + size + " bytes)");
        }
        ByteBuffer buffer = buffers.apply((int) size);
        buffer.limit((int) size);
        return readAll(file, buffer);
    }

    /** The first {@code max} bytes of {@code file} (fewer if it is shorter) in a new direct buffer. */
    static ByteBuffer head(Path file, int max) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(max);
        readAll(file, buffer);
        return buffer;
    }
}
