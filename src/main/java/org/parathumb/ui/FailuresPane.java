package org.parathumb.ui;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.parathumb.core.batch.ImageResult;

/** The list of the images that failed, each with its reason, shown beside the grid on demand. */
final class FailuresPane {

    private final VBox pane;

    FailuresPane(MainViewModel model, BooleanProperty shown, Consumer<ImageResult> open) {
        ListView<ImageResult> list = new ListView<>(model.failures());
        list.setId("failures");
        list.setAccessibleText("Images that failed");
        list.setPlaceholder(new Label("No failures"));
        list.setCellFactory(v -> new ListCell<>() {
            private final Label name = new Label();
            private final Label why = new Label();
            private final VBox box = new VBox(2, name, why);

            {
                name.getStyleClass().add("failure-name");
                why.getStyleClass().add("failure-why");
                why.setWrapText(true);
                why.setMinHeight(Region.USE_PREF_SIZE);
                why.prefWidthProperty().bind(v.widthProperty().subtract(36));
                why.maxWidthProperty().bind(why.prefWidthProperty());
                name.setWrapText(true); // a long name is shown whole, on two lines if need be
                name.setMinHeight(Region.USE_PREF_SIZE);
                name.prefWidthProperty().bind(why.prefWidthProperty());
                name.maxWidthProperty().bind(why.prefWidthProperty());
            }

            @Override
            protected void updateItem(ImageResult result, boolean empty) {
                super.updateItem(result, empty);
                if (empty || result == null) {
                    setGraphic(null);
                    setAccessibleText(null);
                    return;
                }
                name.setText(result.job().source().getFileName().toString());
                why.setText(result.failure());
                setAccessibleText(name.getText() + ": " + result.failure());
                setGraphic(box);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setTooltip(new Tooltip("Enter or double-click opens the original"));
        Label title = new Label("Failures");
        title.getStyleClass().add("title-4");
        pane = new VBox(8, title, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        pane.getStyleClass().add("failures-pane");
        pane.setPrefWidth(280);
        pane.setMinWidth(200);
        pane.visibleProperty().bind(shown);
        pane.managedProperty().bind(pane.visibleProperty());
        shown.addListener((obs, old, now) -> {
            if (now) {
                list.requestFocus();
            }
        });
    }

    VBox node() {
        return pane;
    }
}
