package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageResult.Status;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.StageTimes;
import org.parathumb.ui.MainViewModel.DropOutcome;

/** The window's logic, driven directly on the test's thread: no FX toolkit, no scene. */
class MainViewModelTest {

    private static final long MS = 1_000_000L;
    private static final Path FOLDER = Path.of("/photos");

    private final MainViewModel model = new MainViewModel(Settings.defaults(2), 2);

    @Test
    void aNewWindowIsIdleWithNothingLoadedAndCannotRunOrCancel() {
        assertThat(model.state()).isEqualTo(RunState.IDLE);
        assertThat(model.loadedProperty().get()).isNull();
        assertThat(model.canRun().get()).isFalse();
        assertThat(model.canCancel().get()).isFalse();
        assertThat(model.status()).isEqualTo(MainViewModel.HINT);
    }

    @Test
    void loadedImagesShowTheirCountAndMegapixelsAndCanRun() {
        load(120);

        assertThat(model.status()).isEqualTo("120 images · 38.4 MP in photos · ready: press Run (Ctrl+R)");
        assertThat(model.canRun().get()).isTrue();
        assertThat(model.state()).isEqualTo(RunState.IDLE);
    }

    @Test
    void whileABenchmarkHoldsThePoolTheStatusNeverSaysReadyAndItDoesAgainAfterwards() {
        load(120);

        model.busyElsewhereProperty().set(true);
        assertThat(model.canRun().get()).isFalse();
        assertThat(model.status()).doesNotContain("ready").contains("Benchmark running");

        load(5); // a folder loaded during the benchmark
        assertThat(model.status()).doesNotContain("ready");

        model.busyElsewhereProperty().set(false);
        assertThat(model.canRun().get()).isTrue();
        assertThat(model.status()).endsWith("ready: press Run (Ctrl+R)");
    }

    @Test
    void aFolderWithoutImagesSaysSoAndCannotRun() {
        assertThat(model.offer(List.of(FOLDER))).isEqualTo(DropOutcome.LOAD);
        model.loadStarted(List.of(FOLDER));
        model.loaded(new LoadedImages(List.of(FOLDER), 0, 0));

        assertThat(model.status()).startsWith("No images in photos");
        assertThat(model.canRun().get()).isFalse();
    }

    @Test
    void aDropWithNothingUsableSaysSoAndKeepsWhatIsLoaded() {
        load(3);

        assertThat(model.offer(List.of())).isEqualTo(DropOutcome.NOTHING_USABLE);
        assertThat(model.status()).startsWith("Nothing to load");
        assertThat(model.loadedProperty().get().count()).isEqualTo(3);
    }

    @Test
    void noRunWhileLoading() {
        load(3);
        model.offer(List.of(FOLDER));
        model.loadStarted(List.of(FOLDER));

        assertThat(model.requestRun()).isFalse();
        assertThat(model.state()).isEqualTo(RunState.IDLE);
    }

    @Test
    void noRunWhileOtherWorkHasThePool() {
        load(3);
        model.busyElsewhereProperty().set(true);

        assertThat(model.canRun().get()).isFalse();
        assertThat(model.requestRun()).isFalse();

        model.busyElsewhereProperty().set(false);
        assertThat(model.canRun().get()).isTrue();
    }

