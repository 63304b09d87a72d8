package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.batch.WorkerPool;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window at its minimum size, 960 x 600: every control whole and inside the window. */
@ExtendWith(ApplicationExtension.class)
class MainWindowLayoutTest {

    private WorkerPool pool;
    private MainView view;
    private MainViewModel model;
    private Stage stage;
    private final MemoryPreferences preferences = new MemoryPreferences();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new SettingsStore(preferences).save(new Settings(Optional.empty(), 50, 2, 1, List.of(), "faithful"));
        new SettingsStore(preferences).saveTheme(ThemeChoice.LIGHT); // whatever this desktop's theme is
        pool = new WorkerPool(1);
        view = ParathumbApp.show(stage, new SettingsStore(preferences), pool, List.of(), uri -> { });
        model = view.model();
        stage.setWidth(ParathumbApp.MIN_WIDTH);
        stage.setHeight(ParathumbApp.MIN_HEIGHT);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(view::close);
        pool.close();
    }

    @Test
    void theMinimumSizeIsNineSixtyBySixHundred() {
        assertThat(stage.getMinWidth()).isEqualTo(960);
        assertThat(stage.getMinHeight()).isEqualTo(600);
    }

    @Test
    void nothingIsClippedAtTheMinimumSizeWithNothingLoaded(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();

        assertWholeAndInside(robot);
    }

    @Test
    void nothingIsClippedAtTheMinimumSizeWithTheFailuresPaneOpenAfterARun(FxRobot robot, @TempDir Path dir)
            throws TimeoutException {
        Path folder = dir.resolve("a-folder-with-a-rather-long-name-as-real-folders-have");
        TestImages.folder(folder, 3, 120, 90);
        TestImages.text(folder.resolve("plasma-workspace-wallpapers_Altai_5120x2880-broken.jpg"), "not a JPEG at all");
        robot.interact(() -> view.handleDrop(List.of(folder.toFile())));
        waitUntil(() -> model.loadedProperty().get() != null && !model.loadingProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> model.state() == RunState.DONE);
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#failures").query().isVisible()).isTrue();
        assertWholeAndInside(robot);
    }

    @Test
    void ctrlDSwitchesToTheDarkThemeAndTheNextWindowOpensDark(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);

        assertThat(javafx.application.Application.getUserAgentStylesheet()).containsIgnoringCase("dark");
        assertThat(new SettingsStore(preferences).theme()).isEqualTo(ThemeChoice.DARK);
        assertThat(theme(robot).getValue()).isEqualTo(ThemeChoice.DARK);

        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        assertThat(javafx.application.Application.getUserAgentStylesheet()).doesNotContainIgnoringCase("dark");
        assertThat(new SettingsStore(preferences).theme()).isEqualTo(ThemeChoice.LIGHT);
    }

    @Test
    void theThemeMenuOffersLightDarkAndSystemAndAppliesTheChoice(FxRobot robot) {
        javafx.scene.control.ChoiceBox<ThemeChoice> theme = theme(robot);
        assertThat(theme.getItems()).containsExactly(ThemeChoice.LIGHT, ThemeChoice.DARK, ThemeChoice.SYSTEM);

        robot.interact(() -> theme.setValue(ThemeChoice.DARK));
        assertThat(javafx.application.Application.getUserAgentStylesheet()).containsIgnoringCase("dark");
        robot.interact(() -> theme.setValue(ThemeChoice.LIGHT));
        assertThat(javafx.application.Application.getUserAgentStylesheet()).doesNotContainIgnoringCase("dark");
        assertThat(new SettingsStore(preferences).theme()).isEqualTo(ThemeChoice.LIGHT);
    }

    @SuppressWarnings("unchecked")
    private static javafx.scene.control.ChoiceBox<ThemeChoice> theme(FxRobot robot) {
        return robot.lookup("#theme").queryAs(javafx.scene.control.ChoiceBox.class);
    }

    @Test
    void theWindowsSizeAndPlaceAreRemembered(FxRobot robot) {
        robot.interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(640);
        });

        WindowPlace place = new SettingsStore(preferences).windowPlace().orElseThrow();
        assertThat(place.x()).isEqualTo(40);
        assertThat(place.y()).isEqualTo(30);
        assertThat(place.width()).isEqualTo(view.root().getScene().getWidth());
    }

    @Test
    void theSliderSweepAndFailuresToggleShowWhenTheyHaveTheFocus(FxRobot robot, @TempDir Path dir) throws TimeoutException {
        TestImages.folder(dir, 1, 60, 40);
        robot.interact(() -> {
            view.onBenchmarkProperty().set(m -> { });
            view.handleDrop(List.of(dir.toFile()));
        });
        waitUntil(() -> model.canRun().get()); // Sweep is enabled once there is something to benchmark
        for (String query : List.of("#workers", ".check-box", ".failures-toggle", "#theme")) {
            Node node = robot.lookup(query).query();
            javafx.scene.layout.Background before = ((javafx.scene.layout.Region) node).getBackground();
            robot.interact(node::requestFocus);
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(node.isFocused()).as("%s takes the focus", query).isTrue();
            javafx.scene.layout.Background ring = ((javafx.scene.layout.Region) node).getBackground();
            assertThat(ring).as("%s draws a focus ring", query).isNotNull().isNotEqualTo(before);
            assertThat(ring.getFills().get(0).getInsets().getTop()).as("%s: the ring is outside the control", query)
                    .isNegative();
        }
    }

    @Test
    void everyButtonAndToggleSaysWhatItDoesToAScreenReader(FxRobot robot) {
        for (Node node : robot.lookup(".main-toolbar .button, .main-toolbar .toggle-button, .main-toolbar .check-box")
                .queryAll()) {
            assertThat(node.getAccessibleHelp()).as("%s", node).isNotBlank();
        }
        assertThat(robot.lookup("#workers").query().getAccessibleText()).isNotBlank();
    }

    /**
     * Every visible control lies inside the window, and every button, toggle, check box and
     * caption is at least as wide as its text needs (no ellipsis).
     */
    private void assertWholeAndInside(FxRobot robot) {
        robot.interact(() -> {
            Parent root = view.root();
            double width = root.getScene().getWidth();
            double height = root.getScene().getHeight();
            assertThat(width).isEqualTo(ParathumbApp.MIN_WIDTH);
            List<Control> controls = new ArrayList<>();
            collect(root, controls);
            assertThat(controls).hasSizeGreaterThan(10);
            for (Control control : controls) {
                Bounds b = control.localToScene(control.getLayoutBounds());
                String name = describe(control);
                assertThat(b.getMinX()).as("%s starts inside the window", name).isGreaterThanOrEqualTo(-0.5);
                assertThat(b.getMaxX()).as("%s ends inside the window", name).isLessThanOrEqualTo(width + 0.5);
                assertThat(b.getMaxY()).as("%s ends above the window's bottom", name).isLessThanOrEqualTo(height + 0.5);
                if (control instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty() && control.getMinWidth() != 0
                        && !labeled.isWrapText()) {
                    assertThat(control.getWidth()).as("%s is as wide as its text", name)
                            .isGreaterThanOrEqualTo(control.prefWidth(-1) - 0.5);
                }
            }
        });
    }

    private static void collect(Node node, List<Control> controls) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Control control && !(control.getParent() instanceof Control)) {
            controls.add(control);
        }
        if (node instanceof Parent parent && !(node instanceof org.controlsfx.control.GridView<?>)) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, controls));
        }
    }

    private static String describe(Control control) {
        String text = control instanceof Labeled labeled ? "\"" + labeled.getText() + "\"" : "";
        return control.getClass().getSimpleName() + text + (control.getId() == null ? "" : "#" + control.getId());
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
