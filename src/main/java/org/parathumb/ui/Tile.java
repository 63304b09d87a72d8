package org.parathumb.ui;

import java.util.Objects;
import javafx.scene.image.Image;
import org.parathumb.core.batch.ImageResult;

/**
 * One tile of the grid: a finished image's result and, when it was made, its thumbnail's pixels,
 * converted off the FX thread. A failed image's tile has no pixels and shows the reason instead.
 */
public record Tile(ImageResult result, Image thumbnail) {

    public Tile {
        Objects.requireNonNull(result, "result");
    }

    public boolean isFailure() {
        return result.isFailed();
    }

    public String name() {
        return result.job().source().getFileName().toString();
    }
}
