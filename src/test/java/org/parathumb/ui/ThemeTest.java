package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The theme's choice, what the system says and what is applied, without a window or an FX thread. */
class ThemeTest {

    private final List<Boolean> applied = new ArrayList<>();
    private final List<ThemeChoice> saved = new ArrayList<>();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private boolean systemDark = true;
    private int asks;

    private Theme theme(ThemeChoice initial) {
        Executor later = background::add; // the system is asked elsewhere, when the test says
        return new Theme(initial, applied::add, saved::add, Optional::empty, () -> {
            asks++;
            return Optional.of(systemDark);
        }, later, Runnable::run);
    }

    private void answer() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void systemIsTheDefaultAndADarkDesktopTurnsTheWindowsDarkOnceItAnswers() {
        Theme theme = theme(ThemeChoice.SYSTEM);

        assertThat(applied).as("light until the system answers; the start never waits for it").containsExactly(false);
        assertThat(asks).as("not asked on the calling (FX) thread").isZero();
        answer();

        assertThat(asks).isEqualTo(1);
        assertThat(theme.darkProperty().get()).isTrue();
        assertThat(applied).containsExactly(false, true);
        assertThat(saved).as("nothing chosen yet, nothing saved").isEmpty();
    }

    @Test
    void aSystemThatCannotTellIsLight() {
        Theme theme = new Theme(ThemeChoice.SYSTEM, applied::add, saved::add, Optional::empty, Optional::empty,
                Runnable::run, Runnable::run);

        assertThat(theme.darkProperty().get()).isFalse();
        assertThat(applied).containsExactly(false);
    }

    @Test
    void aDefiniteChoiceIgnoresTheSystemAndIsSaved() {
        Theme theme = theme(ThemeChoice.LIGHT);
        answer();

        assertThat(asks).isZero();
        assertThat(theme.darkProperty().get()).isFalse();
        theme.choiceProperty().set(ThemeChoice.DARK);

        assertThat(theme.darkProperty().get()).isTrue();
        assertThat(saved).containsExactly(ThemeChoice.DARK);
        assertThat(applied).containsExactly(false, true);
    }

    @Test
    void ctrlDSwitchesToTheOtherOfWhatIsShownAndChoosingSystemAgainAsksAgain() {
        Theme theme = theme(ThemeChoice.SYSTEM);
        answer(); // dark desktop: dark shown

        theme.toggle();
        assertThat(theme.choiceProperty().get()).isEqualTo(ThemeChoice.LIGHT);
        theme.toggle();
        assertThat(theme.choiceProperty().get()).isEqualTo(ThemeChoice.DARK);

        systemDark = false; // the user changed the desktop meanwhile
        theme.choiceProperty().set(ThemeChoice.SYSTEM);
        answer();

        assertThat(asks).isEqualTo(2);
        assertThat(theme.darkProperty().get()).isFalse();
        assertThat(saved).containsExactly(ThemeChoice.LIGHT, ThemeChoice.DARK, ThemeChoice.SYSTEM);
    }

    @Test
    void theToolkitsOwnAnswerIsUsedWithoutRunningAnything() {
        Theme theme = new Theme(ThemeChoice.SYSTEM, applied::add, saved::add, () -> Optional.of(true), () -> {
            throw new AssertionError("no command when the toolkit knows");
        }, background::add, Runnable::run);

        assertThat(background).isEmpty();
        assertThat(theme.darkProperty().get()).isTrue();
    }
}
