package org.parathumb.ui.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.bench.BenchmarkReport;
import org.parathumb.core.bench.BenchmarkRequest;
import org.parathumb.core.bench.Workload;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

/** The view model without the FX thread: property changes run on the benchmark thread here. */
class BenchmarkViewModelTest {

    @TempDir
    Path dir;

    private final WorkerPool pool = new WorkerPool(2);
    private final BenchmarkViewModel model = new BenchmarkViewModel(
            new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT), pool, Runnable::run);

    @AfterEach
    void tearDown() {
        model.close();
        pool.close();
    }

    @Test
    void aFinishedBenchmarkSetsTheReportAndEndsAtFullProgress() throws Exception {
        BenchmarkReport report = model.start(BenchmarkRequest.cpuLoop(List.of(1, 2), 2, 0).withLoop(1_000_000, 2))
                .get(30, TimeUnit.SECONDS);

        assertThat(model.getReport()).isSameAs(report);
        assertThat(model.isRunning()).isFalse();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.statusProperty().get()).startsWith("2 workers: ").contains("the sequential loop's speed");
        assertThat(model.errorProperty().get()).isNull();
    }

    @Test
    void cancelEndsARunningBenchmarkAndSaysSo() throws Exception {
        CompletableFuture<BenchmarkReport> run = model.start(
                BenchmarkRequest.cpuLoop(List.of(2), 1000, 0).withLoop(50_000_000, 2));
        assertThat(model.isRunning()).isTrue();

        model.cancel();

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(model.isRunning()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("cancelled");
        assertThat(model.getReport()).isNull();
        assertThat(pool.size()).isEqualTo(2);
    }

    @Test
    void aFailedBenchmarkReportsItsReason() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("broken.jpg"), "no picture");
        var jobs = new org.parathumb.core.batch.SourceScanner().scan(org.parathumb.core.batch.ScanRequest.of(dir));

        CompletableFuture<BenchmarkReport> run = model.start(BenchmarkViewModel.thumbnailsRequest(jobs, 1, false));

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(model.errorProperty().get()).contains("broken.jpg");
        assertThat(model.isRunning()).isFalse();
    }

    @Test
    void anErrorInsideTheBenchmarkEndsItSoTheWindowCanRunAgain() throws Exception {
        // An Error on the benchmark's thread: here the first progress update finds no memory.
        java.util.concurrent.atomic.AtomicBoolean thrown = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.Executor uiThread = task -> {
            if (thrown.compareAndSet(false, true)) {
                throw new OutOfMemoryError("no memory for the progress update");
            }
            task.run();
        };
        BenchmarkViewModel broken = new BenchmarkViewModel(
                new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT), pool, uiThread);

        CompletableFuture<BenchmarkReport> run = broken.start(BenchmarkRequest.cpuLoop(List.of(1), 1, 0).withLoop(1000, 1));

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(broken.isRunning()).as("the window's Run is enabled again").isFalse();
        assertThat(broken.errorProperty().get()).contains("no memory");
        broken.close();
    }

    @Test
    void theButtonsRequestIsTheSliderCountOrASweepOverTheCores() {
        var jobs = List.of(new org.parathumb.core.batch.ImageJob(Path.of("a.jpg"), Path.of("thumbs/a.jpg")));

        assertThat(BenchmarkViewModel.thumbnailsRequest(jobs, 2, false).workerCounts()).containsExactly(2);
        assertThat(BenchmarkViewModel.thumbnailsRequest(jobs, 2, true).workerCounts())
                .isEqualTo(BenchmarkRequest.sweep(WorkerPool.availableCores()));
        assertThat(BenchmarkViewModel.thumbnailsRequest(jobs, 2, false).workload()).isEqualTo(Workload.THUMBNAILS);
    }

    @Test
    void runningAgainKeepsTheWorkerCountsAndSwitchesTheWorkload() throws Exception {
        model.start(BenchmarkRequest.cpuLoop(List.of(2), 1, 0).withLoop(100_000, 2)).get(30, TimeUnit.SECONDS);

        model.rerun(Workload.CPU_LOOP).get(30, TimeUnit.SECONDS);

        assertThat(model.lastRequestProperty().get().workerCounts()).containsExactly(2);
        assertThat(model.lastRequestProperty().get().loopCount()).isEqualTo(100_000);
    }
}
