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
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.ui.bench.TimelineModel;
import org.parathumb.ui.bench.TimelineView;

/**
 * The main window's scene graph: the two bars, the grid, the failures pane and the status line,
 * accelerators and drag and drop. The work it starts is the {@link RunController}'s; an
 * {@link AnimationTimer} runs only while the controller has something to drain, once per frame.
 *
 * <p>The Benchmark button runs {@link #onBenchmarkProperty()}, given this window's view model; it is
 * disabled while no handler is set, while a run is active and while nothing is loaded. The handler
 * sets {@link MainViewModel#busyElsewhereProperty()} while it uses the pool, which disables Run,
 * Benchmark and the worker slider.
 */
public final class MainView {

    static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OUTPUT = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination RUN = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.ESCAPE);
    static final KeyCombination BENCHMARK = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FAILURES = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SHOW_THUMBNAILS = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SHOW_TIMELINE = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination DARK = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);

    private final MainViewModel model;
    private final RunController controller;
    private final Consumer<String> opener;
    private final java.lang.management.ThreadMXBean fxThreadCpu = java.lang.management.ManagementFactory.getThreadMXBean();
    private final ObjectProperty<Consumer<MainViewModel>> onBenchmark = new SimpleObjectProperty<>(this, "onBenchmark");

    private final BorderPane root = new BorderPane();
    private final TileGrid tileGrid;
    private final InspectionPane inspection;
    private final Label placeholder = new Label();
    private final Label dropOverlay = new Label();
    private final Label status = new Label();
    private final SettingsBar settings;
    private final MainToolbar toolbar;
    private final ProgressBar progress = new ProgressBar(0);
    private final Hyperlink showThumbnails = new Hyperlink("Show thumbnails");
    private final Hyperlink showTimeline = new Hyperlink("Timeline");

    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!controller.frame(now, fxThreadCpu.isCurrentThreadCpuTimeSupported()
                    ? fxThreadCpu.getCurrentThreadCpuTime() : -1)) {
                stop();
            }
        }
    };

    private double tileSide;
    private List<File> lastDragFiles = List.of();
    private boolean lastDragUsable;

    public MainView(MainViewModel model, WorkerPool pool, Consumer<String> opener) {
        this.model = model;
        this.opener = opener;
        this.controller = new RunController(model, pool, javafx.application.Platform::runLater);
        this.tileGrid = new TileGrid(model.tiles(), this::inspect);
        this.inspection = new InspectionPane(pool, javafx.application.Platform::runLater, model.pipelineFactory(),
                model::spec);
        inspection.tileProperty().bind(tileGrid.selectedProperty());
        this.settings = new SettingsBar(model, this::chooseOutput);
        this.toolbar = new MainToolbar(model,
                new MainToolbar.Actions(this::chooseFolder, this::run, this::cancel, this::benchmark), onBenchmark);
        controller.setOnRunEnded(line -> status.setTooltip(new Tooltip(line)));
        controller.setOnExisting(this::askAboutExisting);
        // The heap is given back once the window idles, and keeps little free room only while
        // nothing works: see IdleHeap.
        IdleHeap.returnWhenIdle();
        javafx.beans.InvalidationListener heap = o -> IdleHeap.idle(!model.state().isActive()
                && !model.busyElsewhereProperty().get());
        model.stateProperty().addListener(heap);
        // The grid keeps room for every tile of a run while it runs (see TileGrid.expect); a
        // cancelled run's grid shrinks to the tiles made. Cells are made ahead at each load.
        model.stateProperty().addListener((obs, was, now) -> {
            LoadedImages images = model.loadedProperty().get();
            tileGrid.expect(now == RunState.RUNNING && images != null ? images.count() : 0);
        });
        model.loadedProperty().addListener((obs, was, now) -> {
            if (now != null && now.count() > 0) {
                tileGrid.makeCellsAhead(now.count());
            }
        });
        model.busyElsewhereProperty().addListener(heap);
        // Ticking Sub-folders loads what is loaded again, with or without them.
        model.recursiveProperty().addListener((obs, was, now) -> {
            LoadedImages images = model.loadedProperty().get();
            if (images != null && !model.state().isActive()) {
                open(images.inputs());
            }
        });
        build();
    }

    /** The window's content. */
    public Parent root() {
        return root;
    }

    /** Called with the view model when the user asks for a benchmark (Ctrl+B); null disables it. */
    public ObjectProperty<Consumer<MainViewModel>> onBenchmarkProperty() {
        return onBenchmark;
    }

    /** Light, Dark or System, as chosen in the tool bar: the application applies it. */
    javafx.beans.property.ObjectProperty<ThemeChoice> themeProperty() {
        return toolbar.themeChoice().valueProperty();
    }

    /** Whether the theme shown is dark: the application says, so Ctrl+D can switch to the other. */
    javafx.beans.property.BooleanProperty darkShownProperty() {
        return toolbar.darkShownProperty();
    }

    public MainViewModel model() {
        return model;
    }

    /** The FX thread's pauses during the current or last run. */
    StallMonitor stalls() {
        return controller.stalls();
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
            controller.load(usable);
            frames.start();
        }
        return outcome;
    }

    /** Loads folders or files given by path (the command line, the last session). */
    public void open(List<Path> inputs) {
        handleDrop(inputs.stream().map(Path::toFile).toList());
    }

    public void run() {
        settings.commitTypedValues();
        if (controller.run()) {
            frames.start();
        }
    }

    public void cancel() {
        controller.cancel();
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

    /** Opens the timeline of the last run: one lane per worker, one bar per image, read-back included. */
    private void showTimeline() {
        if (model.state().isActive()) {
            return;
        }
        List<TimelineModel.Entry> entries = model.tiles().stream().filter(t -> !t.existing()) // on disk: no times
                .map(t -> new TimelineModel.Entry(t.result(), t.readBackNanos(), t.worker())).toList();
        if (entries.isEmpty()) {
            return;
        }
        int workers = model.runWorkers(); // the run's own, not the slider's value now
        TimelineView timeline = new TimelineView();
        timeline.show(TimelineModel.of(TimelineModel.caption("Last run", entries.size(), workers, model.cores()), entries));
        VBox content = new VBox(timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS); // its lanes grow into a tall window
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
        timeline.requestFocus(); // + - arrows 0 zoom and pan at once
    }

    static final javafx.scene.control.ButtonType OVERWRITE =
            new javafx.scene.control.ButtonType("Overwrite", javafx.scene.control.ButtonBar.ButtonData.OTHER);
    static final javafx.scene.control.ButtonType SKIP_UNCHANGED =
            new javafx.scene.control.ButtonType("Skip unchanged", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);

    /** A second run asks before it overwrites: Overwrite, Skip unchanged, or Cancel. */
    private RunController.Existing askAboutExisting(int existing, int current) {
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                existing + (existing == 1 ? " thumbnail of this run exists" : " thumbnails of this run exist")
                        + " already; " + current + " of them " + (current == 1 ? "is" : "are")
                        + " current (same source, same settings).\nSkip unchanged makes only the others.",
                SKIP_UNCHANGED, OVERWRITE, javafx.scene.control.ButtonType.CANCEL);
        ask.setTitle("Thumbnails exist");
        ask.setHeaderText("Overwrite the thumbnails already there?");
        ask.initOwner(window());
        var choice = ask.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL);
        return choice == OVERWRITE ? RunController.Existing.OVERWRITE
                : choice == SKIP_UNCHANGED ? RunController.Existing.SKIP_UNCHANGED : RunController.Existing.CANCEL;
    }

    /** Enter or a double-click on a tile: it is selected, and the inspection pane beside the grid shows it. */
    private void inspect(Tile tile) {
        tileGrid.selectedProperty().set(tile);
    }

    /** Selects the tile at {@code index} of the grid's order (for the demo and tests). */
    void select(int index) {
        tileGrid.select(index);
    }

    TileGrid tileGrid() {
        return tileGrid;
    }

    InspectionPane inspection() {
        return inspection;
    }

    /** Stops what runs, at window close: cancels the run and any loading. */
    public void close() {
        controller.close();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ---- layout ---------------------------------------------------------------------------------

    private void build() {
        root.getStyleClass().add("parathumb");
        root.setTop(new VBox(toolbar.node(), settings.node()));
        root.setCenter(center());
        HBox side = new HBox(inspection.node(), new FailuresPane(model, toolbar.failuresToggle().selectedProperty(),
                failure -> opener.accept(failure.job().source().toUri().toString())).node());
        root.setRight(side);
        root.setBottom(new javafx.scene.layout.VBox(workingRow(), statusBar()));
        installDragAndDrop();
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installAccelerators(scene);
            }
        });
    }

    /** Controls that must never shrink to an ellipsis: the bars shrink their flexible parts instead. */
    static void keepWhole(Region... controls) {
        for (Region control : controls) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private VBox center() {
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

        StackPane center = new StackPane(tileGrid.grid(), placeholder, dropOverlay);
        StackPane.setMargin(dropOverlay, new Insets(12));
        center.getStyleClass().add("center");
        VBox.setVgrow(center, Priority.ALWAYS);
        return new VBox(tileGrid.bar(), center);
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

    /** One line per busy worker: file, time on it, stage; hidden when no run goes on. */
    private Label workingRow() {
        Label row = new Label();
        row.setId("working");
        row.textProperty().bind(model.workingProperty());
        row.setMaxWidth(Double.MAX_VALUE);
        row.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        row.getStyleClass().add("working-row");
        row.setAccessibleText("What each worker is doing");
        row.visibleProperty().bind(model.workingProperty().isNotEmpty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
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
        scene.getAccelerators().put(FAILURES, () -> toolbar.failuresToggle().setSelected(!toolbar.failuresToggle().isSelected()));
        scene.getAccelerators().put(DARK, toolbar::toggleTheme);
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
