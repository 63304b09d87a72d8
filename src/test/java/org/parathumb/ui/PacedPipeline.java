package org.parathumb.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.Pipelines;

/**
 * A real pipeline whose renders each take a permit first, so a window test decides how many
 * images finish before a run stalls: a run lasts exactly as long as the test needs, however fast
 * the machine. Waiting for a permit ends, as a cancelled render, when the worker is interrupted.
 */
final class PacedPipeline implements ThumbnailPipeline {

    private final ThumbnailPipeline real;
    private final Semaphore permits;
    private final BooleanSupplier deaf;

    PacedPipeline(String name, Semaphore permits) {
        this(name, permits, () -> false);
    }

    /**
     * As above; while {@code deaf} says so, the wait for a permit ignores interrupts, like a read
     * from a slow disk that cannot be interrupted: a cancelled image goes on until the test lets it.
     */
    PacedPipeline(String name, Semaphore permits, BooleanSupplier deaf) {
        this.real = Pipelines.byName(name);
        this.permits = permits;
        this.deaf = deaf;
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public Thumbnail render(Path source, ThumbnailSpec spec) throws IOException {
        if (deaf.getAsBoolean()) {
            permits.acquireUninterruptibly();
            return real.render(source, spec);
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        return real.render(source, spec);
    }

    @Override
    public void write(Thumbnail thumbnail, ImageFormat format, OutputStream out) throws IOException {
        real.write(thumbnail, format, out);
    }

    @Override
    public void releaseThreadBuffers() {
        real.releaseThreadBuffers();
    }

    @Override
    public long threadBufferBytes() {
        return real.threadBufferBytes();
    }

    @Override
    public ImageHeader readHeader(Path source) throws IOException {
        return real.readHeader(source);
    }
}
