package org.parathumb.core.image.pixels;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.PixelLayout;

/**
 * An image as decoded, in a {@link PixelLayout}, with the format its content turned out to be.
 * Its pixels may live in a reused per-thread buffer: use it before the thread decodes again.
 */
public record DecodedImage(BufferedImage image, ImageFormat format) {

    public DecodedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(format, "format");
        if (PixelLayout.of(image).isEmpty()) {
            throw new IllegalArgumentException("decoded image must be in a PixelLayout");
        }
    }
}
