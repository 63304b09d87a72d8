package org.parathumb.ui.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import org.parathumb.core.bench.AmdahlFit;
import org.parathumb.core.bench.BenchmarkReport;

/**
 * Speedup over the sequential loop against the number of workers: the measured points with the
 * spread of their passes as error bars (slowest to fastest pass of both sides), the ideal line
 * S = N (dashed), and the Amdahl curve. The curve is a fit only from two worker counts besides 1,
 * drawn up to the cores (or the most workers measured); with one count it is labelled a one-point
 * estimate and stops at the measured N. Both axes share one scale, so the ideal line is the diagonal.
 */
public final class SpeedupChart extends LineChart<Number, Number> {

    /** Series order, which the stylesheet relies on (default-color0, 1, 2). */
    static final int IDEAL = 0;
    static final int AMDAHL = 1;
    static final int MEASURED = 2;

    private final XYChart.Series<Number, Number> ideal = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> amdahl = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> measured = new XYChart.Series<>();
    private final List<Text> labels = new ArrayList<>();
    private final javafx.scene.shape.Path errorBars = new javafx.scene.shape.Path();
    private final Map<Integer, double[]> spreads = new java.util.LinkedHashMap<>();
    private final Line ceilingLine = new Line();
    private final Text ceilingLabel = new Text();
    private double ceiling = Double.NaN;

    public SpeedupChart() {
        super(new NumberAxis(), new NumberAxis());
        getStyleClass().add("speedup-chart");
        setAnimated(false);
        setTitle("Speedup over the sequential loop");
        getXAxis().setLabel("workers (N)");
        getYAxis().setLabel("speedup S = T(seq) / T(N)");
        ideal.setName("ideal S = N");
        amdahl.setName("Amdahl fit");
        measured.setName("measured");
        getData().addAll(List.of(ideal, amdahl, measured));
        ceilingLine.getStyleClass().add("ceiling-line");
        ceilingLabel.getStyleClass().add("ceiling-label");
        ceilingLine.setManaged(false);
        ceilingLabel.setManaged(false);
        ceilingLine.setVisible(false);
        ceilingLabel.setVisible(false);
        errorBars.getStyleClass().add("error-bar");
        errorBars.setManaged(false);
        getPlotChildren().addAll(ceilingLine, ceilingLabel, errorBars);
    }

    /** "Amdahl f = 0.026, ceiling 38×". */
    static String fitName(AmdahlFit fit) {
        return "Amdahl " + fit.describe().replace(" (", ", ").replace("x)", "\u00d7").replace(")", "");
    }

