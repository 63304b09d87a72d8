package org.parathumb.ui.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.bench.Timeline;
import org.parathumb.ui.bench.TimelineModel.Stage;

/**
 * A timeline of one batch: one lane per worker ("Worker 1".."Worker N"), one bar per image from its
 * start to its end, its stages in distinct colours (Okabe–Ito, safe for colour-blind eyes; the
 * bar's bare background is waiting). Gaps in a lane are an idle worker; a lane that ends late is a
 * straggler. The wheel (with or without Ctrl) zooms around the cursor, a drag or Shift+wheel pans,
 * and so do + / - / arrows / 0 (reset) when it has focus. Hovering a bar names the image and its
 * times; "Export trace…" writes the run as a Chrome trace.
 */
public final class TimelineView extends VBox {

    static final double LANE_HEIGHT = 30;
    static final double LANE_GAP = 8;
    static final double LABEL_WIDTH = 160;
    static final double AXIS_HEIGHT = 24;
    static final double ZOOM_STEP = 1.25;
    static final double PAN_STEP = 0.1;

    private final Label title = new Label("Timeline");
    private final Label viewLine = new Label();
    private final Label exportLine = new Label();
    private final Button zoomIn = new Button("+");
    private final Button zoomOut = new Button("\u2212");
    private final Button reset = new Button("Reset");
    private final Button export = new Button("Export trace\u2026");
    private final Plot plot = new Plot();
    private TimelineModel model = TimelineModel.of("Timeline", List.of());

