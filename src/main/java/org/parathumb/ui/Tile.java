package org.parathumb.ui;

import java.util.Objects;
import javafx.scene.image.Image;
import org.parathumb.core.batch.ImageResult;

/**
 * One tile of the grid: a finished image's result and, when it was made, its thumbnail's pixels,
 * converted off the FX thread, with how long that read-back took (its own stage in the timeline).
 * A failed image's tile has no pixels and shows the reason instead. An {@code existing} tile is a
 * thumbnail found on disk when the folder was loaded, from an earlier run: its result has no
 * times, and its pipeline is not known. {@code worker} is the number of the worker that made it in
 * its run, as the live row and the timeline name it ("Worker 2"), or 0 where none did.
 */
public record Tile(ImageResult result, Image thumbnail, long readBackNanos, boolean existing, int worker) {

    /** The pipeline an existing tile's result names: what made it is not known. */
    static final String UNKNOWN_PIPELINE = "earlier run";

    public Tile {
        Objects.requireNonNull(result, "result");
        if (readBackNanos < 0) {
            throw new IllegalArgumentException("read-back time must not be negative");
        }
        if (worker < 0) {
            throw new IllegalArgumentException("a worker's number is positive, or 0 when not known");
        }
    }

    /** A tile no numbered worker made: an existing one, or one made outside a run's tasks. */
    public Tile(ImageResult result, Image thumbnail, long readBackNanos, boolean existing) {
        this(result, thumbnail, readBackNanos, existing, 0);
    }

    /** A tile whose thumbnail was not read back, or whose read-back was not timed. */
    public Tile(ImageResult result, Image thumbnail) {
        this(result, thumbnail, 0);
    }

    /** A tile of this run, its read-back timed. */
    public Tile(ImageResult result, Image thumbnail, long readBackNanos) {
        this(result, thumbnail, readBackNanos, false);
    }

    /** A thumbnail already on disk for {@code job}, shown on load, not run. */
    static Tile onDisk(org.parathumb.core.batch.ImageJob job, int sourceWidth, int sourceHeight, Image thumbnail) {
        int width = thumbnail == null ? 0 : (int) thumbnail.getWidth();
        int height = thumbnail == null ? 0 : (int) thumbnail.getHeight();
        return new Tile(new ImageResult(job, ImageResult.Status.DONE, sourceWidth, sourceHeight, width, height,
                org.parathumb.core.batch.StageTimes.NONE, null, "on disk", 0, 0, UNKNOWN_PIPELINE), thumbnail, 0, true);
    }

    /**
     * Who made it, as the user reads it everywhere: "Worker 2", never the thread's name; the
     * thread's name only for a tile no numbered worker made.
     */
    public String workerName() {
        return worker > 0 ? "Worker " + worker : result.worker();
    }

    public boolean isFailure() {
        return result.isFailed();
    }

    public String name() {
        return result.job().source().getFileName().toString();
    }
}
