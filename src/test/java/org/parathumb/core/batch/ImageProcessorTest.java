package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.Pipelines;

class ImageProcessorTest {

    @TempDir
    Path dir;

    @Test
    void thumbnailsGetTheSamePermissionsAsAnyFileTheUserCreates(@TempDir Path dir) throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path source = TestImages.write(dir.resolve("a.png"), 200, 100);
        Path target = dir.resolve("a.thumb.png");
        Path plain = Files.createFile(dir.resolve("plain"));

        ImageResult result = new ImageProcessor(new ControllablePipeline(), ThumbnailSpec.DEFAULT)
                .process(new ImageJob(source, target));

        assertThat(result.isDone()).isTrue();
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aGoodImageGivesADoneResultAndAWholeThumbnail() throws IOException {
        Path source = TestImages.write(dir.resolve("a.png"), 200, 100);
        Path target = Files.createDirectories(dir.resolve("thumbs")).resolve("a.png");

        ImageResult result = new ImageProcessor(new ControllablePipeline(), ThumbnailSpec.DEFAULT)
                .process(new ImageJob(source, target));

        assertThat(result.status()).isEqualTo(ImageResult.Status.DONE);
        assertThat(result.sourceWidth()).isEqualTo(200);
        assertThat(result.thumbnailWidth()).isEqualTo(50);
        assertThat(result.thumbnailHeight()).isEqualTo(25);
        assertThat(result.worker()).isEqualTo(Thread.currentThread().getName());
        assertThat(ImageIO.read(target.toFile()).getWidth()).isEqualTo(50);
        assertThat(filesIn(target.getParent())).containsExactly(target);
    }

    @Test
    void everyResultNamesThePipelineThatMadeIt() throws IOException {
        Path source = TestImages.write(dir.resolve("a.png"), 200, 100);
        Path thumbs = Files.createDirectories(dir.resolve("thumbs"));
        Path bad = TestImages.writeText(dir.resolve("bad.jpg"), "this is text");

        for (String name : Pipelines.names()) {
            ImageProcessor processor = new ImageProcessor(Pipelines.byName(name), ThumbnailSpec.DEFAULT);
            ImageResult done = processor.process(new ImageJob(source, thumbs.resolve("a.png")));
            ImageResult failed = processor.process(new ImageJob(bad, thumbs.resolve("bad.jpg")));

            assertThat(done.isDone()).isTrue();
            assertThat(done.pipeline()).isEqualTo(name);
            assertThat(failed.isFailed()).isTrue();
            assertThat(failed.pipeline()).isEqualTo(name);
        }
    }

    @Test
    void aBadImageGivesAReasonAndNoOutput() throws IOException {
        Path source = TestImages.writeText(dir.resolve("bad.jpg"), "this is text");
        Path target = Files.createDirectories(dir.resolve("thumbs")).resolve("bad.jpg");

        ImageResult result = new ImageProcessor(new ControllablePipeline(), ThumbnailSpec.DEFAULT)
                .process(new ImageJob(source, target));

        assertThat(result.status()).isEqualTo(ImageResult.Status.FAILED);
        assertThat(result.failure()).isEqualTo("not an image (unrecognised content)");
        assertThat(filesIn(target.getParent())).isEmpty();
    }

    @Test
    void aMissingSourceIsExplainedNotThrown() throws IOException {
        Path target = Files.createDirectories(dir.resolve("thumbs")).resolve("gone.jpg");

        ImageResult result = new ImageProcessor(new ControllablePipeline(), ThumbnailSpec.DEFAULT)
                .process(new ImageJob(dir.resolve("gone.jpg"), target));

        assertThat(result.isFailed()).isTrue();
        assertThat(filesIn(target.getParent())).isEmpty();
    }

