package org.parathumb.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.beans.Observable;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.pipeline.Pipelines;

/**
 * The JavaFX application: it owns the one {@link WorkerPool} every load and image task runs on
 * (closed in {@link #stop()}), reads and writes the settings, and shows the main window on the
 * folders named on the command line, or else on the last ones loaded, or else on the bundled
 * {@code images} folder when started from the project folder.
 */
public final class ParathumbApp extends Application {

    static final double MIN_WIDTH = 960;
    /** The sample folder shipped with the project, opened when nothing else is named or remembered. */
    static final Path BUNDLED_IMAGES = Path.of("images");
    static final double MIN_HEIGHT = 600;

    private WorkerPool pool;
    private SettingsStore store;
    private MainView view;
    private BenchmarkLauncher benchmarks;

    /** Opens the window; {@code args} may name folders or images to load at start. */
    public static void launchWindow(String[] args) {
        Application.launch(ParathumbApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        store = SettingsStore.forUser();
        Settings settings = store.load(WorkerPool.availableCores());
        pool = new WorkerPool(settings.workers());
        List<Path> inputs = getParameters().getRaw().stream().map(Path::of).toList();
        if (inputs.isEmpty()) {
            inputs = settings.lastInputs().stream().filter(Files::exists).toList();
        }
        if (inputs.isEmpty() && DropPayload.isUsable(BUNDLED_IMAGES)) {
            inputs = List.of(BUNDLED_IMAGES); // java -jar target/parathumb.jar from the project folder
        }
        StartupProbe.install(stage);
        view = show(stage, store, pool, inputs, getHostServices()::showDocument);
        benchmarks = new BenchmarkLauncher(pool, () -> stage);
        view.onBenchmarkProperty().set(benchmarks);
    }

    /**
     * Builds the main window on {@code stage} with the given settings store and pool (the tests'
     * own, or the application's), opens {@code inputs}, and shows it.
     */
    static MainView show(Stage stage, SettingsStore store, WorkerPool pool, List<Path> inputs, Consumer<String> opener) {
        return show(stage, store, pool, inputs, opener, Pipelines::byName);
    }

    /** As above, with the pipelines made by {@code pipelines} from their names. */
    static MainView show(Stage stage, SettingsStore store, WorkerPool pool, List<Path> inputs, Consumer<String> opener,
            Function<String, ThumbnailPipeline> pipelines) {
        return show(stage, store, pool, inputs, opener, pipelines, SystemTheme::askThisDesktop);
    }

    /** As above, asking {@code systemTheme} whether the desktop is dark (off the FX thread) when the theme is System. */
    static MainView show(Stage stage, SettingsStore store, WorkerPool pool, List<Path> inputs, Consumer<String> opener,
            Function<String, ThumbnailPipeline> pipelines, Supplier<Optional<Boolean>> systemTheme) {
        Theme theme = Theme.forDesktop(store.theme(), ParathumbApp::applyTheme, store::saveTheme, systemTheme);
        MainViewModel model = new MainViewModel(store.load(WorkerPool.availableCores()), WorkerPool.availableCores(),
                pipelines);
        MainView view = new MainView(model, pool, opener);
        for (Observable setting : List.of(model.workersProperty(), model.thumbnailSizeProperty(),
                model.blurRadiusProperty(), model.pipelineProperty(), model.outputFolderProperty(), model.loadedProperty())) {
            setting.addListener(o -> store.save(model.settings()));
        }
        view.themeProperty().bindBidirectional(theme.choiceProperty());
        view.darkShownProperty().bind(theme.darkProperty());
        WindowPlace place = store.windowPlace().filter(ParathumbApp::onAScreen)
                .orElse(new WindowPlace(0, 0, 1180, 760));
        Scene scene = new Scene(view.root(), Math.max(MIN_WIDTH, place.width()), Math.max(MIN_HEIGHT, place.height()));
        scene.getStylesheets().add(Objects.requireNonNull(ParathumbApp.class.getResource("parathumb.css")).toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            LoadedImages images = model.loadedProperty().get();
            return images == null ? "Parathumb" : "Parathumb — " + images.source();
        }, model.loadedProperty()));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    ParathumbApp.class.getResource("icon-" + size + ".png")).toExternalForm()));
        }
        if (store.windowPlace().filter(ParathumbApp::onAScreen).isPresent()) {
            stage.setX(place.x());
            stage.setY(place.y());
        }
        for (javafx.beans.value.ObservableValue<Number> edge : List.of(stage.xProperty(), stage.yProperty(),
                scene.widthProperty(), scene.heightProperty())) {
            edge.addListener(o -> {
                if (!stage.isMaximized() && !stage.isIconified() && scene.getWidth() > 0 && scene.getHeight() > 0
                        && Double.isFinite(stage.getX()) && Double.isFinite(stage.getY())) {
                    store.saveWindowPlace(new WindowPlace(stage.getX(), stage.getY(), scene.getWidth(), scene.getHeight()));
                }
            });
        }
        stage.show();
        if (!inputs.isEmpty()) {
            view.open(inputs);
        }
        return view;
    }

    /** AtlantaFX's Primer theme, dark or light, for every window of the application. */
    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Whether a remembered place still shows on one of the screens (a monitor may have gone). */
    private static boolean onAScreen(WindowPlace place) {
        return !javafx.stage.Screen.getScreensForRectangle(place.x(), place.y(), Math.min(place.width(), 100), 40).isEmpty();
    }

    @Override
    public void stop() {
        if (benchmarks != null) {
            benchmarks.close();
        }
        if (view != null) {
            view.close();
            store.save(view.model().settings());
            store.flush();
        }
        if (pool != null) {
            pool.close();
        }
    }
}
