package org.parathumb.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * A checkerboard (style class "transparency") to lay under an image view, always the size of the
 * picture it shows and shown only while it shows one: its transparent pixels then read as
 * transparent, not as the tile's white or black. Its parent centres both, as a StackPane does.
 */
final class TransparencyBackdrop {

    private TransparencyBackdrop() {
    }

    /** The backdrop for {@code view}, to add before it to the same centring parent. */
    static Region behind(ImageView view) {
        Region backdrop = new Region();
        backdrop.getStyleClass().add("transparency");
        backdrop.visibleProperty().bind(view.imageProperty().isNotNull());
        backdrop.maxWidthProperty().bind(Bindings.createDoubleBinding(
                () -> view.getLayoutBounds().getWidth(), view.layoutBoundsProperty()));
        backdrop.maxHeightProperty().bind(Bindings.createDoubleBinding(
                () -> view.getLayoutBounds().getHeight(), view.layoutBoundsProperty()));
        return backdrop;
    }
}