    @Test
    void aRunGoesFromIdleToRunningToDoneCountingEveryImage() {
        load(3);

        assertThat(model.requestRun()).isTrue();
        assertThat(model.state()).isEqualTo(RunState.RUNNING);
        assertThat(model.progressProperty().get()).isEqualTo(-1.0); // preparing
        assertThat(model.canRun().get()).isFalse();
        assertThat(model.canCancel().get()).isTrue();

        model.jobsReady(3, 0);
        model.accept(List.of(tile("a.jpg", Status.DONE, 1000), tile("b.jpg", Status.FAILED, 2000)), 2000 * MS);

        assertThat(model.state()).isEqualTo(RunState.RUNNING);
        assertThat(model.progressProperty().get()).isEqualTo(2 / 3.0);
        assertThat(model.status()).isEqualTo("2/3 · 1.0 images/s · ETA 1 s · 1 failed");
        assertThat(model.failures()).extracting(r -> r.job().source().getFileName().toString()).containsExactly("b.jpg");

        model.accept(List.of(tile("c.jpg", Status.DONE, 3000)), 3000 * MS);

        assertThat(model.state()).isEqualTo(RunState.DONE);
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.tiles()).extracting(Tile::name).containsExactly("a.jpg", "b.jpg", "c.jpg");
        assertThat(model.status()).isEqualTo("Done: 3 images in 3.0 s · 1.0 images/s · 1 failed");
        assertThat(model.doneCount()).isEqualTo(2);
        assertThat(model.failedCount()).isEqualTo(1);
        assertThat(model.canRun().get()).isTrue();
    }

    @Test
    void theRunKeepsItsOwnWorkerCountWhenTheSliderMovesAfterIt() {
        load(1);
        model.workersProperty().set(1);
        model.requestRun();
        model.jobsReady(1, 0);
        model.workersProperty().set(2); // raised during the run: the pool grew for it
        model.accept(List.of(tile("a.jpg", Status.DONE, 1000)), 1000 * MS);

        model.workersProperty().set(1); // moved after the run: the run's timeline still says 2

        assertThat(model.state()).isEqualTo(RunState.DONE);
        assertThat(model.runWorkers()).isEqualTo(2);
    }

    @Test
    void cancellingEndsTheRunAtOnceAndCountsTheRunningImagesAsStoppingUntilTheyReport() {
        load(5);
        model.requestRun();
        model.jobsReady(5, 0);
        model.accept(List.of(tile("a.jpg", Status.DONE, 100)), 100 * MS);

        assertThat(model.requestCancel(2000 * MS)).isTrue();
        assertThat(model.state()).isEqualTo(RunState.CANCELLING);
        assertThat(model.canCancel().get()).isFalse();
        assertThat(model.canRun().get()).isFalse();

        model.skipped(3); // one image is still on a worker, in a read that takes its time
        assertThat(model.state()).isEqualTo(RunState.CANCELLING);
        model.letRunningStop(2000 * MS);

        assertThat(model.state()).as("the user does not wait for the running image").isEqualTo(RunState.CANCELLED);
        assertThat(model.canRun().get()).isTrue();
        assertThat(model.isStopping()).isTrue();
        assertThat(model.status()).isEqualTo("Cancelled: 1/5 finished in 2.0 s of work · 0.5 images/s · 1 stopping");

        model.acceptStopped(List.of(tile("b.jpg", Status.CANCELLED, 9000)), 9000 * MS);

        assertThat(model.isStopping()).isFalse();
        assertThat(model.tiles()).extracting(Tile::name).containsExactly("a.jpg");
        assertThat(model.cancelledCount()).isEqualTo(4);
        assertThat(model.progressProperty().get()).isEqualTo(0.2);
        assertThat(model.status()).as("the wait to stop is told apart from the work")
                .isEqualTo("Cancelled: 1/5 finished in 2.0 s of work · 0.5 images/s · stopped 7.0 s after cancel");
    }

    @Test
    void anImageThatStoppedOnTheFrameOfTheCancelStoppedNoTimeAfterItNotANegativeOne() {
        load(2);
        model.requestRun();
        model.jobsReady(2, 0);
        model.requestCancel(2000 * MS);
        model.skipped(1);
        model.letRunningStop(2000 * MS);

        // the frame's time is taken when its pulse begins, which may be before the key press it handles
        model.acceptStopped(List.of(tile("b.jpg", Status.CANCELLED, 1990)), 1990 * MS);

        assertThat(model.status()).endsWith(" · stopped 0.0 s after cancel");
    }

    @Test
    void aCancelWithNothingRunningEndsWhenTheWaitingImagesAreSkipped() {
        load(3);
        model.requestRun();
        model.jobsReady(3, 0);
        model.accept(List.of(tile("a.jpg", Status.DONE, 100)), 100 * MS);

        model.requestCancel(500 * MS);
        model.skipped(2);
        model.letRunningStop(500 * MS);

        assertThat(model.state()).isEqualTo(RunState.CANCELLED);
        assertThat(model.isStopping()).isFalse();
        assertThat(model.status()).isEqualTo("Cancelled: 1/3 finished in 0.5 s of work · 2.0 images/s");
    }

    @Test
    void cancellingWhilePreparingEndsAtOnce() {
        load(5);
        model.requestRun();

        model.requestCancel(0);

        assertThat(model.state()).isEqualTo(RunState.CANCELLED);
        assertThat(model.canRun().get()).isTrue();
    }

    @Test
    void aRunThatCannotStartReturnsToIdleAndSaysWhy() {
        load(5);
        model.requestRun();

        model.runFailedToStart("cannot write thumbnails to /ro/thumbs: permission denied");

        assertThat(model.state()).isEqualTo(RunState.IDLE);
        assertThat(model.status()).isEqualTo("Could not run: cannot write thumbnails to /ro/thumbs: permission denied");
    }

    @Test
    void aDropDuringARunIsQueuedLeavesTheRunAloneAndIsHandedOverOnce() {
        load(2);
        model.requestRun();
        model.jobsReady(2, 0);
        model.accept(List.of(tile("a.jpg", Status.DONE, 100)), 100 * MS);
        Path other = Path.of("/other");

        assertThat(model.offer(List.of(other))).isEqualTo(DropOutcome.QUEUED);
        assertThat(model.status()).isEqualTo("Queued other: it loads when this run ends");
        assertThat(model.state()).isEqualTo(RunState.RUNNING);
        assertThat(model.tiles()).hasSize(1);

        model.accept(List.of(tile("b.jpg", Status.DONE, 200)), 200 * MS);
        assertThat(model.state()).isEqualTo(RunState.DONE);
        assertThat(model.takeQueued()).containsExactly(other);
        assertThat(model.takeQueued()).isEmpty();
    }

    @Test
    void aNewLoadAfterARunClearsItsTilesAndReturnsToIdle() {
        load(1);
        model.requestRun();
        model.jobsReady(1, 0);
        model.accept(List.of(tile("a.jpg", Status.FAILED, 100)), 100 * MS);

        assertThat(model.offer(List.of(FOLDER))).isEqualTo(DropOutcome.LOAD);

        assertThat(model.state()).isEqualTo(RunState.IDLE);
        assertThat(model.tiles()).isEmpty();
        assertThat(model.failures()).isEmpty();
    }

    @Test
    void theWorkerCountStaysBetweenOneAndTheCoresAndSaysSo() {
        model.workersProperty().set(0);
        assertThat(model.workersProperty().get()).isEqualTo(1);
        assertThat(model.workersLabel().get()).isEqualTo("1 worker of 2 cores");

        model.workersProperty().set(9);
        assertThat(model.workersProperty().get()).isEqualTo(2);
        assertThat(model.workersLabel().get()).isEqualTo("2 workers of 2 cores");
    }

    @Test
    void theSettingsToRememberFollowTheControlsAndTheLastLoad() {
        load(3);
        model.thumbnailSizeProperty().set(96);
        model.blurRadiusProperty().set(0);
        model.outputFolderProperty().set(Optional.of(Path.of("/out")));
        model.workersProperty().set(1);

        assertThat(model.settings()).isEqualTo(new Settings(Optional.of(Path.of("/out")), 96, 0, 1, List.of(FOLDER), "faithful"));
        assertThat(model.spec().maxWidth()).isEqualTo(96);
        assertThat(model.scanRequest().outputFolder()).contains(Path.of("/out"));
    }

    private void load(int count) {
        assertThat(model.offer(List.of(FOLDER))).isEqualTo(DropOutcome.LOAD);
        model.loadStarted(List.of(FOLDER));
        assertThat(model.loadingProperty().get()).isTrue();
        model.loaded(new LoadedImages(List.of(FOLDER), count, count * 0.32));
    }

    private static Tile tile(String name, Status status, long endMillis) {
        ImageJob job = new ImageJob(FOLDER.resolve(name), FOLDER.resolve("thumbs").resolve(name));
        ImageResult result = new ImageResult(job, status, 0, 0, 0, 0, StageTimes.NONE,
                status == Status.FAILED ? "not an image" : null, "thumb-worker-1", 0, endMillis * MS, "faithful");
        return new Tile(result, null);
    }
}
