package org.parathumb.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.parathumb.core.image.pipeline.Pipelines;

/**
 * The main window's second bar: what is loaded, and the settings of the next run (size, blur
 * radius, pipeline, output folder), bound to the view model and locked while a run is active.
 */
final class SettingsBar {

    private final MainViewModel model;
    private final Button outputButton = new Button();
    private final List<Spinner<?>> spinners = new ArrayList<>();

    // Bidirectional bindings hold their ends weakly: these adapters must be held here, or the
    // spinners silently stop reaching the model once the garbage collector runs.
    private final ObjectProperty<Integer> sizeValue;
    private final ObjectProperty<Double> blurValue;

    private final FlowPane bar;

    SettingsBar(MainViewModel model, Runnable chooseOutput) {
        this.model = model;
        this.sizeValue = model.thumbnailSizeProperty().asObject();
        this.blurValue = model.blurRadiusProperty().asObject();
        this.bar = build(chooseOutput);
    }

    FlowPane node() {
        return bar;
    }

    /** Takes what is typed in the spinners: Ctrl+R right after typing a size uses that size. */
    void commitTypedValues() {
        spinners.forEach(SettingsBar::commit);
    }

    private FlowPane build(Runnable chooseOutput) {
        Label summary = new Label();
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            LoadedImages images = model.loadedProperty().get();
            return images == null ? "Nothing loaded" : images.summary();
        }, model.loadedProperty()));
        summary.getStyleClass().add("summary");
        summary.setMinWidth(0);
        Tooltip summaryTip = new Tooltip();
        summaryTip.textProperty().bind(Bindings.createStringBinding(() -> {
            LoadedImages images = model.loadedProperty().get();
            return images == null ? "Nothing loaded yet" : String.join("\n", images.inputs().stream().map(Path::toString).toList());
        }, model.loadedProperty()));
        summary.setTooltip(summaryTip);

        Spinner<Integer> size = new Spinner<>(Settings.MIN_SIZE, Settings.MAX_SIZE, model.thumbnailSizeProperty().get(), 2);
        size.setEditable(true);
        size.setPrefWidth(92);
        size.getValueFactory().valueProperty().bindBidirectional(sizeValue);
        commitOnFocusLoss(size);
        size.setTooltip(new Tooltip("The box each thumbnail fits in, in pixels, keeping the aspect ratio (Alt+S)"));
        size.setId("size");
        Spinner<Double> blur = new Spinner<>();
        blur.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, Settings.MAX_BLUR,
                model.blurRadiusProperty().get(), 0.5));
        blur.setEditable(true);
        blur.setPrefWidth(84);
        blur.getValueFactory().valueProperty().bindBidirectional(blurValue);
        commitOnFocusLoss(blur);
        blur.setTooltip(new Tooltip("Gaussian blur radius before resizing, 0 for none (Alt+B)"));
        blur.setId("blur");

        outputButton.textProperty().bind(Bindings.createStringBinding(
                () -> model.outputFolderProperty().get().map(p -> shorten(p.toString())).orElse("thumbs/ in each folder"),
                model.outputFolderProperty()));
        outputButton.setOnAction(e -> chooseOutput.run());
        Tooltip outputTip = new Tooltip();
        outputTip.textProperty().bind(Bindings.createStringBinding(
                () -> "Where thumbnails go (Ctrl+Shift+O): " + model.outputFolderProperty().get()
                        .map(Path::toString).orElse("a thumbs folder inside each loaded folder"),
                model.outputFolderProperty()));
        outputButton.setTooltip(outputTip);
        Button resetOutput = new Button("Default");
        resetOutput.getStyleClass().add("flat");
        resetOutput.setTooltip(new Tooltip("Put thumbnails in a thumbs folder inside each loaded folder again"));
        resetOutput.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.outputFolderProperty().get().isPresent(), model.outputFolderProperty()));
        resetOutput.managedProperty().bind(resetOutput.visibleProperty());
        resetOutput.setOnAction(e -> model.outputFolderProperty().set(Optional.empty()));

        ComboBox<String> pipeline = new ComboBox<>(FXCollections.observableArrayList(Pipelines.names()));
        pipeline.valueProperty().bindBidirectional(model.pipelineProperty());
        pipeline.setTooltip(new Tooltip("faithful: the original Python program's output, pixel for pixel\n"
                + "fast: decodes JPEGs and WebPs at a reduced size first, reduces opaque PNGs before the blur;"
                + " close (38 dB or better), not identical,"
                + " and its tiles say so (Alt+P)"));
        pipeline.setId("pipeline");
        javafx.scene.control.CheckBox recursive = new javafx.scene.control.CheckBox("Sub-_folders");
        recursive.setMnemonicParsing(true);
        recursive.setId("recursive");
        recursive.selectedProperty().bindBidirectional(model.recursiveProperty());
        recursive.setTooltip(new Tooltip("Load and run the images in sub-folders too; each folder gets its own thumbs"));
        recursive.setAccessibleHelp("Load and run the images in sub-folders too");
        Label px = new Label("px");
        Label output = new Label("Output");
        MainView.keepWhole(px, output, size, blur, pipeline, resetOutput, outputButton);
        // Wraps onto a second row rather than clip: each setting stays with its caption.
        FlowPane bar = new FlowPane(16, 6,
                summary,
                recursive,
                group(caption("_Size", size), size, px),
                group(caption("_Blur radius", blur), blur),
                group(caption("_Pipeline", pipeline), pipeline),
                group(output, outputButton, resetOutput));
        summary.maxWidthProperty().bind(bar.widthProperty().subtract(32));
        summary.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("settings-bar");
        MainView.keepWhole(recursive);
        for (var node : List.of(size, blur, pipeline, outputButton, resetOutput, recursive)) {
            node.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state().isActive(), model.stateProperty()));
        }
        return bar;
    }

    /** A typed value counts when the user leaves the field, not only on Enter. */
    private void commitOnFocusLoss(Spinner<?> spinner) {
        spinners.add(spinner);
        spinner.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit(spinner);
            }
        });
    }

    /** Takes what is typed in {@code spinner}, or puts its value back if that is not a number. */
    private static void commit(Spinner<?> spinner) {
        try {
            spinner.commitValue();
        } catch (RuntimeException e) {
            spinner.cancelEdit();
        }
    }

    private static Label caption(String text, Node target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static String shorten(String path) {
        return path.length() <= 40 ? path : "…" + path.substring(path.length() - 39);
    }
}
