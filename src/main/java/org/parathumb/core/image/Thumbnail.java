package org.parathumb.core.image;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A rendered thumbnail, not yet written: its pixels, what it was made from, and how long each
 * stage took (nanoseconds).
 */
public record Thumbnail(
        BufferedImage image,
        ImageFormat sourceFormat,
        int sourceWidth,
        int sourceHeight,
        long decodeNanos,
        long blurNanos,
        long resizeNanos) {

    public Thumbnail {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(sourceFormat, "sourceFormat");
        if (sourceWidth < 1 || sourceHeight < 1) {
            throw new IllegalArgumentException("source size must be positive");
        }
        if (decodeNanos < 0 || blurNanos < 0 || resizeNanos < 0) {
            throw new IllegalArgumentException("stage times must not be negative");
        }
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
