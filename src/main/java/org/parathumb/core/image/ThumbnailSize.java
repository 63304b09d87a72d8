package org.parathumb.core.image;

import java.util.Optional;

/**
 * The size Pillow's {@code Image.thumbnail((maxWidth, maxHeight))} gives an image: none (no
 * change) when it already fits, otherwise the aspect ratio kept, the short side rounded down or
 * up, whichever keeps the aspect closest (floor on a tie), and never below 1.
 */
public record ThumbnailSize(int width, int height) {

    public ThumbnailSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("thumbnail size must be positive, got " + width + "x" + height);
        }
    }

    /** The thumbnail size for a {@code width x height} image, or empty if it already fits. */
    public static Optional<ThumbnailSize> fit(int width, int height, int maxWidth, int maxHeight) {
        if (width < 1 || height < 1 || maxWidth < 1 || maxHeight < 1) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        if (maxWidth >= width && maxHeight >= height) {
            return Optional.empty();
        }
        double aspect = (double) width / height;
        int x = maxWidth;
        int y = maxHeight;
        if ((double) x / y >= aspect) {
            double target = y * aspect;
            int down = (int) Math.floor(target);
            int up = (int) Math.ceil(target);
            x = Math.abs(aspect - (double) up / y) < Math.abs(aspect - (double) down / y) ? up : down;
            x = Math.max(x, 1);
        } else {
            double target = x / aspect;
            int down = (int) Math.floor(target);
            int up = (int) Math.ceil(target);
            y = heightError(aspect, x, up) < heightError(aspect, x, down) ? up : down;
            y = Math.max(y, 1);
        }
        return Optional.of(new ThumbnailSize(x, y));
    }

    private static double heightError(double aspect, int width, int height) {
        return height == 0 ? 0 : Math.abs(aspect - (double) width / height);
    }
}
