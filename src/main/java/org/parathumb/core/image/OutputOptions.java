package org.parathumb.core.image;

import java.util.Objects;

/**
 * How a rendered thumbnail is framed and written, beyond its size and blur: its {@link Fit}, the
 * JPEG {@code quality} (1 to 100, IJG scale as Pillow's) and the {@link KeptMetadata}. The
 * default is the original program's: contain, 75, none.
 */
public record OutputOptions(Fit fit, int quality, KeptMetadata metadata) {

    /** Pillow's default JPEG quality, the original program's. */
    public static final int DEFAULT_QUALITY = 75;

    public static final OutputOptions DEFAULT = new OutputOptions(Fit.CONTAIN, DEFAULT_QUALITY, KeptMetadata.NONE);

    public OutputOptions {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(metadata, "metadata");
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be between 1 and 100, got " + quality);
        }
    }

    public OutputOptions withFit(Fit newFit) {
        return new OutputOptions(newFit, quality, metadata);
    }

    public OutputOptions withQuality(int newQuality) {
        return new OutputOptions(fit, newQuality, metadata);
    }

    public OutputOptions withMetadata(KeptMetadata newMetadata) {
        return new OutputOptions(fit, quality, newMetadata);
    }

    /** Whether writing is exactly Pillow's default save(): quality 75, no metadata. */
    public boolean writesAsTheOriginal() {
        return quality == DEFAULT_QUALITY && metadata == KeptMetadata.NONE;
    }
}
