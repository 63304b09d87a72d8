package org.parathumb.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ScanRequest;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.bench.BenchmarkRequest;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.ui.bench.BenchmarkView;
import org.parathumb.ui.bench.BenchmarkViewModel;
import org.parathumb.ui.bench.CostCalibration;

/**
 * The main window's Benchmark button: scans the loaded images (without creating any output
 * folder: a benchmark writes only to its own temporary folder), reads their headers and times a
 * few images of each kind, then opens the benchmark window with an estimate, a sample size,
 * repeats and warm-up; its Start measures the sequential loop against the slider's worker count, or every count with Sweep.
 * While it holds the application's pool the main window cannot run or move the slider. One
 * benchmark window at a time: a new benchmark replaces the last one's window.
 */
final class BenchmarkLauncher implements Consumer<MainViewModel>, AutoCloseable {

    private final WorkerPool pool;
    private final Supplier<Window> owner;
    private BenchmarkViewModel current;
    private Stage stage;

    BenchmarkLauncher(WorkerPool pool, Supplier<Window> owner) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public void accept(MainViewModel model) {
        ScanRequest request = model.scanRequest();
        ThumbnailSpec spec = model.spec();
        int workers = model.workersProperty().get();
        boolean sweep = model.sweepProperty().get();
        model.busyElsewhereProperty().set(true);
        ImageProcessor processor = new ImageProcessor(model.pipeline(), spec);
        List<Integer> counts = sweep ? BenchmarkRequest.sweep(WorkerPool.availableCores()) : List.of(workers);
        Task<BenchmarkViewModel.Plan> scan = new Task<>() {
            @Override
            protected BenchmarkViewModel.Plan call() throws Exception {
                List<ImageJob> jobs = processor.withHeaders(new SourceScanner().scan(request), Runnable::run, 1,
                        this::isCancelled);
                return new BenchmarkViewModel.Plan(jobs, counts, processor::estimatedWork,
                        CostCalibration.timing(processor, jobs));
            }
        };
        scan.setOnSucceeded(e -> open(model, processor, scan.getValue()));
        scan.setOnFailed(e -> {
            model.busyElsewhereProperty().set(false);
            Alert alert = new Alert(Alert.AlertType.ERROR, "Could not benchmark: " + scan.getException().getMessage());
            alert.initOwner(owner.get());
            alert.show();
        });
        pool.execute(scan);
    }

    /** Opens the window with {@code plan}: the user sees the estimate, sets the sample and rounds, and presses Start. */
    private void open(MainViewModel model, ImageProcessor processor, BenchmarkViewModel.Plan plan) {
        closeWindow();
        model.busyElsewhereProperty().set(false); // nothing holds the pool until Start
        BenchmarkViewModel bench = new BenchmarkViewModel(processor, pool, Platform::runLater);
        bench.runningProperty().addListener((obs, was, running) -> {
            model.busyElsewhereProperty().set(running); // "Run again" in the benchmark window holds the pool too
            if (!running) {
                pool.resize(model.workersProperty().get()); // the slider's count again, whatever the passes used
            }
        });
        current = bench;
        stage = BenchmarkView.openWindow(owner.get(), bench);
        bench.prepare(plan);
    }

    private void closeWindow() {
        if (current != null) {
            current.close();
            current = null;
        }
        if (stage != null) {
            stage.close();
            stage = null;
        }
    }

    /** Cancels a running benchmark and waits for it, then closes its window: for {@code Application.stop()}. */
    @Override
    public void close() {
        closeWindow();
    }
}
