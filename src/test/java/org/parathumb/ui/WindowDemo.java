package org.parathumb.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.parathumb.core.batch.WorkerPool;

/**
 * The real window on a folder, for looking at it and measuring it; not a test. Options:
 * {@code -Drun=true} runs the folder once loaded ({@code -Drun.after=MS} that long after); {@code -Dsize=960x600}; {@code -Ddark=true};
 * {@code -Dout=DIR} writes the thumbnails there instead of each folder's thumbs/; {@code -Dpipeline=fast} picks the pipeline;
 * {@code -Dfailures=true} opens the failures pane; {@code -Dselect=N} inspects the N-th tile;
 * {@code -Dshot=FILE.png} writes a snapshot of the window when done; {@code -Dexit=true} quits;
 * {@code -Dtimeline=true} opens the run's timeline (Ctrl+I) and shoots that window instead,
 * {@code -Dzoom=F} zoomed by F around {@code -Dat=FRACTION} of its plot.
 * At the end of a run it prints the stall monitor's figures: the longest gap between two frames,
 * and the distribution of the FX thread's CPU time between two frames (max, p99, frames over 100
 * and 50 ms); {@code -Dframes.log=FILE} writes every frame (wall-clock time, gap, FX CPU) to FILE,
 * to line the slow ones up with a flight recording.
 * {@code -Dcancel.after=SECONDS} presses Esc that long after the run started and prints how long
 * the window took to say so, and when the last worker thread stopped using CPU (see {@link CancelProbe}).
 * Run it from the test class path: {@code java -cp ... org.parathumb.ui.WindowDemo$Main DIR}.
 */
public final class WindowDemo extends Application {

    private WorkerPool pool;
    private MainView view;
    private CancelProbe cancelProbe;
    private FrameLog frameLog;

    /** The entry point; a class that is not an Application, so JavaFX runs from the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(WindowDemo.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        MemoryPreferences preferences = new MemoryPreferences();
        SettingsStore store = new SettingsStore(preferences);
        store.saveDark(Boolean.getBoolean("dark"));
        pool = new WorkerPool(WorkerPool.availableCores());
        List<Path> inputs = new ArrayList<>();
        getParameters().getRaw().forEach(arg -> inputs.add(Path.of(arg)));
        view = ParathumbApp.show(stage, store, pool, List.of(), uri -> { });
        view.onBenchmarkProperty().set(new BenchmarkLauncher(pool, () -> stage));
        String[] size = System.getProperty("size", "1180x760").split("x");
        stage.setWidth(Double.parseDouble(size[0]));
        stage.setHeight(Double.parseDouble(size[1]));
        MainViewModel model = view.model();
        if (System.getProperty("out") != null) {
            model.outputFolderProperty().set(java.util.Optional.of(Path.of(System.getProperty("out"))));
        }
        if (System.getProperty("pipeline") != null) {
            model.pipelineProperty().set(System.getProperty("pipeline"));
        }
        model.loadedProperty().addListener((obs, old, loaded) -> {
            if (loaded != null && Boolean.getBoolean("run")) {
                // -Drun.after=MS presses Run that long after the load, as a user would, not at once.
                javafx.animation.PauseTransition wait =
                        new javafx.animation.PauseTransition(javafx.util.Duration.millis(Long.getLong("run.after", 0)));
                wait.setOnFinished(e -> view.run());
                wait.play();
            } else if (loaded != null) {
                Platform.runLater(this::finish);
            }
        });
        String cancelAfter = System.getProperty("cancel.after");
        if (cancelAfter != null) {
            cancelProbe = new CancelProbe(view, Double.parseDouble(cancelAfter), this::finish);
        }
        if (System.getProperty("frames.log") != null) {
            frameLog = new FrameLog(Path.of(System.getProperty("frames.log")), () -> model.stateProperty().get().isActive());
            frameLog.start();
        }
        model.stateProperty().addListener((obs, old, state) -> {
            if (cancelProbe != null) {
                return; // the probe finishes once the workers have stopped
            }
            if (!state.isActive() && old.isActive()) {
                Platform.runLater(() -> Platform.runLater(this::finish)); // after the last frame's drain
            }
        });
        if (inputs.isEmpty()) {
            Platform.runLater(this::finish);
        } else {
            view.open(inputs);
        }
    }

    private void finish() {
        StallMonitor stalls = view.stalls();
        System.out.printf(Locale.ROOT, "tiles=%d frames=%d longestGapMs=%.1f longestFxCpuMs=%.1f p99FxCpuMs=%.1f"
                + " fxCpuOver100ms=%d fxCpuOver50ms=%d status=%s%n",
                view.model().tiles().size(), stalls.frames(), stalls.longestGapNanos() / 1e6,
                stalls.longestCpuGapNanos() / 1e6, stalls.cpuGapPercentileNanos(0.99) / 1e6,
                stalls.framesOverBudget(), stalls.framesOver(StallMonitor.HALF_BUDGET_NANOS), view.model().status());
        if (frameLog != null) {
            frameLog.stop();
        }
        if (Boolean.getBoolean("failures")) {
            view.root().getScene().getAccelerators().get(MainView.FAILURES).run();
        }
        if (Boolean.getBoolean("timeline")) {
            view.root().getScene().getAccelerators().get(MainView.SHOW_TIMELINE).run();
            javafx.stage.Window window = javafx.stage.Window.getWindows().stream()
                    .filter(w -> w instanceof Stage s && "Parathumb timeline".equals(s.getTitle())).findFirst()
                    .orElseThrow();
            window.setWidth(Double.parseDouble(System.getProperty("size", "1180x760").split("x")[0]));
            window.setHeight(Double.parseDouble(System.getProperty("size", "1180x760").split("x")[1]));
            var timeline = (org.parathumb.ui.bench.TimelineView) window.getScene().getRoot()
                    .lookup(".timeline-view");
            double zoom = Double.parseDouble(System.getProperty("zoom", "1"));
            if (zoom != 1) {
                timeline.model().zoom(zoom, Double.parseDouble(System.getProperty("at", "0.5")));
                timeline.show(timeline.model());
            }
            shootScene(window.getScene());
        } else if (Integer.getInteger("select", -1) >= 0) {
            view.select(Integer.getInteger("select"));
            waitForOriginal(System.nanoTime());
        } else {
            shoot();
        }
    }

    /** The inspected original is read on the pool: the picture waits for it (at most 10 s). */
    private void waitForOriginal(long since) {
        if (view.inspection().original().getImage() != null || System.nanoTime() - since > 10_000_000_000L) {
            shoot();
            return;
        }
        javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.millis(100));
        pause.setOnFinished(e -> waitForOriginal(since));
        pause.play();
    }

    private void shoot() {
        shootScene(view.root().getScene());
    }

    private void shootScene(javafx.scene.Scene scene) {
        String shot = System.getProperty("shot");
        // Two pulses for the layout and the CSS of what just changed, then the picture.
        Platform.runLater(() -> Platform.runLater(() -> {
            if (shot != null) {
                try {
                    var image = scene.snapshot(null);
                    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", Files.createDirectories(
                            Path.of(shot).toAbsolutePath().getParent()).resolve(Path.of(shot).getFileName()).toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            if (Boolean.getBoolean("exit")) {
                Platform.exit();
            }
        }));
    }

    @Override
    public void stop() {
        view.close();
        pool.close();
    }
}
