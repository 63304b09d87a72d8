package org.parathumb.ui;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.GridCell;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.image.pipeline.Pipelines;

/**
 * One tile of the grid. Its nodes (image view, labels, tooltip) are made once, when the cell is,
 * and only refilled as the grid recycles the cell. A thumbnail no larger than the tile is shown
 * at its own size in scene pixels, unsmoothed, so at 2x each pixel becomes a sharp 2x2 block
 * instead of a blur; larger ones are fitted, smoothed.
 */
final class ThumbnailCell extends GridCell<Tile> {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /** Made by a pipeline other than the faithful one: the tile says so with a badge. */
    private static final PseudoClass FAST = PseudoClass.getPseudoClass("fast");

    private final ImageView image = new ImageView();
    private final Label failure = new Label();
    private final Label badge = new Label();
    private final StackPane picture = new StackPane(image, failure, badge);
    private final Label name = new Label();
    private final VBox box = new VBox(4, picture, name);
    private final Tooltip tooltip = new Tooltip();
    private final double side;
    private Tile shown;

    ThumbnailCell(double side, double nameWidth, Consumer<Tile> open) {
        this.side = side;
        getStyleClass().add("thumbnail-cell");
        picture.getStyleClass().add("picture");
        picture.setMinSize(nameWidth, side);
        picture.setPrefSize(nameWidth, side);
        picture.setMaxSize(nameWidth, side);
        image.setPreserveRatio(true);
        failure.getStyleClass().add("failure-reason");
        failure.setWrapText(true);
        failure.setMaxWidth(nameWidth - 8);
        failure.setMaxHeight(side);
        failure.setAlignment(Pos.CENTER);
        badge.getStyleClass().add("pipeline-badge");
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        badge.setVisible(false);
        name.getStyleClass().add("name");
        name.setMaxWidth(nameWidth);
        name.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        box.setAlignment(Pos.TOP_CENTER);
        tooltip.setShowDelay(Duration.millis(300));
        box.setVisible(false);
        setGraphic(box);
        setTooltip(tooltip);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                open.accept(getItem());
            }
        });
        // Tab reaches every tile; Enter or Space opens it, as a double-click does.
        setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && getItem() != null && !isEmpty()) {
                open.accept(getItem());
                e.consume();
            }
        });
    }

    @Override
    protected void updateItem(Tile tile, boolean empty) {
        super.updateItem(tile, empty);
        // The grid re-indexes its visible cells each time rows are added (empty, then filled
        // again): hiding instead of detaching, and returning early for the same tile, keeps that
        // from redoing CSS and layout for every visible tile on every frame.
        if (empty || tile == null) {
            box.setVisible(false);
            setFocusTraversable(false);
            return;
        }
        box.setVisible(true);
        setFocusTraversable(true);
        if (tile == shown) {
            return;
        }
        shown = tile;
        ImageResult result = tile.result();
        boolean failed = tile.isFailure();
        pseudoClassStateChanged(FAILED, failed);
        name.setText(tile.name());
        failure.setVisible(failed || tile.thumbnail() == null);
        failure.setText(failed ? shortReason(result.failure(), tile.name()) : "no preview");
        show(failed ? null : tile.thumbnail());
        tooltip.setText(failed
                ? tile.name() + "\nFailed: " + result.failure() + "\nDouble-click or Enter to open the original"
                : String.format(Locale.ROOT, "%s%n%.2f s on %s · %d×%d → %d×%d · %s pipeline%nDouble-click or Enter to open the thumbnail",
                        tile.name(), result.elapsedNanos() / 1e9, result.worker(), result.sourceWidth(),
                        result.sourceHeight(), result.thumbnailWidth(), result.thumbnailHeight(), result.pipeline()));
        boolean labelled = !failed && !Pipelines.DEFAULT.equals(result.pipeline());
        pseudoClassStateChanged(FAST, labelled);
        badge.setVisible(labelled);
        badge.setText(labelled ? result.pipeline() : "");
    }

    /** The reason without the file name the tile already shows under it. */
    static String shortReason(String reason, String name) {
        String suffix = ": " + name;
        return reason.endsWith(suffix) ? reason.substring(0, reason.length() - suffix.length()) : reason;
    }

    private void show(Image thumbnail) {
        image.setImage(thumbnail);
        if (thumbnail == null) {
            return;
        }
        double w = thumbnail.getWidth();
        double h = thumbnail.getHeight();
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
        if (Math.max(w, h) <= side) {
            image.setFitWidth(w);
            image.setFitHeight(h);
            image.setSmooth(scale != Math.rint(scale)); // integer scales: exact pixel blocks
        } else {
            double fit = side / Math.max(w, h);
            image.setFitWidth(w * fit);
            image.setFitHeight(h * fit);
            image.setSmooth(true);
        }
    }
}
