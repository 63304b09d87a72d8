package org.parathumb.ui.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.bench.BenchmarkReport;
import org.parathumb.core.bench.BenchmarkRequest;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;
import org.parathumb.core.samples.SampleGenerator;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The pane, headless, after a real benchmark of small images: its series, table, timeline and exports. */
@ExtendWith(ApplicationExtension.class)
class BenchmarkViewTest {

    @TempDir
    Path dir;

    private final WorkerPool pool = new WorkerPool(2);
    private BenchmarkViewModel model;
    private BenchmarkView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new BenchmarkViewModel(new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT), pool,
                Platform::runLater);
        view = new BenchmarkView(model);
        stage.setScene(new Scene(view, 1200, 760)); // within Monocle's 1280x800 headless screen
        stage.show();
    }

    @AfterEach
    void tearDown() {
        model.close();
        pool.close();
    }

    private BenchmarkReport benchmark(List<Integer> workers) throws Exception {
        return benchmark(workers, 4);
    }

    private BenchmarkReport benchmark(List<Integer> workers, int images) throws Exception {
        new SampleGenerator().generate(dir.resolve("photos"), images, 0.05, 1);
        List<ImageJob> jobs = new org.parathumb.core.batch.SourceScanner()
                .scan(org.parathumb.core.batch.ScanRequest.of(dir.resolve("photos")));
        BenchmarkRequest request = BenchmarkRequest.thumbnails(jobs, workers, 2, 0);
        BenchmarkReport report = WaitForAsyncUtils.asyncFx(() -> model.start(request)).get(10, TimeUnit.SECONDS)
                .get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return report;
    }

    @Test
    void theChartsShowABarPerConfigurationAndTheMeasuredIdealAndOnePointSpeedups() throws Exception {
        BenchmarkReport report = benchmark(List.of(1, 2));

        assertThat(view.wallTimeChart().bars()).extracting(XYChart.Data::getXValue)
                .containsExactly("sequential", "1 worker", "2 workers");
        assertThat(view.wallTimeChart().bars()).extracting(d -> d.getYValue().doubleValue())
                .containsExactly(report.results().stream().map(r -> r.wallTimes().medianSeconds()).toArray(Double[]::new));
        assertThat(view.wallTimeChart().bars()).allSatisfy(d -> assertThat(d.getNode()).isNotNull());
        var series = view.speedupChart().series();
        assertThat(series.get(SpeedupChart.IDEAL).getData()).allMatch(d ->
                d.getXValue().doubleValue() == d.getYValue().doubleValue());
        // one worker count besides 1: an estimate, labelled so, never drawn past the measured N
        assertThat(series.get(SpeedupChart.AMDAHL).getName()).startsWith("one-point estimate, not a fit");
        assertThat(view.speedupChart().curveEnd()).isEqualTo(2.0);
        assertThat(view.speedupChart().spreads()).containsOnlyKeys(1, 2);
        assertThat(series.get(SpeedupChart.MEASURED).getData()).extracting(d -> d.getXValue().intValue())
                .containsExactly(1, 2);
        assertThat(series.get(SpeedupChart.MEASURED).getData().get(1).getYValue().doubleValue())
                .isEqualTo(report.speedup(report.parallel().get(1)));
        assertThat(view.table().getItems()).hasSize(3);
    }

    @Test
    void theChartsGrowWhilePassesFinishNotOnlyAtTheEnd() throws Exception {
        // A cpu-loop of many rounds: still running long after its first measured round.
        BenchmarkRequest request = BenchmarkRequest.cpuLoop(List.of(1, 2), 1000, 0).withLoop(2_000_000, 2);
        WaitForAsyncUtils.asyncFx(() -> model.start(request)).get(10, TimeUnit.SECONDS);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.liveReportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(model.isRunning()).isTrue();
            assertThat(model.getReport()).as("no final report yet").isNull();
            assertThat(view.wallTimeChart().bars()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(view.speedupChart().series().get(SpeedupChart.MEASURED).getData()).isNotEmpty();
            assertThat(view.table().getItems()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(view.lookup(".benchmark-headline")).isInstanceOfSatisfying(javafx.scene.control.Label.class,
                    l -> assertThat(l.getText()).startsWith("Measuring\u2026 so far: "));
        }).get(10, TimeUnit.SECONDS);
        model.cancel();
    }

    @Test
    void theSpinnersSetSampleRepeatsAndWarmUpAndTheEstimateFollows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> model.prepare(new BenchmarkViewModel.Plan(BenchmarkPlanTest.folder(), List.of(2),
                j -> j.header().pixels(), CostCalibration.uniform(1.0, 2)))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Spinner<?> sample = (javafx.scene.control.Spinner<?>) view.lookup("#bench-sample");
        javafx.scene.control.Spinner<?> repeats = (javafx.scene.control.Spinner<?>) view.lookup("#bench-repeats");
        javafx.scene.control.Spinner<?> warmups = (javafx.scene.control.Spinner<?>) view.lookup("#bench-warmups");
        String before = view.estimateLine().getText();

        WaitForAsyncUtils.asyncFx(() -> {
            sample.decrement(4); // 12 -> 8
            repeats.decrement(2); // 3 -> 1
            warmups.decrement(1); // 1 -> 0
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(before).startsWith("12 of 73 images");
        assertThat(model.sampleSizeProperty().get()).isEqualTo(8);
        assertThat(model.repeatsProperty().get()).isEqualTo(1);
        assertThat(model.warmupsProperty().get()).isZero();
        assertThat(view.estimateLine().getText()).startsWith("8 of 73 images").contains("0 warm-ups + 1 repeat: 2 passes");
        assertThat(model.planRequest(org.parathumb.core.bench.Workload.THUMBNAILS).jobs()).hasSize(8);
        assertThat(view.lookup("#bench-start")).isInstanceOfSatisfying(javafx.scene.control.Button.class,
                b -> assertThat(b.isDisabled()).isFalse());
    }

    @Test
    void theTimelineShowsTheLastPassWithTheMostWorkers() throws Exception {
        BenchmarkReport report = benchmark(List.of(2));

        assertThat(view.timelineView().timeline().barCount()).isEqualTo(4);
        assertThat(view.timelineView().timeline().lanes()).extracting(l -> l.worker())
                .containsExactlyElementsOf(report.timelinePass().stream().map(r -> r.worker()).distinct().sorted().toList());
        assertThat(view.timelineView().lookupAll(".timeline-bar")).hasSize(4);
    }

    @Test
    void theTimelineLanesReadWorkerOneToNForThePassesWorkerCountNotThreadNames() throws Exception {
        // 1 then 2 workers in each round: the pool shrinks and grows, and its new threads get new numbers
        BenchmarkReport report = benchmark(List.of(1, 2), 8);

        TimelineModel shown = view.timelineView().model();
        assertThat(shown.lanes()).extracting(TimelineModel.Lane::name).containsExactly("Worker 1", "Worker 2");
        assertThat(shown.caption()).contains("8 images on 2 workers").doesNotContain("thread");
        assertThat(view.timelineView().lookupAll(".timeline-lane-label")).extracting(n -> ((Label) n).getText())
                .containsExactly("Worker 1", "Worker 2");
        assertThat(report.timelinePass()).extracting(r -> r.worker()).allMatch(t -> t.startsWith("thumb-worker-"));
    }

    @Test
    void theChartsTakeEveryColourFromTheThemeAndFollowASwitchWhileOpen() throws Exception {
        benchmark(List.of(2));
        String[] parts = {".chart-plot-background", ".benchmark-card", ".benchmark-headline", ".axis-label",
            ".timeline-lane", ".timeline-lane-label", ".chart-legend .label"};

        List<String> light = WaitForAsyncUtils.asyncFx(() -> colours(parts, new atlantafx.base.theme.PrimerLight()))
                .get(10, TimeUnit.SECONDS);
        List<String> dark = WaitForAsyncUtils.asyncFx(() -> colours(parts, new atlantafx.base.theme.PrimerDark()))
                .get(10, TimeUnit.SECONDS);

        // the plot and the card: the theme's default background; the text: its default foreground
        assertThat(light.subList(0, 2)).containsOnly("0xffffffff");
        assertThat(dark.subList(0, 2)).containsOnly("0x0d1117ff");
        assertThat(light.get(2)).isEqualTo("0x24292fff");
        assertThat(dark.get(2)).isEqualTo("0xc9d1d9ff");
        for (int i = 0; i < parts.length; i++) {
            assertThat(dark.get(i)).as("%s in the dark theme", parts[i]).isNotEqualTo(light.get(i));
        }
        WaitForAsyncUtils.asyncFx(() -> javafx.application.Application.setUserAgentStylesheet(null))
                .get(10, TimeUnit.SECONDS);
    }

    /** The fill (text) or background colour of the first node of each part, under {@code theme}. */
    private List<String> colours(String[] parts, atlantafx.base.theme.Theme theme) {
        javafx.application.Application.setUserAgentStylesheet(theme.getUserAgentStylesheet());
        view.applyCss();
        view.layout();
        List<String> colours = new java.util.ArrayList<>();
        for (String part : parts) {
            javafx.scene.Node node = view.lookup(part);
            assertThat(node).as(part).isNotNull();
            javafx.scene.paint.Paint paint = node instanceof javafx.scene.control.Labeled l ? l.getTextFill()
                    : ((javafx.scene.layout.Region) node).getBackground().getFills().get(0).getFill();
            colours.add(paint.toString());
        }
        return colours;
    }

    @Test
    void atTheMinimumWidthWhileRunningEveryControlOfTheBarsIsWholeAndInside() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            model.prepare(new BenchmarkViewModel.Plan(BenchmarkPlanTest.folder(), List.of(1, 2), j -> j.header().pixels(),
                    CostCalibration.uniform(1.0, 2)));
            stage.setWidth(BenchmarkView.MIN_WIDTH);
            stage.setHeight(BenchmarkView.MIN_HEIGHT);
            model.start(BenchmarkRequest.cpuLoop(List.of(1, 2), 1000, 0).withLoop(2_000_000, 2));
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        WaitForAsyncUtils.asyncFx(() -> {
            double width = view.getScene().getWidth();
            assertThat(model.isRunning()).isTrue();
            assertThat(width).isLessThanOrEqualTo(BenchmarkView.MIN_WIDTH);
            List<javafx.scene.control.Control> controls = new java.util.ArrayList<>();
            collect(view.getTop(), controls);
            assertThat(controls).extracting(javafx.scene.Node::getId).contains("bench-start", "bench-sample", "bench-estimate");
            assertThat(controls).anyMatch(c -> c instanceof javafx.scene.control.Button b && b.getText().equals("Cancel"));
            for (javafx.scene.control.Control c : controls) {
                javafx.geometry.Bounds b = c.localToScene(c.getLayoutBounds());
                String name = c.getClass().getSimpleName() + (c instanceof javafx.scene.control.Labeled l ? " \"" + l.getText() + "\"" : "");
                assertThat(b.getMinX()).as("%s starts inside the window", name).isGreaterThanOrEqualTo(-0.5);
                assertThat(b.getMaxX()).as("%s ends inside the window", name).isLessThanOrEqualTo(width + 0.5);
                if (c instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()
                        && c.getMinWidth() != 0 && !l.isWrapText()) {
                    assertThat(c.getWidth()).as("%s is as wide as its text", name).isGreaterThanOrEqualTo(c.prefWidth(-1) - 0.5);
                }
            }
        }).get(10, TimeUnit.SECONDS);
        model.cancel();
    }

    private static void collect(javafx.scene.Node node, List<javafx.scene.control.Control> controls) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof javafx.scene.control.Control c && !(c.getParent() instanceof javafx.scene.control.Control)) {
            controls.add(c);
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, controls));
        }
    }

    @Test
    void exportsWriteAValidPngCsvAndJson() throws Exception {
        benchmark(List.of(2));
        Path png = dir.resolve("bench.png");
        Path csv = dir.resolve("bench.csv");
        Path json = dir.resolve("bench.json");

        WaitForAsyncUtils.asyncFx(() -> {
            view.exportPng(png);
            return null;
        }).get(10, TimeUnit.SECONDS);
        model.exportCsv(csv);
        model.exportJson(json);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(1000);
        assertThat(Files.readAllLines(csv)).hasSize(3).first().asString().startsWith("workload,configuration");
        assertThat(JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("configurations"))
                .hasSize(2);
    }

    @Test
    void beforeAnyBenchmarkThePaneSaysHowToStartOne() throws IOException {
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.wallTimeChart().bars()).isEmpty();
        assertThat(view.lookup(".benchmark-headline")).isNotNull();
        assertThat(((javafx.scene.control.Label) view.lookup(".benchmark-headline")).getText()).isEqualTo("No benchmark yet");
    }
}
