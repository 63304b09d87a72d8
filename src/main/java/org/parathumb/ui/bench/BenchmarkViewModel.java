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
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.parathumb.core.bench.AmdahlFit;
import org.parathumb.core.bench.ConfigurationResult;
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
    private final IntegerProperty sampleSize = new SimpleIntegerProperty(this, "sampleSize", 0);
    private final IntegerProperty repeats = new SimpleIntegerProperty(this, "repeats", DEFAULT_REPEATS);
    private final IntegerProperty warmups = new SimpleIntegerProperty(this, "warmups", DEFAULT_WARMUPS);
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    private final ReadOnlyObjectWrapper<BenchmarkReport> liveReport = new ReadOnlyObjectWrapper<>(this, "liveReport");
    private final AtomicReference<BenchmarkReport> pendingPartial = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>(this, "plan");

    /**
     * What the window will measure once the user confirms: every loaded image (headers read),
     * the worker counts, each image's expected work, and what a unit of that work costs per kind
     * of image, timed on a few of them (unknown: no time in the estimate).
     */
    public record Plan(List<ImageJob> jobs, List<Integer> workerCounts, ToLongFunction<ImageJob> cost,
            CostCalibration calibration) {

        public Plan {
            jobs = List.copyOf(jobs);
            workerCounts = List.copyOf(workerCounts);
            Objects.requireNonNull(cost, "cost");
            Objects.requireNonNull(calibration, "calibration");
            if (jobs.isEmpty() || workerCounts.isEmpty()) {
                throw new IllegalArgumentException("a plan needs images and worker counts");
            }
        }
    }

    public BenchmarkViewModel(ImageProcessor processor, WorkerPool pool, Executor uiThread) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        sampleSize.addListener((obs, old, now) -> estimate.set(estimateText()));
        repeats.addListener((obs, old, now) -> estimate.set(estimateText()));
        warmups.addListener((obs, old, now) -> estimate.set(estimateText()));
        plan.addListener((obs, old, now) -> estimate.set(estimateText()));
    }

    /**
     * Holds {@code next} until the user confirms with {@link #startPlan}; meanwhile the estimate
     * follows the sample size, repeats and warm-ups. On the UI thread.
     */
    public void prepare(Plan next) {
        plan.set(Objects.requireNonNull(next, "plan"));
        if (next.jobs().size() > 12 && sampleSize.get() == 0) {
            sampleSize.set(12); // a real folder: start from a sample; the user can choose all (0)
        }
        status.set("ready: check the estimate, then press Start");
    }

    /** The images the plan's benchmark would use now: all, or the sample. */
    public List<ImageJob> chosenJobs() {
        Plan current = Objects.requireNonNull(plan.get(), "nothing prepared");
        return BenchmarkPlan.sample(current.jobs(), sampleSize.get(), current.cost());
    }

    /** The request {@link #startPlan} would start: the chosen images, repeats and warm-ups. */
    public BenchmarkRequest planRequest(Workload workload) {
        Plan current = Objects.requireNonNull(plan.get(), "nothing prepared");
        BenchmarkRequest thumbnails = BenchmarkRequest.thumbnails(chosenJobs(), current.workerCounts(),
                repeats.get(), warmups.get());
        return workload == Workload.THUMBNAILS ? thumbnails
                : BenchmarkRequest.cpuLoop(current.workerCounts(), repeats.get(), warmups.get());
    }

    /** Starts the prepared benchmark with the current settings. */
    public CompletableFuture<BenchmarkReport> startPlan(Workload workload) {
        return start(planRequest(workload));
    }

    /**
     * "8 of 73 images (96 MP), sequential + 2 workers, 1 warm-up + 1 repeat: 4 passes, about 1 min 20 s".
     */
    String estimateText() {
        Plan current = plan.get();
        if (current == null) {
            return "";
        }
        List<ImageJob> chosen = chosenJobs();
        double megapixels = chosen.stream().mapToDouble(j -> j.header() == null ? 0 : j.header().pixels() / 1e6).sum();
        int passes = (repeats.get() + warmups.get()) * (current.workerCounts().size() + 1);
        double seconds = estimatedSeconds();
        String time = seconds > 0 ? BenchmarkPlan.duration(seconds) : "time unknown";
        String counts = current.workerCounts().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
        return String.format(Locale.ROOT, "%d of %d images (%.0f MP), sequential + %s worker%s, %d warm-up%s + %d repeat%s: "
                        + "%d passes, %s", chosen.size(), current.jobs().size(), megapixels, counts,
                current.workerCounts().equals(List.of(1)) ? "" : "s", warmups.get(), warmups.get() == 1 ? "" : "s",
                repeats.get(), repeats.get() == 1 ? "" : "s", passes, time);
    }

    /** Seconds the prepared benchmark should take with the current settings; 0 when unknown. */
    double estimatedSeconds() {
        Plan current = plan.get();
        if (current == null) {
            return 0;
        }
        double sequential = current.calibration().sequentialSeconds(chosenJobs(), current.cost());
        return sequential <= 0 ? 0 : BenchmarkPlan.estimateSeconds(sequential, current.workerCounts(),
                current.calibration().freeCores(), repeats.get(), warmups.get());
    }

    /** The fit the speedup chart draws: only from two worker counts or more besides 1. */
    static Optional<AmdahlFit> drawnFit(BenchmarkReport report) {
        return report.amdahl().filter(f -> f.points() >= 2);
    }

    /** What the chart calls its Amdahl series: the fit, a one-point estimate (no fit: more worker counts needed), or what is missing. */
    static String fitLabel(BenchmarkReport report) {
        Optional<AmdahlFit> fit = report.amdahl();
        if (fit.isEmpty()) {
            return "Amdahl fit: needs 2 or more workers";
        }
        if (fit.get().points() >= 2) {
            return SpeedupChart.fitName(fit.get());
        }
        // Short enough for the legend of a 960 px window; the curve itself shows where it goes.
        return String.format(Locale.ROOT, "one-point estimate, not a fit: f = %.3f", fit.get().serialFraction());
    }

    /** Notes under the charts: speedups above the ideal line, and other programs on the cores. */
    static List<String> notes(BenchmarkReport report) {
        List<String> notes = new ArrayList<>();
        for (ConfigurationResult r : report.parallel()) {
            double efficiency = report.efficiency(r);
            if (efficiency > 1) {
                int n = r.configuration().workers();
                notes.add(String.format(Locale.ROOT, "%d worker%s: efficiency %.2f, faster than ideal: noise or warm-up; "
                        + "more repeats", n, n == 1 ? "" : "s", efficiency));
            }
        }
        if (report.setting().busyMachine()) {
            notes.add(String.format(Locale.ROOT, "other programs kept %.1f of the %d cores busy during the passes: "
                    + "expect noisy timings", report.setting().othersLoad(), report.setting().cores()));
        }
        return notes;
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
        liveReport.set(null);
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
        return start(new BenchmarkRequest(workload, last.jobs(), last.workerCounts(), repeats.get(), warmups.get(),
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
            BenchmarkReport done = current.run(request, new org.parathumb.core.bench.BenchmarkListener() {
                @Override
                public void onProgress(BenchmarkProgress update) {
                    BenchmarkViewModel.this.onProgress(update);
                }

                @Override
                public void onPartialReport(BenchmarkReport partial) {
                    BenchmarkViewModel.this.onPartial(partial);
                }
            });
            uiThread.execute(() -> {
                liveReport.set(done);
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

    private void onPartial(BenchmarkReport partial) {
        if (pendingPartial.getAndSet(partial) == null) {
            uiThread.execute(() -> {
                BenchmarkReport latest = pendingPartial.getAndSet(null);
                if (latest != null && running.get()) {
                    liveReport.set(latest);
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

    /** Images to sample (0: all of them). */
    public IntegerProperty sampleSizeProperty() {
        return sampleSize;
    }

    public IntegerProperty repeatsProperty() {
        return repeats;
    }

    public IntegerProperty warmupsProperty() {
        return warmups;
    }

    /** The estimate of the prepared benchmark with the current settings; empty before {@link #prepare}. */
    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    /** The configurations measured so far while running (charts grow with it), then the final report. */
    public ReadOnlyObjectProperty<BenchmarkReport> liveReportProperty() {
        return liveReport.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Plan> planProperty() {
        return plan.getReadOnlyProperty();
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
