package org.parathumb.ui;

import java.util.Objects;
import javafx.scene.image.Image;
import org.parathumb.core.batch.ImageResult;

/**
 * One tile of the grid: a finished image's result and, when it was made, its thumbnail's pixels,
 * converted off the FX thread, with how long that read-back took (its own stage in the timeline).
 * A failed image's tile has no pixels and shows the reason instead.
 */
public record Tile(ImageResult result, Image thumbnail, long readBackNanos) {

    public Tile {
        Objects.requireNonNull(result, "result");
        if (readBackNanos < 0) {
            throw new IllegalArgumentException("read-back time must not be negative");
        }
    }

    /** A tile whose thumbnail was not read back, or whose read-back was not timed. */
    public Tile(ImageResult result, Image thumbnail) {
        this(result, thumbnail, 0);
    }

    public boolean isFailure() {
        return result.isFailed();
    }

    public String name() {
        return result.job().source().getFileName().toString();
    }
}
