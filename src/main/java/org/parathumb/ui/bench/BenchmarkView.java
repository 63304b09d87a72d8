package org.parathumb.ui.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import javax.imageio.ImageIO;
import org.parathumb.core.bench.BenchmarkReport;
import org.parathumb.core.bench.ConfigurationResult;
import org.parathumb.core.bench.Workload;

/**
 * The benchmark pane: a tool bar (workload, run again, progress, cancel, exports), a card with the
 * wall-time and speedup charts and the setting (what the PNG export shows), the numbers table, and
 * the timeline of the last pass with the most workers. It shows whatever its
 * {@link BenchmarkViewModel} holds; start benchmarks through the model.
 */
public final class BenchmarkView extends BorderPane {

    /** The smallest window that shows every control whole, as the main window's. */
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 600;

    /** Scale of the PNG export: twice the screen size, sharp when posted. */
    static final double PNG_SCALE = 2;

    private final BenchmarkViewModel model;
    private final WallTimeChart wallTimeChart = new WallTimeChart();
    private final SpeedupChart speedupChart = new SpeedupChart();
    private final TableView<ConfigurationResult> table = new TableView<>();
    private final TimelineView timelineView = new TimelineView();
    private final Label headline = new Label("No benchmark yet");
    private final Label workloadLine = new Label();
    private final Label settingLine = new Label();
    private final Label notesLine = new Label();
    private final Label estimateLine = new Label();
    private final javafx.scene.control.Spinner<Integer> sample = new javafx.scene.control.Spinner<>(0, 100_000, 0);
    private final javafx.scene.control.Spinner<Integer> repeats =
            new javafx.scene.control.Spinner<>(1, org.parathumb.core.bench.BenchmarkRequest.MAX_ROUNDS, 3);
    private final javafx.scene.control.Spinner<Integer> warmups =
            new javafx.scene.control.Spinner<>(0, org.parathumb.core.bench.BenchmarkRequest.MAX_ROUNDS, 1);
    private final VBox card;
    private final HBox charts;

    public BenchmarkView(BenchmarkViewModel model) {
        this.model = model;
        getStyleClass().add("benchmark-view");
        // The theme's looked-up colours only: it follows the light or dark theme, even while open.
        getStylesheets().add(BenchmarkView.class.getResource("benchmark.css").toExternalForm());

        headline.getStyleClass().add("benchmark-headline");
        headline.setWrapText(true); // the whole finding, on two lines if the window is narrow
        workloadLine.getStyleClass().add("benchmark-subtitle");
        settingLine.getStyleClass().add("benchmark-setting");
        settingLine.setWrapText(true);
        charts = new HBox(16, wallTimeChart, speedupChart);
        HBox.setHgrow(wallTimeChart, Priority.ALWAYS);
        HBox.setHgrow(speedupChart, Priority.ALWAYS);
        wallTimeChart.setPrefSize(600, 400);
        speedupChart.setPrefSize(600, 400);
        notesLine.getStyleClass().add("benchmark-notes");
        notesLine.setWrapText(true);
        card = new VBox(4, headline, workloadLine, charts, notesLine, settingLine);
        card.getStyleClass().add("benchmark-card");
        card.setPadding(new Insets(14, 18, 12, 18));

        buildTable();
        VBox content = new VBox(12, card, table, timelineView);
        content.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("benchmark-scroll");
        setTop(new VBox(toolBar(), settingsBar()));
        setCenter(scroll);

        model.reportProperty().addListener((obs, old, report) -> show(report));
        model.liveReportProperty().addListener((obs, old, partial) -> {
            if (partial != null && model.isRunning()) {
                show(partial); // the charts grow as each measured pass ends
                headline.setText("Measuring\u2026 so far: " + headline(partial));
            }
        });
        model.runningProperty().addListener((obs, was, running) -> {
            if (running && model.getReport() == null && model.liveReportProperty().get() == null) {
                headline.setText("Measuring\u2026 the charts appear when the first worker count has a pass");
            } else if (!running && model.getReport() == null) {
                headline.setText("No benchmark yet");
            }
        });
        show(model.getReport());
    }

    /** The model this view shows. */
    public BenchmarkViewModel model() {
        return model;
    }

