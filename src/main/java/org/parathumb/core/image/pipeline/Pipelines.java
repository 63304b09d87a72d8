package org.parathumb.core.image.pipeline;

import java.util.List;
import java.util.Locale;
import org.parathumb.core.image.FormatSupport;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.read.ImageDecoder;

/** The thumbnail pipelines users can choose, by name: the window and the CLI both ask here. */
public final class Pipelines {

    /** The pipeline used unless another is chosen: the original program, pixel for pixel. */
    public static final String DEFAULT = "faithful";

    private static final List<String> NAMES = List.of(DEFAULT, FastPipeline.NAME);

    private Pipelines() {
    }

    /** The names, default first. */
    public static List<String> names() {
        return NAMES;
    }

    /** For each format, whether this installation reads it and with what (libraries found, or missing). */
    public static List<FormatSupport> formats() {
        return new ImageDecoder().support();
    }

    /** A new pipeline of that name (any case); it is safe to share between threads. */
    public static ThumbnailPipeline byName(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case DEFAULT -> new FaithfulPipeline();
            case FastPipeline.NAME -> new FastPipeline();
            default -> throw new IllegalArgumentException(
                    "unknown pipeline '" + name + "': use " + String.join(" or ", NAMES));
        };
    }
}
