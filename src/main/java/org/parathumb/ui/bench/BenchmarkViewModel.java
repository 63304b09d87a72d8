package org.parathumb.ui.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.bench.Benchmark;
import org.parathumb.core.bench.BenchmarkCsv;
import org.parathumb.core.bench.BenchmarkJson;
import org.parathumb.core.bench.BenchmarkProgress;
import org.parathumb.core.bench.BenchmarkReport;
import org.parathumb.core.bench.BenchmarkRequest;
import org.parathumb.core.bench.Workload;

/**
 * Runs benchmarks in the background and exposes their state as properties: running, progress
 * (0 to 1, or -1 before the first pass), a status line, the last report, and the last error.
 * Each benchmark runs on its own thread ("parathumb-benchmark"), one at a time; parallel passes
 * use the shared {@link WorkerPool}, which nothing else should use meanwhile. Property changes
 * happen on {@code uiThread} ({@code Platform::runLater} in the window, a same-thread executor in
 * tests); progress reaches it at most once per pending update, however fast images finish.
 */
public final class BenchmarkViewModel implements AutoCloseable {

    /** Measured rounds the window uses by default. */
    public static final int DEFAULT_REPEATS = 3;
    /** Warm-up rounds the window uses by default. */
    public static final int DEFAULT_WARMUPS = 1;

    private final ImageProcessor processor;
    private final WorkerPool pool;
    private final Executor uiThread;
    private volatile Benchmark benchmark;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<BenchmarkReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<BenchmarkRequest> lastRequest = new ReadOnlyObjectWrapper<>(this, "lastRequest");
    private final AtomicReference<BenchmarkProgress> pendingProgress = new AtomicReference<>();
    private volatile Thread thread;

    public BenchmarkViewModel(ImageProcessor processor, WorkerPool pool, Executor uiThread) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
    }

    /**
     * The window's Benchmark button: the thumbnail workload on {@code jobs}, the sequential loop
     * against {@code workers} threads, or against every count from 1 to the cores when {@code sweep}.
     */
    public static BenchmarkRequest thumbnailsRequest(List<ImageJob> jobs, int workers, boolean sweep) {
        List<Integer> counts = sweep ? BenchmarkRequest.sweep(WorkerPool.availableCores()) : List.of(workers);
        return BenchmarkRequest.thumbnails(jobs, counts, DEFAULT_REPEATS, DEFAULT_WARMUPS);
    }

    /**
     * Starts {@code request} in the background. Must be called on the UI thread, when not running.
     * The future completes (off the UI thread) with the report, or exceptionally when it fails or is
     * cancelled; the properties say the same on the UI thread.
     */
    public CompletableFuture<BenchmarkReport> start(BenchmarkRequest request) {
        Objects.requireNonNull(request, "request");
        if (running.get()) {
            throw new IllegalStateException("a benchmark is already running");
        }
        CompletableFuture<BenchmarkReport> result = new CompletableFuture<>();
        running.set(true);
        progress.set(0);
        error.set(null);
        status.set("starting: " + request.totalPasses() + " passes");
        lastRequest.set(request);
        Benchmark current = new Benchmark(processor, pool);
        benchmark = current;
        Thread worker = new Thread(() -> runInBackground(current, request, result), "parathumb-benchmark");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
        return result;
    }

    /** Runs the last request again with {@code workload} (thumbnails or cpu-loop), same worker counts and rounds. */
    public CompletableFuture<BenchmarkReport> rerun(Workload workload) {
        BenchmarkRequest last = lastRequest.get();
        if (last == null) {
            throw new IllegalStateException("nothing was benchmarked yet");
        }
        return start(new BenchmarkRequest(workload, last.jobs(), last.workerCounts(), last.repeats(), last.warmups(),
                last.loopCount(), last.loopTasks()));
    }

    /** Cancels the running benchmark, if any; it ends within a band of rows. */
    public void cancel() {
        Benchmark current = benchmark;
        if (current != null) {
            current.cancel();
        }
    }

    private void runInBackground(Benchmark current, BenchmarkRequest request,
            CompletableFuture<BenchmarkReport> result) {
        try {
            BenchmarkReport done = current.run(request, this::onProgress);
            uiThread.execute(() -> {
                report.set(done);
                progress.set(1);
                status.set(summary(done));
                running.set(false);
            });
            result.complete(done);
        } catch (CancellationException e) {
            uiThread.execute(() -> {
                status.set("cancelled");
                running.set(false);
            });
            result.completeExceptionally(e);
        } catch (IOException | RuntimeException | Error e) {
            // An Error (a bug, a StackOverflowError, an OutOfMemoryError) ends the benchmark too:
            // left uncaught it would end this thread with "running" still set, and the main
            // window's Run disabled for good.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            uiThread.execute(() -> {
                error.set(message);
                status.set("failed: " + message);
                running.set(false);
            });
            result.completeExceptionally(e);
        } finally {
            thread = null;
        }
    }

    private void onProgress(BenchmarkProgress update) {
        if (pendingProgress.getAndSet(update) == null) {
            uiThread.execute(() -> {
                BenchmarkProgress latest = pendingProgress.getAndSet(null);
                if (latest != null && running.get()) {
                    progress.set(latest.fraction());
                    status.set(latest.describe());
                }
            });
        }
    }

    /** "2 workers: 1.93x the sequential loop's speed (efficiency 0.97)", for the most workers measured. */
    static String summary(BenchmarkReport report) {
        var best = report.parallel().get(report.parallel().size() - 1);
        int n = best.configuration().workers();
        return String.format(java.util.Locale.ROOT, "%d worker%s: %.2fx the sequential loop's speed (efficiency %.2f)",
                n, n == 1 ? "" : "s", report.speedup(best), report.efficiency(best));
    }

    /** Writes the last report as CSV. */
    public void exportCsv(Path file) throws IOException {
        Files.writeString(file, BenchmarkCsv.write(requireReport()));
    }

    /** Writes the last report as JSON. */
    public void exportJson(Path file) throws IOException {
        Files.writeString(file, BenchmarkJson.write(requireReport()));
    }

    private BenchmarkReport requireReport() {
        BenchmarkReport current = report.get();
        if (current == null) {
            throw new IllegalStateException("no benchmark has finished yet");
        }
        return current;
    }

    /** Cancels a running benchmark and waits for it to clean up (at most a few seconds). */
    @Override
    public void close() {
        Thread running = thread;
        cancel();
        if (running != null) {
            try {
                running.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BenchmarkReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public BenchmarkReport getReport() {
        return report.get();
    }

    public ReadOnlyObjectProperty<BenchmarkRequest> lastRequestProperty() {
        return lastRequest.getReadOnlyProperty();
    }
}
