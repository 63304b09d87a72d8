package org.parathumb.ui;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The main window's first bar: Open, Run, Cancel, the worker slider, Benchmark and Sweep, the
 * theme and the Failures toggle. It wraps onto a second row rather than clip a control when the
 * window is narrow; each group of controls stays together.
 */
final class MainToolbar {

    private final MainViewModel model;
    private final ToggleButton failuresToggle = new ToggleButton();
    private final ChoiceBox<ThemeChoice> theme = new ChoiceBox<>();
    /** Whether the theme shown is dark (Light, Dark, or System on a dark desktop): set by the application. */
    private final BooleanProperty darkShown = new SimpleBooleanProperty(this, "darkShown");
    private final FlowPane bar = new FlowPane(20, 6);

    MainToolbar(MainViewModel model, Actions actions, ObjectProperty<Consumer<MainViewModel>> onBenchmark) {
        this.model = model;
        build(actions, onBenchmark);
    }

    /** What the bar's buttons do. */
    record Actions(Runnable open, Runnable run, Runnable cancel, Runnable benchmark) {
    }

    FlowPane node() {
        return bar;
    }

    ToggleButton failuresToggle() {
        return failuresToggle;
    }

    /** Light, Dark or System. */
    ChoiceBox<ThemeChoice> themeChoice() {
        return theme;
    }

    BooleanProperty darkShownProperty() {
        return darkShown;
    }

    /** Ctrl+D: light or dark the other way from what is shown. */
    void toggleTheme() {
        theme.setValue(darkShown.get() ? ThemeChoice.LIGHT : ThemeChoice.DARK);
    }

    private void build(Actions actions, ObjectProperty<Consumer<MainViewModel>> onBenchmark) {
        Button openButton = new Button("Open folder…");
        openButton.setOnAction(e -> actions.open().run());
        openButton.setTooltip(new Tooltip("Open a folder of images (Ctrl+O). You can also drop folders or images anywhere."));
        openButton.setAccessibleHelp("Open a folder of images");
        openButton.disableProperty().bind(model.stateProperty().isEqualTo(RunState.CANCELLING));

        Button runButton = new Button("Run");
        runButton.getStyleClass().add("accent");
        runButton.setOnAction(e -> actions.run().run());
        runButton.setTooltip(new Tooltip("Blur and thumbnail every loaded image (Ctrl+R)"));
        runButton.setAccessibleHelp("Blur and thumbnail every loaded image");
        runButton.disableProperty().bind(model.canRun().not());

        Button cancelButton = new Button("Cancel");
        cancelButton.getStyleClass().addAll("button-outlined", "danger");
        cancelButton.setOnAction(e -> actions.cancel().run());
        cancelButton.setTooltip(new Tooltip("Stop the run (Esc): images not started are skipped, running ones stop"));
        cancelButton.setAccessibleHelp("Stop the run");
        cancelButton.disableProperty().bind(model.canCancel().not());

        Slider workers = new Slider(1, model.cores(), model.workersProperty().get());
        workers.setMajorTickUnit(1);
        workers.setMinorTickCount(0);
        workers.setSnapToTicks(true);
        workers.setBlockIncrement(1);
        workers.setShowTickMarks(model.cores() <= 16);
        workers.setPrefWidth(Math.min(60.0 + 24 * model.cores(), 220));
        workers.setMinWidth(80);
        workers.valueProperty().bindBidirectional(model.workersProperty());
        workers.setTooltip(new Tooltip("Worker threads; a change applies at once, even during a run (arrow keys, Alt+W)"));
        workers.setId("workers");
        workers.setAccessibleText("Worker threads");
        workers.disableProperty().bind(model.busyElsewhereProperty()); // a benchmark sets its own sizes
        Label workersCaption = new Label("_Workers");
        workersCaption.setMnemonicParsing(true);
        workersCaption.setLabelFor(workers);
        Label workersText = new Label();
        workersText.textProperty().bind(model.workersLabel());
        // As wide as its longest text, so the bar does not shift as the slider moves.
        workersText.setMinWidth(new javafx.scene.text.Text(MainViewModel.workersText(model.cores(), model.cores()) + "s")
                .getLayoutBounds().getWidth() + 8);
        workersText.getStyleClass().add("workers-label");

        Button benchmarkButton = new Button("Benchmark");
        benchmarkButton.setOnAction(e -> actions.benchmark().run());
        benchmarkButton.setTooltip(new Tooltip("Time the loaded images with 1 to all workers (Ctrl+B)"));
        benchmarkButton.setAccessibleHelp("Time the loaded images with 1 to all workers");
        benchmarkButton.disableProperty().bind(onBenchmark.isNull().or(model.canRun().not()));
        CheckBox sweep = new CheckBox("Sweep");
        sweep.selectedProperty().bindBidirectional(model.sweepProperty());
        sweep.setTooltip(new Tooltip("Benchmark every worker count from 1 to " + model.cores()
                + ", not only the slider's, and fit Amdahl's law over them"));
        sweep.setAccessibleHelp("Benchmark every worker count, not only the slider's");
        sweep.disableProperty().bind(benchmarkButton.disabledProperty());

        failuresToggle.textProperty().bind(Bindings.createStringBinding(
                () -> "Failures (" + model.failures().size() + ")", model.failures()));
        failuresToggle.setTooltip(new Tooltip("Show or hide the list of images that failed, with the reason (Ctrl+L)"));
        failuresToggle.setAccessibleHelp("Show or hide the list of images that failed");
        failuresToggle.getStyleClass().add("failures-toggle");
        theme.setId("theme");
        theme.getItems().setAll(ThemeChoice.values());
        theme.setValue(ThemeChoice.SYSTEM);
        theme.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ThemeChoice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public ThemeChoice fromString(String text) {
                return java.util.Arrays.stream(ThemeChoice.values()).filter(c -> c.label().equals(text)).findFirst()
                        .orElse(null);
            }
        });
        // As wide as its longest choice and the arrow, not the theme's default width for a choice box.
        theme.setPrefWidth(java.util.Arrays.stream(ThemeChoice.values())
                .mapToDouble(c -> new javafx.scene.text.Text(c.label()).getLayoutBounds().getWidth()).max().orElse(90) + 56);
        theme.setTooltip(new Tooltip("Light, dark, or the system's theme (Ctrl+D switches between light and dark)"));
        theme.setAccessibleText("Theme");
        theme.setAccessibleHelp("Choose the light, the dark or the system's theme");

        MainView.keepWhole(openButton, runButton, cancelButton, workersCaption, benchmarkButton, sweep, failuresToggle,
                theme);
        bar.getChildren().add(group(openButton));
        bar.getChildren().add(group(runButton, cancelButton));
        bar.getChildren().add(group(workersCaption, workers, workersText));
        bar.getChildren().add(group(benchmarkButton, sweep));
        bar.getChildren().add(group(theme, failuresToggle));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("main-toolbar");
    }

    /** Controls that belong together, kept on one row (a wrapped row starts with a whole group). */
    private HBox group(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.getStyleClass().add("toolbar-group");
        return box;
    }
}
