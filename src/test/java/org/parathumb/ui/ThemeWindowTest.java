package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.ChoiceBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.image.pipeline.Pipelines;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window on a desktop that says it is dark, with no theme chosen yet: it follows the desktop. */
@ExtendWith(ApplicationExtension.class)
class ThemeWindowTest {

    private final MemoryPreferences preferences = new MemoryPreferences();
    private WorkerPool pool;
    private MainView view;

    @Start
    void start(Stage stage) {
        pool = new WorkerPool(1);
        view = ParathumbApp.show(stage, new SettingsStore(preferences), pool, List.of(), uri -> { }, Pipelines::byName,
                () -> Optional.of(true));
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(view::close);
        pool.close();
        robot.interact(() -> ParathumbApp.applyTheme(false));
    }

    @Test
    void withNothingSavedTheWindowFollowsADarkDesktopAndTheChoiceIsRemembered(FxRobot robot) throws TimeoutException {
        @SuppressWarnings("unchecked")
        ChoiceBox<ThemeChoice> theme = robot.lookup("#theme").queryAs(ChoiceBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> isDark());

        assertThat(theme.getValue()).isEqualTo(ThemeChoice.SYSTEM);
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);

        assertThat(theme.getValue()).as("Ctrl+D from a dark desktop: light").isEqualTo(ThemeChoice.LIGHT);
        assertThat(isDark()).isFalse();
        assertThat(new SettingsStore(preferences).theme()).isEqualTo(ThemeChoice.LIGHT);

        robot.interact(() -> theme.setValue(ThemeChoice.SYSTEM));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> isDark());
        assertThat(new SettingsStore(preferences).theme()).isEqualTo(ThemeChoice.SYSTEM);
    }

    private static boolean isDark() {
        String sheet = Application.getUserAgentStylesheet();
        return sheet != null && sheet.toLowerCase(java.util.Locale.ROOT).contains("dark");
    }
}
