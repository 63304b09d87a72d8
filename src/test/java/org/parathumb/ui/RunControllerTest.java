package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.batch.WorkerPool;

/**
 * The window's run orchestration without a window or TestFX: the test thread plays the FX
 * thread, running what the background work hands over and calling {@code frame} itself. No robot
 * and no window: the toolkit is started only because each image is a {@code javafx.concurrent.Task}.
 */
class RunControllerTest {

    @TempDir
    Path dir;

    private final BlockingQueue<Runnable> uiThread = new LinkedBlockingQueue<>();
    private final Semaphore renders = new Semaphore(1_000_000);
    private volatile boolean deaf;
    private final WorkerPool pool = new WorkerPool(1);
    private final MainViewModel model = new MainViewModel(
            new Settings(Optional.empty(), 50, 2, 1, List.of(), "faithful"), 2,
            name -> new PacedPipeline(name, renders, () -> deaf));
    private final RunController controller = new RunController(model, pool, uiThread::add);

    @BeforeAll
    static void toolkit() throws java.util.concurrent.TimeoutException {
        // Started the way the window tests start it, so that they can share the JVM with this one.
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() {
        renders.release(1_000_000);
        controller.close();
        pool.close();
    }

    @Test
    void aRunLoadsScansAndDrainsEveryImageIntoTheModelFrameByFrame() throws Exception {
        TestImages.folder(dir.resolve("in"), 4, 120, 90);
        load(dir.resolve("in"));

        assertThat(controller.run()).isTrue();
        frameUntil(() -> model.state() == RunState.DONE);

        assertThat(model.tiles()).hasSize(4).allSatisfy(tile -> assertThat(tile.thumbnail()).isNotNull());
        assertThat(model.status()).startsWith("Done: 4 images in ");
        assertThat(controller.isBusy()).isFalse();
    }

    @Test
    void cancelEndsTheRunBeforeAnImageStuckInARead() throws Exception {
        TestImages.folder(dir.resolve("in"), 3, 120, 90);
        load(dir.resolve("in"));
        renders.drainPermits();
        deaf = true;
        controller.run();
        frameUntil(() -> renders.hasQueuedThreads()); // an image is inside its read

        controller.cancel();

        assertThat(model.state()).as("cancelled at once, not when the read ends").isEqualTo(RunState.CANCELLED);
        assertThat(model.status()).endsWith(" · 1 stopping");
        assertThat(controller.isBusy()).as("it still drains the stuck image").isTrue();

        renders.release(1);
        frameUntil(() -> !controller.isBusy());
        assertThat(model.cancelledCount() + model.doneCount()).isEqualTo(3);
        assertThat(model.status()).contains(" after cancel");
    }

    @Test
    void aRunThatCannotPrepareSaysWhyAndReturnsToIdle() throws Exception {
        TestImages.folder(dir.resolve("in"), 1, 60, 40);
        load(dir.resolve("in"));
        java.nio.file.Files.writeString(dir.resolve("in/thumbs"), "a file where the output folder goes");

        controller.run();
        frameUntil(() -> model.state() == RunState.IDLE);

        assertThat(model.status()).startsWith("Could not run: ");
    }

    @Test
    void whileAnImageRendersTheLiveRowNamesItsWorkerFileAndStageAndTheTimeGoesOn() throws Exception {
        TestImages.folder(dir.resolve("in"), 2, 120, 90);
        load(dir.resolve("in"));
        renders.drainPermits();
        controller.run();
        frameUntil(() -> renders.hasQueuedThreads()); // the pool's one worker is inside a render
        frameUntil(() -> model.workingProperty().get().contains("decode · blur · resize"));

        String first = model.workingProperty().get();
        assertThat(first).startsWith("Worker 1 · img-").contains(".jpg · ").doesNotContain("\n");
        long before = System.nanoTime();
        frameUntil(() -> System.nanoTime() - before > 200_000_000L); // frames go on while nothing finishes
        assertThat(model.workingProperty().get()).as("the elapsed time moves between frames").isNotEqualTo(first);

        renders.release(2);
        frameUntil(() -> model.state() == RunState.DONE);
        assertThat(model.workingProperty().get()).as("no row once the run is over").isEmpty();
    }

    @Test
    void reloadingAFolderShowsItsThumbnailsOnDiskMarkedExistingUntilARunMakesThemAgain() throws Exception {
        TestImages.folder(dir.resolve("in"), 3, 120, 90);
        load(dir.resolve("in"));
        controller.run();
        frameUntil(() -> model.state() == RunState.DONE);
        java.nio.file.Files.delete(dir.resolve("in/thumbs/img-02.jpg"));

        load(dir.resolve("in")); // as after a relaunch

        assertThat(model.tiles()).extracting(Tile::name).containsExactlyInAnyOrder("img-01.jpg", "img-03.jpg");
        assertThat(model.tiles()).allSatisfy(tile -> {
            assertThat(tile.existing()).isTrue();
            assertThat(tile.thumbnail()).as("read back from thumbs/").isNotNull();
            assertThat(tile.result().thumbnailWidth()).isEqualTo(50);
        });
        assertThat(model.status()).contains("2 thumbnails on disk");

        controller.setOnExisting((all, current) -> RunController.Existing.OVERWRITE);
        controller.run();
        frameUntil(() -> model.state() == RunState.DONE);

        assertThat(model.tiles()).hasSize(3).noneMatch(Tile::existing);
    }

    private void load(Path folder) throws Exception {
        assertThat(model.offer(List.of(folder))).isEqualTo(MainViewModel.DropOutcome.LOAD);
        controller.load(List.of(folder));
        frameUntil(() -> !model.loadingProperty().get());
    }

    /** Plays the FX thread: runs what was handed over and a frame, until {@code condition} holds. */
    private void frameUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Runnable next = uiThread.poll(10, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
            controller.frame(System.nanoTime(), -1);
        }
    }
}
