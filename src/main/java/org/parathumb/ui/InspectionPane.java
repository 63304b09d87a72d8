package org.parathumb.ui;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.Pipelines;

/**
 * What one tile is, to judge it: the original beside the thumbnail magnified with
 * nearest-neighbour (each output pixel a visible block), the name, sizes, times and pipeline, and
 * on demand the same image through the other pipeline, beside them. The original and the
 * comparison are read on the pool; the pane shows the tile selected in the grid.
 */
final class InspectionPane {

    static final double BOX = 150;

    private final ObjectProperty<Tile> tile = new SimpleObjectProperty<>(this, "tile");
    private final Executor pool;
    private final Executor uiThread;
    private final Function<String, ThumbnailPipeline> pipelines;
    private final Supplier<ThumbnailSpec> spec;
    private final ImageView original = view(true);
    private final ImageView magnified = view(false);
    private final ImageView compared = view(false);
    private final Label name = new Label();
    private final Label facts = new Label();
    private final Label comparedCaption = new Label();
    private final Button compare = new Button();
    private final VBox pane;

    InspectionPane(Executor pool, Executor uiThread, Function<String, ThumbnailPipeline> pipelines,
            Supplier<ThumbnailSpec> spec) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
        this.spec = Objects.requireNonNull(spec, "spec");
        name.getStyleClass().addAll("title-4", "inspection-name");
        name.setWrapText(true);
        name.setMaxWidth(2 * BOX + 12);
        facts.getStyleClass().add("inspection-facts");
        facts.setWrapText(true);
        facts.setMaxWidth(2 * BOX + 12);
        compare.setId("compare");
        compare.setOnAction(e -> compare());
        compare.setAccessibleHelp("Render this image through the other pipeline and show it beside");
        comparedCaption.getStyleClass().add("inspection-caption");
        VBox originalBox = captioned(original, "Original");
        VBox thumbBox = captioned(magnified, "Thumbnail, pixels magnified");
        VBox comparedBox = new VBox(4, box(compared), comparedCaption);
        comparedBox.visibleProperty().bind(compared.imageProperty().isNotNull());
        comparedBox.managedProperty().bind(comparedBox.visibleProperty());
        pane = new VBox(10, name, new HBox(12, originalBox, thumbBox), facts, compare, comparedBox);
        pane.getStyleClass().add("inspection-pane");
        pane.setId("inspection");
        pane.setMinWidth(2 * BOX + 40);
        pane.setMaxWidth(2 * BOX + 40);
        pane.visibleProperty().bind(tile.isNotNull());
        pane.managedProperty().bind(pane.visibleProperty());
        tile.addListener((obs, old, now) -> show(now));
    }

    VBox node() {
        return pane;
    }

    /** The tile shown; null hides the pane. */
    ObjectProperty<Tile> tileProperty() {
        return tile;
    }

    ImageView original() {
        return original;
    }

    ImageView magnified() {
        return magnified;
    }

    ImageView compared() {
        return compared;
    }

    private void show(Tile shown) {
        compared.setImage(null);
        original.setImage(null);
        magnified.setImage(null);
        if (shown == null) {
            return;
        }
        ImageResult result = shown.result();
        name.setText(shown.name());
        facts.setText(facts(shown));
        magnified.setImage(shown.thumbnail());
        String other = otherPipeline(result.pipeline());
        compare.setText("Compare with " + other);
        compare.setTooltip(new Tooltip("Make this thumbnail with the " + other + " pipeline too, and show it beside"));
        Path source = result.job().source();
        pool.execute(() -> {
            Image image = read(source);
            uiThread.execute(() -> {
                if (tile.get() == shown) {
                    original.setImage(image);
                }
            });
        });
    }

    private void compare() {
        Tile shown = tile.get();
        if (shown == null) {
            return;
        }
        String other = otherPipeline(shown.result().pipeline());
        ThumbnailSpec now = spec.get();
        comparedCaption.setText("Rendering with " + other + "…");
        ThumbnailPipeline pipeline = pipelines.apply(other); // looked up here, on the UI thread
        pool.execute(() -> {
            Image image;
            String caption;
            try {
                long start = System.nanoTime();
                Thumbnail made = pipeline.render(shown.result().job().source(), now);
                image = SwingFXUtils.toFXImage(premultiplied(made.image()), null);
                caption = String.format(Locale.ROOT, "%s pipeline: %d×%d in %.0f ms", other, made.width(), made.height(),
                        (System.nanoTime() - start) / 1e6);
            } catch (Exception | OutOfMemoryError e) {
                image = null;
                caption = other + " pipeline failed: " + e.getMessage();
            }
            Image done = image;
            String text = caption;
            uiThread.execute(() -> {
                if (tile.get() == shown) {
                    compared.setImage(done);
                    comparedCaption.setText(text);
                }
            });
        });
    }

    /** What the pane says of the tile: sizes, pipeline, time by stage and the worker ("Worker 2"). */
    static String facts(Tile tile) {
        ImageResult result = tile.result();
        if (result.isFailed()) {
            return "Failed: " + result.failure();
        }
        var stages = result.times();
        return String.format(Locale.ROOT,
                "%d×%d → %d×%d · %s pipeline%n%.0f ms on %s: decode %.0f, blur %.0f, resize %.0f, encode %.0f ms",
                result.sourceWidth(), result.sourceHeight(), result.thumbnailWidth(), result.thumbnailHeight(),
                result.pipeline(), result.elapsedNanos() / 1e6, tile.workerName(), stages.decodeNanos() / 1e6,
                stages.blurNanos() / 1e6, stages.resizeNanos() / 1e6, stages.encodeNanos() / 1e6);
    }

    private static String otherPipeline(String pipeline) {
        return Pipelines.names().stream().filter(n -> !n.equals(pipeline)).findFirst().orElse(pipeline);
    }

    /**
     * The original, read with ImageIO (every format the pipelines read, WebP too) subsampled to
     * about twice the box; null if it cannot be read.
     */
    static Image read(Path source) {
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(source.toFile())) {
            var readers = javax.imageio.ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int step = (int) Math.max(1, Math.max(reader.getWidth(0), reader.getHeight(0)) / (2 * BOX));
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return SwingFXUtils.toFXImage(premultiplied(reader.read(0, param)), null);
            } finally {
                reader.dispose();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static BufferedImage premultiplied(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static ImageView view(boolean smooth) {
        ImageView view = new ImageView();
        view.setPreserveRatio(true);
        view.setFitWidth(BOX);
        view.setFitHeight(BOX);
        view.setSmooth(smooth); // the thumbnail: nearest-neighbour, its pixels seen as blocks
        return view;
    }

    /** {@code view} in its box, over a checkerboard the size of its image where its pixels are transparent. */
    private static StackPane box(ImageView view) {
        StackPane box = new StackPane(TransparencyBackdrop.behind(view), view);
        box.getStyleClass().add("inspection-box");
        box.setMinSize(BOX, BOX);
        box.setPrefSize(BOX, BOX);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static VBox captioned(ImageView view, String caption) {
        Label label = new Label(caption);
        label.getStyleClass().add("inspection-caption");
        label.setWrapText(true);
        label.setMaxWidth(BOX);
        return new VBox(4, box(view), label);
    }
}
