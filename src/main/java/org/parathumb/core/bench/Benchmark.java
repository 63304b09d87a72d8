package org.parathumb.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.parathumb.core.batch.BatchRunner;
import org.parathumb.core.batch.BatchSummary;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.WorkerPool;

/**
 * Times the sequential loop against the shared pool at each worker count. Sequential passes run
 * on the calling thread as one plain loop; parallel passes on {@code pool}, resized to N for the
 * pass and restored afterwards, so nothing else should use the pool meanwhile. Both run the same
 * {@link ImageProcessor#process}, through {@link BatchRunner}: only the scheduling differs.
 * Thumbnails go to a temporary folder, deleted at the end; the source folder and the user's
 * thumbnails are never touched. {@link #cancel()} may be called from any thread, even before
 * {@link #run} starts; a cancelled instance stays cancelled, so make one per benchmark.
 */
public final class Benchmark {

    static final String TEMP_PREFIX = "parathumb-bench-";

    private static final Executor SAME_THREAD = Runnable::run;

    private final ImageProcessor processor;
    private final WorkerPool pool;
    private final Path tempParent;
    private volatile boolean cancelled;
    private volatile BatchRunner currentRunner;

    public Benchmark(ImageProcessor processor, WorkerPool pool) {
        this(processor, pool, null);
    }

