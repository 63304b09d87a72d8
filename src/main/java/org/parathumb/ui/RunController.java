package org.parathumb.ui;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.MemoryBudget;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.batch.manifest.SkipPolicy;
import org.parathumb.core.image.ThumbnailSpec;

/**
 * The main window's work, without its scene: loading on the pool, preparing a run, one
 * {@link ImageTask} per image, the per-frame drain of finished tiles into the
 * {@link MainViewModel}, and cancel. Every method runs on the UI thread ({@code uiThread} is where
 * background work reports back: {@code Platform::runLater} in the window, a queue the test drains
 * in tests), so a test drives a whole run by calling {@link #frame} itself.
 *
 * <p>Cancel does not wait for the images in flight: the ones not started are skipped, the running
 * ones interrupted, and the run is reported cancelled at once, with its work time up to the cancel.
 * The interrupted ones go on being drained (a read that cannot be interrupted finishes first), and
 * when the last one has reported the status line says how long stopping took.
 */
final class RunController {

    private static final System.Logger LOG = System.getLogger(RunController.class.getName());

    /**
     * At most this many tiles reach the grid in one frame: after a long pause (a busy machine) the
     * backlog goes in over a few frames instead of one long one. Measured on 10,000 small images:
     * 65 tiles in one frame cost the FX thread 58 ms of CPU before the JIT had warmed up.
     */
    static final int MAX_TILES_PER_FRAME = 48;

    private final MainViewModel model;
    private final WorkerPool pool;
    private final Executor uiThread;
    private final SourceSurvey survey = new SourceSurvey();
    private final StallMonitor stalls = new StallMonitor();
    private Consumer<String> onRunEnded = report -> { };
    private java.util.function.BiFunction<Integer, Integer, Existing> onExisting = (all, current) -> Existing.OVERWRITE;
    /** The manifest of the current or last run: each result recorded, saved when the run ends. */
    private SkipPolicy policy;

    private Future<?> preparing;
    private Future<?> loading;
    private LiveRun live;
    /** The run that was cancelled while some of its images were still running. */
    private LiveRun stopping;
    /** Whether a run was started since the last report of the window's pauses. */
    private boolean ran;

    RunController(MainViewModel model, WorkerPool pool, Executor uiThread) {
        this.model = Objects.requireNonNull(model, "model");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        model.workersProperty().addListener((obs, old, now) -> pool.resize(now.intValue()));
        pool.resize(model.workersProperty().get());
    }

    /** Told, once per run, the line that sums up the window's pauses during it. */
    void setOnRunEnded(Consumer<String> onRunEnded) {
        this.onRunEnded = Objects.requireNonNull(onRunEnded, "onRunEnded");
    }

    // ---- loading ------------------------------------------------------------------------------

    /** Loads {@code inputs} (a drop the model accepted) off the UI thread; a newer load replaces it. */
    void load(List<Path> inputs) {
        if (loading != null) {
            loading.cancel(true);
        }
        model.loadStarted(inputs);
        boolean recursive = model.recursiveProperty().get();
        var output = model.outputFolderProperty().get();
        Future<?>[] self = new Future<?>[1];
        self[0] = background(() -> survey.survey(inputs, recursive, output), images -> {
            if (loading == self[0]) {
                loading = null;
                model.loaded(images);
            }
        }, failure -> {
            if (loading == self[0]) {
                loading = null;
                model.loadFailed(reason(failure));
            }
        });
        loading = self[0];
    }

    // ---- running ------------------------------------------------------------------------------

