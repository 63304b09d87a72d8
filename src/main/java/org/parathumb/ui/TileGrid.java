package org.parathumb.ui;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.controlsfx.control.GridView;

/**
 * The grid of tiles, to browse and judge them: sorted by completion, name, size or time; a
 * display zoom independent of the output size; one selected tile, moved with the arrow keys (the
 * grid is a single Tab stop); Enter or a double-click inspects the selection.
 */
final class TileGrid {

    /** The orders the grid can show the tiles in. */
    enum Order {
        COMPLETION("Completion", null),
        NAME("Name", Comparator.comparing(Tile::name, String.CASE_INSENSITIVE_ORDER)),
        SIZE("Size", Comparator.comparingLong((Tile t) -> (long) t.result().sourceWidth() * t.result().sourceHeight())
                .reversed()),
        TIME("Time", Comparator.comparingLong((Tile t) -> t.result().elapsedNanos()).reversed());

        private final String label;
        private final Comparator<Tile> comparator;

        Order(String label, Comparator<Tile> comparator) {
            this.label = label;
            this.comparator = comparator;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Tiles of 100 px: the default 50 px thumbnails shown as 2 x 2 blocks per pixel. */
    static final double DEFAULT_ZOOM = 100;

    private final GridFeed feed;
    /** Runs while the feed holds tiles back from the grid: passes them on, frame by frame. */
    private final javafx.animation.AnimationTimer feeding = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!feed.tick(System.nanoTime())) {
                stop();
            }
        }
    };
    private final SortedList<Tile> sorted;
    private final GridView<Tile> grid;
    private final ObjectProperty<Tile> selected = new SimpleObjectProperty<>(this, "selected");
    private final ComboBox<Order> order = new ComboBox<>(FXCollections.observableArrayList(Order.values()));
    private final Slider zoom = new Slider(40, 240, DEFAULT_ZOOM);
    private final FlowPane bar;
    private final Consumer<Tile> inspect;
    private double tileSide;
    /** Tiles the run under way will have made when it ends; 0 when no run's tiles are shown. */
    private int expected;
    /** The grid's cells, the first screenful's made while a folder loads. */
    private final CellStock cells = new CellStock(() -> null, this::room);

    TileGrid(ObservableList<Tile> tiles, Consumer<Tile> inspect) {
        this.inspect = inspect;
        this.feed = new GridFeed(tiles, this::room, System::nanoTime, feeding::start);
        this.sorted = new SortedList<>(feed.shown());
        this.grid = new GridView<>(sorted) {
            @Override
            protected javafx.scene.control.Skin<?> createDefaultSkin() {
                return new FillingSkin(this);
            }
        };
        grid.getStyleClass().add("thumbnail-grid");
        grid.setHorizontalCellSpacing(8);
        grid.setVerticalCellSpacing(8);
        grid.setId("grid");
        // The grid takes the room its parent gives it. Left to compute its preferred size, each
        // layout pass after a list change measured ten rows (indexing their cells and running
        // their CSS) only to be stretched anyway: on 10,000 tiles a fifth of the FX thread's time.
        grid.setPrefSize(480, 360);
        grid.skinProperty().addListener((obs, old, skin) -> fixRowHeight());
        grid.setFocusTraversable(true);
        grid.setAccessibleText("Thumbnails; arrow keys move, Enter inspects");
        grid.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        grid.setOnMouseClicked(e -> grid.requestFocus());
        tiles.addListener((javafx.collections.ListChangeListener<Tile>) c -> {
            if (selected.get() != null && !tiles.contains(selected.get())) {
                selected.set(null); // a new run cleared the grid
            }
        });

        order.setValue(Order.COMPLETION);
        order.setId("sort");
        order.setTooltip(new Tooltip("The order of the tiles"));
        order.setAccessibleText("Sort the tiles by");
        order.valueProperty().addListener((obs, old, now) -> sorted.setComparator(now.comparator));
        zoom.setId("zoom");
        zoom.setPrefWidth(140);
        zoom.setTooltip(new Tooltip("Display size of the tiles: a thumbnail smaller than its tile is magnified,"
                + " each pixel a sharp block; the output size is set above"));
        zoom.setAccessibleText("Display zoom of the tiles");
        zoom.valueProperty().addListener((obs, old, now) -> configure(now.doubleValue()));
        Label sortCaption = new Label("S_ort");
        sortCaption.setMnemonicParsing(true);
        sortCaption.setLabelFor(order);
        Label zoomCaption = new Label("_Zoom");
        zoomCaption.setMnemonicParsing(true);
        zoomCaption.setLabelFor(zoom);
        HBox sortGroup = new HBox(8, sortCaption, order);
        HBox zoomGroup = new HBox(8, zoomCaption, zoom);
        sortGroup.setAlignment(Pos.CENTER_LEFT);
        zoomGroup.setAlignment(Pos.CENTER_LEFT);
        MainView.keepWhole(sortCaption, zoomCaption, order, sortGroup, zoomGroup);
        bar = new FlowPane(16, 6, sortGroup, zoomGroup, cells.holder());
        bar.getStyleClass().add("grid-bar");
        configure(DEFAULT_ZOOM);
    }

    GridView<Tile> grid() {
        return grid;
    }

    FlowPane bar() {
        return bar;
    }

    /** The tiles in the order shown. */
    List<Tile> shown() {
        return sorted;
    }

    ObjectProperty<Tile> selectedProperty() {
        return selected;
    }

    ComboBox<Order> order() {
        return order;
    }

    Slider zoom() {
        return zoom;
    }

    /** Selects the tile at {@code index} in the order shown, and scrolls to it. */
    void select(int index) {
        if (sorted.isEmpty()) {
            return;
        }
        int clamped = Math.max(0, Math.min(sorted.size() - 1, index));
        selected.set(sorted.get(clamped));
        if (grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(clamped / columns());
        }
    }

    private void key(KeyEvent e) {
        if (sorted.isEmpty()) {
            return;
        }
        int at = selected.get() == null ? -1 : sorted.indexOf(selected.get());
        int columns = columns();
        int next = switch (e.getCode()) {
            case RIGHT -> at + 1;
            case LEFT -> Math.max(0, at - 1);
            case DOWN -> at < 0 ? 0 : at + columns;
            case UP -> Math.max(0, at - columns);
            case HOME -> 0;
            case END -> sorted.size() - 1;
            default -> Integer.MIN_VALUE;
        };
        if (next != Integer.MIN_VALUE) {
            select(Math.min(next, sorted.size() - 1));
            e.consume();
        } else if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && selected.get() != null) {
            inspect.accept(selected.get());
            e.consume();
        }
    }

    /** Tiles per row, as the grid lays them out now. */
    int columns() {
        double cell = grid.getCellWidth() + grid.getHorizontalCellSpacing() * 2;
        double width = grid.getWidth() - grid.snappedLeftInset() - grid.snappedRightInset() - 16; // less the scroll bar
        return Math.max(1, (int) Math.floor(width / cell));
    }

    /** How many tiles the grid shows at once; as many as there are while it is not laid out. */
    private int room() {
        double row = grid.getCellHeight() + grid.getVerticalCellSpacing() * 2;
        if (grid.getHeight() <= 0 || row <= 0) {
            return Integer.MAX_VALUE;
        }
        return columns() * ((int) Math.ceil(grid.getHeight() / row) + 1);
    }

    /**
     * The grid's skin, whose flow has at least as many rows as fit in view once there is a tile,
     * and during a run as many as the run's tiles will fill. Each change of the flow's row count
     * makes it take every row off the scene and put it back, which styles every visible cell again
     * and repaints the whole grid: while the first screenful filled, a row at a time, and at each
     * pass of tiles appended below the view. Rows past the last tile stay empty.
     */
    private final class FillingSkin extends impl.org.controlsfx.skin.GridViewSkin<Tile> {

        FillingSkin(GridView<Tile> grid) {
            super(grid);
        }

        @Override
        public int getItemCount() {
            int rows = super.getItemCount();
            int columns = computeMaxCellsInRow();
            int coming = (expected + columns - 1) / columns;
            return rows == 0 && coming == 0 ? 0 : Math.max(Math.max(rows, coming), rowsInView());
        }

        void expectedChanged() {
            updateItemCount();
        }
    }

    /**
     * How many tiles the grid will hold when the run under way ends (0 when not known): the grid
     * keeps room for them from the start, so tiles arriving never change its row count.
     */
    void expect(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count of tiles is not negative");
        }
        if (count != expected) {
            expected = count;
            if (grid.getSkin() instanceof FillingSkin skin) {
                skin.expectedChanged();
            }
        }
    }

    /** Whole rows the grid has room for; 0 while it is not laid out. */
    private int rowsInView() {
        double row = grid == null ? 0 : grid.getCellHeight() + grid.getVerticalCellSpacing() * 2;
        double height = grid == null ? 0 : grid.getHeight() - grid.snappedTopInset() - grid.snappedBottomInset();
        return row <= 0 || height <= 0 ? 0 : (int) Math.floor(height / row);
    }

    /**
     * Every row is as high as a cell and its spacing: told so, the grid's flow stops measuring
     * rows (indexing a spare row's cells and running their CSS) to estimate its scroll range.
     */
    private void fixRowHeight() {
        if (grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.setFixedCellSize(grid.getCellHeight() + grid.getVerticalCellSpacing() * 2);
        }
    }

    /** Makes the grid's first screenful of cells ahead: a folder of {@code images} has loaded. */
    void makeCellsAhead(int images) {
        cells.fillFor(images);
    }

    private void configure(double zoomSide) {
        double side = Math.rint(zoomSide);
        if (side == tileSide) {
            return; // a new cell factory would make the grid throw away and rebuild every cell
        }
        tileSide = side;
        double width = Math.max(side + 16, 124);
        grid.setCellWidth(width);
        grid.setCellHeight(side + 16 + 22);
        fixRowHeight();
        cells.makeWith(() -> new ThumbnailCell(side, width - 16, selected, selected::set, inspect));
        grid.setCellFactory(g -> cells.take());
    }
}
