package org.parathumb.ui;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.StageTimes;

/**
 * One image of a run, as a {@link Task} on the shared worker pool: {@link ImageProcessor#process}
 * (which never throws and stops at an interrupt), then, off the FX thread, the written thumbnail
 * read back and converted for the grid (timed: the timeline's read-back stage). The finished
 * {@link Tile} goes into the run's queue, which
 * the window drains once per frame, so no result costs a {@code Platform.runLater}.
 *
 * <p>Every task either runs and queues exactly one tile, or is {@linkplain #skip skipped} before it
 * starts and queues nothing: whoever wins the race for the task's phase decides which.
 */
final class ImageTask extends Task<Void> {

    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int SKIPPED = 2;

    private final ImageJob job;
    private final ImageProcessor processor;
    private final Queue<Tile> finished;
    private final AtomicInteger phase = new AtomicInteger(PENDING);
    private final WorkerActivity activity;

    ImageTask(ImageJob job, ImageProcessor processor, Queue<Tile> finished) {
        this(job, processor, finished, new WorkerActivity());
    }

    /** A task that tells {@code activity} when it starts and ends (the processor tells it the stages). */
    ImageTask(ImageJob job, ImageProcessor processor, Queue<Tile> finished, WorkerActivity activity) {
        this.job = job;
        this.processor = processor;
        this.finished = finished;
        this.activity = activity;
    }

    @Override
    protected Void call() {
        if (!phase.compareAndSet(PENDING, RUNNING)) {
            return null;
        }
        activity.started(job, System.nanoTime());
        try {
            work();
        } finally {
            activity.ended();
        }
        return null;
    }

    private void work() {
        ImageResult result;
        try {
            result = processor.process(job);
        } catch (RuntimeException | Error e) {
            // process() reports every failure as a result; should anything escape it anyway, the
            // run must still hear of this image, or it would wait for it for ever.
            long now = System.nanoTime();
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            finished.add(new Tile(new ImageResult(job, ImageResult.Status.FAILED, 0, 0, 0, 0, StageTimes.NONE,
                    reason, Thread.currentThread().getName(), now, now, processor.pipeline().name()), null, 0, false,
                    activity.number()));
            throw e;
        }
        Image thumbnail = null;
        long readBack = 0;
        try {
            if (result.isDone() && !Thread.currentThread().isInterrupted()) {
                activity.stage(WorkerActivity.PREVIEW);
                long start = System.nanoTime();
                thumbnail = readThumbnail(result.job().target());
                readBack = System.nanoTime() - start; // the timeline shows it as its own stage
            }
        } finally {
            finished.add(new Tile(result, thumbnail, readBack, false, activity.number()));
        }
    }

    /** Marks the task as never to run; false if it has already started. Then cancel it. */
    boolean skip() {
        return phase.compareAndSet(PENDING, SKIPPED);
    }

    /**
     * The thumbnail as an FX image: drawn into {@code INT_ARGB_PRE} first, the layout the FX image
     * uses, so {@link SwingFXUtils} copies it as is. Null if it cannot be read back.
     */
    static Image readThumbnail(Path file) {
        try {
            BufferedImage read = ImageIO.read(file.toFile());
            if (read == null) {
                return null;
            }
            BufferedImage premultiplied = read;
            if (read.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
                premultiplied = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
                Graphics2D g = premultiplied.createGraphics();
                g.drawImage(read, 0, 0, null);
                g.dispose();
            }
            return SwingFXUtils.toFXImage(premultiplied, null);
        } catch (IOException | RuntimeException e) {
            return null; // the thumbnail is on disk; only its preview is missing
        }
    }
}
