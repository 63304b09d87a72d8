package org.parathumb.core.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an image's bytes come from: a local file, bytes in memory, or any stream a caller can
 * open again (a Hadoop file system's, on a Spark executor). The pipelines' decoders read local
 * files today (ImageIO's file streams, the native paths' channels), so a source that is not a
 * local file is {@linkplain LocalImage copied to a temporary local file} first; a
 * {@link #of(Path) file source} is read where it is.
 */
public sealed interface ImageSource {

    /** What the source is called in messages and results: its path, or the name it was given. */
    String name();

    /** Its length in bytes. */
    long length() throws IOException;

    /** A new stream over the whole image, from its first byte; the caller closes it. */
    InputStream open() throws IOException;

    /** The local file that holds it, when it is one. */
    default Optional<Path> file() {
        return Optional.empty();
    }

    /** Opens a stream over an image again, each time from its start. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    static ImageSource of(Path file) {
        return new FileSource(file);
    }

    /** An image held in memory (an image file is at most some tens of MB). */
    static ImageSource of(String name, byte[] bytes) {
        return new BytesSource(name, bytes);
    }

    /** An image read through {@code opener}, {@code length} bytes long. */
    static ImageSource of(String name, long length, Opener opener) {
        return new StreamSource(name, length, opener);
    }

    /** A local file, read in place. */
    record FileSource(Path path) implements ImageSource {
        public FileSource {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public long length() throws IOException {
            return Files.size(path);
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public Optional<Path> file() {
            return Optional.of(path);
        }
    }

    /** Bytes in memory; the array is the caller's and must not change while the source is in use. */
    record BytesSource(String name, byte[] bytes) implements ImageSource {
        public BytesSource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    /** A stream that can be opened again, as a remote file system's files can. */
    record StreamSource(String name, long length, Opener opener) implements ImageSource {
        public StreamSource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(opener, "opener");
            if (length < 0) {
                throw new IllegalArgumentException("a length is never negative: " + length);
            }
        }

        @Override
        public InputStream open() throws IOException {
            return opener.open();
        }
    }
}
