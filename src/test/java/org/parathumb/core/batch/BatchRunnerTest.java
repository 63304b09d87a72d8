package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;

class BatchRunnerTest {

    @TempDir
    Path dir;

    @Test
    void everyJobIsReportedOnceAndBadFilesDoNotStopTheBatch() throws IOException {
        for (int i = 0; i < 6; i++) {
            TestImages.write(dir.resolve("img" + i + ".png"), 40 + i, 30);
        }
        TestImages.writeText(dir.resolve("bad.png"), "text");
        List<ImageJob> jobs = scanAndPrepare();
        List<ImageResult> heard = Collections.synchronizedList(new ArrayList<>());

        BatchSummary summary;
        try (WorkerPool pool = new WorkerPool(2)) {
            summary = new BatchRunner(new ImageProcessor(new ControllablePipeline(), ThumbnailSpec.DEFAULT))
                    .run(jobs, pool, 2, heard::add);
        }

        assertThat(heard).containsExactlyElementsOf(summary.results());
        assertThat(heard).extracting(r -> r.job().source()).containsExactlyInAnyOrderElementsOf(
                jobs.stream().map(ImageJob::source).toList());
        assertThat(summary.succeeded()).isEqualTo(6);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(heard).filteredOn(ImageResult::isDone).allSatisfy(r -> assertThat(r.job().target()).exists());
        assertThat(dir.resolve("thumbs/bad.png")).doesNotExist();
    }

    @Test
    void anErrorWhileReadingHeadersOnAnyThreadIsAnInternalErrorOfItsJobAndTheBatchGoesOn() throws Exception {
        for (int i = 0; i < 4; i++) {
            TestImages.write(dir.resolve("img" + i + ".png"), 40 + i, 30);
            TestImages.write(dir.resolve("bug" + i + ".png"), 40 + i, 30);
        }
        List<ImageJob> jobs = scanAndPrepare();
        LinkageError bug = new LinkageError("a class that failed to load");
        ControllablePipeline plain = new ControllablePipeline();
        ThumbnailPipeline buggy = new DelegatingPipeline(plain) {
            @Override
            public ImageHeader readHeader(Path source) throws IOException {
                if (source.getFileName().toString().startsWith("bug")) {
                    throw bug;
                }
                return super.readHeader(source);
            }
        };
        BatchSummary summary;
        List<LogRecord> logged;
        try (LogCapture log = new LogCapture(ImageProcessor.class); WorkerPool pool = new WorkerPool(2)) {
            summary = new BatchRunner(new ImageProcessor(buggy, ThumbnailSpec.DEFAULT)).run(jobs, pool, 2,
                    BatchListener.NONE);
            logged = log.records();
        }

        assertThat(summary.results()).hasSize(8);
        assertThat(summary.succeeded()).isEqualTo(4);
        assertThat(summary.internalErrors()).isEqualTo(4);
        assertThat(summary.failed()).isZero();
        assertThat(summary.results()).filteredOn(ImageResult::isInternalError)
                .allSatisfy(r -> assertThat(r.job().source().getFileName().toString()).startsWith("bug"))
                .allSatisfy(r -> assertThat(r.failure()).contains("LinkageError"));
        assertThat(logged).anySatisfy(r -> assertThat(r.getThrown()).isSameAs(bug));
    }

    @Test
    void theBiggestImagesStartFirstSoWorkersRunOutOfWorkTogether() throws IOException {
        TestImages.write(dir.resolve("a-small.png"), 20, 20);
        TestImages.write(dir.resolve("b-big.png"), 200, 150);
        TestImages.writeText(dir.resolve("c-broken.png"), "text");
        TestImages.write(dir.resolve("d-medium.png"), 90, 60);
        TestImages.write(dir.resolve("e-medium-too.png"), 60, 90);
        List<ImageJob> jobs = scanAndPrepare();

        BatchSummary summary = new BatchRunner(new ImageProcessor(new ControllablePipeline(), ThumbnailSpec.DEFAULT))
                .run(jobs, Runnable::run, 1, BatchListener.NONE);

        assertThat(summary.results()).extracting(r -> r.job().source().getFileName().toString())
                .containsExactly("b-big.png", "d-medium.png", "e-medium-too.png", "a-small.png", "c-broken.png");
    }

