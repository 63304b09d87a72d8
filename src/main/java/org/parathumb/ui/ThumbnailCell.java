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
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.GridCell;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.image.pipeline.Pipelines;

/**
 * One tile of the grid. Its nodes (image view, name) are made once, when the cell is, and only
 * refilled as the grid recycles the cell; the failure reason and the badge when a tile first needs
 * them, the tooltip when the pointer first rests on the cell. The tile's size is the display zoom's, not the
 * output's: a smaller thumbnail is magnified by a whole number of screen pixels, unsmoothed, so
 * each pixel becomes a sharp block; a larger one is fitted, smoothed.
 */
final class ThumbnailCell extends GridCell<Tile> {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /** Made by a pipeline other than the faithful one: the tile says so with a badge. */
    private static final PseudoClass FAST = PseudoClass.getPseudoClass("fast");
    /** A thumbnail found on disk at load, from an earlier run: not made by this one. */
    private static final PseudoClass EXISTING = PseudoClass.getPseudoClass("existing");

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final ImageView image = new ImageView();
    private final StackPane picture = new StackPane(TransparencyBackdrop.behind(image), image);
    private final Label name = new Label();
    private final VBox box = new VBox(4, picture, name);
    /** Made when first needed: most tiles never fail and never carry a badge. */
    private Label failure;
    private Label badge;
    /** Made when the pointer first rests on the cell: a tooltip is a popup window with its own scene. */
    private Tooltip tooltip;

    private final double side;
    private final double nameWidth;
    private final javafx.beans.value.ObservableValue<Tile> selected;
    private Tile shown;

    /**
     * A cell {@code side} pixels square for the picture; {@code selected} is the grid's selected
     * tile; a click selects its tile ({@code select}), a double-click inspects it ({@code open}).
     */
    ThumbnailCell(double side, double nameWidth, javafx.beans.value.ObservableValue<Tile> selected,
            Consumer<Tile> select, Consumer<Tile> open) {
        this.side = side;
        this.nameWidth = nameWidth;
        this.selected = selected;
        // One Tab stop for the whole grid: the grid has the focus, arrows move the selection.
        setFocusTraversable(false);
        selected.addListener(new javafx.beans.value.WeakChangeListener<>(selectionListener));
        getStyleClass().add("thumbnail-cell");
        picture.getStyleClass().add("picture");
        picture.setMinSize(nameWidth, side);
        picture.setPrefSize(nameWidth, side);
        picture.setMaxSize(nameWidth, side);
        image.setPreserveRatio(true);
        name.getStyleClass().add("name");
        name.setMaxWidth(nameWidth);
        name.setEllipsisString("…");
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS); // "plasma-…5120x2880.png": both ends tell
        box.setAlignment(Pos.TOP_CENTER);
        box.setVisible(false);
        setGraphic(box);
        setOnMouseEntered(e -> {
            if (tooltip == null) {
                tooltip = new Tooltip(shown == null ? null : tooltipText(shown));
                tooltip.setShowDelay(Duration.millis(300));
                setTooltip(tooltip);
            }
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && getItem() != null && !isEmpty()) {
                select.accept(getItem());
                if (e.getClickCount() == 2) {
                    open.accept(getItem());
                }
            }
        });
    }

    private final javafx.beans.value.ChangeListener<Tile> selectionListener =
            (obs, old, now) -> pseudoClassStateChanged(SELECTED, now != null && now == getItem() && !isEmpty());

    @Override
    protected void updateItem(Tile tile, boolean empty) {
        super.updateItem(tile, empty);
        // The grid re-indexes its visible cells each time rows are added (empty, then filled
        // again): hiding instead of detaching, and returning early for the same tile, keeps that
        // from redoing CSS and layout for every visible tile on every frame.
        pseudoClassStateChanged(SELECTED, !empty && tile != null && tile == selected.getValue());
        if (empty || tile == null) {
            // Hidden at the next layout, unless filled again before it: each change of the grid's
            // list empties every visible cell and refills it with the same tile in one pulse, and
            // hiding at once would make the renderer repaint the whole grid for nothing.
            requestLayout();
            return;
        }
        box.setVisible(true);
        if (tile == shown) {
            return;
        }
        shown = tile;
        ImageResult result = tile.result();
        boolean failed = tile.isFailure();
        pseudoClassStateChanged(FAILED, failed);
        name.setText(tile.name());
        if (failed || tile.thumbnail() == null || failure != null) {
            failure().setVisible(failed || tile.thumbnail() == null);
            failure.setText(failed ? shortReason(result.failure(), tile.name()) : "no preview");
        }
        show(failed ? null : tile.thumbnail());
        pseudoClassStateChanged(EXISTING, tile.existing());
        if (tooltip != null) {
            tooltip.setText(tooltipText(tile));
        }
        boolean labelled = !failed && !Pipelines.DEFAULT.equals(result.pipeline());
        pseudoClassStateChanged(FAST, labelled && !tile.existing());
        if (labelled || badge != null) {
            badge().setVisible(labelled);
            badge.setText(tile.existing() ? "on disk" : labelled ? result.pipeline() : "");
        }
    }

    @Override
    protected void layoutChildren() {
        box.setVisible(!isEmpty() && getItem() != null);
        super.layoutChildren();
    }

    /** What the tooltip says about {@code tile}: its name, and how and by which worker it was made. */
    static String tooltipText(Tile tile) {
        ImageResult result = tile.result();
        if (tile.existing()) {
            return String.format(Locale.ROOT, "%s%nOn disk from an earlier run (not run yet) · %d×%d → %d×%d%nDouble-click or Enter to inspect",
                    tile.name(), result.sourceWidth(), result.sourceHeight(), result.thumbnailWidth(),
                    result.thumbnailHeight());
        }
        if (tile.isFailure()) {
            return tile.name() + "\nFailed: " + result.failure() + "\nDouble-click or Enter to inspect";
        }
        return String.format(Locale.ROOT, "%s%n%.2f s on %s · %d×%d → %d×%d · %s pipeline%nDouble-click or Enter to inspect",
                tile.name(), result.elapsedNanos() / 1e9, tile.workerName(), result.sourceWidth(),
                result.sourceHeight(), result.thumbnailWidth(), result.thumbnailHeight(), result.pipeline());
    }

    private Label failure() {
        if (failure == null) {
            failure = new Label();
            failure.getStyleClass().add("failure-reason");
            failure.setWrapText(true);
            failure.setMaxWidth(nameWidth - 8);
            failure.setMaxHeight(side);
            failure.setAlignment(Pos.CENTER);
            picture.getChildren().add(picture.getChildren().indexOf(image) + 1, failure); // above the picture, below the badge
        }
        return failure;
    }

    private Label badge() {
        if (badge == null) {
            badge = new Label();
            badge.getStyleClass().add("pipeline-badge");
            StackPane.setAlignment(badge, Pos.TOP_RIGHT);
            picture.getChildren().add(badge);
        }
        return badge;
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
        double renderScale = getScene() != null && getScene().getWindow() != null
                ? getScene().getWindow().getRenderScaleX() : 1;
        double fit = side / Math.max(w, h);
        if (fit >= 1) {
            // Magnified by a whole number of screen pixels, unsmoothed: each pixel a sharp block.
            double blocks = Math.max(1, Math.floor(fit * renderScale)) / renderScale;
            image.setFitWidth(w * blocks);
            image.setFitHeight(h * blocks);
            image.setSmooth(false);
        } else {
            image.setFitWidth(w * fit);
            image.setFitHeight(h * fit);
            image.setSmooth(true);
        }
    }
}
