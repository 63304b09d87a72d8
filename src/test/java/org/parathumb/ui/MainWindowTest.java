package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.batch.WorkerPool;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: loading, a real drag, runs, failures, cancel, and the worker slider. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final int CORES = WorkerPool.availableCores();

    /** Forty images for the tests that act mid-run (their renders are paced): made once, shared. */
    @TempDir
    static Path shared;
    private static Path slowFolder;

    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final MemoryPreferences preferences = new MemoryPreferences();
    /** Renders allowed before a run stalls; plenty unless a test acts mid-run. */
    private final Semaphore renders = new Semaphore(UNLIMITED);
    /** While set, the paced renders' wait cannot be interrupted by a cancel. */
    private volatile boolean deaf;
    private static final int UNLIMITED = 1_000_000;
    private WorkerPool pool;
    private MainView view;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        // One worker to begin with: the slider test moves it up and down mid-run.
        new SettingsStore(preferences).save(new Settings(java.util.Optional.empty(), 50, 2, 1, List.of(), "faithful"));
        pool = new WorkerPool(1);
        view = ParathumbApp.show(stage, new SettingsStore(preferences), pool, List.of(), opened::add,
                name -> new PacedPipeline(name, renders, () -> deaf));
        model = view.model();
    }

    @AfterEach
    void stop(FxRobot robot) throws TimeoutException {
        renders.release(UNLIMITED);
        robot.interact(view::close);
        waitUntil(() -> !model.state().isActive());
        pool.close();
    }

    @Test
    void foldersAndFilesDroppedOnTheWindowAreLoadedWithCountAndMegapixels(FxRobot robot, @TempDir Path dir)
            throws TimeoutException {
        Path folder = dir.resolve("holiday");
        TestImages.folder(folder, 3, 200, 100);
        Path loose = TestImages.write(dir.resolve("loose.png"), 100, 100);

        robot.interact(() -> view.handleDrop(List.of(folder.toFile(), loose.toFile())));
        waitUntil(() -> model.loadedProperty().get() != null && !model.loadingProperty().get());

        assertThat(model.loadedProperty().get().count()).isEqualTo(4);
        assertThat(robot.lookup(".summary").queryAs(Label.class).getText()).isEqualTo("4 images · 0.1 MP in 2 places");
        assertThat(status(robot)).endsWith("ready: press Run (Ctrl+R)");
        assertThat(model.state()).isEqualTo(RunState.IDLE);
        assertThat(robot.lookup(".button").match((Button b) -> "Run".equals(b.getText())).queryButton().isDisabled()).isFalse();
    }

    @Test
    void aFolderWhoseImagesAreInSubFoldersSaysSoAndSubFoldersLoadsAndRunsThem(FxRobot robot, @TempDir Path dir)
            throws TimeoutException {
        Path root = dir.resolve("photos");
        TestImages.folder(root.resolve("2024"), 2, 80, 60);
        TestImages.folder(root.resolve("2025"), 1, 80, 60);

        load(robot, root);
        assertThat(status(robot)).isEqualTo("No images directly in photos; 3 in its sub-folders: tick Sub-folders to load them");

        robot.clickOn("#recursive");
        waitUntil(() -> model.loadedProperty().get().count() == 3 && !model.loadingProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> model.state() == RunState.DONE);

        assertThat(root.resolve("thumbs/2024/img-02.jpg")).as("the tree mirrored under thumbs, as the CLI does").exists();
        assertThat(root.resolve("thumbs/2025/img-01.jpg")).exists();
    }

    @Test
    void aSecondRunAsksBeforeOverwritingAndSkipUnchangedMakesOnlyWhatChanged(FxRobot robot, @TempDir Path dir)
            throws TimeoutException, IOException {
        Path folder = dir.resolve("again");
        TestImages.folder(folder, 3, 120, 90);
        loadAndRun(robot, folder);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(folder.resolve("thumbs/.parathumb-manifest"))
                || listHidden(folder.resolve("thumbs")));
        TestImages.write(folder.resolve("img-02.jpg"), 200, 100); // changed since the first run

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("Skip unchanged").tryQuery().isPresent());
        robot.clickOn("Skip unchanged");
        waitUntil(() -> model.state() == RunState.DONE);

        assertThat(model.tiles().stream().filter(t -> !t.existing())).extracting(Tile::name).containsExactly("img-02.jpg");
        assertThat(model.tiles().stream().filter(Tile::existing)).as("the unchanged ones stay shown, as on disk")
                .extracting(Tile::name).containsExactlyInAnyOrder("img-01.jpg", "img-03.jpg");
        assertThat(status(robot)).startsWith("Done: 1 image in ").endsWith(" · 2 unchanged, skipped");

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("Cancel").match(Node::isVisible).tryQuery().isPresent()
                && robot.lookup("Overwrite").tryQuery().isPresent());
        robot.clickOn("Overwrite");
        waitUntil(() -> model.state() == RunState.DONE);
        assertThat(model.tiles()).hasSize(3).noneMatch(Tile::existing);
    }

    /** Not the skip-unchanged manifest, which the window keeps beside the thumbnails. */
    private static boolean isThumbnail(Path file) {
        return !file.getFileName().toString().startsWith(".parathumb-manifest");
    }

    private static boolean listHidden(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(".") && !p.toString().endsWith(".tmp"));
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aDropWithoutImagesSaysSoInTheStatusLine(FxRobot robot, @TempDir Path dir) {
        Path text = TestImages.text(dir.resolve("notes.txt"), "not a picture");

        robot.interact(() -> view.handleDrop(List.of(text.toFile())));

        assertThat(status(robot)).startsWith("Nothing to load");
        assertThat(model.loadedProperty().get()).isNull();
    }

    @Test
    void aRealDragOfFilesHighlightsTheWindowAndLoadsThemOnDrop(FxRobot robot, @TempDir Path dir)
            throws TimeoutException {
        Path folder = dir.resolve("dragged");
        TestImages.folder(folder, 2, 64, 48);
        // TestFX cannot drag files from outside the application (TestFX#109): a label inside the
        // window starts a real drag-and-drop gesture whose dragboard holds the folder.
        Label source = new Label("drag me");
        source.setMinSize(80, 80);
        source.setOnDragDetected(e -> {
            Dragboard board = source.startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.putFiles(List.<File>of(folder.toFile()));
            board.setContent(content);
            e.consume();
        });
        robot.interact(() -> ((BorderPane) view.root()).setLeft(source));

        robot.drag(source).moveTo("#grid");
        assertThat(view.isHighlighted()).isTrue();
        robot.drop();
        waitUntil(() -> model.loadedProperty().get() != null && !model.loadingProperty().get());

        assertThat(view.isHighlighted()).isFalse();
        assertThat(model.loadedProperty().get().inputs()).containsExactly(folder);
        assertThat(model.loadedProperty().get().count()).isEqualTo(2);
    }

    @Test
    void runFillsTheGridWithOneTilePerImageAndFailureTilesForBadFiles(FxRobot robot, @TempDir Path dir)
            throws TimeoutException, IOException {
        Path folder = dir.resolve("mixed");
        TestImages.folder(folder, 5, 120, 90);
        TestImages.text(folder.resolve("broken.jpg"), "this is text, not a JPEG");
        TestImages.text(folder.resolve("empty.png"), "");
        load(robot, folder);

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> model.state() == RunState.DONE);
        WaitForAsyncUtils.waitForFxEvents();

        GridView<?> grid = robot.lookup("#grid").queryAs(GridView.class);
        assertThat(grid.getItems()).hasSize(7);
        assertThat(robot.lookup(".thumbnail-cell").queryAll()).hasSize(7);
        assertThat(robot.lookup(".thumbnail-cell").match(MainWindowTest::showsFailure).queryAll()).hasSize(2);
        assertThat(robot.lookup("#progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(status(robot)).startsWith("Done: 7 images in ").endsWith(" · 2 failed");
        try (Stream<Path> thumbs = Files.list(folder.resolve("thumbs"))) {
            assertThat(thumbs.filter(MainWindowTest::isThumbnail).map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("img-01.jpg", "img-02.jpg", "img-03.jpg", "img-04.jpg", "img-05.jpg");
        }

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        ListView<?> failures = robot.lookup("#failures").queryListView();
        assertThat(failures.isVisible()).isTrue();
        assertThat(failures.getItems()).hasSize(2);

        Node made = robot.lookup(".thumbnail-cell").match((Node cell) -> !showsFailure(cell)).query();
        robot.doubleClickOn(made);
        InspectionPane inspection = view.inspection();
        assertThat(inspection.node().isVisible()).as("a double-click inspects the tile").isTrue();
        assertThat(inspection.magnified().getImage()).isSameAs(((ThumbnailCell) made).getItem().thumbnail());
        assertThat(inspection.magnified().isSmooth()).as("the thumbnail's pixels are magnified as blocks").isFalse();
        waitUntil(() -> inspection.original().getImage() != null);
        assertThat(inspection.original().getImage().getWidth()).isGreaterThan(50);
        WaitForAsyncUtils.waitForFxEvents(); // the grid is narrower now: its cells were laid out again
        robot.doubleClickOn(robot.lookup(".thumbnail-cell").match(MainWindowTest::showsFailure).<Node>query());
        assertThat(inspection.tileProperty().get().isFailure()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        assertThat(opened).as("inspecting opens no outside viewer").hasSize(1);
        assertThat(opened.get(0)).as("Ctrl+T shows the thumbnails' folder").endsWith("/mixed/thumbs/");
    }

    /**
     * A thumbnail with transparent pixels shows a checkerboard through them, exactly behind the
     * picture, in the tile and in the inspection; a failed tile shows none.
     */
    @Test
    void transparentPixelsShowACheckerboardBehindThePictureNotTheTilesBackground(FxRobot robot, @TempDir Path dir)
            throws TimeoutException, IOException {
        Path folder = dir.resolve("alpha");
        BufferedImage faded = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                faded.setRGB(x, y, (x * 255 / 399) << 24 | 0xFFFFFF); // white, from transparent to opaque
            }
        }
        Files.createDirectories(folder);
        ImageIO.write(faded, "png", folder.resolve("faded.png").toFile());
        TestImages.text(folder.resolve("broken.png"), "this is text, not a PNG");
        load(robot, folder);

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> model.state() == RunState.DONE);
        WaitForAsyncUtils.waitForFxEvents();

        Node made = robot.lookup(".thumbnail-cell").match((Node cell) -> !showsFailure(cell)).query();
        javafx.scene.image.ImageView picture = robot.from(made).lookup(".image-view").query();
        javafx.scene.layout.Region checker = robot.from(made).lookup(".transparency").query();
        assertThat(checker.isVisible()).isTrue();
        assertThat(checker.getBackground().getImages()).as("the checkerboard's image, from the style sheet").hasSize(1);
        assertThat(checker.getBoundsInParent()).as("exactly behind the picture")
                .isEqualTo(picture.getBoundsInParent());
        Node failed = robot.lookup(".thumbnail-cell").match(MainWindowTest::showsFailure).query();
        assertThat(robot.from(failed).lookup(".transparency").<Node>query().isVisible()).isFalse();

        robot.doubleClickOn(made);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.ImageView magnified = view.inspection().magnified();
        javafx.scene.layout.Region behind = (javafx.scene.layout.Region) magnified.getParent().getChildrenUnmodifiable()
                .get(0);
        assertThat(behind.getStyleClass()).contains("transparency");
        assertThat(behind.isVisible()).isTrue();
        assertThat(behind.getBoundsInParent()).isEqualTo(magnified.getBoundsInParent());
    }

    @Test
    void cancelMidRunStopsTheRunAndLeavesNoPartialFile(FxRobot robot, @TempDir Path dir)
            throws TimeoutException, IOException {
        Path folder = slowFolder();
        load(robot, folder);
        allowRenders(3);

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> model.tiles().size() == 3);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> model.state() == RunState.CANCELLED);

        assertThat(model.doneCount()).isLessThan(SLOW_IMAGES);
        assertThat(model.cancelledCount()).isPositive();
        assertThat(status(robot)).startsWith("Cancelled: ");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pool.activeCount() == 0);
        try (Stream<Path> thumbs = Files.list(folder.resolve("thumbs"))) {
            List<Path> files = thumbs.filter(MainWindowTest::isThumbnail).toList();
            assertThat(files).hasSize(model.doneCount());
            for (Path file : files) {
                assertThat(file.getFileName().toString()).doesNotStartWith(".");
                assertThat(ImageIO.read(file.toFile())).as("whole thumbnail %s", file).isNotNull();
            }
        }
    }

    @Test
    void escEndsTheRunAtOnceEvenWhileAnImageIsInAReadThatCannotBeInterrupted(FxRobot robot)
            throws TimeoutException, IOException {
        Path folder = slowFolder();
        load(robot, folder);
        allowRenders(0); // the first image's read hangs until the test lets it go
        deaf = true;

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> renders.hasQueuedThreads()); // an image is inside its read
        robot.type(KeyCode.ESCAPE);
        // No wait for the stuck read: it would never end before the test releases it.
        waitUntil(() -> model.state() == RunState.CANCELLED);

        assertThat(status(robot)).startsWith("Cancelled: 0/" + SLOW_IMAGES + " finished in ").endsWith(" · 1 stopping");
        assertThat(model.canRun().get()).as("Run is enabled again without waiting").isTrue();
        assertThat(pool.queuedCount()).as("no image is left queued on the pool").isZero();

        renders.release(1);
        waitUntil(() -> !model.isStopping());
        assertThat(status(robot)).contains(" of work · ").containsPattern(" · stopped \\d+\\.\\d s after cancel$");
        try (Stream<Path> thumbs = Files.list(folder.resolve("thumbs"))) {
            assertThat(thumbs.filter(MainWindowTest::isThumbnail).toList()).as("what the late image made is counted")
                    .hasSize(model.doneCount());
        }
    }

    @Test
    void theSliderSpansOneToAllCoresAndMovingItMidRunResizesThePoolAtOnce(FxRobot robot, @TempDir Path dir)
            throws TimeoutException, IOException {
        Slider slider = robot.lookup("#workers").queryAs(Slider.class);
        assertThat(slider.getMin()).isEqualTo(1);
        assertThat(slider.getMax()).isEqualTo(CORES);
        assumeTrue(CORES >= 2, "resizing needs at least two cores");

        load(robot, slowFolder());
        allowRenders(0);
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> model.state() == RunState.RUNNING && model.progressProperty().get() >= 0);

        robot.clickOn(slider).type(KeyCode.HOME).type(KeyCode.RIGHT);

        assertThat(model.state()).isEqualTo(RunState.RUNNING);
        assertThat(pool.size()).isEqualTo(2);
        assertThat(robot.lookup(".workers-label").queryAs(Label.class).getText()).isEqualTo("2 workers of " + CORES + " cores");
        assertThat(preferences.getInt(SettingsStore.WORKERS, 0)).isEqualTo(2);

        robot.type(KeyCode.LEFT);
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void aSizeAndBlurTypedInTheSettingsAreWhatTheNextRunMakesAndAreRemembered(FxRobot robot, @TempDir Path dir)
            throws TimeoutException, IOException {
        Path folder = dir.resolve("settings");
        TestImages.folder(folder, 1, 400, 200);
        load(robot, folder);
        System.gc(); // the spinners must still reach the model after a collection

        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("80").type(KeyCode.TAB);
        robot.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("0");
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> model.state() == RunState.DONE);

        assertThat(ImageIO.read(folder.resolve("thumbs/img-01.jpg").toFile()).getWidth()).isEqualTo(80);
        assertThat(preferences.getInt(SettingsStore.SIZE, 0)).isEqualTo(80);
        assertThat(preferences.getDouble(SettingsStore.BLUR, -1)).isEqualTo(0.0);
    }

    @Test
    void aDropDuringARunIsQueuedAndLoadsWhenTheRunEnds(FxRobot robot, @TempDir Path dir) throws TimeoutException, IOException {
        Path first = slowFolder();
        Path next = dir.resolve("next");
        TestImages.folder(next, 2, 64, 48);
        load(robot, first);
        allowRenders(1);
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> !model.tiles().isEmpty());

        robot.interact(() -> assertThat(view.handleDrop(List.of(next.toFile()))).isEqualTo(MainViewModel.DropOutcome.QUEUED));

        assertThat(model.state()).isEqualTo(RunState.RUNNING);
        assertThat(model.loadedProperty().get().inputs()).containsExactly(first);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> model.loadedProperty().get().inputs().equals(List.of(next)) && !model.loadingProperty().get());
        assertThat(model.state()).isEqualTo(RunState.CANCELLED);
        assertThat(model.tiles()).isNotEmpty(); // the cancelled run's tiles stay until the next run
    }

    private static final int SLOW_IMAGES = 40;

    /** From now on, only {@code count} more images render; the others wait until the test ends or cancels. */
    private void allowRenders(int count) {
        renders.drainPermits();
        renders.release(count);
    }

    /** The shared slow folder, without the thumbnails an earlier test left in it. */
    private static synchronized Path slowFolder() throws IOException {
        if (slowFolder == null) {
            slowFolder = shared.resolve("slow");
            TestImages.folder(slowFolder, SLOW_IMAGES, 800, 600);
        }
        Path thumbs = slowFolder.resolve("thumbs");
        if (Files.exists(thumbs)) {
            try (Stream<Path> files = Files.list(thumbs)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        return slowFolder;
    }

    @Test
    void theGridIsOneTabStopWhoseArrowKeysMoveTheSelectionAndEnterInspectsIt(FxRobot robot, @TempDir Path dir)
            throws TimeoutException {
        Path folder = dir.resolve("keys");
        TestImages.folder(folder, 6, 120, 90);
        loadAndRun(robot, folder);
        robot.interact(() -> view.tileGrid().order().setValue(TileGrid.Order.NAME));

        for (int tabs = 0; tabs < 40 && !(focusOwner(robot) instanceof GridView); tabs++) {
            robot.type(KeyCode.TAB);
        }
        assertThat(focusOwner(robot)).as("the grid gets the focus by Tab").isInstanceOf(GridView.class);
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        assertThat(view.tileGrid().selectedProperty().get().name()).isEqualTo("img-02.jpg");
        robot.type(KeyCode.LEFT);
        assertThat(view.tileGrid().selectedProperty().get().name()).isEqualTo("img-01.jpg");
        robot.type(KeyCode.END);
        assertThat(view.tileGrid().selectedProperty().get().name()).isEqualTo("img-06.jpg");
        robot.type(KeyCode.ENTER);
        assertThat(view.inspection().node().isVisible()).isTrue();
        assertThat(robot.lookup(".thumbnail-cell").match((Node cell) ->
                cell.getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected"))).queryAll()).hasSize(1);

        robot.type(KeyCode.TAB);
        assertThat(focusOwner(robot)).as("one Tab leaves the grid, whatever its number of tiles")
                .isNotInstanceOf(ThumbnailCell.class).isNotInstanceOf(GridView.class);
        assertThat(opened).isEmpty();
    }

    @Test
    void tilesSortByNameSizeAndTimeAndLongNamesKeepBothEnds(FxRobot robot, @TempDir Path dir) throws TimeoutException {
        Path folder = dir.resolve("sort");
        TestImages.write(folder.resolve("b-plasma-workspace-wallpapers_Altai_5120x2880.jpg"), 300, 200);
        TestImages.write(folder.resolve("a-small.jpg"), 60, 40);
        TestImages.write(folder.resolve("c-medium.jpg"), 200, 150);
        loadAndRun(robot, folder);

        robot.interact(() -> view.tileGrid().order().setValue(TileGrid.Order.NAME));
        assertThat(view.tileGrid().shown()).extracting(Tile::name)
                .containsExactly("a-small.jpg", "b-plasma-workspace-wallpapers_Altai_5120x2880.jpg", "c-medium.jpg");
        robot.interact(() -> view.tileGrid().order().setValue(TileGrid.Order.SIZE));
        assertThat(view.tileGrid().shown()).extracting(Tile::name)
                .containsExactly("b-plasma-workspace-wallpapers_Altai_5120x2880.jpg", "c-medium.jpg", "a-small.jpg");
        robot.interact(() -> view.tileGrid().order().setValue(TileGrid.Order.TIME));
        assertThat(view.tileGrid().shown()).extracting(t -> t.result().elapsedNanos())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        WaitForAsyncUtils.waitForFxEvents();

        Label longName = robot.lookup(".thumbnail-cell .name").match((Label l) -> l.getText().startsWith("b-plasma")).query();
        String shown = ((javafx.scene.text.Text) longName.lookup(".text")).getText();
        assertThat(shown).as("cut in the middle").startsWith("b-").endsWith(".jpg").contains("…");
    }

    @Test
    void theDisplayZoomMagnifiesTilesWithoutChangingTheOutputSize(FxRobot robot, @TempDir Path dir)
            throws TimeoutException, IOException {
        Path folder = dir.resolve("zoom");
        TestImages.folder(folder, 1, 400, 300);
        loadAndRun(robot, folder);

        robot.interact(() -> view.tileGrid().zoom().setValue(200));
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.image.ImageView picture = robot.lookup(".thumbnail-cell .picture .image-view").query();
        assertThat(picture.getFitWidth()).as("50 px shown as 4 x 50 blocks").isEqualTo(200);
        assertThat(picture.isSmooth()).isFalse();
        assertThat(model.thumbnailSizeProperty().get()).isEqualTo(50);
        assertThat(ImageIO.read(folder.resolve("thumbs/img-01.jpg").toFile()).getWidth()).isEqualTo(50);
    }

    private static Node focusOwner(FxRobot robot) {
        return robot.listTargetWindows().stream().filter(javafx.stage.Window::isFocused).findFirst()
                .map(window -> window.getScene().getFocusOwner()).orElse(null);
    }

    @Test
    void aRunStartsTheCostliestImagesFirstSoWorkersFinishTogether(FxRobot robot, @TempDir Path dir)
            throws TimeoutException {
        Path folder = dir.resolve("sizes");
        TestImages.write(folder.resolve("a-small.jpg"), 60, 40);
        TestImages.write(folder.resolve("b-large.jpg"), 480, 360);
        TestImages.write(folder.resolve("c-medium.jpg"), 240, 180);
        load(robot, folder); // one worker (see start): tiles arrive in the order the jobs start

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> model.state() == RunState.DONE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.tiles()).extracting(tile -> tile.result().job().source().getFileName().toString())
                .containsExactly("b-large.jpg", "c-medium.jpg", "a-small.jpg");
    }

    @Test
    void theFastPipelineIsChosenInTheWindowAndEveryTileItMadeSaysSo(FxRobot robot, @TempDir Path dir)
            throws TimeoutException {
        Path folder = dir.resolve("fast");
        TestImages.folder(folder, 3, 400, 300);
        load(robot, folder);

        robot.interact(() -> robot.lookup("#pipeline").<String>queryComboBox().setValue("fast"));
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> model.state() == RunState.DONE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.tiles()).hasSize(3).allSatisfy(tile -> assertThat(tile.result().pipeline()).isEqualTo("fast"));
        assertThat(robot.lookup(".thumbnail-cell").match((Node cell) ->
                cell.getPseudoClassStates().contains(PseudoClass.getPseudoClass("fast"))).queryAll()).hasSize(3);
        assertThat(robot.lookup(".pipeline-badge").match(Node::isVisible).queryAll()).hasSize(3);
        assertThat(new SettingsStore(preferences).load(CORES).pipeline()).isEqualTo("fast");
    }

    @Test
    void theTimelineIsTitledWithTheRunsWorkersNamesLanesWorkerOneToNAndShowsTheReadBack(FxRobot robot,
            @TempDir Path dir) throws TimeoutException, IOException {
        Path folder = dir.resolve("three");
        TestImages.folder(folder, 3, 120, 90);
        loadAndRun(robot, folder);
        robot.interact(() -> model.workersProperty().set(CORES)); // the slider moved after the run

        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        javafx.stage.Window window = javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "Parathumb timeline".equals(s.getTitle())).findFirst()
                .orElseThrow();
        var root = window.getScene().getRoot();
        assertThat(((javafx.scene.control.Label) root.lookup(".timeline-title")).getText())
                .startsWith("Last run: 3 images on 1 worker ");
        assertThat(root.lookupAll(".timeline-lane-label")).map(n -> ((javafx.scene.control.Label) n).getText())
                .containsExactly("Worker 1");
        assertThat(root.lookupAll(".timeline-bar")).hasSize(3)
                .allSatisfy(bar -> assertThat(bar.lookup(".stage-read-back")).isNotNull());
        robot.interact(() -> ((Stage) window).close());
    }

    @Test
    void theTooltipAndTheInspectionNameTheWorkerAsTheTimelineDoesNotByItsThread(FxRobot robot, @TempDir Path dir)
            throws TimeoutException, IOException {
        Path folder = dir.resolve("named");
        TestImages.folder(folder, 2, 120, 90);
        loadAndRun(robot, folder);
        WaitForAsyncUtils.waitForFxEvents();

        ThumbnailCell cell = robot.lookup(".thumbnail-cell").match((ThumbnailCell c) -> c.getItem() != null).query();
        robot.moveTo(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell.getTooltip()).as("the pointer rested on the tile").isNotNull();
        assertThat(cell.getTooltip().getText()).containsPattern(" on Worker [0-9]+ · ").doesNotContain("thumb-worker");
        robot.doubleClickOn(cell);
        Label facts = robot.lookup(".inspection-facts").match((Label l) -> l.getText().contains(" ms on ")).query();
        assertThat(facts.getText()).containsPattern(" ms on Worker [0-9]+: ").doesNotContain("thumb-worker");
    }

    @Test
    void cellsLeftWithoutATileShowNothingOnceTheGridIsLaidOutAndTheOthersShowTheirOwnTile(FxRobot robot,
            @TempDir Path dir) throws TimeoutException, IOException {
        Path five = dir.resolve("five");
        TestImages.folder(five, 5, 120, 90);
        loadAndRun(robot, five);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownNames(robot)).hasSize(5);

        Path two = dir.resolve("two");
        TestImages.folder(two, 2, 120, 90);
        loadAndRun(robot, two); // a cell hides at layout, not at once: the three left over must not show old tiles
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shownNames(robot)).containsExactlyInAnyOrder("img-01.jpg", "img-02.jpg");
    }

    @Test
    void theGridHasRoomForEveryImageOfARunFromItsStartSoItsScrollRangeStaysPutWhileTilesArrive(FxRobot robot,
            @TempDir Path dir) throws TimeoutException, IOException {
        load(robot, slowFolder());
        allowRenders(0);
        VirtualFlow<?> flow = robot.lookup("#grid .virtual-flow").queryAs(VirtualFlow.class);
        List<Integer> rowCounts = new CopyOnWriteArrayList<>();
        robot.interact(() -> flow.cellCountProperty().addListener((obs, old, now) -> rowCounts.add(now.intValue())));

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> renders.hasQueuedThreads()); // the run is on, no tile made yet
        WaitForAsyncUtils.waitForFxEvents();
        int columns = view.tileGrid().columns();
        int rows = (SLOW_IMAGES + columns - 1) / columns;
        assertThat(model.tiles()).isEmpty();
        assertThat(flow.getCellCount()).as("rows for every image of the run, before its first tile").isGreaterThanOrEqualTo(rows);
        renders.release(UNLIMITED);
        waitUntil(() -> model.state() == RunState.DONE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.tiles()).hasSize(SLOW_IMAGES);
        assertThat(rowCounts).as("the row count changed once, at Run, not as tiles arrived").hasSize(1);

        Path two = dir.resolve("two");
        TestImages.folder(two, 2, 120, 90);
        load(robot, two);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flow.getCellCount()).as("a folder loaded after the run keeps no room for the run's tiles").isZero();
    }

    /** The names the grid's cells show now, in rows the grid shows: cells without a tile show nothing. */
    private static List<String> shownNames(FxRobot robot) {
        return robot.lookup(".thumbnail-cell").<ThumbnailCell>queryAllAs(ThumbnailCell.class).stream()
                .filter(cell -> cell.getParent() != null && cell.getParent().isVisible())
                .filter(cell -> cell.getGraphic() != null && cell.getGraphic().isVisible())
                .map(cell -> ((Label) cell.getGraphic().lookup(".name")).getText()).toList();
    }

    private void load(FxRobot robot, Path folder) throws TimeoutException {
        robot.interact(() -> view.handleDrop(List.of(folder.toFile())));
        waitUntil(() -> model.loadedProperty().get() != null && !model.loadingProperty().get());
    }

    /** Drops {@code folder} on the window, presses Ctrl+R as a user would, and waits for the run to end. */
    private void loadAndRun(FxRobot robot, Path folder) throws TimeoutException {
        load(robot, folder);
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> model.state() == RunState.DONE);
    }

    private static boolean showsFailure(Node cell) {
        return cell.getPseudoClassStates().contains(PseudoClass.getPseudoClass("failed"));
    }

    @Test
    void benchmarkButtonMeasuresTheLoadedImagesInItsOwnWindowAndWritesNothingBesideThem(FxRobot robot, @TempDir Path dir)
            throws TimeoutException, IOException {
        Path folder = dir.resolve("bench");
        TestImages.folder(folder, 3, 160, 120);
        robot.interact(() -> view.handleDrop(List.of(folder.toFile())));
        waitUntil(() -> model.loadedProperty().get() != null && !model.loadingProperty().get());
        BenchmarkLauncher launcher = new BenchmarkLauncher(pool, () -> view.root().getScene().getWindow());
        Button run = robot.lookup(".button").match((Button b) -> "Run".equals(b.getText())).queryButton();
        List<String> seen = new CopyOnWriteArrayList<>(); // the benchmark may end before a test could look
        robot.interact(() -> {
            view.onBenchmarkProperty().set(launcher);
            model.busyElsewhereProperty().addListener((obs, was, busy) ->
                    seen.add((busy ? "busy" : "free") + (run.isDisabled() ? ", run disabled" : ", run enabled")));
        });

        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        // First the headers and an estimate: the window waits for Start with the pool free.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> seen.size() >= 2 && !model.busyElsewhereProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        org.parathumb.ui.bench.BenchmarkView prepared = robot.lookup(".benchmark-view")
                .queryAs(org.parathumb.ui.bench.BenchmarkView.class);
        assertThat(prepared.model().getReport()).isNull();
        assertThat(prepared.model().estimateProperty().get()).startsWith("3 of 3 images");
        List<String> statuses = new CopyOnWriteArrayList<>();
        robot.interact(() -> model.statusProperty().addListener((obs, old, now) -> statuses.add(now)));

        robot.interact(() -> robot.lookup("#bench-start").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> seen.size() >= 4 && !model.busyElsewhereProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(seen).containsExactly("busy, run disabled", "free, run enabled", "busy, run disabled",
                "free, run enabled");
        assertThat(statuses).as("never 'ready' while Run is disabled").first().asString()
                .contains("Benchmark running").doesNotContain("ready");
        assertThat(status(robot)).endsWith("ready: press Run (Ctrl+R)");

        org.parathumb.ui.bench.BenchmarkView bench = robot.lookup(".benchmark-view").queryAs(org.parathumb.ui.bench.BenchmarkView.class);
        assertThat(bench.model().getReport()).isNotNull();
        assertThat(bench.model().getReport().results()).hasSize(2); // the sequential loop and the slider's count
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).as("a benchmark writes nothing beside the images").hasSize(3);
        }
        assertThat(pool.size()).isEqualTo(model.workersProperty().get());
        robot.interact(launcher::close);
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#status").queryAs(Label.class).getText();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
