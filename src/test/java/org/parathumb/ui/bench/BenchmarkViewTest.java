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

    @Start
    void start(Stage stage) {
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
        new SampleGenerator().generate(dir.resolve("photos"), 4, 0.05, 1);
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
    void theTimelineShowsTheLastPassWithTheMostWorkers() throws Exception {
        BenchmarkReport report = benchmark(List.of(2));

        assertThat(view.timelineView().timeline().barCount()).isEqualTo(4);
        assertThat(view.timelineView().timeline().lanes()).extracting(l -> l.worker())
                .containsExactlyElementsOf(report.timelinePass().stream().map(r -> r.worker()).distinct().sorted().toList());
        assertThat(view.timelineView().lookupAll(".timeline-bar")).hasSize(4);
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