    public TimelineView() {
        getStyleClass().add("timeline-view");
        // Its own look wherever it is shown: in the benchmark pane or alone, for the last run.
        getStylesheets().add(TimelineView.class.getResource("benchmark.css").toExternalForm());
        getStylesheets().add(TimelineView.class.getResource("timeline.css").toExternalForm());
        title.getStyleClass().add("timeline-title");
        FlowPane legend = new FlowPane(14, 4);
        for (Stage stage : List.of(Stage.DECODE, Stage.BLUR, Stage.RESIZE, Stage.ENCODE, Stage.READ_BACK)) {
            legend.getChildren().add(swatch(stage.label(), stage.styleClass()));
        }
        legend.getChildren().addAll(swatch("file read/write", "stage-file"), swatch("waiting", "stage-other"));
        legend.getStyleClass().add("timeline-legend");
        zoomIn.setId("timeline-zoom-in");
        zoomOut.setId("timeline-zoom-out");
        reset.setId("timeline-reset");
        export.setId("timeline-export");
        zoomIn.setTooltip(new Tooltip("Zoom in (+, or the wheel over the plot)"));
        zoomOut.setTooltip(new Tooltip("Zoom out (-)"));
        reset.setTooltip(new Tooltip("Show the whole run (0)"));
        export.setTooltip(new Tooltip("Save this run as a Chrome trace (JSON for Perfetto or chrome://tracing)"));
        zoomIn.setAccessibleText("Zoom in");
        zoomOut.setAccessibleText("Zoom out");
        zoomIn.setOnAction(e -> zoom(ZOOM_STEP, 0.5));
        zoomOut.setOnAction(e -> zoom(1 / ZOOM_STEP, 0.5));
        reset.setOnAction(e -> resetView());
        export.setOnAction(e -> chooseExport());
        viewLine.getStyleClass().add("timeline-view-line");
        exportLine.getStyleClass().add("timeline-export-line");
        HBox controls = new HBox(6, zoomOut, zoomIn, reset, viewLine, export, exportLine);
        controls.setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(10, 14, 10, 14));
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(title, legend, controls, plot);
        setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        show(List.of(), "Timeline");
    }

    /** Shows {@code results} (one batch or benchmark pass, no read-back) under {@code caption}. */
    public void show(List<ImageResult> results, String caption) {
        show(TimelineModel.of(caption, TimelineModel.entries(results)));
    }

    /** Shows {@code timeline}, its view as it is. */
    public void show(TimelineModel timeline) {
        model = timeline;
        title.setText(timeline.caption());
        boolean any = timeline.barCount() > 0;
        for (Button b : List.of(zoomIn, zoomOut, reset, export)) {
            b.setDisable(!any);
        }
        exportLine.setText("");
        plot.rebuild();
        viewChanged();
    }

    /** The timeline shown, for tests and callers. */
    public TimelineModel model() {
        return model;
    }

    /** The run shown as core's {@link Timeline}: lanes by thread name, no read-back. */
    public Timeline timeline() {
        return Timeline.of(model.lanes().stream().flatMap(l -> l.bars().stream()).map(TimelineModel.Bar::result)
                .toList());
    }

    /** Zooms by {@code factor} around {@code fraction} of the plot's width. */
    void zoom(double factor, double fraction) {
        if (model.barCount() > 0) {
            model.zoom(factor, fraction);
            viewChanged();
        }
    }

    void pan(double fraction) {
        model.pan(fraction);
        viewChanged();
    }

    void resetView() {
        model.reset();
        viewChanged();
    }

    /** Writes the run shown as a Chrome trace to {@code file}; the line beside the button says how it went. */
    boolean exportTo(Path file) {
        try {
            model.exportTrace(file);
            exportLine.setText("Wrote " + file.getFileName());
            return true;
        } catch (IOException | RuntimeException e) {
            exportLine.setText("Could not write " + file.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the timeline as a Chrome trace");
        chooser.setInitialFileName("parathumb-trace.json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Chrome trace (JSON)", "*.json"));
        var file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        switch (code) {
            case PLUS, ADD, EQUALS -> zoom(ZOOM_STEP, 0.5);
            case MINUS, SUBTRACT -> zoom(1 / ZOOM_STEP, 0.5);
            case LEFT -> pan(-PAN_STEP);
            case RIGHT -> pan(PAN_STEP);
            case DIGIT0, NUMPAD0, HOME -> resetView();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void viewChanged() {
        reset.setDisable(model.barCount() == 0 || model.isReset());
        viewLine.setText(model.barCount() == 0 ? "" : String.format(Locale.ROOT, "showing %s to %s of %s",
                seconds(model.viewStartNanos()), seconds(model.viewStartNanos() + model.viewSpanNanos()),
                seconds(model.spanNanos())));
        plot.requestLayout();
    }

    private static String seconds(double nanos) {
        return String.format(Locale.ROOT, nanos < 1e8 && nanos > 0 ? "%.4f s" : "%.2f s", nanos / 1e9);
    }

    private static HBox swatch(String name, String styleClass) {
        Region box = new Region();
        box.getStyleClass().addAll("timeline-swatch", styleClass);
        box.setMinSize(14, 14);
        box.setMaxSize(14, 14);
        HBox item = new HBox(5, box, new Label(name));
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    /** The lanes and bars, laid out to the width available and the visible window of time. */
    private final class Plot extends Pane {

        private final List<Region> bars = new ArrayList<>();
        private final List<TimelineModel.Bar> barData = new ArrayList<>();
        private final List<Label> laneLabels = new ArrayList<>();
        private final List<Region> laneBackgrounds = new ArrayList<>();
        private final Pane barLayer = new Pane();
        private final Pane gridLayer = new Pane();
        private final List<Line> gridLines = new ArrayList<>();
        private final List<Text> tickTexts = new ArrayList<>();
        private final Rectangle clip = new Rectangle();
        private double dragX = Double.NaN;
        private double laneHeight = LANE_HEIGHT;

        Plot() {
            getStyleClass().add("timeline-plot");
            barLayer.setManaged(false);
            gridLayer.setManaged(false);
            barLayer.setClip(clip);
            setOnScroll(this::onScroll);
            addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
                dragX = e.getX();
                TimelineView.this.requestFocus();
            });
            addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
                if (!Double.isNaN(dragX) && model.barCount() > 0) {
                    setCursor(Cursor.CLOSED_HAND);
                    pan(-(e.getX() - dragX) / plotWidth());
                    dragX = e.getX();
                }
            });
            addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
                dragX = Double.NaN;
                setCursor(Cursor.DEFAULT);
            });
        }

        private void onScroll(ScrollEvent e) {
            if (model.barCount() == 0) {
                return;
            }
            double fraction = (e.getX() - LABEL_WIDTH) / plotWidth();
            if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
                double delta = e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX();
                pan(-Math.signum(delta) * PAN_STEP);
            } else if (e.getDeltaY() != 0) {
                zoom(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, fraction);
            }
            e.consume();
        }

        double plotWidth() {
            return Math.max(10, getWidth() - LABEL_WIDTH - 10);
        }

        void rebuild() {
            getChildren().clear();
            bars.clear();
            barData.clear();
            laneLabels.clear();
            laneBackgrounds.clear();
            barLayer.getChildren().clear();
            if (model.lanes().isEmpty()) {
                Label empty = new Label("No per-image timeline: run the thumbnail workload to see one.");
                empty.getStyleClass().add("timeline-empty");
                getChildren().add(empty);
                setMinHeight(60);
                requestLayout();
                return;
            }
            for (TimelineModel.Lane lane : model.lanes()) {
                Region background = new Region();
                background.getStyleClass().add("timeline-lane");
                laneBackgrounds.add(background);
                Label label = new Label(lane.name());
                label.getStyleClass().add("timeline-lane-label");
                label.setTooltip(new Tooltip(lane.name() + " ran on thread " + lane.thread()));
                laneLabels.add(label);
                for (TimelineModel.Bar bar : lane.bars()) {
                    barData.add(bar);
                    bars.add(barNode(bar));
                }
            }
            barLayer.getChildren().addAll(bars);
            getChildren().addAll(laneBackgrounds);
            getChildren().addAll(gridLayer, barLayer);
            getChildren().addAll(laneLabels);
            double height = model.lanes().size() * (LANE_HEIGHT + LANE_GAP) + AXIS_HEIGHT;
            setMinHeight(height);
            setPrefHeight(height);
            requestLayout();
        }

        private Region barNode(TimelineModel.Bar bar) {
            ImageResult result = bar.result();
            Pane node = new Pane();
            node.getStyleClass().addAll("timeline-bar", "status-" + result.status().name().toLowerCase(Locale.ROOT));
            for (TimelineModel.Segment segment : bar.segments()) {
                Region stage = new Region();
                stage.getStyleClass().addAll("timeline-stage", segment.stage().styleClass());
                stage.setUserData(segment);
                stage.setManaged(false);
                node.getChildren().add(stage);
            }
            Tooltip tip = new Tooltip(tooltipText(bar));
            tip.setShowDelay(Duration.millis(100));
            tip.setShowDuration(Duration.seconds(30));
            Tooltip.install(node, tip);
            node.setUserData(bar);
            node.setManaged(false);
            return node;
        }

        @Override
        protected void layoutChildren() {
            if (model.lanes().isEmpty()) {
                super.layoutChildren();
                return;
            }
            double plotWidth = plotWidth();
            int n = model.lanes().size();
            // lanes grow into a tall window (up to three times their height), so a few workers fill it
            laneHeight = Math.max(LANE_HEIGHT, Math.min(3 * LANE_HEIGHT, (getHeight() - AXIS_HEIGHT) / n - LANE_GAP));
            double lanesBottom = n * (laneHeight + LANE_GAP);
            clip.setX(LABEL_WIDTH);
            clip.setWidth(plotWidth);
            clip.setHeight(lanesBottom + AXIS_HEIGHT);
            layoutAxis(plotWidth, lanesBottom);
            placeLanes(plotWidth);
        }

        private double x(double nanos, double plotWidth) {
            return LABEL_WIDTH + (nanos - model.viewStartNanos()) / model.viewSpanNanos() * plotWidth;
        }

        /**
         * The time grid and its labels for the visible window. Their nodes are kept and moved, not
         * remade on every zoom or pan: a node made during layout would be drawn once unstyled.
         */
        private void layoutAxis(double plotWidth, double lanesBottom) {
            double from = model.viewStartNanos() / 1e9;
            double to = from + model.viewSpanNanos() / 1e9;
            double step = Ticks.niceStep(to - from, Math.max(2, (int) (plotWidth / 110)));
            int decimals = Math.max(1, (int) Math.ceil(-Math.log10(step) + 1e-9));
            int used = 0;
            for (long k = (long) Math.ceil(from / step - 1e-9); k * step <= to + step * 1e-9; k++, used++) {
                double s = k * step;
                if (used == gridLines.size()) {
                    Line line = new Line();
                    line.getStyleClass().add("timeline-grid");
                    Text tick = new Text();
                    tick.getStyleClass().add("timeline-tick");
                    gridLines.add(line);
                    tickTexts.add(tick);
                    gridLayer.getChildren().addAll(line, tick);
                    line.applyCss();
                    tick.applyCss();
                }
                double x = x(s * 1e9, plotWidth);
                Line line = gridLines.get(used);
                line.setStartX(x);
                line.setEndX(x);
                line.setEndY(lanesBottom);
                line.setVisible(true);
                Text tick = tickTexts.get(used);
                tick.setText(String.format(Locale.ROOT, "%." + decimals + "f s", s));
                tick.setX(Math.max(LABEL_WIDTH, Math.min(LABEL_WIDTH + plotWidth - tick.getLayoutBounds().getWidth(),
                        x - tick.getLayoutBounds().getWidth() / 2)));
                tick.setY(lanesBottom + 16);
                tick.setVisible(true);
            }
            for (int i = used; i < gridLines.size(); i++) {
                gridLines.get(i).setVisible(false);
                tickTexts.get(i).setVisible(false);
            }
        }

        private void placeLanes(double plotWidth) {
            double perNano = plotWidth / model.viewSpanNanos();
            int index = 0;
            for (int lane = 0; lane < model.lanes().size(); lane++) {
                double y = lane * (laneHeight + LANE_GAP);
                laneBackgrounds.get(lane).resizeRelocate(LABEL_WIDTH, y, plotWidth, laneHeight);
                laneLabels.get(lane).resizeRelocate(0, y, LABEL_WIDTH - 8, laneHeight);
                for (int b = 0; b < model.lanes().get(lane).bars().size(); b++, index++) {
                    TimelineModel.Bar bar = barData.get(index);
                    Region node = bars.get(index);
                    double x0 = x(bar.startNanos(), plotWidth);
                    double w = Math.max(2, bar.durationNanos() * perNano - 1);
                    boolean visible = x0 + w >= LABEL_WIDTH - 1 && x0 <= LABEL_WIDTH + plotWidth + 1;
                    node.setVisible(visible);
                    if (!visible) {
                        continue;
                    }
                    node.resizeRelocate(x0, y + 2, w, laneHeight - 4);
                    for (var child : ((Pane) node).getChildren()) {
                        TimelineModel.Segment s = (TimelineModel.Segment) child.getUserData();
                        double sx = (s.startNanos() - bar.startNanos()) * perNano;
                        double sw = Math.max(s.durationNanos() * perNano, 0.5);
                        ((Region) child).resizeRelocate(sx, 0, Math.min(sw, Math.max(0, w - sx)), laneHeight - 4);
                    }
                }
            }
        }
    }

    static String tooltipText(TimelineModel.Bar bar) {
        ImageResult r = bar.result();
        String head = String.format(Locale.ROOT, "%s%n%.3f s on %s (from %.3f s to %.3f s)",
                r.job().source().getFileName(), bar.durationNanos() / 1e9, bar.lane(), bar.startNanos() / 1e9,
                bar.endNanos() / 1e9);
        StringBuilder stages = new StringBuilder();
        long measured = 0;
        for (TimelineModel.Segment s : bar.segments()) {
            stages.append(stages.isEmpty() ? "" : " \u00b7 ")
                    .append(String.format(Locale.ROOT, "%s %.0f ms", s.stage().label(), s.durationNanos() / 1e6));
            measured += s.durationNanos();
        }
        String other = String.format(Locale.ROOT, "waiting %.0f ms", Math.max(0, bar.durationNanos() - measured) / 1e6);
        String outcome = switch (r.status()) {
            case DONE -> String.format(Locale.ROOT, "%d\u00d7%d \u2192 %d\u00d7%d", r.sourceWidth(), r.sourceHeight(),
                    r.thumbnailWidth(), r.thumbnailHeight());
            case FAILED -> "failed: " + r.failure();
            case CANCELLED -> "cancelled";
        };
        return head + "\n" + stages + "\n" + other + "\n" + outcome;
    }
}