    @Test
    void anInterruptCancelsTheJobLeavesNoFileAndKeepsTheInterrupt() throws Exception {
        Path source = TestImages.write(dir.resolve("a.png"), 64, 64);
        Path target = Files.createDirectories(dir.resolve("thumbs")).resolve("a.png");
        ControllablePipeline held = new ControllablePipeline(new CountDownLatch(1));
        AtomicReference<ImageResult> result = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            result.set(new ImageProcessor(held, ThumbnailSpec.DEFAULT).process(new ImageJob(source, target)));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });

        worker.start();
        while (held.running() == 0) {
            Thread.onSpinWait();
        }
        worker.interrupt();
        worker.join(5_000);

        assertThat(result.get().status()).isEqualTo(ImageResult.Status.CANCELLED);
        assertThat(interruptKept.get()).isTrue();
        assertThat(filesIn(target.getParent())).isEmpty();
    }

    private static java.util.List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void aBugInParathumbIsReportedAsAnInternalErrorLoggedWithItsStackNotAsAReasonAboutTheFile() throws IOException {
        Path source = TestImages.write(dir.resolve("a.png"), 200, 100);
        Path target = Files.createDirectories(dir.resolve("thumbs")).resolve("a.png");
        IllegalStateException bug = new IllegalStateException("band index -1");
        ThumbnailPipeline real = new ControllablePipeline();
        ThumbnailPipeline buggy = new DelegatingPipeline(real) {
            @Override
            public Thumbnail render(Path file, ThumbnailSpec spec) {
                throw bug;
            }
        };
        ImageResult result;
        List<LogRecord> logged;
        try (LogCapture log = new LogCapture(ImageProcessor.class)) {
            result = new ImageProcessor(buggy, ThumbnailSpec.DEFAULT).process(new ImageJob(source, target));
            logged = log.records();
        }

        assertThat(result.isFailed()).isTrue();
        assertThat(result.isInternalError()).isTrue();
        assertThat(result.failure()).startsWith("internal error").contains("IllegalStateException")
                .contains("not a problem with this file");
        assertThat(logged).anySatisfy(r -> assertThat(r.getThrown()).isSameAs(bug));
        BatchSummary summary = new BatchSummary(List.of(result), 1, 1);
        assertThat(summary.internalErrors()).isEqualTo(1);
        assertThat(summary.failed()).isZero();
    }

    @Test
    void workersThatRunOutOfMemoryTogetherCauseOneFullCollectionNotOneEach() throws Exception {
        int workers = 3;
        List<ImageJob> jobs = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            jobs.add(new ImageJob(TestImages.write(dir.resolve(i + ".png"), 64, 64),
                    dir.resolve("thumbs").resolve(i + ".png")));
        }
        Files.createDirectories(dir.resolve("thumbs"));
        CyclicBarrier allInside = new CyclicBarrier(workers);
        ThreadLocal<Boolean> failedOnce = ThreadLocal.withInitial(() -> false);
        ThumbnailPipeline real = new ControllablePipeline();
        ThumbnailPipeline tight = new DelegatingPipeline(real) {
            @Override
            public Thumbnail render(Path file, ThumbnailSpec spec) throws IOException {
                if (!failedOnce.get()) {
                    failedOnce.set(true);
                    try {
                        allInside.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        throw new IOException("the workers did not meet", e);
                    }
                    throw new OutOfMemoryError("Java heap space");
                }
                return super.render(file, spec);
            }
        };
        AtomicInteger collections = new AtomicInteger();
        MemoryBudget budget = new MemoryBudget(1L << 30, collections::incrementAndGet);
        ImageProcessor processor = new ImageProcessor(tight, ThumbnailSpec.DEFAULT, ProcessingOptions.DEFAULT, budget);

        List<ImageResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<ImageResult>> futures = new ArrayList<>();
            jobs.forEach(job -> futures.add(pool.submit(() -> processor.process(job))));
            for (Future<ImageResult> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).allSatisfy(r -> assertThat(r.isDone()).as(r.failure()).isTrue());
        assertThat(collections).hasValue(1);
    }
}