    /** Starts a run of what is loaded; false if none can start now. The caller then calls {@link #frame} each frame. */
    boolean run() {
        if (!model.requestRun()) {
            return false;
        }
        ThumbnailSpec spec = model.spec();
        var request = model.scanRequest();
        String pipelineName = model.pipelineProperty().get();
        var pipelines = model.pipelineFactory();
        stalls.reset();
        ran = true;
        Future<?>[] self = new Future<?>[1];
        self[0] = background(() -> {
            // Made here, off the UI thread: the first pipeline of a session opens the system's
            // codec libraries, which cost the run's first frame tens of milliseconds there.
            ImageProcessor processor = new ImageProcessor(pipelines.apply(pipelineName), spec);
            SkipPolicy skip = new SkipPolicy(SkipPolicy.fingerprint(processor));
            List<ImageJob> jobs = new SourceScanner().scan(request);
            SourceScanner.prepareOutputFolders(jobs);
            List<ImageJob> ordered = processor.largestFirst(processor.withHeaders(jobs, pool, pool.size(),
                    () -> self[0] != null && self[0].isCancelled())); // a cancel stops the reads too
            java.util.Map<ImageJob, Long> costs = new java.util.HashMap<>();
            for (ImageJob job : ordered) {
                costs.put(job, processor.estimatedWork(job)); // pixels x format weight, from the header
            }
            long existing = ordered.stream().filter(job -> java.nio.file.Files.exists(job.target())).count();
            // Sized by this folder's largest image, not the heap's maximum: small images, small heap.
            MemoryBudget budget = MemoryBudget.forJobs(ordered, spec, pool.size());
            // The run's tasks are made here, off the UI thread: 10,000 of them cost a frame there.
            LiveRun whole = new LiveRun(ordered, processor.withMemoryBudget(budget), pool);
            return new Prepared(ordered, RunProgress.Costs.of(costs), skip.plan(ordered), (int) existing, budget, whole,
                    processor, skip);
        }, prepared -> {
            if (preparing != self[0]) {
                return;
            }
            preparing = null;
            if (model.state() != RunState.RUNNING) {
                return;
            }
            List<ImageJob> jobs = prepared.jobs();
            if (prepared.existing() > 0) {
                switch (onExisting.apply(prepared.existing(), prepared.plan().unchanged().size())) {
                    case OVERWRITE -> { }
                    case SKIP_UNCHANGED -> jobs = prepared.plan().toDo();
                    case CANCEL -> {
                        model.runFailedToStart("nothing was overwritten");
                        return;
                    }
                }
            }
            live = jobs == prepared.jobs() ? prepared.whole()
                    : new LiveRun(jobs, prepared.processor().withMemoryBudget(prepared.budget()), pool);
            policy = prepared.skip();
            model.jobsReady(live.size(), prepared.costs(), System.nanoTime());
            if (jobs.size() < prepared.jobs().size()) {
                model.unchangedSkipped(prepared.jobs().size() - jobs.size());
            }
            live.start();
        }, failure -> {
            if (preparing != self[0]) {
                return;
            }
            preparing = null;
            if (model.state() == RunState.RUNNING) {
                model.runFailedToStart(reason(failure));
            }
        });
        preparing = self[0];
        return true;
    }

    /**
     * Esc: images not started are skipped, running ones interrupted, and the run is over for the
     * user at once; the interrupted ones report later, each frame, until the last has stopped.
     */
    void cancel() {
        long now = System.nanoTime();
        if (!model.requestCancel(now)) {
            return;
        }
        if (preparing != null) {
            preparing.cancel(true);
            preparing = null;
        }
        if (live != null) {
            model.accept(live.drain(Integer.MAX_VALUE), now); // what finished before the cancel counts as work
            model.skipped(live.cancel());
            model.letRunningStop(now);
            stopping = live;
            live = null;
        }
    }

