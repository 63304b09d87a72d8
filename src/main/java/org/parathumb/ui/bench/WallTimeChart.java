package org.parathumb.ui.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import org.parathumb.core.bench.BenchmarkReport;
import org.parathumb.core.bench.ConfigurationResult;

/**
 * Median wall time of each configuration as a bar (the sequential loop in gray, worker counts in
 * blue), with a whisker from the fastest to the slowest pass and the median written on top.
 */
public final class WallTimeChart extends BarChart<String, Number> {

    private final XYChart.Series<String, Number> series = new XYChart.Series<>();
    private final Path whiskers = new Path();
    private final List<Text> labels = new ArrayList<>();

    public WallTimeChart() {
        super(new CategoryAxis(), new NumberAxis());
        getStyleClass().add("wall-time-chart");
        setAnimated(false);
        setLegendVisible(false);
        setTitle("Wall time per pass (seconds)");
        setCategoryGap(40);
        getXAxis().setLabel("median pass, whiskers from min to max");
        series.setName("wall time");
        getData().add(series);
        whiskers.getStyleClass().add("whisker");
        whiskers.setManaged(false);
        getPlotChildren().add(whiskers);
    }

    /** Shows {@code report}, or nothing when it is null. */
    public void show(BenchmarkReport report) {
        getPlotChildren().removeAll(labels);
        labels.clear();
        series.getData().clear();
        if (report == null) {
            return;
        }
        double top = 0;
        for (ConfigurationResult r : report.results()) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(categoryOf(r), r.wallTimes().medianSeconds());
            bar.setExtraValue(r);
            series.getData().add(bar);
            Text label = new Text(String.format(Locale.ROOT, "%.2f s", r.wallTimes().medianSeconds()));
            label.getStyleClass().add("bar-value");
            label.setManaged(false);
            labels.add(label);
            top = Math.max(top, r.wallTimes().maxSeconds());
        }
        getPlotChildren().addAll(labels);
        for (XYChart.Data<String, Number> bar : series.getData()) {
            ConfigurationResult r = (ConfigurationResult) bar.getExtraValue();
            bar.getNode().getStyleClass().add(r.configuration().sequential() ? "sequential-bar" : "parallel-bar");
        }
        NumberAxis y = (NumberAxis) getYAxis();
        y.setAutoRanging(false);
        double tick = Ticks.niceStep(top * 1.15, 6);
        y.setLowerBound(0);
        y.setUpperBound(Math.ceil(top * 1.15 / tick) * tick);
        y.setTickUnit(tick);
        requestChartLayout();
    }

    /** The category a configuration is shown under. */
    static String categoryOf(ConfigurationResult r) {
        int n = r.configuration().workers();
        return r.configuration().sequential() ? "sequential" : n + (n == 1 ? " worker" : " workers");
    }

    /** The bars, for tests: one per configuration, sequential first. */
    public List<XYChart.Data<String, Number>> bars() {
        return List.copyOf(series.getData());
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        List<PathElement> elements = new ArrayList<>();
        NumberAxis y = (NumberAxis) getYAxis();
        List<XYChart.Data<String, Number>> data = series.getData();
        for (int i = 0; i < data.size(); i++) {
            Node node = data.get(i).getNode();
            if (node == null || !(data.get(i).getExtraValue() instanceof ConfigurationResult r)) {
                continue;
            }
            Bounds bar = node.getBoundsInParent();
            double x = bar.getMinX() + bar.getWidth() / 2;
            double cap = Math.min(14, bar.getWidth() / 4);
            double yMin = y.getDisplayPosition(r.wallTimes().minSeconds());
            double yMax = y.getDisplayPosition(r.wallTimes().maxSeconds());
            elements.add(new MoveTo(x, yMin));
            elements.add(new LineTo(x, yMax));
            elements.add(new MoveTo(x - cap, yMin));
            elements.add(new LineTo(x + cap, yMin));
            elements.add(new MoveTo(x - cap, yMax));
            elements.add(new LineTo(x + cap, yMax));
            if (i < labels.size()) {
                Text label = labels.get(i);
                double width = label.getLayoutBounds().getWidth();
                label.setY(Math.min(yMax, bar.getMinY()) - 8);
                label.setX(x - width / 2);
            }
        }
        whiskers.getElements().setAll(elements);
        whiskers.toFront();
        labels.forEach(Node::toFront);
    }
}
