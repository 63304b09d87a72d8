package org.parathumb.ui;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The theme of every window: the user's choice (Light, Dark or System, remembered), what the
 * system says, and whether the windows are dark, which {@code apply} puts into effect. The system
 * is asked off the FX thread (a desktop command may take a while, or hang until its timeout), when
 * the choice is System at start and each time System is chosen again; until it answers, and when it
 * cannot tell, the system counts as light. Used on the FX thread.
 */
final class Theme {

    private final ObjectProperty<ThemeChoice> choice;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");
    private final Consumer<Boolean> apply;
    private final Supplier<Optional<Boolean>> askToolkit;
    private final Supplier<Optional<Boolean>> askSystem;
    private final Executor background;
    private final Executor fxThread;
    private boolean systemDark;
    private int asks;

    /**
     * @param initial the remembered choice
     * @param apply puts the light (false) or dark (true) theme into effect
     * @param save remembers a new choice
     * @param askToolkit whether the toolkit knows the system is dark (empty: it cannot tell); quick, asked first
     * @param askSystem whether the system is dark (empty: cannot tell); blocking, asked when the toolkit cannot tell
     * @param background where {@code askSystem} runs
     * @param fxThread where its answer comes back to
     */
    Theme(ThemeChoice initial, Consumer<Boolean> apply, Consumer<ThemeChoice> save,
            Supplier<Optional<Boolean>> askToolkit, Supplier<Optional<Boolean>> askSystem,
            Executor background, Executor fxThread) {
        this.choice = new SimpleObjectProperty<>(this, "choice", Objects.requireNonNull(initial, "initial"));
        this.apply = Objects.requireNonNull(apply, "apply");
        this.askToolkit = Objects.requireNonNull(askToolkit, "askToolkit");
        this.askSystem = Objects.requireNonNull(askSystem, "askSystem");
        this.background = Objects.requireNonNull(background, "background");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        Objects.requireNonNull(save, "save");
        dark.set(initial.dark(false));
        apply.accept(dark.get());
        dark.addListener((obs, was, now) -> apply.accept(now));
        choice.addListener((obs, old, now) -> {
            if (now == null) {
                choice.set(old); // a choice box cleared by mistake keeps the last choice
                return;
            }
            save.accept(now);
            update();
            if (now == ThemeChoice.SYSTEM) {
                ask();
            }
        });
        if (initial == ThemeChoice.SYSTEM) {
            ask();
        }
    }

    /**
     * A theme on this desktop: JavaFX's own colour scheme where it has one (22 and later), else
     * {@code askDesktop} on a daemon thread of its own.
     */
    static Theme forDesktop(ThemeChoice initial, Consumer<Boolean> apply, Consumer<ThemeChoice> save,
            Supplier<Optional<Boolean>> askDesktop) {
        Executor thread = task -> {
            Thread t = new Thread(task, "parathumb-theme");
            t.setDaemon(true); // never keeps the application from exiting
            t.start();
        };
        return new Theme(initial, apply, save, SystemTheme::fromJavaFx, askDesktop, thread,
                javafx.application.Platform::runLater);
    }

    /** Light or dark the other way from what is shown now: a definite choice, no longer System. */
    void toggle() {
        choice.set(dark.get() ? ThemeChoice.LIGHT : ThemeChoice.DARK);
    }

    ObjectProperty<ThemeChoice> choiceProperty() {
        return choice;
    }

    /** Whether the windows are dark now. */
    ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    private void update() {
        dark.set(choice.get().dark(systemDark));
    }

    private void ask() {
        int ask = ++asks;
        Optional<Boolean> known = askToolkit.get();
        if (known.isPresent()) {
            systemDark = known.get();
            update();
            return;
        }
        background.execute(() -> {
            Optional<Boolean> answer;
            try {
                answer = askSystem.get();
            } catch (RuntimeException e) {
                answer = Optional.empty();
            }
            boolean isDark = answer.orElse(false);
            fxThread.execute(() -> {
                if (ask == asks) { // an older answer never overrides a newer one
                    systemDark = isDark;
                    update();
                }
            });
        });
    }
}
