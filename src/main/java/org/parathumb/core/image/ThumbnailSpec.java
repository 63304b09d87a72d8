package org.parathumb.core.image;

import java.util.Objects;

/**
 * What to make of each image: a thumbnail that fits in {@code maxWidth x maxHeight} keeping the
 * aspect ratio, after a Gaussian blur of {@code blurRadius} (0 = none), written as {@code format}.
 * The defaults are the original program's: 50x50, radius 2, the input's own format.
 */
public record ThumbnailSpec(int maxWidth, int maxHeight, double blurRadius, OutputFormat format) {

    /** The original program's settings. */
    public static final ThumbnailSpec DEFAULT = new ThumbnailSpec(50, 50, 2.0, OutputFormat.SAME);

    /** Largest thumbnail side we accept: beyond it, this is not a thumbnailer any more. */
    public static final int MAX_SIDE = 4096;

    /** Largest blur radius we accept. */
    public static final double MAX_BLUR_RADIUS = 100.0;

    public ThumbnailSpec {
        Objects.requireNonNull(format, "format");
        if (maxWidth < 1 || maxHeight < 1 || maxWidth > MAX_SIDE || maxHeight > MAX_SIDE) {
            throw new IllegalArgumentException(
                    "thumbnail size must be between 1x1 and " + MAX_SIDE + "x" + MAX_SIDE
                            + ", got " + maxWidth + "x" + maxHeight);
        }
        if (!(blurRadius >= 0 && blurRadius <= MAX_BLUR_RADIUS)) {
            throw new IllegalArgumentException(
                    "blur radius must be between 0 and " + MAX_BLUR_RADIUS + ", got " + blurRadius);
        }
    }

    public ThumbnailSpec withSize(int width, int height) {
        return new ThumbnailSpec(width, height, blurRadius, format);
    }

    public ThumbnailSpec withBlurRadius(double radius) {
        return new ThumbnailSpec(maxWidth, maxHeight, radius, format);
    }

    public ThumbnailSpec withFormat(OutputFormat outputFormat) {
        return new ThumbnailSpec(maxWidth, maxHeight, blurRadius, outputFormat);
    }
}
