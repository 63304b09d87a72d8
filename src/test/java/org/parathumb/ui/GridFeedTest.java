package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.StageTimes;

class GridFeedTest {

    private static final long MS = 1_000_000L;

    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final AtomicInteger room = new AtomicInteger(4);
    private final AtomicInteger waits = new AtomicInteger();
    private final GridFeed feed = new GridFeed(tiles, room::get, now::get, waits::incrementAndGet);
    private final AtomicInteger gridChanges = new AtomicInteger();

    GridFeedTest() {
        feed.shown().addListener((ListChangeListener<Tile>) c -> gridChanges.incrementAndGet());
    }

    @Test
    void tilesTheGridHasRoomForAppearAtOnce() {
        tiles.addAll(tile(1), tile(2));
        tiles.add(tile(3));

        assertThat(feed.shown()).containsExactlyElementsOf(tiles);
        assertThat(waits).hasValue(0);
    }

    @Test
    void anEmptyGridFillsAFewTilesAFrameUntilAllItCanShowAreThere() {
        room.set(40);
        tiles.addAll(java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(GridFeedTest::tile).toList());

        assertThat(feed.shown()).hasSize(GridFeed.FILL_STEP);
        assertThat(waits).hasValue(1);
        int frames = 0;
        while (feed.tick(now.addAndGet(16 * MS))) {
            frames++;
            assertThat(feed.shown()).hasSize((frames + 1) * GridFeed.FILL_STEP); // a step a frame, no more
        }
        assertThat(feed.shown()).containsExactlyElementsOf(tiles);
        assertThat(frames + 2).isEqualTo((40 + GridFeed.FILL_STEP - 1) / GridFeed.FILL_STEP); // and no frame idle
    }

    @Test
    void appendsBelowTheVisibleTilesReachTheGridAtMostOnceASecondAndNoneIsLost() {
        tiles.addAll(tile(1), tile(2), tile(3), tile(4)); // the grid is full
        long passed = now.get();
        int changes = gridChanges.get();

        int frames = (int) (GridFeed.INTERVAL_NANOS / (16 * MS)) - 1; // just under the interval, 60 frames a second
        for (int frame = 0; frame < frames; frame++) {
            now.addAndGet(16 * MS);
            tiles.add(tile(10 + frame));
        }

        assertThat(gridChanges.get()).isEqualTo(changes); // all wait: the grid changed less than a second ago
        assertThat(feed.pending()).isEqualTo(frames);
        assertThat(waits).hasValue(1);
        assertThat(feed.tick(now.addAndGet(MS))).isTrue();
        now.set(passed + GridFeed.INTERVAL_NANOS);
        assertThat(feed.tick(now.get())).isFalse(); // the interval is over: all pass in one change
        assertThat(feed.shown()).containsExactlyElementsOf(tiles);
        assertThat(gridChanges.get()).isEqualTo(changes + 1);

        now.addAndGet(GridFeed.INTERVAL_NANOS + MS);
        tiles.add(tile(999)); // an interval later: passes at once
        assertThat(feed.shown()).containsExactlyElementsOf(tiles);
        assertThat(waits).hasValue(1);
    }

    @Test
    void aNewRunReplacesTheTilesAtOnceWithNothingLeftPending() {
        tiles.addAll(tile(1), tile(2), tile(3), tile(4));
        tiles.add(tile(5));
        tiles.add(tile(6)); // pending: the grid is full and the last pass was just now

        tiles.setAll(tile(7));

        assertThat(feed.shown()).containsExactly(tiles.get(0));
        assertThat(feed.pending()).isZero();
        assertThat(feed.tick(now.addAndGet(300 * MS))).isFalse();
        assertThat(feed.shown()).containsExactly(tiles.get(0));
    }

    @Test
    void tilesOnDiskReplacedDuringARunPassWithWhatWasPending() {
        Tile onDisk = tile(1);
        tiles.addAll(onDisk, tile(2), tile(3), tile(4));
        tiles.add(tile(5));
        tiles.add(tile(6));

        tiles.remove(onDisk);

        assertThat(feed.shown()).containsExactlyElementsOf(tiles);
    }

    private static Tile tile(int n) {
        Path source = Path.of("images", "image-" + n + ".jpg");
        ImageJob job = new ImageJob(source, Path.of("images", "thumbs", "image-" + n + ".jpg"));
        return new Tile(new ImageResult(job, ImageResult.Status.DONE, 100, 100, 50, 50, StageTimes.NONE, null,
                "thumb-worker-1", 0, n * MS, "faithful"), null);
    }
}
