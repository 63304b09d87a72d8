package org.parathumb.ui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.parathumb.core.image.pipeline.Pipelines;

/**
 * Keeps {@link Settings} in a {@link Preferences} node. The node is given, so tests use a node of
 * their own and never touch the user's. Unreadable or out-of-range values fall back to defaults.
 */
public final class SettingsStore {

    static final String OUTPUT = "outputFolder";
    static final String SIZE = "thumbnailSize";
    static final String BLUR = "blurRadius";
    static final String WORKERS = "workers";
    static final String LAST_INPUTS = "lastInputs";
    static final String PIPELINE = "pipeline";
    /** Where versions before the System choice kept Dark (true) or Light: read, never written. */
    static final String DARK = "darkTheme";
    static final String THEME = "theme";
    static final String PLACE = "windowPlace";

    private final Preferences node;

    public SettingsStore(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The window's own node in the user's preferences. */
    public static SettingsStore forUser() {
        return new SettingsStore(Preferences.userNodeForPackage(SettingsStore.class));
    }

    /** The stored settings; the worker count is kept within {@code 1..cores}. */
    public Settings load(int cores) {
        Settings defaults = Settings.defaults(cores);
        Optional<Path> output = path(node.get(OUTPUT, ""));
        int size = clamp(node.getInt(SIZE, defaults.thumbnailSize()), Settings.MIN_SIZE, Settings.MAX_SIZE);
        double blur = node.getDouble(BLUR, defaults.blurRadius());
        if (!(blur >= 0 && blur <= Settings.MAX_BLUR)) {
            blur = defaults.blurRadius();
        }
        int workers = clamp(node.getInt(WORKERS, cores), 1, cores);
        List<Path> last = Arrays.stream(node.get(LAST_INPUTS, "").split("\n"))
                .map(SettingsStore::path).flatMap(Optional::stream).toList();
        String pipeline = node.get(PIPELINE, defaults.pipeline());
        if (!Pipelines.names().contains(pipeline)) {
            pipeline = defaults.pipeline(); // a name a later or earlier version knew
        }
        return new Settings(output, size, blur, workers, last, pipeline);
    }

    public void save(Settings settings) {
        node.put(OUTPUT, settings.outputFolder().map(Path::toString).orElse(""));
        node.putInt(SIZE, settings.thumbnailSize());
        node.putDouble(BLUR, settings.blurRadius());
        node.putInt(WORKERS, settings.workers());
        node.put(PIPELINE, settings.pipeline());
        String last = String.join("\n", settings.lastInputs().stream().map(p -> p.toAbsolutePath().toString()).toList());
        // A preferences value holds at most 8 KB: beyond it, remember nothing rather than fail.
        node.put(LAST_INPUTS, last.length() <= Preferences.MAX_VALUE_LENGTH ? last : "");
    }

    /**
     * The theme the user chose: System when nothing is saved; a choice saved by an earlier version
     * (dark or not) is kept.
     */
    public ThemeChoice theme() {
        Optional<ThemeChoice> saved = ThemeChoice.parse(node.get(THEME, ""));
        if (saved.isPresent()) {
            return saved.get();
        }
        String old = node.get(DARK, null);
        return old == null ? ThemeChoice.SYSTEM : Boolean.parseBoolean(old) ? ThemeChoice.DARK : ThemeChoice.LIGHT;
    }

    public void saveTheme(ThemeChoice theme) {
        node.put(THEME, theme.id());
    }

    /** Whether the user chose the dark theme (not System, even on a dark desktop). */
    public boolean dark() {
        return theme() == ThemeChoice.DARK;
    }

    /** Saves Dark or Light. */
    public void saveDark(boolean dark) {
        saveTheme(dark ? ThemeChoice.DARK : ThemeChoice.LIGHT);
    }

    /** Where the window was last, if known. */
    Optional<WindowPlace> windowPlace() {
        String[] parts = node.get(PLACE, "").split(",");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WindowPlace(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void saveWindowPlace(WindowPlace place) {
        node.put(PLACE, place.x() + "," + place.y() + "," + place.width() + "," + place.height());
    }

    /** Writes the settings to the backing store now, rather than some time before exit. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Nothing to tell the user at exit; the settings are simply not remembered.
        }
    }

    private static Optional<Path> path(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
