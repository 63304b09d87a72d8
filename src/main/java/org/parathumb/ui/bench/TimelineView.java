package org.parathumb.ui.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.StageTimes;
import org.parathumb.core.bench.Timeline;

/**
 * A timeline of one batch: one lane per worker thread, one bar per image from its start to its
 * end, its stages in shades of one colour (decode, blur, resize, encode, in that order from the
 * bar's start; the rest of the bar, lighter, is file work and waiting). Gaps in a lane are an idle
 * worker; a lane that ends late is a straggler. Hovering a bar names the image and its times.
 */
public final class TimelineView extends VBox {

    static final double LANE_HEIGHT = 30;
    static final double LANE_GAP = 8;
    static final double LABEL_WIDTH = 200;
    static final double AXIS_HEIGHT = 24;

    private final Label title = new Label("Timeline");
    private final Plot plot = new Plot();
    private Timeline timeline = Timeline.of(List.of());

    public TimelineView() {
        getStyleClass().add("timeline-view");
        // Its own look wherever it is shown: in the benchmark pane or alone, for the last run.
        getStylesheets().add(TimelineView.class.getResource("benchmark.css").toExternalForm());
        title.getStyleClass().add("timeline-title");
        HBox legend = new HBox(14, swatch("decode", "stage-decode"), swatch("blur", "stage-blur"),
                swatch("resize", "stage-resize"), swatch("encode", "stage-encode"),
                swatch("file I/O, waiting", "stage-other"));
        legend.setAlignment(Pos.CENTER_LEFT);
        HBox header = new HBox(24, title, legend);
        header.setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(10, 14, 10, 14));
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(header, plot);
    }

    /** Shows {@code results} (one batch or benchmark pass) under {@code caption}. */
    public void show(List<ImageResult> results, String caption) {
        timeline = Timeline.of(results);
        title.setText(caption);
        plot.rebuild();
    }

    /** The timeline shown, for tests and callers. */
    public Timeline timeline() {
        return timeline;
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

    /** The lanes and bars, laid out to the width available. */
    private final class Plot extends Pane {

        private final List<Region> bars = new ArrayList<>();
        private final List<Timeline.Bar> barData = new ArrayList<>();
        private final List<Label> laneLabels = new ArrayList<>();
        private final List<Region> laneBackgrounds = new ArrayList<>();
        private final List<Line> grid = new ArrayList<>();
        private final List<Text> tickLabels = new ArrayList<>();
        private double gridWidth = -1;

        Plot() {
            getStyleClass().add("timeline-plot");
        }

        void rebuild() {
            getChildren().clear();
            gridWidth = -1;
            bars.clear();
            barData.clear();
            laneLabels.clear();
            laneBackgrounds.clear();
            grid.clear();
            tickLabels.clear();
            if (timeline.lanes().isEmpty()) {
                Label empty = new Label("No per-image timeline: run the thumbnail workload to see one.");
                empty.getStyleClass().add("timeline-empty");
                getChildren().add(empty);
                setMinHeight(60);
                requestLayout();
                return;
            }
            for (Timeline.Lane lane : timeline.lanes()) {
                Region background = new Region();
                background.getStyleClass().add("timeline-lane");
                laneBackgrounds.add(background);
                double busy = timeline.spanNanos() == 0 ? 0 : 100.0 * lane.busyNanos() / timeline.spanNanos();
                Label label = new Label(String.format(Locale.ROOT, "%s  %.0f%% busy", lane.worker(), busy));
                label.getStyleClass().add("timeline-lane-label");
                laneLabels.add(label);
                for (Timeline.Bar bar : lane.bars()) {
                    barData.add(bar);
                    bars.add(barNode(bar));
                }
            }
            getChildren().addAll(laneBackgrounds);
            getChildren().addAll(laneLabels);
            getChildren().addAll(bars);
            double height = timeline.lanes().size() * (LANE_HEIGHT + LANE_GAP) + AXIS_HEIGHT;
            setMinHeight(height);
            setPrefHeight(height);
            requestLayout();
        }

        private Region barNode(Timeline.Bar bar) {
            ImageResult result = bar.result();
            Pane node = new Pane();
            node.getStyleClass().addAll("timeline-bar", "status-" + result.status().name().toLowerCase(Locale.ROOT));
            StageTimes t = result.times();
            long[] stages = {t.decodeNanos(), t.blurNanos(), t.resizeNanos(), t.encodeNanos()};
            String[] classes = {"stage-decode", "stage-blur", "stage-resize", "stage-encode"};
            for (int i = 0; i < stages.length; i++) {
                Region stage = new Region();
                stage.getStyleClass().addAll("timeline-stage", classes[i]);
                stage.setUserData(stages[i]);
                stage.setManaged(false);
                node.getChildren().add(stage);
            }
            Tooltip tip = new Tooltip(tooltipText(bar));
            tip.setShowDelay(Duration.millis(100));
            tip.setShowDuration(Duration.seconds(30));
            Tooltip.install(node, tip);
            node.setUserData(bar);
            return node;
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double plotWidth = Math.max(10, width - LABEL_WIDTH - 10);
            double span = Math.max(1, timeline.spanNanos());
            if (timeline.lanes().isEmpty()) {
                super.layoutChildren();
                return;
            }
            double lanesBottom = timeline.lanes().size() * (LANE_HEIGHT + LANE_GAP);
            if (width != gridWidth) {
                gridWidth = width;
                layoutAxis(span, plotWidth, lanesBottom);
            }
            placeLanes(span, plotWidth);
        }

        /** The time grid and its labels, remade when the width changes (not on every layout). */
        private void layoutAxis(double span, double plotWidth, double lanesBottom) {
            getChildren().removeAll(grid);
            getChildren().removeAll(tickLabels);
            grid.clear();
            tickLabels.clear();
            double step = Ticks.niceStep(span / 1e9, 8);
            for (double s = 0; s <= span / 1e9 + 1e-9; s += step) {
                double x = LABEL_WIDTH + s * 1e9 / span * plotWidth;
                Line line = new Line(x, 0, x, lanesBottom);
                line.getStyleClass().add("timeline-grid");
                grid.add(line);
                Text tick = new Text(String.format(Locale.ROOT, step < 0.1 ? "%.2f s" : "%.1f s", s));
                tick.getStyleClass().add("timeline-tick");
                tick.setX(x - tick.getLayoutBounds().getWidth() / 2);
                tick.setY(lanesBottom + 16);
                tickLabels.add(tick);
            }
            getChildren().addAll(0, grid);
            getChildren().addAll(tickLabels);
        }

        private void placeLanes(double span, double plotWidth) {
            int index = 0;
            for (int lane = 0; lane < timeline.lanes().size(); lane++) {
                double y = lane * (LANE_HEIGHT + LANE_GAP);
                laneBackgrounds.get(lane).resizeRelocate(LABEL_WIDTH, y, plotWidth, LANE_HEIGHT);
                Label label = laneLabels.get(lane);
                label.resizeRelocate(0, y, LABEL_WIDTH - 8, LANE_HEIGHT);
                for (int b = 0; b < timeline.lanes().get(lane).bars().size(); b++, index++) {
                    Timeline.Bar bar = barData.get(index);
                    Region node = bars.get(index);
                    double x0 = LABEL_WIDTH + bar.startNanos() / span * plotWidth;
                    double w = Math.max(2, bar.durationNanos() / span * plotWidth - 1);
                    node.resizeRelocate(x0, y + 2, w, LANE_HEIGHT - 4);
                    double stageX = 0;
                    for (var child : ((Pane) node).getChildren()) {
                        double stageWidth = Math.min(w - stageX, (long) child.getUserData() / span * plotWidth);
                        ((Region) child).resizeRelocate(stageX, 0, Math.max(0, stageWidth), LANE_HEIGHT - 4);
                        stageX += Math.max(0, stageWidth);
                    }
                }
            }
        }
    }

    static String tooltipText(Timeline.Bar bar) {
        ImageResult r = bar.result();
        StageTimes t = r.times();
        String head = String.format(Locale.ROOT, "%s%n%.3f s on %s (from %.3f s to %.3f s)",
                r.job().source().getFileName(), bar.durationNanos() / 1e9, r.worker(), bar.startNanos() / 1e9,
                bar.endNanos() / 1e9);
        String stages = String.format(Locale.ROOT, "decode %.0f ms \u00b7 blur %.0f ms \u00b7 resize %.0f ms \u00b7 encode %.0f ms",
                t.decodeNanos() / 1e6, t.blurNanos() / 1e6, t.resizeNanos() / 1e6, t.encodeNanos() / 1e6);
        String other = String.format(Locale.ROOT, "other (file I/O, waiting) %.0f ms",
                Math.max(0, bar.durationNanos() - t.totalNanos()) / 1e6);
        String outcome = switch (r.status()) {
            case DONE -> String.format(Locale.ROOT, "%d\u00d7%d \u2192 %d\u00d7%d", r.sourceWidth(), r.sourceHeight(),
                    r.thumbnailWidth(), r.thumbnailHeight());
            case FAILED -> "failed: " + r.failure();
            case CANCELLED -> "cancelled";
        };
        return head + "\n" + stages + "\n" + other + "\n" + outcome;
    }
}