    /** A benchmark whose temporary folders go under {@code tempParent} (the system's when null). */
    Benchmark(ImageProcessor processor, WorkerPool pool, Path tempParent) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.tempParent = tempParent;
    }

    /**
     * Runs the whole benchmark and blocks until it ends.
     *
     * @throws CancellationException if cancelled (or the thread interrupted; the interrupt is kept)
     * @throws IOException if the temporary folder cannot be made, or an image fails: a benchmark
     *     needs every image to succeed, or its passes would not do the same work
     */
    public BenchmarkReport run(BenchmarkRequest request, BenchmarkListener listener) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        int originalSize = pool.size();
        Path temp = request.workload() == Workload.THUMBNAILS ? createTempFolder() : null;
        try {
            // Headers are read once, in parallel and before the timed passes, which then reuse them.
            List<ImageJob> jobs = temp == null ? List.of()
                    : redirect(processor.withHeaders(request.jobs(), pool, pool.size(), () -> cancelled), temp);
            checkCancelled();
            return measure(request, listener, jobs);
        } finally {
            pool.resize(originalSize);
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    /** Stops the benchmark: the running pass ends at its next band of rows or loop band. */
    public void cancel() {
        cancelled = true;
        BatchRunner runner = currentRunner;
        if (runner != null) {
            runner.cancel();
        }
    }

    private BenchmarkReport measure(BenchmarkRequest request, BenchmarkListener listener, List<ImageJob> jobs)
            throws IOException {
        List<Configuration> configurations = request.configurations();
        Map<Configuration, List<Long>> walls = new LinkedHashMap<>();
        Map<Configuration, Pass> lastPasses = new LinkedHashMap<>();
        configurations.forEach(c -> walls.put(c, new ArrayList<>()));
        int total = request.totalPasses();
        int done = 0;
        java.util.Optional<CpuShare.Sample> cpuBefore = java.util.Optional.empty();
        for (int round = 0; round < request.warmups() + request.repeats(); round++) {
            boolean warmup = round < request.warmups();
            if (!warmup && cpuBefore.isEmpty()) {
                cpuBefore = CpuShare.read(); // the other programs' share is taken over the measured passes only
            }
            for (Configuration configuration : configurations) {
                int passesDone = done;
                PassProgress progress = units -> listener.onProgress(new BenchmarkProgress(
                        passesDone, total, warmup, configuration, units, request.unitsPerPass()));
                progress.units(0);
                Pass pass = request.workload() == Workload.THUMBNAILS
                        ? thumbnailPass(jobs, configuration, progress)
                        : loopPass(request, configuration, progress);
                if (!warmup) {
                    walls.get(configuration).add(pass.wallNanos());
                    lastPasses.put(configuration, pass);
                    if (lastPasses.size() >= 2 && lastPasses.containsKey(Configuration.SEQUENTIAL)) {
                        listener.onPartialReport(report(request, configurations, walls, lastPasses, othersLoad(cpuBefore)));
                    }
                }
                done++;
            }
        }
        return report(request, configurations, walls, lastPasses, othersLoad(cpuBefore));
    }

    /** Cores other processes kept busy since {@code before}; -1 when unknown. */
    private static double othersLoad(java.util.Optional<CpuShare.Sample> before) {
        if (before.isEmpty()) {
            return -1;
        }
        return CpuShare.read().map(after -> CpuShare.othersCores(before.get(), after)).orElse(-1.0);
    }

    /** The report of the configurations measured so far, in request order. */
    private BenchmarkReport report(BenchmarkRequest request, List<Configuration> configurations,
            Map<Configuration, List<Long>> walls, Map<Configuration, Pass> lastPasses, double othersLoad) {
        double megapixels = lastPasses.get(configurations.get(0)).megapixels();
        List<ConfigurationResult> results = configurations.stream()
                .filter(lastPasses::containsKey)
                .map(c -> new ConfigurationResult(c, new WallTimes(walls.get(c)), request.unitsPerPass(),
                        lastPasses.get(c).megapixels(), lastPasses.get(c).results()))
                .toList();
        String pipeline = request.workload() == Workload.THUMBNAILS ? processor.pipeline().name() : "none";
        String engine = request.workload() == Workload.THUMBNAILS ? processor.pipeline().engine() : "";
        return new BenchmarkReport(BenchmarkSetting.of(request, pipeline, engine, megapixels, WorkerPool.availableCores(),
                othersLoad), results);
    }

    /** The wall time of one pass, the megapixels it decoded and its per-image results. */
    private record Pass(long wallNanos, double megapixels, List<ImageResult> results) {
    }

    @FunctionalInterface
    private interface PassProgress {
        void units(int done);
    }

    private Pass thumbnailPass(List<ImageJob> jobs, Configuration configuration, PassProgress progress)
            throws IOException {
        checkCancelled();
        BatchRunner runner = new BatchRunner(processor);
        currentRunner = runner;
        if (cancelled) {
            runner.cancel();
        }
        BatchSummary summary;
        try {
            int[] units = {0};
            summary = runner.run(jobs, executorFor(configuration), configuration.workers(),
                    result -> progress.units(++units[0]));
        } finally {
            currentRunner = null;
        }
        checkCancelled();
        double megapixels = 0;
        for (ImageResult result : summary.results()) {
            if (!result.isDone()) {
                String reason = result.failureReason().orElse("cancelled");
                throw new IOException(result.job().source().getFileName() + " failed: " + reason
                        + " (a benchmark needs every image to succeed)");
            }
            megapixels += (double) result.sourceWidth() * result.sourceHeight() / 1e6;
        }
        return new Pass(summary.wallNanos(), megapixels, summary.results());
    }

    private Pass loopPass(BenchmarkRequest request, Configuration configuration, PassProgress progress) {
        checkCancelled();
        CompletionService<Long> completion = new ExecutorCompletionService<>(executorFor(configuration));
        List<Future<Long>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int task = 0; task < request.loopTasks(); task++) {
            futures.add(completion.submit(() -> CountingLoop.countTo(request.loopCount(), () -> cancelled)));
        }
        boolean interrupted = false;
        CancellationException cancellation = null;
        for (int ended = 0; ended < futures.size(); ) {
            try {
                long result = completion.take().get();
                if (result != request.loopCount()) {
                    throw new IllegalStateException("the loop counted to " + result + " instead of " + request.loopCount());
                }
                progress.units(++ended);
            } catch (InterruptedException e) {
                interrupted = true;
                cancelled = true;
            } catch (ExecutionException e) {
                ended++;
                if (e.getCause() instanceof CancellationException c) {
                    cancellation = c;
                } else {
                    throw new IllegalStateException("a loop task failed", e.getCause());
                }
            }
        }
        long wall = System.nanoTime() - start;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (cancellation != null) {
            throw cancellation;
        }
        checkCancelled();
        return new Pass(wall, 0, List.of());
    }

    private Executor executorFor(Configuration configuration) {
        if (configuration.sequential()) {
            return SAME_THREAD;
        }
        if (pool.size() != configuration.workers()) {
            pool.resize(configuration.workers());
        }
        return pool;
    }

    private void checkCancelled() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("benchmark cancelled");
        }
    }

    private Path createTempFolder() throws IOException {
        return tempParent == null ? Files.createTempDirectory(TEMP_PREFIX) : Files.createTempDirectory(tempParent, TEMP_PREFIX);
    }

    /** The same images, each written under its own name in {@code folder}. */
    private static List<ImageJob> redirect(List<ImageJob> jobs, Path folder) {
        List<ImageJob> redirected = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            ImageJob job = jobs.get(i);
            String name = String.format(java.util.Locale.ROOT, "%04d-%s", i, job.target().getFileName());
            redirected.add(job.withTarget(folder.resolve(name)));
        }
        return redirected;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
