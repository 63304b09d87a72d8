package org.parathumb.core.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;

/**
 * Runs one {@link ImageJob}: render, encode into a hidden temporary file beside the target, then
 * move it into place in one step, so a thumbnail is either whole or absent, even after a cancel or
 * a crash. It never throws for a bad image: every outcome is an {@link ImageResult}. Safe to call
 * from many threads at once.
 */
public final class ImageProcessor {

    /** Prefix of the temporary files; they are hidden, so no scan ever picks them up. */
    static final String TEMP_PREFIX = ".parathumb-";

    private final ThumbnailPipeline pipeline;
    private final ThumbnailSpec spec;

    public ImageProcessor(ThumbnailPipeline pipeline, ThumbnailSpec spec) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public ThumbnailSpec spec() {
        return spec;
    }

    public ThumbnailPipeline pipeline() {
        return pipeline;
    }

    /** Processes {@code job} on the calling thread; an interrupt cancels it. */
    public ImageResult process(ImageJob job) {
        String worker = Thread.currentThread().getName();
        long start = System.nanoTime();
        if (Thread.currentThread().isInterrupted()) {
            return ImageResult.cancelled(job, worker, start, start, pipeline.name());
        }
        Path temp = null;
        long decodeBlurResize = 0;
        Thumbnail thumbnail = null;
        try {
            thumbnail = pipeline.render(job.source(), spec);
            decodeBlurResize = thumbnail.decodeNanos() + thumbnail.blurNanos() + thumbnail.resizeNanos();
            CancelledException.checkInterrupt();
            ImageFormat format = spec.format().resolve(thumbnail.sourceFormat());
            long encodeStart = System.nanoTime();
            temp = Files.createTempFile(job.target().getParent(), TEMP_PREFIX, ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                pipeline.write(thumbnail, format, out);
            }
            CancelledException.checkInterrupt();
            moveIntoPlace(temp, job.target());
            temp = null;
            long end = System.nanoTime();
            StageTimes times = new StageTimes(thumbnail.decodeNanos(), thumbnail.blurNanos(),
                    thumbnail.resizeNanos(), end - encodeStart);
            return ImageResult.done(job, thumbnail.sourceWidth(), thumbnail.sourceHeight(),
                    thumbnail.width(), thumbnail.height(), times, worker, start, end, pipeline.name());
        } catch (CancelledException | ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
            return ImageResult.cancelled(job, worker, start, System.nanoTime(), pipeline.name());
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            if (Thread.currentThread().isInterrupted()) {
                return ImageResult.cancelled(job, worker, start, System.nanoTime(), pipeline.name());
            }
            StageTimes times = thumbnail == null ? StageTimes.NONE
                    : new StageTimes(thumbnail.decodeNanos(), thumbnail.blurNanos(), thumbnail.resizeNanos(), 0);
            return ImageResult.failed(job, reason(e), times, worker, start, System.nanoTime(), pipeline.name());
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Best effort: the file is hidden and named as temporary, never taken for a thumbnail.
        }
    }

    /** A one-line reason a user can act on. */
    static String reason(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "file not found (moved or deleted?)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof OutOfMemoryError) {
            return "not enough memory for this image";
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return reason(u.getCause());
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