    /** Shows {@code report}, or nothing when it is null. */
    public void show(BenchmarkReport report) {
        getPlotChildren().removeAll(labels);
        labels.clear();
        spreads.clear();
        ideal.getData().clear();
        amdahl.getData().clear();
        measured.getData().clear();
        if (report == null) {
            amdahl.setName("Amdahl fit");
            ceiling = Double.NaN;
            ceilingLine.setVisible(false);
            ceilingLabel.setVisible(false);
            return;
        }
        Map<Integer, Double> speedups = report.speedups();
        int maxWorkers = speedups.keySet().stream().mapToInt(Integer::intValue).max().orElse(1);
        Optional<AmdahlFit> drawn = BenchmarkViewModel.drawnFit(report);
        Optional<AmdahlFit> any = report.amdahl();
        // A real fit may extrapolate up to the cores; a one-point estimate never past what was measured.
        int curveEnd = drawn.isPresent() ? Math.max(maxWorkers, report.setting().cores()) : maxWorkers;
        int xMax = Math.max(2, curveEnd);
        double yTop = 1;
        for (var r : report.parallel()) {
            double low = report.sequential().wallTimes().minNanos() / (double) r.wallTimes().maxNanos();
            double high = report.sequential().wallTimes().maxNanos() / (double) Math.max(1, r.wallTimes().minNanos());
            spreads.put(r.configuration().workers(), new double[] {low, high});
            yTop = Math.max(yTop, Math.max(high, report.speedup(r)));
        }
        double yMax = Math.max(xMax, Math.ceil(yTop * 1.1));
        ideal.getData().add(new XYChart.Data<>(0, 0));
        ideal.getData().add(new XYChart.Data<>(xMax, xMax));
        amdahl.setName(BenchmarkViewModel.fitLabel(report));
        ceiling = drawn.isPresent() && drawn.get().serialFraction() < 1 && drawn.get().ceiling().isPresent()
                && drawn.get().ceiling().getAsDouble() < yMax ? drawn.get().ceiling().getAsDouble() : Double.NaN;
        ceilingLine.setVisible(!Double.isNaN(ceiling));
        ceilingLabel.setVisible(!Double.isNaN(ceiling));
        if (!Double.isNaN(ceiling)) {
            ceilingLabel.setText(String.format(Locale.ROOT, "Amdahl ceiling %.1f\u00d7", ceiling));
        }
        if (drawn.isPresent()) {
            amdahl.getData().addAll(curve(drawn.get(), curveEnd, yMax));
        } else if (any.isPresent() && maxWorkers > 1) {
            amdahl.getData().addAll(curve(any.get(), maxWorkers, yMax));
        }
        speedups.forEach((n, s) -> {
            measured.getData().add(new XYChart.Data<>(n, s));
            Text label = new Text(String.format(Locale.ROOT, "%.2f\u00d7", s));
            label.getStyleClass().add("point-value");
            label.setManaged(false);
            labels.add(label);
        });
        getPlotChildren().addAll(labels);
        setAxis((NumberAxis) getXAxis(), xMax + 0.35); // room for the value written over the last point
        ((NumberAxis) getXAxis()).setTickLabelFormatter(new javafx.util.StringConverter<Number>() {
            @Override
            public String toString(Number n) { // whole workers only: no "2.35" at the axis' end
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
        setAxis((NumberAxis) getYAxis(), yMax);
        requestChartLayout();
    }

    /** The error bar of each measured worker count: {low, high} speedup from the passes' spread. */
    Map<Integer, double[]> spreads() {
        return Map.copyOf(spreads);
    }

    /** The largest N the Amdahl series reaches; 0 when it is not drawn. */
    double curveEnd() {
        return amdahl.getData().stream().mapToDouble(d -> d.getXValue().doubleValue()).max().orElse(0);
    }

    /**
     * The fitted law from N = 1 to {@code xMax} workers, stopping where it leaves the plot: with f < 0
     * (speedups above the ideal line, which is noise or cache effects) the law has a pole.
     */
    static List<XYChart.Data<Number, Number>> curve(AmdahlFit fit, int xMax, double yMax) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        int steps = xMax * 10;
        for (int step = 0; step <= steps; step++) {
            double n = 1 + (xMax - 1) * (double) step / steps;
            double denominator = fit.serialFraction() + (1 - fit.serialFraction()) / n;
            if (denominator <= 0 || 1 / denominator > yMax) {
                break;
            }
            points.add(new XYChart.Data<>(n, 1 / denominator));
        }
        return points;
    }

    private static void setAxis(NumberAxis axis, double max) {
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(max);
        axis.setTickUnit(Math.max(1, Ticks.niceStep(max, 8)));
        axis.setMinorTickVisible(false);
    }

    /** The three series, for tests: ideal, Amdahl fit, measured. */
    public List<XYChart.Series<Number, Number>> series() {
        return List.of(ideal, amdahl, measured);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        if (!Double.isNaN(ceiling)) {
            double y = getYAxis().getDisplayPosition(ceiling);
            double x0 = getXAxis().getDisplayPosition(0);
            double x1 = getXAxis().getDisplayPosition(((NumberAxis) getXAxis()).getUpperBound());
            ceilingLine.setStartX(x0);
            ceilingLine.setEndX(x1);
            ceilingLine.setStartY(y);
            ceilingLine.setEndY(y);
            ceilingLabel.setX(x1 - ceilingLabel.getLayoutBounds().getWidth() - 8);
            ceilingLabel.setY(y - 6);
        }
        List<javafx.scene.shape.PathElement> bars = new ArrayList<>();
        for (XYChart.Data<Number, Number> point : measured.getData()) {
            double[] spread = spreads.get(point.getXValue().intValue());
            if (spread == null) {
                continue;
            }
            double x = getXAxis().getDisplayPosition(point.getXValue());
            double y0 = getYAxis().getDisplayPosition(spread[0]);
            double y1 = getYAxis().getDisplayPosition(spread[1]);
            bars.add(new javafx.scene.shape.MoveTo(x, y0));
            bars.add(new javafx.scene.shape.LineTo(x, y1));
            bars.add(new javafx.scene.shape.MoveTo(x - 6, y0));
            bars.add(new javafx.scene.shape.LineTo(x + 6, y0));
            bars.add(new javafx.scene.shape.MoveTo(x - 6, y1));
            bars.add(new javafx.scene.shape.LineTo(x + 6, y1));
        }
        errorBars.getElements().setAll(bars);
        errorBars.toFront();
        for (int i = 0; i < labels.size() && i < measured.getData().size(); i++) {
            XYChart.Data<Number, Number> point = measured.getData().get(i);
            double x = getXAxis().getDisplayPosition(point.getXValue());
            double y = getYAxis().getDisplayPosition(point.getYValue());
            Text label = labels.get(i);
            label.setX(x - label.getLayoutBounds().getWidth() / 2);
            label.setY(y - 14);
            label.toFront();
        }
        for (XYChart.Data<Number, Number> point : measured.getData()) {
            Node symbol = point.getNode();
            if (symbol != null) {
                symbol.toFront();
            }
        }
    }
}
