package org.parathumb.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The grid's copy of the window's tiles, which coalesces appends. Each change of the list the grid
 * shows makes it re-index and re-style every visible cell; tiles appended below the visible part
 * change nothing the user sees but the scroll bar. So appends the grid has room to show pass at
 * once, at most {@link #FILL_STEP} a frame (each needs a new cell, made once, with its nodes' CSS:
 * the first screenful is spread over a few frames); appends below them pass at most once per
 * {@link #INTERVAL_NANOS}. Pending tiles pass on {@link #tick}, which the view calls each frame
 * while any are pending. Any other change (a new run, tiles on disk replaced) passes at once, with
 * what was pending.
 */
final class GridFeed {

    /**
     * Appends the grid cannot show pass at most this often: once a second. Each pass that adds a
     * row makes the grid's flow take all its rows off the scene and put them back, and the
     * renderer paint the whole grid again: at 1920 x 1080 in software, 20 to 45 ms of its CPU.
     */
    static final long INTERVAL_NANOS = 1_000_000_000L;
    /** At most this many tiles join the visible part of the grid in one frame. */
    static final int FILL_STEP = 4;

    private final ObservableList<Tile> source;
    private final ObservableList<Tile> shown = FXCollections.observableArrayList();
    private final IntSupplier room;
    private final LongSupplier clock;
    private final Runnable pendingStarted;
    private final List<Tile> pending = new ArrayList<>();
    private long lastPassNanos;
    private boolean passed;

    /**
     * A copy of {@code source}. {@code room} tells how many tiles the grid shows at once
     * ({@code Integer.MAX_VALUE} while not laid out); {@code clock} gives nanoseconds;
     * {@code pendingStarted} is told when tiles start waiting: call {@link #tick} each frame then.
     */
    GridFeed(ObservableList<Tile> source, IntSupplier room, LongSupplier clock, Runnable pendingStarted) {
        this.source = Objects.requireNonNull(source, "source");
        this.room = Objects.requireNonNull(room, "room");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pendingStarted = Objects.requireNonNull(pendingStarted, "pendingStarted");
        shown.setAll(source);
        source.addListener((ListChangeListener<Tile>) this::changed);
    }

    /** The tiles the grid shows: the source's, with the latest appends possibly still pending. */
    ObservableList<Tile> shown() {
        return shown;
    }

    /** Tiles appended to the source that the grid does not show yet. */
    int pending() {
        return pending.size();
    }

    private void changed(ListChangeListener.Change<? extends Tile> change) {
        List<Tile> appended = appended(change);
        if (appended == null) {
            pending.clear();
            shown.setAll(source);
            return;
        }
        boolean waiting = !pending.isEmpty();
        pending.addAll(appended);
        tick(clock.getAsLong());
        if (!waiting && !pending.isEmpty()) {
            pendingStarted.run();
        }
    }

    /**
     * Once per frame while tiles are pending: passes those the grid has room to show (at most
     * {@link #FILL_STEP}), or all of them once {@link #INTERVAL_NANOS} has passed since the last
     * batch. True while some are still pending.
     */
    boolean tick(long nowNanos) {
        if (pending.isEmpty()) {
            return false;
        }
        int free = room.getAsInt() - shown.size();
        if (free > 0) {
            pass(Math.min(pending.size(), Math.min(free, FILL_STEP)), nowNanos);
        } else if (!passed || nowNanos - lastPassNanos >= INTERVAL_NANOS) {
            pass(pending.size(), nowNanos);
        }
        return !pending.isEmpty();
    }

    private void pass(int count, long nowNanos) {
        lastPassNanos = nowNanos;
        passed = true;
        List<Tile> batch = List.copyOf(pending.subList(0, count));
        pending.subList(0, count).clear();
        shown.addAll(batch);
    }

    /** The tiles a change appended at the end of the list, or null if it did anything else. */
    private static List<Tile> appended(ListChangeListener.Change<? extends Tile> change) {
        List<Tile> added = null;
        while (change.next()) {
            if (added != null || change.wasPermutated() || change.wasUpdated() || change.wasRemoved()
                    || change.getTo() != change.getList().size()) {
                return null;
            }
            added = new ArrayList<>(change.getAddedSubList());
        }
        return added;
    }
}
