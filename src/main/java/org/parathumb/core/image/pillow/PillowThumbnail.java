package org.parathumb.core.image.pillow;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.parathumb.core.image.ImageFilter;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.ThumbnailSize;
import org.parathumb.core.image.pixels.LayoutConversion;

/**
 * Pillow's {@code Image.thumbnail((maxWidth, maxHeight))} on a loaded image (BICUBIC,
 * reducing_gap 2.0, no JPEG draft): the {@link ThumbnailSize} rule, then for gray and RGB an
 * integer {@link BoxReduce} by {@code int(w / tw / 2)} per axis followed by a
 * {@link BicubicResize} of the reduced box; for RGBA, as {@code Image.resize} does, a premultiply,
 * a bicubic resize of the full image without any reduce, and an un-premultiply.
 */
public final class PillowThumbnail implements ImageFilter {

    public static final double REDUCING_GAP = 2.0;

    private final int maxWidth;
    private final int maxHeight;

    public PillowThumbnail(int maxWidth, int maxHeight) {
        if (maxWidth < 1 || maxHeight < 1) {
            throw new IllegalArgumentException("thumbnail bounds must be positive, got " + maxWidth + "x" + maxHeight);
        }
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        BufferedImage source = LayoutConversion.toLayout(image);
        PixelLayout layout = PixelLayout.of(source).orElseThrow();
        Optional<ThumbnailSize> size = ThumbnailSize.fit(source.getWidth(), source.getHeight(), maxWidth, maxHeight);
        if (size.isEmpty()) {
            return copy(source, layout);
        }
        if (layout.hasAlpha()) {
            BufferedImage premultiplied = new PremultiplyAlpha().apply(source);
            return resizePremultiplied(premultiplied, size.get());
        }
        return resizeOpaque(source, size.get());
    }

    /**
     * Pillow's resize of an image the caller owns and will not use again: an RGBA image is
     * premultiplied in place (no full-size copy), then takes the RGBA path; gray and RGB the opaque one.
     */
    public static BufferedImage resizeOwned(BufferedImage owned, ThumbnailSize size) {
        if (PixelLayout.of(owned).orElseThrow().hasAlpha()) {
            PremultiplyAlpha.inPlace(PixelLayout.samples(owned), owned.getWidth() * owned.getHeight() * 4);
            return resizePremultiplied(owned, size);
        }
        return resizeOpaque(owned, size);
    }

    /**
     * The RGBA path on an image the caller already premultiplied (Pillow's "RGBa", as the native
     * kernel leaves it) and will not use again: the bicubic resize, then the un-premultiply.
     */
    public static BufferedImage resizePremultipliedOwned(BufferedImage premultiplied, ThumbnailSize size) {
        if (!PixelLayout.of(premultiplied).orElseThrow().hasAlpha()) {
            throw new IllegalArgumentException("only an RGBA image is premultiplied");
        }
        return resizePremultiplied(premultiplied, size);
    }

    /** The RGBA path on an image already premultiplied (which this may not modify either). */
    static BufferedImage resizePremultiplied(BufferedImage premultiplied, ThumbnailSize size) {
        BufferedImage out = new BicubicResize(size.width(), size.height()).apply(premultiplied);
        byte[] samples = PixelLayout.samples(out);
        UnpremultiplyAlpha.inPlace(samples, samples.length);
        return out;
    }

    /** The gray and RGB path: reduce by whole factors, then bicubic. */
    static BufferedImage resizeOpaque(BufferedImage source, ThumbnailSize size) {
        int width = source.getWidth();
        int height = source.getHeight();
        int factorX = reduceFactor(width, size.width());
        int factorY = reduceFactor(height, size.height());
        if (factorX == 1 && factorY == 1) {
            return new BicubicResize(size.width(), size.height()).apply(source);
        }
        BufferedImage reduced = new BoxReduce(factorX, factorY).apply(source);
        return resizeReduced(reduced, width, height, factorX, factorY, size);
    }

    /**
     * The bicubic step after a {@link BoxReduce} by {@code factorX x factorY} of a
     * {@code width x height} image: Pillow resizes the reduced image's box {@code (0, 0, width /
     * factorX, height / factorY)}, in floats, to the target size.
     */
    public static BufferedImage resizeReduced(BufferedImage reduced, int width, int height,
                                       int factorX, int factorY, ThumbnailSize size) {
        return new BicubicResize(size.width(), size.height(),
                0f, 0f, (float) ((double) width / factorX), (float) ((double) height / factorY)).apply(reduced);
    }

    /** {@code int(size / target / reducing_gap) or 1}, as Image.resize computes it. */
    public static int reduceFactor(int size, int target) {
        int factor = (int) ((double) size / target / REDUCING_GAP);
        return Math.max(factor, 1);
    }

    private static BufferedImage copy(BufferedImage source, PixelLayout layout) {
        BufferedImage out = layout.create(source.getWidth(), source.getHeight());
        byte[] dst = PixelLayout.samples(out);
        System.arraycopy(PixelLayout.samples(source), 0, dst, 0, dst.length);
        return out;
    }
}
