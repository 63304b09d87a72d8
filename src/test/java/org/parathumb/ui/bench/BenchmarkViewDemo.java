package org.parathumb.ui.bench;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ScanRequest;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.bench.BenchmarkRequest;
import org.parathumb.core.bench.Workload;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

/**
 * Shows the benchmark window alone, for looking at it: prepares the folder given as the first
 * argument as the Benchmark button does (headers, timed images of each kind, a sweep), with -Dsample=N
 * (default 12), -Drepeats=N (3), -Dwarmups=N (1), -Ddark=true, -Dsize=WxH (1400x960). With
 * -Dstart=true it starts at once; with a second argument it writes a snapshot of the whole
 * window there once the benchmark ends, and exits. Not a test; run it from the test class path.
 */
public final class BenchmarkViewDemo extends Application {

    private WorkerPool pool;
    private BenchmarkViewModel model;

    /** The entry point; a class that is not an Application, so JavaFX runs from the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(BenchmarkViewDemo.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(Boolean.getBoolean("dark") ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        List<String> args = getParameters().getRaw();
        pool = new WorkerPool(WorkerPool.availableCores());
        ImageProcessor processor = new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT);
        model = new BenchmarkViewModel(processor, pool, Platform::runLater);
        BenchmarkView view = new BenchmarkView(model);
        String[] size = System.getProperty("size", "1400x960").split("x");
        stage.setTitle("Parathumb benchmark");
        Scene scene = new Scene(view, Double.parseDouble(size[0]), Double.parseDouble(size[1]));
        stage.setScene(scene);
        stage.show();
        List<ImageJob> jobs = processor.withHeaders(new SourceScanner().scan(ScanRequest.of(Path.of(args.get(0)))),
                Runnable::run, 1, () -> false);
        List<Integer> sweep = BenchmarkRequest.sweep(WorkerPool.availableCores());
        model.prepare(new BenchmarkViewModel.Plan(jobs, sweep, processor::estimatedWork,
                CostCalibration.timing(processor, jobs)));
        model.sampleSizeProperty().set(Integer.getInteger("sample", 12));
        model.repeatsProperty().set(Integer.getInteger("repeats", 3));
        model.warmupsProperty().set(Integer.getInteger("warmups", 1));
        if (!Boolean.getBoolean("start")) {
            return;
        }
        Workload workload = "cpu-loop".equals(System.getProperty("workload")) ? Workload.CPU_LOOP : Workload.THUMBNAILS;
        model.startPlan(workload).thenRun(() -> Platform.runLater(() -> Platform.runLater(() -> {
            if (args.size() > 1) {
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", Path.of(args.get(1)).toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                Platform.exit();
            }
        })));
    }

    @Override
    public void stop() {
        model.close();
        pool.close();
    }
}