    @Test
    void eachHeaderIsReadOnceAndTheReadsRunInParallelOnTheWorkers() throws IOException {
        for (int i = 0; i < 6; i++) {
            TestImages.write(dir.resolve("img" + i + ".png"), 40 + i, 30);
        }
        List<ImageJob> jobs = scanAndPrepare();
        ControllablePipeline pipeline = new ControllablePipeline().meetingInHeaders(2);

        BatchSummary summary;
        try (WorkerPool pool = new WorkerPool(2)) {
            summary = new BatchRunner(new ImageProcessor(pipeline, ThumbnailSpec.DEFAULT)).run(jobs, pool, 2,
                    BatchListener.NONE);
        }

        assertThat(summary.succeeded()).isEqualTo(6);
        assertThat(pipeline.headerReads()).isEqualTo(6);
        assertThat(pipeline.mostHeadersAtOnce()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void ofImagesTheSameSizeAPngStartsBeforeAJpegAndOneWithAlphaBeforeBoth() throws IOException {
        TestImages.write(dir.resolve("a-photo.jpg"), 100, 100);
        TestImages.write(dir.resolve("b-drawing.png"), 100, 100);
        BufferedImage translucent = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        ImageIO.write(translucent, "png", dir.resolve("c-logo.png").toFile());
        List<ImageJob> jobs = scanAndPrepare();

        BatchSummary summary = new BatchRunner(new ImageProcessor(new ControllablePipeline(), ThumbnailSpec.DEFAULT))
                .run(jobs, Runnable::run, 1, BatchListener.NONE);

        assertThat(summary.results()).extracting(r -> r.job().source().getFileName().toString())
                .containsExactly("c-logo.png", "b-drawing.png", "a-photo.jpg");
    }

    @Test
    void aSameThreadExecutorRunsTheBatchAsOnePlainLoopReportingAsItGoes() throws IOException {
        for (int i = 0; i < 3; i++) {
            TestImages.write(dir.resolve("img" + i + ".png"), 20, 20);
        }
        List<ImageJob> jobs = scanAndPrepare();
        List<String> events = new ArrayList<>();
        ControllablePipeline pipeline = new ControllablePipeline();

        BatchSummary summary = new BatchRunner(new ImageProcessor(pipeline, ThumbnailSpec.DEFAULT))
                .run(jobs, Runnable::run, 1, r -> events.add("after " + pipeline.started() + " started"));

        assertThat(summary.results()).extracting(ImageResult::worker).containsOnly(Thread.currentThread().getName());
        assertThat(events).containsExactly("after 1 started", "after 2 started", "after 3 started");
    }

    @Test
    void cancelStopsRunningJobsSkipsTheRestAndLeavesNoPartialFile() throws Exception {
        for (int i = 0; i < 8; i++) {
            TestImages.write(dir.resolve("img" + i + ".png"), 64, 64);
        }
        List<ImageJob> jobs = scanAndPrepare();
        ControllablePipeline held = new ControllablePipeline(new CountDownLatch(1));
        BatchRunner runner = new BatchRunner(new ImageProcessor(held, ThumbnailSpec.DEFAULT));
        CountDownLatch twoRunning = new CountDownLatch(1);

        Thread canceller = new Thread(() -> {
            while (held.running() < 2) {
                Thread.onSpinWait();
            }
            runner.cancel();
            twoRunning.countDown();
        });
        canceller.start();
        BatchSummary summary;
        try (WorkerPool pool = new WorkerPool(2)) {
            summary = runner.run(jobs, pool, 2, BatchListener.NONE);
        }

        assertThat(twoRunning.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(summary.cancelled()).isEqualTo(8);
        assertThat(held.started()).isEqualTo(2);
        assertThat(held.running()).isZero();
        try (Stream<Path> left = Files.list(dir.resolve("thumbs"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aCancelThatLandsBeforeRunStartsIsKeptAndNoJobRuns() throws IOException {
        TestImages.write(dir.resolve("a.png"), 20, 20);
        TestImages.write(dir.resolve("b.png"), 20, 20);
        List<ImageJob> jobs = scanAndPrepare();
        ControllablePipeline pipeline = new ControllablePipeline();
        BatchRunner runner = new BatchRunner(new ImageProcessor(pipeline, ThumbnailSpec.DEFAULT));
        runner.cancel();

        BatchSummary summary = runner.run(jobs, Runnable::run, 1, BatchListener.NONE);

        assertThat(summary.cancelled()).isEqualTo(2);
        assertThat(pipeline.started()).isZero();
        assertThat(pipeline.headerReads()).as("header reads after the cancel").isZero();
        assertThat(dir.resolve("thumbs/a.png")).doesNotExist();
    }

    @Test
    void aRunnerRunsOneBatchOnly() throws IOException {
        TestImages.write(dir.resolve("a.png"), 20, 20);
        List<ImageJob> jobs = scanAndPrepare();
        BatchRunner runner = new BatchRunner(new ImageProcessor(new ControllablePipeline(), ThumbnailSpec.DEFAULT));
        runner.run(jobs, Runnable::run, 1, BatchListener.NONE);

        assertThatThrownBy(() -> runner.run(jobs, Runnable::run, 1, BatchListener.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one batch");
    }

    private List<ImageJob> scanAndPrepare() throws IOException {
        List<ImageJob> jobs = new SourceScanner().scan(ScanRequest.of(dir));
        SourceScanner.prepareOutputFolders(jobs);
        return jobs;
    }
}
