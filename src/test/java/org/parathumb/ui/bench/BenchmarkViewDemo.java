package org.parathumb.ui.bench;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ScanRequest;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.bench.BenchmarkRequest;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

/**
 * Shows the benchmark pane alone, for looking at it: benchmarks the folder given as the first
 * argument (a sweep, -Drepeats=3 repeats, 1 warm-up; -Dworkload=cpu-loop for the loop) and, with a second argument, writes the PNG export
 * there once it ends. Not a test; run it from the test class path.
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
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        List<String> args = getParameters().getRaw();
        pool = new WorkerPool(WorkerPool.availableCores());
        model = new BenchmarkViewModel(new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT), pool,
                Platform::runLater);
        BenchmarkView view = new BenchmarkView(model);
        stage.setTitle("Parathumb benchmark");
        stage.setScene(new Scene(view, 1600, 1000));
        stage.show();
        List<ImageJob> jobs = new SourceScanner().scan(ScanRequest.of(Path.of(args.get(0))));
        int repeats = Integer.getInteger("repeats", 3);
        List<Integer> sweep = BenchmarkRequest.sweep(WorkerPool.availableCores());
        BenchmarkRequest request = "cpu-loop".equals(System.getProperty("workload"))
                ? BenchmarkRequest.cpuLoop(sweep, repeats, 1)
                : BenchmarkRequest.thumbnails(jobs, sweep, repeats, 1);
        model.start(request).thenRun(() -> Platform.runLater(() -> {
            if (args.size() > 1) {
                try {
                    view.exportPng(Path.of(args.get(1)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }));
    }

    @Override
    public void stop() {
        model.close();
        pool.close();
    }
}
