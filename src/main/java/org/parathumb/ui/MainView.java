package org.parathumb.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.GridView;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.ui.bench.TimelineView;

/**
 * The main window's scene graph and the work it starts: loading on the pool, one
 * {@link ImageTask} per image on the pool, and an {@link AnimationTimer} that drains finished
 * tiles into the {@link MainViewModel} once per frame while a run is active (it also watches the
 * gaps between frames: the longest FX-thread stall of each run).
 *
 * <p>The Benchmark button runs {@link #onBenchmarkProperty()}, given this window's view model; it is
 * disabled while no handler is set, while a run is active and while nothing is loaded. The handler
 * sets {@link MainViewModel#busyElsewhereProperty()} while it uses the pool, which disables Run,
 * Benchmark and the worker slider.
 */
public final class MainView {

    private static final System.Logger LOG = System.getLogger(MainView.class.getName());
    static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OUTPUT = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination RUN = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.ESCAPE);
    static final KeyCombination BENCHMARK = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FAILURES = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SHOW_THUMBNAILS = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SHOW_TIMELINE = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN);

    private final MainViewModel model;
    private final WorkerPool pool;
    private final Consumer<String> opener;
    private final SourceSurvey survey = new SourceSurvey();
    private final StallMonitor stalls = new StallMonitor();
    private final java.lang.management.ThreadMXBean fxThreadCpu = java.lang.management.ManagementFactory.getThreadMXBean();
    private final ObjectProperty<Consumer<MainViewModel>> onBenchmark = new SimpleObjectProperty<>(this, "onBenchmark");

    private final BorderPane root = new BorderPane();
    private final GridView<Tile> grid;
    private final Slider workers;
    private final Label placeholder = new Label();
    private final Label dropOverlay = new Label();
    private final ToggleButton failuresToggle = new ToggleButton();
    private final Label status = new Label();
    private final SettingsBar settings;
    private final ProgressBar progress = new ProgressBar(0);
    private final Button runButton = new Button("Run");
    private final Button cancelButton = new Button("Cancel");
    private final Button benchmarkButton = new Button("Benchmark");
    private final Button openButton = new Button("Open folder…");
    private final Hyperlink showThumbnails = new Hyperlink("Show thumbnails");
    private final Hyperlink showTimeline = new Hyperlink("Timeline");
    private final CheckBox sweep = new CheckBox("Sweep");

    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stalls.frame(now, fxThreadCpu.isCurrentThreadCpuTimeSupported() ? fxThreadCpu.getCurrentThreadCpuTime() : -1);
            pump();
        }
    };

    private LiveRun live;
    private double tileSide;
    private long cancelledAt;
    private Task<?> preparing;
    private Task<LoadedImages> loading;
    private List<File> lastDragFiles = List.of();
    private boolean lastDragUsable;

    public MainView(MainViewModel model, WorkerPool pool, Consumer<String> opener) {
        this.model = model;
        this.pool = pool;
        this.opener = opener;
        this.grid = new GridView<>(model.tiles());
        this.workers = new Slider(1, model.cores(), model.workersProperty().get());
        this.settings = new SettingsBar(model, this::chooseOutput);
        build();
        model.workersProperty().addListener((obs, old, now) -> pool.resize(now.intValue()));
        pool.resize(model.workersProperty().get());
    }

    /** The window's content. */
    public Parent root() {
        return root;
    }

    /** Called with the view model when the user asks for a benchmark (Ctrl+B); null disables it. */
    public ObjectProperty<Consumer<MainViewModel>> onBenchmarkProperty() {
        return onBenchmark;
    }

    public MainViewModel model() {
        return model;
    }

    // ---- actions --------------------------------------------------------------------------------

    /**
     * A drop of {@code files} (folders, images, or a mix) anywhere on the window: loads the usable
     * part, queues it during a run, or says in the status line that nothing in it is usable.
     */
    public MainViewModel.DropOutcome handleDrop(List<File> files) {
        List<Path> usable = DropPayload.usable(files);
        MainViewModel.DropOutcome outcome = model.offer(usable);
        if (outcome == MainViewModel.DropOutcome.LOAD) {
            load(usable);
        }
        return outcome;
    }

    /** Loads folders or files given by path (the command line, the last session). */
    public void open(List<Path> inputs) {
        handleDrop(inputs.stream().map(Path::toFile).toList());
    }

    public void run() {
        settings.commitTypedValues();
        if (!model.requestRun()) {
            return;
        }
        ThumbnailSpec spec = model.spec();
        configureGrid(spec.maxWidth());
        var request = model.scanRequest();
        ImageProcessor processor = new ImageProcessor(model.pipeline(), spec);
        Task<List<ImageJob>> prepare = new Task<>() {
            @Override
            protected List<ImageJob> call() throws IOException {
                List<ImageJob> jobs = new SourceScanner().scan(request);
                SourceScanner.prepareOutputFolders(jobs);
                return processor.largestFirst(processor.withHeaders(jobs, pool, pool.size(), this::isCancelled));
            }
        };
        prepare.setOnSucceeded(e -> {
            preparing = null;
            if (model.state() != RunState.RUNNING) {
                return;
            }
            live = new LiveRun(prepare.getValue(), processor, pool);
            model.jobsReady(live.size(), System.nanoTime());
            live.start();
        });
        prepare.setOnFailed(e -> {
            preparing = null;
            if (model.state() == RunState.RUNNING) {
                model.runFailedToStart(reason(prepare.getException()));
            }
        });
        preparing = prepare;
        stalls.reset();
        frames.start();
        pool.execute(prepare);
    }

    public void cancel() {
        if (!model.requestCancel()) {
            return;
        }
        cancelledAt = System.nanoTime();
        if (preparing != null) {
            preparing.cancel(true);
        }
        if (live != null) {
            model.skipped(live.cancel());
        }
    }

    private void benchmark() {
        Consumer<MainViewModel> handler = onBenchmark.get();
        if (handler != null && model.canRun().get()) {
            handler.accept(model);
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of images");
        firstFolder().ifPresent(chooser::setInitialDirectory);
        File folder = chooser.showDialog(window());
        if (folder != null) {
            handleDrop(List.of(folder));
        }
    }

    private void chooseOutput() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Where thumbnails go");
        model.outputFolderProperty().get().filter(Files::isDirectory).map(Path::toFile)
                .or(this::firstFolder).ifPresent(chooser::setInitialDirectory);
        File folder = chooser.showDialog(window());
        if (folder != null) {
            model.outputFolderProperty().set(Optional.of(folder.toPath()));
        }
    }

    private Optional<File> firstFolder() {
        LoadedImages images = model.loadedProperty().get();
        if (images == null) {
            return Optional.empty();
        }
        Path first = images.inputs().get(0).toAbsolutePath();
        Path folder = Files.isDirectory(first) ? first : first.getParent();
        return Optional.ofNullable(folder).filter(Files::isDirectory).map(Path::toFile);
    }

    /** Opens the folder of the last run's first thumbnail in the system's file browser. */
    private void showThumbnails() {
        if (model.state().isActive()) {
            return;
        }
        model.tiles().stream().filter(t -> t.result().isDone()).findFirst()
                .map(t -> t.result().job().target().getParent())
                .ifPresent(folder -> opener.accept(folder.toUri().toString()));
    }

    /** Opens the timeline of the last run: one lane per worker thread, one bar per image. */
    private void showTimeline() {
        if (model.state().isActive()) {
            return;
        }
        List<ImageResult> results = model.tiles().stream().map(Tile::result).toList();
        if (results.isEmpty()) {
            return;
        }
        TimelineView timeline = new TimelineView();
        timeline.show(results, "Last run: " + results.size() + " images, " + model.workersProperty().get()
                + " of " + model.cores() + " workers");
        VBox content = new VBox(timeline);
        content.setPadding(new Insets(12));
        content.setStyle("-fx-background-color: -color-bg-default;");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        Stage stage = new Stage();
        stage.initOwner(window());
        stage.setTitle("Parathumb timeline");
        stage.setScene(new Scene(scroll, 1100, 420));
        stage.getScene().getAccelerators().put(CANCEL, stage::close); // Esc closes it, as dialogs do
        stage.show();
    }

    private void openTile(Tile tile) {
        ImageResult result = tile.result();
        Path file = result.isDone() ? result.job().target() : result.job().source();
        opener.accept(file.toUri().toString());
    }

    /** Stops what runs, at window close: cancels the run and any loading. */
    public void close() {
        cancel();
        if (loading != null) {
            loading.cancel(true);
        }
    }

    // ---- background work ------------------------------------------------------------------------

    private void load(List<Path> inputs) {
        if (loading != null) {
            loading.cancel(true);
        }
        model.loadStarted(inputs);
        Task<LoadedImages> task = new Task<>() {
            @Override
            protected LoadedImages call() throws IOException {
                return survey.survey(inputs);
            }
        };
        task.setOnSucceeded(e -> {
            if (loading == task) {
                loading = null;
                model.loaded(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (loading == task) {
                loading = null;
                model.loadFailed(reason(task.getException()));
            }
        });
        loading = task;
        pool.execute(task);
    }

    /** Once per frame during a run: moves finished tiles to the model, ends the run when it ends. */
    private void pump() {
        if (live != null) {
            model.accept(live.drain(), System.nanoTime());
            model.waitingForMemory(live.waitingForMemory(), System.nanoTime());
        }
        model.tick(System.nanoTime());
        if (!model.state().isActive()) {
            frames.stop();
            live = null;
            long stallMillis = stalls.longestGapNanos() / 1_000_000;
            status.setTooltip(new Tooltip("Longest pause of the window during this run: " + stallMillis
                    + " ms over " + stalls.frames() + " frames; the FX thread's own work between two frames: at most "
                    + stalls.longestCpuGapNanos() / 1_000_000 + " ms"));
            LOG.log(System.Logger.Level.INFO, "run {0}: {1} tiles, longest FX-thread stall {2} ms over {3} frames"
                    + " (FX-thread CPU between two frames at most {5} ms){4}",
                    model.state(), model.tiles().size(), stallMillis, stalls.frames(),
                    model.state() == RunState.CANCELLED
                            ? ", stopped " + (System.nanoTime() - cancelledAt) / 1_000_000 + " ms after cancel" : "",
                    stalls.longestCpuGapNanos() / 1_000_000);
            List<Path> next = model.takeQueued();
            if (!next.isEmpty()) {
                load(next);
            }
        }
    }

    private static String reason(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + e.getMessage();
        }
        return e == null || e.getMessage() == null ? "unknown error" : e.getMessage();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ---- layout ---------------------------------------------------------------------------------

    private void build() {
        root.getStyleClass().add("parathumb");
        root.setTop(new VBox(toolbar(), settings.node()));
        root.setCenter(center());
        root.setRight(failuresPane());
        root.setBottom(statusBar());
        installDragAndDrop();
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installAccelerators(scene);
            }
        });
    }

    private HBox toolbar() {
        openButton.setOnAction(e -> chooseFolder());
        openButton.setTooltip(new Tooltip("Open a folder of images (Ctrl+O). You can also drop folders or images anywhere."));
        openButton.disableProperty().bind(model.stateProperty().isEqualTo(RunState.CANCELLING));

        runButton.getStyleClass().add("accent");
        runButton.setOnAction(e -> run());
        runButton.setTooltip(new Tooltip("Blur and thumbnail every loaded image (Ctrl+R)"));
        runButton.disableProperty().bind(model.canRun().not());

        cancelButton.getStyleClass().addAll("button-outlined", "danger");
        cancelButton.setOnAction(e -> cancel());
        cancelButton.setTooltip(new Tooltip("Stop the run (Esc): images not started are skipped, running ones stop"));
        cancelButton.disableProperty().bind(model.canCancel().not());

        workers.setMajorTickUnit(1);
        workers.setMinorTickCount(0);
        workers.setSnapToTicks(true);
        workers.setBlockIncrement(1);
        workers.setShowTickMarks(model.cores() <= 16);
        workers.setPrefWidth(Math.min(60.0 + 24 * model.cores(), 220));
        workers.valueProperty().bindBidirectional(model.workersProperty());
        workers.setTooltip(new Tooltip("Worker threads; a change applies at once, even during a run (arrow keys, Alt+W)"));
        workers.setId("workers");
        workers.disableProperty().bind(model.busyElsewhereProperty()); // a benchmark sets its own sizes
        Label workersCaption = new Label("_Workers");
        workersCaption.setMnemonicParsing(true);
        workersCaption.setLabelFor(workers);
        Label workersText = new Label();
        workersText.textProperty().bind(model.workersLabel());
        // As wide as its longest text, so the toolbar does not shift as the slider moves.
        workersText.setMinWidth(new javafx.scene.text.Text(MainViewModel.workersText(model.cores(), model.cores()) + "s")
                .getLayoutBounds().getWidth() + 8);
        workersText.getStyleClass().add("workers-label");

        benchmarkButton.setOnAction(e -> benchmark());
        benchmarkButton.setTooltip(new Tooltip("Time the loaded images with 1 to all workers (Ctrl+B)"));
        benchmarkButton.disableProperty().bind(onBenchmark.isNull().or(model.canRun().not()));
        sweep.selectedProperty().bindBidirectional(model.sweepProperty());
        sweep.setTooltip(new Tooltip("Benchmark every worker count from 1 to " + model.cores()
                + ", not only the slider's, and fit Amdahl's law over them"));
        sweep.disableProperty().bind(benchmarkButton.disabledProperty());

        failuresToggle.textProperty().bind(Bindings.createStringBinding(
                () -> "Failures (" + model.failures().size() + ")", model.failures()));
        failuresToggle.setTooltip(new Tooltip("Show or hide the list of images that failed, with the reason (Ctrl+L)"));
        failuresToggle.getStyleClass().add("failures-toggle");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, openButton, new Separator(Orientation.VERTICAL), runButton, cancelButton,
                new Separator(Orientation.VERTICAL), workersCaption, workers, workersText,
                new Separator(Orientation.VERTICAL), benchmarkButton, sweep, spacer, failuresToggle);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("main-toolbar");
        keepWhole(openButton, runButton, cancelButton, workersCaption, benchmarkButton, sweep, failuresToggle);
        workers.setMinWidth(80);
        return bar;
    }

    /** Controls that must never shrink to an ellipsis: the bars shrink their flexible parts instead. */
    static void keepWhole(Region... controls) {
        for (Region control : controls) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private StackPane center() {
        configureGrid(model.thumbnailSizeProperty().get());
        grid.getStyleClass().add("thumbnail-grid");
        grid.setHorizontalCellSpacing(8);
        grid.setVerticalCellSpacing(8);
        grid.setId("grid");

        placeholder.getStyleClass().add("placeholder");
        ImageView icon = new ImageView(new Image(
                java.util.Objects.requireNonNull(MainView.class.getResource("icon-64.png")).toExternalForm()));
        icon.setOpacity(0.85);
        placeholder.setGraphic(icon);
        placeholder.setGraphicTextGap(16);
        placeholder.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        placeholder.textProperty().bind(Bindings.createStringBinding(this::placeholderText,
                model.loadedProperty(), model.loadingProperty(), model.stateProperty()));
        placeholder.visibleProperty().bind(Bindings.isEmpty(model.tiles()));
        placeholder.setMouseTransparent(true);

        dropOverlay.getStyleClass().add("drop-overlay");
        dropOverlay.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        dropOverlay.setAlignment(Pos.CENTER);
        dropOverlay.setVisible(false);
        dropOverlay.setMouseTransparent(true);

        StackPane center = new StackPane(grid, placeholder, dropOverlay);
        StackPane.setMargin(dropOverlay, new Insets(12));
        center.getStyleClass().add("center");
        return center;
    }

    private String placeholderText() {
        LoadedImages images = model.loadedProperty().get();
        if (model.loadingProperty().get()) {
            return "Loading…";
        }
        if (model.state().isActive()) {
            return "Preparing…";
        }
        if (images == null) {
            return "Drop folders or images anywhere on this window,\nor open a folder with Ctrl+O";
        }
        if (images.count() == 0) {
            return "No images in " + images.source() + " (looked for " + SourceScanner.imageExtensions() + ").\nDrop another folder, or open one with Ctrl+O";
        }
        return images.count() + (images.count() == 1 ? " image" : " images")
                + " ready.\nPress Run (Ctrl+R) to watch their thumbnails arrive.";
    }

    /** Tiles a little larger than the thumbnails, within reason, and wide enough for a name. */
    private void configureGrid(int thumbnailSide) {
        double side = Math.max(56, Math.min(160, thumbnailSide));
        if (side == tileSide) {
            return; // a new cell factory would make the grid throw away and rebuild every cell
        }
        tileSide = side;
        grid.setCellWidth(Math.max(side + 16, 124));
        grid.setCellHeight(side + 16 + 22);
        grid.setCellFactory(g -> new ThumbnailCell(side, Math.max(side + 16, 124) - 16, this::openTile));
    }

    private VBox failuresPane() {
        ListView<ImageResult> list = new ListView<>(model.failures());
        list.setId("failures");
        list.setPlaceholder(new Label("No failures"));
        list.setCellFactory(v -> new ListCell<>() {
            private final Label name = new Label();
            private final Label why = new Label();
            private final VBox box = new VBox(2, name, why);

            {
                name.getStyleClass().add("failure-name");
                why.getStyleClass().add("failure-why");
                why.setWrapText(true);
                why.setMinHeight(Region.USE_PREF_SIZE);
                why.prefWidthProperty().bind(v.widthProperty().subtract(36));
                why.maxWidthProperty().bind(why.prefWidthProperty());
            }

            @Override
            protected void updateItem(ImageResult result, boolean empty) {
                super.updateItem(result, empty);
                if (empty || result == null) {
                    setGraphic(null);
                    return;
                }
                name.setText(result.job().source().getFileName().toString());
                why.setText(result.failure());
                setGraphic(box);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                opener.accept(list.getSelectionModel().getSelectedItem().job().source().toUri().toString());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                opener.accept(list.getSelectionModel().getSelectedItem().job().source().toUri().toString());
            }
        });
        list.setTooltip(new Tooltip("Enter or double-click opens the original"));
        Label title = new Label("Failures");
        title.getStyleClass().add("title-4");
        VBox pane = new VBox(8, title, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        pane.getStyleClass().add("failures-pane");
        pane.setPrefWidth(300);
        pane.visibleProperty().bind(failuresToggle.selectedProperty());
        pane.managedProperty().bind(pane.visibleProperty());
        failuresToggle.selectedProperty().addListener((obs, old, shown) -> {
            if (shown) {
                list.requestFocus();
            }
        });
        return pane;
    }

    private HBox statusBar() {
        status.textProperty().bind(model.statusProperty());
        status.setId("status");
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        progress.setId("progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setPrefWidth(240);
        progress.visibleProperty().bind(model.stateProperty().isNotEqualTo(RunState.IDLE));
        showThumbnails.setId("show-thumbnails");
        showThumbnails.setTooltip(new Tooltip("Open the folder the thumbnails were written to (Ctrl+T)"));
        showThumbnails.setOnAction(e -> showThumbnails());
        showThumbnails.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> !model.state().isActive() && model.tiles().stream().anyMatch(t -> t.result().isDone()),
                model.stateProperty(), model.tiles()));
        showThumbnails.managedProperty().bind(showThumbnails.visibleProperty());
        showTimeline.setId("show-timeline");
        showTimeline.setTooltip(new Tooltip("One lane per worker, one bar per image with its stages: where the time went (Ctrl+I)"));
        showTimeline.setOnAction(e -> showTimeline());
        showTimeline.visibleProperty().bind(showThumbnails.visibleProperty());
        showTimeline.managedProperty().bind(showTimeline.visibleProperty());
        HBox bar = new HBox(12, status, showTimeline, showThumbnails, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void installAccelerators(Scene scene) {
        scene.getAccelerators().put(OPEN, this::chooseFolderUnlessCancelling);
        scene.getAccelerators().put(OUTPUT, () -> {
            if (!model.state().isActive()) {
                chooseOutput();
            }
        });
        scene.getAccelerators().put(RUN, this::run);
        scene.getAccelerators().put(CANCEL, this::cancel);
        scene.getAccelerators().put(BENCHMARK, this::benchmark);
        scene.getAccelerators().put(SHOW_THUMBNAILS, this::showThumbnails);
        scene.getAccelerators().put(SHOW_TIMELINE, this::showTimeline);
        scene.getAccelerators().put(FAILURES, () -> failuresToggle.setSelected(!failuresToggle.isSelected()));
    }

    private void chooseFolderUnlessCancelling() {
        if (model.state() != RunState.CANCELLING) {
            chooseFolder();
        }
    }

    private void installDragAndDrop() {
        root.addEventHandler(DragEvent.DRAG_OVER, e -> {
            Dragboard board = e.getDragboard();
            if (board.hasFiles()) {
                // Accept any files, so that a drop of nothing usable can say so; highlight only usable ones.
                e.acceptTransferModes(TransferMode.COPY);
                highlight(usable(board.getFiles()));
            }
            e.consume();
        });
        root.addEventHandler(DragEvent.DRAG_EXITED, e -> highlight(false));
        root.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Dragboard board = e.getDragboard();
            boolean files = board.hasFiles();
            if (files) {
                handleDrop(board.getFiles());
            }
            highlight(false);
            e.setDropCompleted(files);
            e.consume();
        });
    }

    private boolean usable(List<File> files) {
        if (!files.equals(lastDragFiles)) {
            lastDragFiles = List.copyOf(files);
            lastDragUsable = !DropPayload.usable(files).isEmpty();
        }
        return lastDragUsable;
    }

    private void highlight(boolean on) {
        dropOverlay.setText(model.state().isActive() ? "Drop to load these next: the run goes on" : "Drop to load these images");
        dropOverlay.setVisible(on);
    }

    /** Whether the drop highlight shows: for tests. */
    boolean isHighlighted() {
        return dropOverlay.isVisible();
    }
}
