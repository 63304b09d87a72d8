package org.parathumb.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.Pipelines;

/**
 * What the window remembers between launches: the output folder (empty: {@code <folder>/thumbs}),
 * the thumbnail box side, the blur radius, the worker count, the last folders loaded and the
 * pipeline (one of {@link Pipelines#names()}).
 */
public record Settings(Optional<Path> outputFolder, int thumbnailSize, double blurRadius, int workers,
        List<Path> lastInputs, String pipeline) {

    /** Smallest and largest thumbnail side the window offers. */
    public static final int MIN_SIZE = 16;
    public static final int MAX_SIZE = 512;
    /** Largest blur radius the window offers. */
    public static final double MAX_BLUR = 20;

    public Settings {
        Objects.requireNonNull(outputFolder, "outputFolder");
        lastInputs = List.copyOf(lastInputs);
        if (thumbnailSize < MIN_SIZE || thumbnailSize > MAX_SIZE) {
            throw new IllegalArgumentException("thumbnail size must be " + MIN_SIZE + " to " + MAX_SIZE);
        }
        if (!(blurRadius >= 0 && blurRadius <= MAX_BLUR)) {
            throw new IllegalArgumentException("blur radius must be 0 to " + MAX_BLUR);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker");
        }
        if (!Pipelines.names().contains(pipeline)) {
            throw new IllegalArgumentException("pipeline must be one of " + Pipelines.names() + ", got " + pipeline);
        }
    }

    /** The original program's settings, all cores, nothing loaded yet. */
    public static Settings defaults(int cores) {
        ThumbnailSpec spec = ThumbnailSpec.DEFAULT;
        return new Settings(Optional.empty(), spec.maxWidth(), spec.blurRadius(), cores, List.of(), Pipelines.DEFAULT);
    }
}
