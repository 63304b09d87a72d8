package org.parathumb.ui;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Group;
import javafx.scene.Node;

/**
 * The grid's cells, made ahead. Made as tiles arrive, the first screenful's cells (about 120 at
 * 1920 x 1080) each cost its frame a few milliseconds of the FX thread: its nodes, its skin and
 * its CSS, with the JIT still cold. While a folder loads they are made here instead, a few a
 * frame, and wait in a hidden, unmanaged group (styled by the scene's CSS pass, never shown) until
 * the grid's cell factory asks for a cell; a cell the grid takes leaves the group as it joins a row.
 */
final class CellStock {

    /** Cells made ahead per frame: about 5 ms of the FX thread each while the JIT is cold. */
    static final int STEP = 4;

    private final ArrayDeque<ThumbnailCell> ready = new ArrayDeque<>();
    private final Group holder = new Group();
    private final IntSupplier room;
    private Supplier<ThumbnailCell> maker;
    /** Cells made with the current maker, by the grid or ahead; and how many to make ahead at most. */
    private int made;
    private int ahead;
    private final AnimationTimer filling = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!fill()) {
                stop();
            }
        }
    };

    /**
     * A stock of the cells {@code maker} makes; {@code room} tells how many cells the grid shows at
     * once ({@code Integer.MAX_VALUE} while it is not laid out).
     */
    CellStock(Supplier<ThumbnailCell> maker, IntSupplier room) {
        this.maker = Objects.requireNonNull(maker, "maker");
        this.room = Objects.requireNonNull(room, "room");
        holder.setManaged(false);
        holder.setVisible(false);
    }

    /** The hidden group that holds the cells made ahead: it must be in the grid's scene. */
    Node holder() {
        return holder;
    }

    /** From now on cells are made by {@code maker} (a new zoom): those made ahead are dropped. */
    void makeWith(Supplier<ThumbnailCell> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
        ready.clear();
        holder.getChildren().clear();
        made = 0;
    }

    /** For the grid's cell factory: a cell made ahead, or a new one. */
    ThumbnailCell take() {
        return ready.isEmpty() ? make() : ready.pop();
    }

    /**
     * Makes the cells of the grid's first screenful ahead, {@link #STEP} a frame: called when a
     * folder of {@code images} has loaded. No more cells than images, so none is left over once
     * every tile is shown.
     */
    void fillFor(int images) {
        ahead = images;
        if (fill()) {
            filling.start();
        }
    }

    /** Makes up to {@link #STEP} cells ahead; true while more are wanted. */
    private boolean fill() {
        int shown = room.getAsInt();
        if (shown == Integer.MAX_VALUE) {
            return true; // not laid out yet: wait a frame
        }
        int wanted = Math.min(shown, ahead);
        for (int i = 0; i < STEP && made < wanted; i++) {
            ThumbnailCell cell = make();
            ready.add(cell);
            holder.getChildren().add(cell);
        }
        return made < wanted;
    }

    private ThumbnailCell make() {
        made++;
        return maker.get();
    }
}
