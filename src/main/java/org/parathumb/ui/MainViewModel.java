package org.parathumb.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.ScanRequest;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.image.OutputFormat;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.Pipelines;

/**
 * The state of the main window, without any scene graph or thread: what is loaded, the settings,
 * the run's state machine (idle, running, cancelling, then done or cancelled), its counts,
 * progress and status line, the tiles and the failures. Observable properties, but no FX thread
 * needed: tests drive it directly. The view feeds it results in batches, once per frame.
 */
public final class MainViewModel {

    /** What became of a drop of files onto the window. */
    public enum DropOutcome {
        /** Nothing usable: no image files, no folders holding images. */
        NOTHING_USABLE,
        /** Load it now. */
        LOAD,
        /** A run is under way: it loads when the run ends, and the run is left alone. */
        QUEUED
    }

    static final String HINT = "Drop folders or images anywhere on this window, or open a folder (Ctrl+O)";
    private static final long STATUS_REFRESH_NANOS = 200_000_000L;

    private final int cores;
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyObjectWrapper<LoadedImages> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final javafx.beans.property.BooleanProperty busyElsewhere =
            new javafx.beans.property.SimpleBooleanProperty(this, "busyElsewhere");
    private final javafx.beans.property.BooleanProperty recursive =
            new javafx.beans.property.SimpleBooleanProperty(this, "recursive");
    private final javafx.beans.property.BooleanProperty sweep =
            new javafx.beans.property.SimpleBooleanProperty(this, "sweep");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", HINT);
    /** The thumbnails on disk of a load that came while a run's tiles were shown: shown at the next run. */
    private List<Tile> onDisk;
    /** One line per busy worker (file, elapsed, stage) while a run goes on; empty otherwise. */
    private final ReadOnlyStringWrapper working = new ReadOnlyStringWrapper(this, "working", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final IntegerProperty workers = new SimpleIntegerProperty(this, "workers");
    private int runWorkers;
    private final ObjectProperty<Optional<Path>> outputFolder = new SimpleObjectProperty<>(this, "outputFolder", Optional.empty());
    private final IntegerProperty thumbnailSize = new SimpleIntegerProperty(this, "thumbnailSize");
    private final DoubleProperty blurRadius = new SimpleDoubleProperty(this, "blurRadius");
    private final ObjectProperty<String> pipeline = new SimpleObjectProperty<>(this, "pipeline");
    /** One instance per pipeline name, so each keeps its per-worker buffers from run to run; made on the pool too. */
    private final java.util.Map<String, ThumbnailPipeline> pipelines = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.function.Function<String, ThumbnailPipeline> pipelineFactory;
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final ObservableList<ImageResult> failures = FXCollections.observableArrayList();
    private final StringBinding workersLabel;
    private final BooleanBinding canRun;
    private final BooleanBinding canCancel;
    private List<Path> queued = List.of();
    private List<Path> lastInputs;
    private RunProgress run;
    /** A cancelled run whose interrupted images have not all reported yet. */
    private RunProgress stoppingRun;
    private long lastStatusNanos;

    public MainViewModel(Settings settings, int cores) {
        this(settings, cores, Pipelines::byName);
    }

    /** As above, with the pipelines made by {@code pipelines} from their names (tests pace them). */
    MainViewModel(Settings settings, int cores, java.util.function.Function<String, ThumbnailPipeline> pipelines) {
        this.pipelineFactory = java.util.Objects.requireNonNull(pipelines, "pipelines");
        if (cores < 1) {
            throw new IllegalArgumentException("at least one core");
        }
        this.cores = cores;
        workers.set(Math.min(settings.workers(), cores));
        workers.addListener((obs, old, now) -> {
            if (now.intValue() < 1 || now.intValue() > cores) {
                workers.set(Math.max(1, Math.min(cores, now.intValue())));
            } else if (state.get().isActive()) {
                runWorkers = Math.max(runWorkers, now.intValue()); // the pool grew during the run
            }
        });
        outputFolder.set(settings.outputFolder());
        thumbnailSize.set(settings.thumbnailSize());
        blurRadius.set(settings.blurRadius());
        pipeline.set(settings.pipeline());
        lastInputs = settings.lastInputs();
        workersLabel = Bindings.createStringBinding(() -> workersText(workers.get(), cores), workers);
        canRun = Bindings.createBooleanBinding(
                () -> !state.get().isActive() && !loading.get() && !busyElsewhere.get()
                        && loaded.get() != null && loaded.get().count() > 0,
                state, loading, loaded, busyElsewhere);
        canCancel = Bindings.createBooleanBinding(() -> state.get() == RunState.RUNNING, state);
        // While a benchmark holds the pool, Run is disabled: the status line says so, and says
        // "ready" again only when the benchmark ends.
        busyElsewhere.addListener((obs, was, busy) -> {
            if (state.get().isActive() || run != null) {
                return;
            }
            if (busy) {
                status.set(BENCHMARK_BUSY);
            } else if (loaded.get() != null && loaded.get().count() > 0) {
                status.set(readyText(loaded.get()));
            }
        });
    }

    /** The status while a benchmark holds the pool (Run is disabled meanwhile). */
    static final String BENCHMARK_BUSY = "Benchmark running: Run is available again when it ends or is cancelled";

    private static String readyText(LoadedImages images) {
        return images.summary() + " · ready: press Run (Ctrl+R)";
    }

    static String workersText(int workers, int cores) {
        return workers + (workers == 1 ? " worker of " : " workers of ") + cores + (cores == 1 ? " core" : " cores");
    }

    // ---- loading ------------------------------------------------------------------------------

    /**
     * The user dropped (or opened) {@code usable}, the usable part of what they gave. During a run
     * the drop is queued, never mixed into the running batch: it loads when the run ends.
     */
    public DropOutcome offer(List<Path> usable) {
        if (usable.isEmpty()) {
            status.set("Nothing to load: no images (" + SourceScanner.imageExtensions() + ") there");
            return DropOutcome.NOTHING_USABLE;
        }
        if (state.get().isActive()) {
            queued = List.copyOf(usable);
            status.set("Queued " + describe(usable) + ": it loads when this run ends");
            return DropOutcome.QUEUED;
        }
        tiles.clear();
        failures.clear();
        run = null;
        state.set(RunState.IDLE);
        progress.set(0);
        return DropOutcome.LOAD;
    }

    /** Loading of {@code inputs} has begun, off the FX thread. */
    public void loadStarted(List<Path> inputs) {
        loading.set(true);
        if (!state.get().isActive()) {
            status.set("Loading " + describe(inputs) + "…");
        }
    }

    public void loaded(LoadedImages images) {
        loading.set(false);
        loaded.set(images);
        if (images.count() == 0) {
            status.set(images.inSubfolders() > 0
                    ? "No images directly in " + images.source() + "; " + images.inSubfolders()
                            + " in its sub-folders: tick Sub-folders to load them"
                    : "No images in " + images.source() + " (looked for " + SourceScanner.imageExtensions() + ")");
            return;
        }
        lastInputs = images.inputs();
        if (!state.get().isActive() && run == null) {
            tiles.setAll(images.existing()); // what an earlier run left on disk, marked as such
            onDisk = null;
        } else {
            onDisk = images.existing(); // a queued load: the last run's tiles stay until the next run
        }
        if (!state.get().isActive() && run == null) {
            status.set(busyElsewhere.get() ? BENCHMARK_BUSY : readyText(images));
        }
    }

    public void loadFailed(String reason) {
        loading.set(false);
        status.set("Could not load: " + reason);
    }

    /** The drop waiting for the run to end, handed over once; empty if none. */
    public List<Path> takeQueued() {
        List<Path> next = queued;
        queued = List.of();
        return next;
    }

    // ---- running ------------------------------------------------------------------------------

    /** The user asked to run; false if a run cannot start now. */
    public boolean requestRun() {
        if (!canRun.get()) {
            return false;
        }
        // Thumbnails on disk stay, marked existing, until their image is made again: those found at
        // load, or the last run's.
        if (onDisk != null) {
            tiles.setAll(onDisk);
            onDisk = null;
        } else {
            tiles.setAll(tiles.stream().filter(tile -> tile.result().isDone())
                    .map(tile -> tile.existing() ? tile : Tile.onDisk(tile.result().job(), tile.result().sourceWidth(),
                            tile.result().sourceHeight(), tile.thumbnail()))
                    .toList());
        }
        failures.clear();
        run = null;
        runWorkers = workers.get();
        state.set(RunState.RUNNING);
        progress.set(-1);
        status.set("Preparing " + loaded.get().summary() + "…");
        return true;
    }

    /** The run's jobs are known and submitted: {@code total} images from {@code nowNanos}. */
    public void jobsReady(int total, long nowNanos) {
        jobsReady(total, RunProgress.Costs.of(java.util.Map.of()), nowNanos);
    }

    /** As above, with each job's expected cost: the ETA weighs the images left by it. */
    void jobsReady(int total, RunProgress.Costs costs, long nowNanos) {
        requireState(RunState.RUNNING, RunState.CANCELLING);
        run = new RunProgress(total, nowNanos, costs);
        lastStatusNanos = nowNanos;
        progress.set(0);
        status.set(run.runningLine(nowNanos));
        finishIfComplete();
    }

    /** {@code count} images were left alone: their thumbnails are current. Told in the status line. */
    public void unchangedSkipped(int count) {
        requireState(RunState.RUNNING, RunState.CANCELLING, RunState.DONE);
        run.unchanged(count);
        if (state.get() == RunState.DONE) {
            status.set(run.endLine(false));
        }
    }

    /** The run could not start (an unwritable output folder, a vanished input). */
    public void runFailedToStart(String reason) {
        requireState(RunState.RUNNING, RunState.CANCELLING);
        run = null;
        state.set(RunState.IDLE);
        progress.set(0);
        status.set("Could not run: " + reason);
    }

    /** Finished images, in completion order, since the last call. */
    public void accept(List<Tile> finished, long nowNanos) {
        if (finished.isEmpty()) {
            return;
        }
        requireState(RunState.RUNNING, RunState.CANCELLING);
        if (run == null) {
            throw new IllegalStateException("results before the jobs were ready");
        }
        for (Tile tile : finished) {
            ImageResult result = tile.result();
            run.record(result.status(), result.status() == ImageResult.Status.CANCELLED ? nowNanos : result.endNanos());
            run.learn(result);
            if (result.isFailed()) {
                failures.add(result);
            }
        }
        addTiles(finished);
        progress.set(run.fraction());
        if (!finishIfComplete()) {
            refreshStatus(nowNanos, false);
        }
    }

    /** Adds the tiles of images that ended (not cancelled), each replacing the tile on disk of its image. */
    private void addTiles(List<Tile> finished) {
        List<Tile> shown = finished.stream().filter(t -> t.result().status() != ImageResult.Status.CANCELLED).toList();
        if (shown.isEmpty()) {
            return;
        }
        if (!tiles.isEmpty() && tiles.get(0).existing()) { // tiles on disk come first: no walk over all
            java.util.Set<Path> remade = new java.util.HashSet<>();
            shown.forEach(t -> remade.add(t.result().job().source()));
            tiles.removeIf(t -> t.existing() && remade.contains(t.result().job().source()));
        }
        tiles.addAll(shown);
    }

    /**
     * How many of this run's jobs wait for memory before they decode, read once per frame: shown
     * in the status line, so a user sees why fewer images run at once than there are workers.
     */
    public void waitingForMemory(int count, long nowNanos) {
        if (state.get() != RunState.RUNNING || run == null) {
            return;
        }
        run.waitingForMemory(count);
        refreshStatus(nowNanos, false);
    }

    /**
     * Once per frame while a run goes on: what each busy worker is on, one line per worker of the
     * run (see {@link WorkerActivity#lines}). Shown only while the run is running or stopping; the
     * text changes only when a line does.
     */
    public void working(List<WorkerActivity.Row> rows) {
        String text = state.get().isActive() || isStopping() ? WorkerActivity.lines(rows, runWorkers) : "";
        if (!text.equals(working.get())) {
            working.set(text);
        }
    }

    public ReadOnlyStringProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Once per frame: keeps the rate and ETA current while nothing finishes. */
    public void tick(long nowNanos) {
        if (state.get() == RunState.RUNNING && run != null) {
            refreshStatus(nowNanos, false);
        }
    }

    /** The user asked to cancel at {@code nowNanos}; the controller cancels the tasks and reports {@link #skipped}. */
    public boolean requestCancel(long nowNanos) {
        if (state.get() != RunState.RUNNING) {
            return false;
        }
        state.set(RunState.CANCELLING);
        status.set("Cancelling…");
        if (run == null) { // still preparing: nothing was submitted
            state.set(RunState.CANCELLED);
            progress.set(0);
            status.set("Cancelled before any image started");
            return true;
        }
        run.cancelAt(nowNanos);
        return true;
    }

    /** {@code count} images were cancelled before they started: they will never report. */
    public void skipped(int count) {
        requireState(RunState.CANCELLING);
        run.skip(count);
        finishIfComplete();
    }

    /**
     * The images still running when the run was cancelled have been interrupted: the run ends for
     * the user now, and they are counted as stopping until {@link #acceptStopped} hears of each.
     */
    public void letRunningStop(long nowNanos) {
        if (state.get() != RunState.CANCELLING) {
            return; // nothing was running: skipping ended the run
        }
        run.stopping();
        stoppingRun = run;
        state.set(RunState.CANCELLED);
        progress.set(madeShare(run));
        status.set(run.endLine(true));
    }

    /** Results of images that were stopping after a cancel: counted (a thumbnail made is shown too). */
    public void acceptStopped(List<Tile> finished, long nowNanos) {
        if (stoppingRun == null || finished.isEmpty()) {
            return;
        }
        boolean shown = stoppingRun == run; // no newer run has replaced it in the window
        for (Tile tile : finished) {
            ImageResult result = tile.result();
            stoppingRun.stopped(result.status(), nowNanos);
            if (shown && result.isFailed()) {
                failures.add(result);
            }
        }
        if (shown) {
            addTiles(finished);
            progress.set(madeShare(run));
            status.set(run.endLine(true));
        }
        if (stoppingRun.stoppingCount() == 0) {
            stoppingRun = null;
        }
    }

    /** True while images of a cancelled run are still stopping. */
    public boolean isStopping() {
        return stoppingRun != null;
    }

    private boolean finishIfComplete() {
        if (run == null || !run.isComplete()) {
            return false;
        }
        boolean cancelled = state.get() == RunState.CANCELLING;
        state.set(cancelled ? RunState.CANCELLED : RunState.DONE);
        progress.set(cancelled ? madeShare(run) : 1);
        status.set(run.endLine(cancelled));
        return true;
    }

    /** The share of a cancelled run's images that were made or failed. */
    private static double madeShare(RunProgress run) {
        return (double) (run.done() + run.failed()) / Math.max(1, run.total());
    }

    private void refreshStatus(long nowNanos, boolean force) {
        if (state.get() != RunState.RUNNING) {
            return;
        }
        if (force || nowNanos - lastStatusNanos >= STATUS_REFRESH_NANOS) {
            lastStatusNanos = nowNanos;
            status.set(run.runningLine(nowNanos));
        }
    }

    private void requireState(RunState... allowed) {
        for (RunState s : allowed) {
            if (state.get() == s) {
                return;
            }
        }
        throw new IllegalStateException("not possible while " + state.get());
    }

    private static String describe(List<Path> inputs) {
        if (inputs.size() == 1) {
            Path name = inputs.get(0).getFileName();
            return name == null ? inputs.get(0).toString() : name.toString();
        }
        return inputs.size() + " folders and files";
    }

    // ---- what a run does ----------------------------------------------------------------------

    /** What each thumbnail is, from the current settings. */
    public ThumbnailSpec spec() {
        return new ThumbnailSpec(thumbnailSize.get(), thumbnailSize.get(), blurRadius.get(), OutputFormat.SAME);
    }

    /** What a run scans: the loaded inputs, into the chosen output folder. */
    public ScanRequest scanRequest() {
        LoadedImages images = Objects.requireNonNull(loaded.get(), "nothing is loaded");
        return new ScanRequest(images.inputs(), outputFolder.get(), recursive.get(), OutputFormat.SAME);
    }

    /** The settings to remember now. */
    public Settings settings() {
        return new Settings(outputFolder.get(), thumbnailSize.get(), blurRadius.get(), workers.get(), lastInputs,
                pipeline.get());
    }

    /** Images of the current or last run that were made, that failed, and that were cancelled. */
    public int doneCount() {
        return run == null ? 0 : run.done();
    }

    public int failedCount() {
        return run == null ? 0 : run.failed();
    }

    public int cancelledCount() {
        return run == null ? 0 : run.cancelled();
    }

    // ---- properties ---------------------------------------------------------------------------

    /**
     * The workers of the last run (the slider's value when it started, or more if it was raised
     * during the run), not the slider's value now: the timeline of that run is titled with it.
     */
    public int runWorkers() {
        return runWorkers;
    }

    public int cores() {
        return cores;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RunState state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<LoadedImages> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String status() {
        return status.get();
    }

    /** 0 to 1; -1 while the run prepares (an indeterminate bar). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public IntegerProperty workersProperty() {
        return workers;
    }

    public StringBinding workersLabel() {
        return workersLabel;
    }

    public ObjectProperty<Optional<Path>> outputFolderProperty() {
        return outputFolder;
    }

    public IntegerProperty thumbnailSizeProperty() {
        return thumbnailSize;
    }

    public DoubleProperty blurRadiusProperty() {
        return blurRadius;
    }

    /** The chosen pipeline's name: "faithful" (the original, pixel for pixel) or "fast". */
    public ObjectProperty<String> pipelineProperty() {
        return pipeline;
    }

    /** Makes a pipeline from its name (the one given at construction: tests pace theirs). */
    java.util.function.Function<String, ThumbnailPipeline> pipelineFactory() {
        return name -> pipelines.computeIfAbsent(name, pipelineFactory);
    }

    /** The chosen pipeline, the same instance each time it is chosen. */
    public ThumbnailPipeline pipeline() {
        return pipelines.computeIfAbsent(pipeline.get(), pipelineFactory);
    }

    public ObservableList<Tile> tiles() {
        return tiles;
    }

    public ObservableList<ImageResult> failures() {
        return failures;
    }

    /**
     * True while other work (the benchmark) has the worker pool: Run and Benchmark are disabled.
     * Whoever starts that work sets it, and clears it when the work ends.
     */
    /** Whether loading and runs go into sub-folders too (the CLI's --recursive). */
    public javafx.beans.property.BooleanProperty recursiveProperty() {
        return recursive;
    }

    /** Whether the Benchmark button measures every worker count from 1 to the cores, or only the slider's. */
    public javafx.beans.property.BooleanProperty sweepProperty() {
        return sweep;
    }

    public javafx.beans.property.BooleanProperty busyElsewhereProperty() {
        return busyElsewhere;
    }

    public BooleanBinding canRun() {
        return canRun;
    }

    public BooleanBinding canCancel() {
        return canCancel;
    }
}
