package org.parathumb.core.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Turns one image file into a thumbnail. Implementations are safe to call from many threads at
 * once (each thread keeps its own working buffers) and stop early, with
 * {@link CancelledException}, when the calling thread is interrupted.
 */
public interface ThumbnailPipeline {

    /** A short name users pick the pipeline by ("faithful", "fast"). */
    String name();

    /**
     * What does the heavy work in this JVM, when that is worth saying next to the name (the
     * faithful pipeline: "native AVX2 kernel" or "Java blur (why)"); empty otherwise.
     */
    default String engine() {
        return "";
    }

    /**
     * Reads what a scheduler needs to plan {@code source} (format, size, orientation, layout)
     * without decoding a pixel; fails as {@link #render} would on a file that is not an image.
     */
    ImageHeader readHeader(Path source) throws IOException;

    /** Decodes {@code source}, blurs and resizes it as {@code spec} asks. */
    Thumbnail render(Path source, ThumbnailSpec spec) throws IOException;

    /**
     * {@link #readHeader(Path)} of any source: a local file is read in place, anything else
     * through a temporary local copy ({@link LocalImage}), as the decoders read files.
     */
    default ImageHeader readHeader(ImageSource source) throws IOException {
        try (LocalImage local = LocalImage.of(source)) {
            return readHeader(local.path());
        }
    }

    /** {@link #render(Path, ThumbnailSpec)} of any source, as {@link #readHeader(ImageSource)} reads it. */
    default Thumbnail render(ImageSource source, ThumbnailSpec spec) throws IOException {
        try (LocalImage local = LocalImage.of(source)) {
            return render(local.path(), spec);
        }
    }

    /**
     * Encodes {@code thumbnail} as {@code format} into {@code out}, as Pillow's {@code save()}
     * does; does not close it.
     */
    void write(Thumbnail thumbnail, ImageFormat format, OutputStream out) throws IOException;

    /** How hard this pipeline's PNG thumbnails are compressed: Pillow's way, unless it promises no bytes. */
    default PngCompression pngCompression() {
        return PngCompression.PILLOW;
    }

    /**
     * Drops the working buffers the calling thread keeps between images, so an idle worker does
     * not hold what a big image needed. Pipelines without such buffers do nothing.
     */
    default void releaseThreadBuffers() {
    }

    /** The heap bytes the calling thread's kept buffers hold now; 0 for pipelines without such buffers. */
    default long threadBufferBytes() {
        return 0;
    }
}