    /** Opens the view in its own window over {@code owner}; closing it cancels a running benchmark. */
    public static Stage openWindow(Window owner, BenchmarkViewModel model) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Parathumb benchmark");
        // 1400x960 where the screen allows, never larger than it (a laptop, or a headless 1280x800).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(new BenchmarkView(model),
                Math.min(1400, screen.getWidth() - 40), Math.min(960, screen.getHeight() - 40)));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnHidden(e -> model.cancel());
        stage.show();
        return stage;
    }

    /** Writes the charts card (charts, headline and setting) as a PNG at twice screen resolution. Call on the FX thread. */
    public void exportPng(Path file) throws IOException {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT); // the card's own background, light or dark, with round corners
        parameters.setTransform(Transform.scale(PNG_SCALE, PNG_SCALE));
        WritableImage image = card.snapshot(parameters, null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private Node toolBar() {
        Label title = new Label("Benchmark");
        title.getStyleClass().add("benchmark-title");
        ChoiceBox<Workload> workload = new ChoiceBox<>();
        workload.getItems().addAll(Workload.values());
        workload.setValue(Workload.THUMBNAILS);
        workload.setConverter(new StringConverter<>() {
            @Override
            public String toString(Workload w) {
                return w == null ? "" : w.id();
            }

            @Override
            public Workload fromString(String s) {
                return Workload.fromId(s);
            }
        });
        model.lastRequestProperty().addListener((obs, old, request) -> {
            if (request != null) {
                workload.setValue(request.workload());
            }
        });
        Button run = new Button("Start");
        run.setId("bench-start");
        run.setDefaultButton(true);
        run.setOnAction(e -> {
            if (model.planProperty().get() != null) {
                model.startPlan(workload.getValue());
            } else {
                model.rerun(workload.getValue());
            }
        });
        run.textProperty().bind(javafx.beans.binding.Bindings.when(model.lastRequestProperty().isNull())
                .then("Start").otherwise("Run again"));
        run.disableProperty().bind(model.runningProperty()
                .or(model.lastRequestProperty().isNull().and(model.planProperty().isNull())));
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(220);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        Label status = new Label();
        status.getStyleClass().add("benchmark-status");
        status.textProperty().bind(model.statusProperty());
        model.errorProperty().addListener((obs, old, error) -> status.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), error != null));
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.runningProperty());
        Button csv = exportButton("CSV\u2026", "CSV", "*.csv", path -> {
            model.exportCsv(path);
            return null;
        });
        Button json = exportButton("JSON\u2026", "JSON", "*.json", path -> {
            model.exportJson(path);
            return null;
        });
        Button png = exportButton("PNG\u2026", "PNG image", "*.png", path -> {
            exportPng(path);
            return null;
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, workload, run, progress, status, spacer, cancel, csv, json, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 14, 10, 14));
        bar.getStyleClass().add("benchmark-toolbar");
        // On a narrow window the status line gives way; titles and buttons never shrink to "...".
        for (javafx.scene.control.Control whole : java.util.List.of(title, workload, run, cancel, csv, json, png)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.SOMETIMES);
        return bar;
    }

    /** Sample size, repeats and warm-up, and the estimate of what they cost, before Start. */
    private Node settingsBar() {
        sample.setId("bench-sample");
        repeats.setId("bench-repeats");
        warmups.setId("bench-warmups");
        estimateLine.setId("bench-estimate");
        for (var spinner : List.of(sample, repeats, warmups)) {
            spinner.setEditable(true);
            spinner.setPrefWidth(76);
            spinner.setMinWidth(Region.USE_PREF_SIZE);
            spinner.disableProperty().bind(model.runningProperty());
        }
        bind(sample, model.sampleSizeProperty());
        bind(repeats, model.repeatsProperty());
        bind(warmups, model.warmupsProperty());
        sample.setAccessibleText("Images to sample, 0 for all");
        repeats.setAccessibleText("Measured repeats");
        warmups.setAccessibleText("Warm-up rounds");
        estimateLine.textProperty().bind(model.estimateProperty());
        estimateLine.getStyleClass().add("benchmark-estimate");
        estimateLine.setWrapText(true);
        estimateLine.setMinWidth(0);
        HBox.setHgrow(estimateLine, Priority.ALWAYS);
        List<Label> names = List.of(new Label("Sample"), new Label("images (0 = all)"), new Label("Repeats"),
                new Label("Warm-up"));
        names.forEach(l -> l.setMinWidth(Region.USE_PREF_SIZE)); // the estimate wraps; the settings never shrink to "..."
        HBox bar = new HBox(8, names.get(0), sample, names.get(1), names.get(2), repeats, names.get(3), warmups, estimateLine);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 14, 8, 14));
        bar.getStyleClass().add("benchmark-settings");
        return bar;
    }

    private static void bind(javafx.scene.control.Spinner<Integer> spinner, javafx.beans.property.IntegerProperty value) {
        spinner.getValueFactory().setValue(value.get());
        spinner.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                value.set(now);
            }
        });
        value.addListener((obs, old, now) -> spinner.getValueFactory().setValue(now.intValue()));
    }

    @FunctionalInterface
    private interface Export {
        Void to(Path file) throws IOException;
    }

    private Button exportButton(String text, String kind, String pattern, Export export) {
        Button button = new Button(text);
        button.disableProperty().bind(model.reportProperty().isNull());
        button.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the benchmark as " + kind);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
            chooser.setInitialFileName("parathumb-benchmark" + pattern.substring(1));
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file == null) {
                return;
            }
            try {
                export.to(file.toPath());
            } catch (IOException | RuntimeException ex) {
                new Alert(Alert.AlertType.ERROR, "Could not write " + file + ": " + ex.getMessage()).show();
            }
        });
        return button;
    }

    private void buildTable() {
        table.getStyleClass().add("benchmark-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("The numbers appear here when a benchmark ends."));
        table.setFixedCellSize(28);
        table.getColumns().add(column("workers", r -> r.configuration().sequential() ? "seq (1 loop)"
                : r.configuration().workers() + (r.configuration().workers() == 1 ? " worker" : " workers")));
        table.getColumns().add(column("median s", r -> fixed(r.wallTimes().medianSeconds(), 3)));
        table.getColumns().add(column("min s", r -> fixed(r.wallTimes().minSeconds(), 3)));
        table.getColumns().add(column("max s", r -> fixed(r.wallTimes().maxSeconds(), 3)));
        table.getColumns().add(column("per s", r -> fixed(r.unitsPerSecond(), 2)));
        table.getColumns().add(column("MP/s", r -> r.megapixels() > 0 ? fixed(r.megapixelsPerSecond(), 1) : "\u2013"));
        table.getColumns().add(column("speedup", r -> fixed(speedup(r), 2) + "\u00d7"));
        table.getColumns().add(column("efficiency", r -> fixed(speedup(r) / r.configuration().workers(), 2)));
    }

    private BenchmarkReport shown;

    private double speedup(ConfigurationResult r) {
        BenchmarkReport report = shown;
        return report == null ? 0 : report.speedup(r);
    }

    private static TableColumn<ConfigurationResult, String> column(String name,
            Function<ConfigurationResult, String> value) {
        TableColumn<ConfigurationResult, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        column.getStyleClass().add("number-column");
        return column;
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private void show(BenchmarkReport report) {
        shown = report;
        wallTimeChart.show(report);
        speedupChart.show(report);
        table.getItems().setAll(report == null ? java.util.List.of() : report.results());
        table.setPrefHeight(table.getFixedCellSize() * table.getItems().size() + 44);
        table.setMinHeight(table.getPrefHeight());
        charts.setVisible(report != null);
        charts.setManaged(report != null);
        table.setVisible(report != null);
        table.setManaged(report != null);
        timelineView.setVisible(report != null);
        timelineView.setManaged(report != null);
        notesLine.setText(report == null ? "" : String.join("\n", BenchmarkViewModel.notes(report)));
        notesLine.setVisible(!notesLine.getText().isEmpty());
        notesLine.setManaged(notesLine.isVisible());
        if (report == null) {
            headline.setText("No benchmark yet");
            workloadLine.setText("Start one with the Benchmark button: the sequential loop against N workers, "
                    + "warm-up first, then interleaved passes. Charts, numbers and a timeline appear here.");
            settingLine.setText("");
            timelineView.show(java.util.List.of(), "Timeline");
            return;
        }
        headline.setText(headline(report));
        workloadLine.setText("Workload: " + report.setting().workload().id() + ", "
                + report.setting().workload().description() + ". Warm-up discarded; configurations interleaved.");
        settingLine.setText(report.setting().describe());
        int workers = report.parallel().stream().mapToInt(r -> r.configuration().workers()).max().orElse(1);
        timelineView.show(report.timelinePass(), report.timelinePass().isEmpty() ? "Timeline"
                : TimelineModel.caption("Last pass with the most workers", report.timelinePass().size(), workers,
                        report.setting().cores()));
    }

    static String headline(BenchmarkReport report) {
        ConfigurationResult best = report.parallel().get(report.parallel().size() - 1);
        int n = best.configuration().workers();
        String work = report.setting().workload() == Workload.THUMBNAILS
                ? String.format(Locale.ROOT, "%d images (%.0f MP)", report.setting().units(), report.setting().megapixels())
                : String.format(Locale.ROOT, "%d counting tasks", report.setting().units());
        double speedup = report.speedup(best);
        String verdict = speedup >= 1 ? String.format(Locale.ROOT, "ran %.2f\u00d7 as fast as the sequential loop", speedup)
                : String.format(Locale.ROOT, "ran slower than the sequential loop (%.2f\u00d7)", speedup);
        return String.format(Locale.ROOT, "%s: %d worker%s %s", work, n, n == 1 ? "" : "s", verdict)
                + BenchmarkViewModel.drawnFit(report).map(f -> " \u00b7 Amdahl " + f.describe().replace("x)", "\u00d7)"))
                        .orElse("");
    }

    WallTimeChart wallTimeChart() {
        return wallTimeChart;
    }

    SpeedupChart speedupChart() {
        return speedupChart;
    }

    TimelineView timelineView() {
        return timelineView;
    }

    Label notesLine() {
        return notesLine;
    }

    Label estimateLine() {
        return estimateLine;
    }

    TableView<ConfigurationResult> table() {
        return table;
    }
}
