package org.parathumb.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.batch.ControllablePipeline;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

class BenchmarkTest {

    @TempDir
    Path dir;

    private WorkerPool pool;
    private Path tempParent;
    private Path source;

    @BeforeEach
    void setUp() throws IOException {
        pool = new WorkerPool(3);
        tempParent = Files.createDirectories(dir.resolve("tmp"));
        source = dir.resolve("photos");
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    private Benchmark benchmark() {
        return new Benchmark(new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT), pool, tempParent);
    }

    @Test
    void aBenchmarkLeavesTheSourceAndThumbsFoldersUnchangedAndRemovesItsTempFolder() throws IOException {
        List<ImageJob> jobs = BenchImages.folder(source, 6);
        Files.createDirectories(source.resolve("thumbs"));
        Files.writeString(source.resolve("thumbs/img-00.jpg"), "the user's own thumbnail");
        Map<String, String> before = BenchImages.fingerprint(source);

        BenchmarkReport report = benchmark().run(BenchmarkRequest.thumbnails(jobs, List.of(1, 2), 2, 1),
                BenchmarkListener.NONE);

        assertThat(BenchImages.fingerprint(source)).isEqualTo(before);
        assertThat(tempParent).isEmptyDirectory();
        assertThat(report.results()).extracting(r -> r.configuration().label()).containsExactly("seq", "1", "2");
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.wallTimes().count()).isEqualTo(2);
            assertThat(r.lastPass()).hasSize(6).allMatch(ImageResult::isDone);
        });
    }

    @Test
    void sequentialPassesRunOnTheCallingThreadAndParallelOnesOnThePoolWhichGetsItsSizeBack() throws IOException {
        List<ImageJob> jobs = BenchImages.folder(source, 4);

        BenchmarkReport report = benchmark().run(BenchmarkRequest.thumbnails(jobs, List.of(2), 1, 0),
                BenchmarkListener.NONE);

        assertThat(report.sequential().lastPass()).extracting(ImageResult::worker)
                .containsOnly(Thread.currentThread().getName());
        assertThat(report.parallel().get(0).lastPass()).extracting(ImageResult::worker)
                .allMatch(w -> w.startsWith("thumb-worker-"));
        assertThat(pool.size()).isEqualTo(3);
    }

    @Test
    void eachHeaderIsReadOnceForTheWholeBenchmarkNotInItsTimedPasses() throws IOException {
        List<ImageJob> jobs = BenchImages.folder(source, 4);
        ControllablePipeline pipeline = new ControllablePipeline();

        new Benchmark(new ImageProcessor(pipeline, ThumbnailSpec.DEFAULT), pool, tempParent)
                .run(BenchmarkRequest.thumbnails(jobs, List.of(1, 2), 3, 1), p -> { });

        assertThat(pipeline.headerReads()).isEqualTo(jobs.size());
    }

    @Test
    void theSettingRecordsTheMachineAndTheWork() throws IOException {
        List<ImageJob> jobs = BenchImages.folder(source, 3);

        BenchmarkSetting setting = benchmark().run(BenchmarkRequest.thumbnails(jobs, List.of(2), 1, 0),
                BenchmarkListener.NONE).setting();

        assertThat(setting.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(setting.jvmVersion()).isNotBlank();
        assertThat(setting.maxHeapBytes()).isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(setting.pipeline()).isEqualTo("faithful");
        assertThat(setting.units()).isEqualTo(3);
        assertThat(setting.megapixels()).isCloseTo((160 * 120 + 168 * 120 + 176 * 120) / 1e6, within(1e-12));
    }

    @Test
    void warmUpsComeFirstThenConfigurationsInterleaveAndProgressReachesTheEnd() throws IOException {
        List<ImageJob> jobs = BenchImages.folder(source, 2);
        List<BenchmarkProgress> progress = new CopyOnWriteArrayList<>();

        benchmark().run(BenchmarkRequest.thumbnails(jobs, List.of(1, 2), 2, 1), progress::add);

        List<String> passes = new ArrayList<>();
        progress.stream().filter(p -> p.unitsDone() == 0)
                .forEach(p -> passes.add((p.warmup() ? "w" : "") + p.configuration().label()));
        assertThat(passes).containsExactly("wseq", "w1", "w2", "seq", "1", "2", "seq", "1", "2");
        assertThat(progress).extracting(BenchmarkProgress::fraction).isSorted();
        assertThat(progress.get(progress.size() - 1).fraction()).isEqualTo(1.0);
    }

    @Test
    void cancellingMidwayEndsTheBenchmarkAndStillRemovesItsTempFolder() throws IOException {
        List<ImageJob> jobs = BenchImages.folder(source, 4);
        Map<String, String> before = BenchImages.fingerprint(source);
        Benchmark benchmark = benchmark();

        assertThatThrownBy(() -> benchmark.run(BenchmarkRequest.thumbnails(jobs, List.of(2), 5, 1), p -> {
            if (p.passesDone() == 2 && p.unitsDone() == 1) {
                benchmark.cancel();
            }
        })).isInstanceOf(CancellationException.class);

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(tempParent).isEmptyDirectory();
        assertThat(BenchImages.fingerprint(source)).isEqualTo(before);
        assertThat(pool.size()).isEqualTo(3);
    }

    @Test
    void aFailingImageFailsTheBenchmarkByName() throws IOException {
        List<ImageJob> jobs = new ArrayList<>(BenchImages.folder(source, 2));
        Files.writeString(source.resolve("broken.jpg"), "not a jpeg");
        jobs.add(new ImageJob(source.resolve("broken.jpg"), source.resolve("thumbs/broken.jpg")));

        assertThatThrownBy(() -> benchmark().run(BenchmarkRequest.thumbnails(jobs, List.of(2), 1, 0),
                BenchmarkListener.NONE)).isInstanceOf(IOException.class).hasMessageContaining("broken.jpg");
        assertThat(tempParent).isEmptyDirectory();
    }

    @Test
    void theCpuLoopRunsItsTasksSequentiallyAndInParallelWithoutTouchingDisk() throws IOException {
        BenchmarkRequest request = BenchmarkRequest.cpuLoop(List.of(1, 2), 3, 1).withLoop(2_000_000, 2);

        BenchmarkReport report = benchmark().run(request, BenchmarkListener.NONE);

        assertThat(report.results()).hasSize(3).allSatisfy(r -> {
            assertThat(r.units()).isEqualTo(2);
            assertThat(r.wallTimes().count()).isEqualTo(3);
            assertThat(r.lastPass()).isEmpty();
        });
        assertThat(report.setting().loopCount()).isEqualTo(2_000_000);
        assertThat(report.setting().pipeline()).isEqualTo("none");
        assertThat(tempParent).isEmptyDirectory();
    }

    @Test
    void aCancelThatArrivesBeforeTheRunStartsIsNotLost() throws IOException {
        List<ImageJob> jobs = BenchImages.folder(source, 2);
        Benchmark benchmark = benchmark();

        benchmark.cancel();

        assertThatThrownBy(() -> benchmark.run(BenchmarkRequest.thumbnails(jobs, List.of(2), 1, 0),
                BenchmarkListener.NONE)).isInstanceOf(CancellationException.class);
        assertThat(tempParent).isEmptyDirectory();
    }

    @Test
    void cancellingTheCpuLoopStopsItsTasks() {
        Benchmark benchmark = benchmark();
        BenchmarkRequest request = BenchmarkRequest.cpuLoop(List.of(2), 1000, 0).withLoop(50_000_000, 2);

        assertThatThrownBy(() -> benchmark.run(request, p -> {
            if (p.passesDone() == 3) {
                benchmark.cancel();
            }
        })).isInstanceOf(CancellationException.class);
        assertThat(pool.size()).isEqualTo(3);
    }
}