    /**
     * Once per frame: moves finished tiles to the model and keeps the status current. True while
     * there is more to drain (a run, or the images of a cancelled one still stopping).
     */
    boolean frame(long nowNanos, long fxCpuNanos) {
        stalls.frame(nowNanos, fxCpuNanos);
        if (stopping != null) {
            model.acceptStopped(stopping.drain(Integer.MAX_VALUE), nowNanos);
            model.working(stopping.working(nowNanos));
            if (!model.isStopping()) {
                stopping = null;
            }
        }
        if (live != null) {
            List<Tile> drained = live.drain(MAX_TILES_PER_FRAME);
            drained.forEach(tile -> policy.record(tile.result()));
            model.accept(drained, nowNanos);
            model.waitingForMemory(live.waitingForMemory(), nowNanos);
            model.working(live.working(nowNanos));
            if (!model.state().isActive()) {
                live = null;
            }
        }
        if (live == null && stopping == null) {
            model.working(List.of());
        }
        model.tick(nowNanos);
        boolean more = live != null || stopping != null || preparing != null || model.state().isActive();
        if (!more) {
            ended();
        }
        return more;
    }

    /** True while frames are needed. */
    boolean isBusy() {
        return live != null || stopping != null || preparing != null || model.state().isActive();
    }

    private void ended() {
        List<Path> next = model.takeQueued();
        if (!next.isEmpty()) {
            load(next);
        }
        if (!ran) {
            return; // a load ended, not a run
        }
        ran = false;
        SkipPolicy ended = policy;
        policy = null;
        if (ended != null) {
            pool.execute(() -> {
                try {
                    ended.save(); // the next run can tell which thumbnails are current
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not save the thumbnails' manifest: {0}", e.getMessage());
                }
            });
        }
        long stallMillis = stalls.longestGapNanos() / 1_000_000;
        String line = "Longest pause of the window during this run: " + stallMillis + " ms over " + stalls.frames()
                + " frames; the FX thread's own work between two frames: at most "
                + stalls.longestCpuGapNanos() / 1_000_000 + " ms";
        LOG.log(System.Logger.Level.INFO, "run {0}: {1} tiles, longest FX-thread stall {2} ms over {3} frames"
                + " (FX-thread CPU between two frames: at most {4} ms, p99 {5} ms; {6} frames over 100 ms"
                + " of it, {7} over 50 ms)",
                model.state(), model.tiles().size(), stallMillis, stalls.frames(),
                stalls.longestCpuGapNanos() / 1_000_000, stalls.cpuGapPercentileNanos(0.99) / 1_000_000,
                stalls.framesOverBudget(), stalls.framesOver(StallMonitor.HALF_BUDGET_NANOS));
        onRunEnded.accept(line);
    }

    StallMonitor stalls() {
        return stalls;
    }

    /** At window close: cancels the run and any loading. */
    void close() {
        cancel();
        if (loading != null) {
            loading.cancel(true);
            loading = null;
        }
    }

    /** A run's jobs, costliest first, with each one's expected cost, the skip plan, and how many targets exist. */
    private record Prepared(List<ImageJob> jobs, RunProgress.Costs costs, SkipPolicy.Plan plan,
            int existing, MemoryBudget budget, LiveRun whole, ImageProcessor processor, SkipPolicy skip) {
    }

    /** What to do when a run would overwrite thumbnails already on disk. */
    enum Existing {
        OVERWRITE, SKIP_UNCHANGED, CANCEL
    }

    /**
     * Asked, on the UI thread, when some of a run's thumbnails exist already: given how many
     * exist and how many of them are current (same source, same settings, by the manifest).
     */
    void setOnExisting(java.util.function.BiFunction<Integer, Integer, Existing> onExisting) {
        this.onExisting = Objects.requireNonNull(onExisting, "onExisting");
    }

    // ---- plumbing -----------------------------------------------------------------------------

    /** Runs {@code work} on the pool; its value or failure is handed over on the UI thread. */
    private <T> Future<?> background(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        return pool.submit(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception | Error e) {
                uiThread.execute(() -> failed.accept(e)); // a stale one is ignored by its handler
                if (e instanceof Error error) {
                    throw error;
                }
                return null;
            }
            uiThread.execute(() -> done.accept(value));
            return null;
        });
    }

    static String reason(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + e.getMessage();
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return e.getMessage();
        }
        return e == null || e.getMessage() == null ? "unknown error" : e.getMessage();
    }
}
