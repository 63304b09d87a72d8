package org.parathumb.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An {@link ImageSource} as a local file, for as long as it is open: a file source is its own
 * file; any other is copied into a new temporary file (in {@code java.io.tmpdir}, which Spark on
 * YARN or Kubernetes points into the container's scratch space), deleted on {@link #close()}.
 *
 * <p>This is the one place where bytes that are not a local file meet decoders that read local
 * files (ImageIO's file streams, the native paths' file channels): the copy costs a local write
 * and read of at most some tens of MB, against a decode of the same image.
 */
public final class LocalImage implements AutoCloseable {

    private static final String PREFIX = "parathumb-source-";

    private final Path path;
    private final boolean temporary;

    private LocalImage(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /** {@code source} as a local file: its own, or a temporary copy. */
    public static LocalImage of(ImageSource source) throws IOException {
        Objects.requireNonNull(source, "source");
        if (source.file().isPresent()) {
            return new LocalImage(source.file().get(), false);
        }
        Path copy = Files.createTempFile(PREFIX, ".img");
        try (InputStream in = source.open(); OutputStream out = Files.newOutputStream(copy)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                CancelledException.checkInterrupt();
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return new LocalImage(copy, true);
    }

    /** The local file to decode. */
    public Path path() {
        return path;
    }

    /** Whether {@link #path()} is a temporary copy (deleted on close). */
    public boolean isCopy() {
        return temporary;
    }

    /** Deletes the temporary copy, if any; best effort (a leftover is in the temporary folder). */
    @Override
    public void close() {
        if (temporary) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // java.io.tmpdir is cleaned by the system, and the copy is named as Parathumb's.
            }
        }
    }
}
