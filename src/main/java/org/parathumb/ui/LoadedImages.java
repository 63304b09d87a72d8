package org.parathumb.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the window has loaded: the folders and files the user gave, how many images they hold, and
 * their total size in megapixels (read from the file headers; unreadable headers count as 0);
 * when none were found without sub-folders, how many the sub-folders hold.
 */
public record LoadedImages(List<Path> inputs, int count, double megapixels, int inSubfolders, List<Tile> existing) {

    public LoadedImages(List<Path> inputs, int count, double megapixels) {
        this(inputs, count, megapixels, 0);
    }

    public LoadedImages(List<Path> inputs, int count, double megapixels, int inSubfolders) {
        this(inputs, count, megapixels, inSubfolders, List.of());
    }

    public LoadedImages {
        inputs = List.copyOf(inputs);
        existing = List.copyOf(existing);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("loaded images come from at least one folder or file");
        }
        if (count < 0 || !(megapixels >= 0) || inSubfolders < 0) {
            throw new IllegalArgumentException("count and megapixels must not be negative");
        }
        if (existing.size() > count) {
            throw new IllegalArgumentException("more thumbnails on disk than images: " + existing.size());
        }
    }

    /** {@code 10 images · 104.3 MP in images} */
    public String summary() {
        String line = String.format(Locale.ROOT, "%d %s · %.1f MP in %s", count, count == 1 ? "image" : "images",
                megapixels, source());
        return existing.isEmpty() ? line : line + " · " + existing.size() + " thumbnails on disk";
    }

    /** The folder's name, or how many places the images come from. */
    public String source() {
        if (inputs.size() == 1) {
            Path name = inputs.get(0).toAbsolutePath().normalize().getFileName();
            return name == null ? inputs.get(0).toString() : name.toString();
        }
        return inputs.size() + " places";
    }
}
