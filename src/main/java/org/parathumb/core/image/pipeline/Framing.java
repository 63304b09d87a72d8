package org.parathumb.core.image.pipeline;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.parathumb.core.image.Fit;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;

/**
 * Exact-size thumbnails ({@link Fit#COVER}, {@link Fit#CROP}) around either pipeline, which stays
 * untouched: the pipeline renders into a {@linkplain #renderBox box} free along one side, so its
 * thumbnail covers WxH, then {@link #frame} cuts the WxH window out of it (the centre, or the
 * window of most detail). Cutting the small thumbnail costs next to nothing and gives the pixels
 * a crop of the source would, up to the resize filter's reach at the edges. {@link Fit#CONTAIN}
 * passes both steps unchanged, so the original program's bytes stay the same.
 */
public final class Framing {

    private Framing() {
    }

    /** The box to render a {@code width x height} source into, so that it covers {@code spec}'s box. */
    public static ThumbnailSpec renderBox(ThumbnailSpec spec, Fit fit, int width, int height) {
        if (fit == Fit.CONTAIN) {
            return spec;
        }
        double byWidth = (double) spec.maxWidth() / width;
        double byHeight = (double) spec.maxHeight() / height;
        return byWidth >= byHeight
                ? spec.withSize(spec.maxWidth(), ThumbnailSpec.MAX_SIDE)
                : spec.withSize(ThumbnailSpec.MAX_SIDE, spec.maxHeight());
    }

    /** {@code thumbnail} cut to exactly {@code width x height} as {@code fit} says; contain leaves it. */
    public static Thumbnail frame(Thumbnail thumbnail, Fit fit, int width, int height) {
        if (fit == Fit.CONTAIN || thumbnail.width() == width && thumbnail.height() == height) {
            return thumbnail;
        }
        BufferedImage image = thumbnail.image();
        // The largest window of the box's aspect: all of one side, part of the other.
        int w = Math.min(image.getWidth(), (int) Math.round((double) image.getHeight() * width / height));
        int h = Math.min(image.getHeight(), (int) Math.round((double) image.getWidth() * height / width));
        w = Math.max(1, Math.min(w, image.getWidth()));
        h = Math.max(1, Math.min(h, image.getHeight()));
        if (w >= width && h >= height) {
            w = width;
            h = height;
        }
        int x;
        int y;
        if (fit == Fit.CROP) {
            int[] at = EntropyWindow.find(image, w, h);
            x = at[0];
            y = at[1];
        } else {
            x = (image.getWidth() - w) / 2;
            y = (image.getHeight() - h) / 2;
        }
        BufferedImage cut = copy(image, x, y, w, h);
        if (w != width || h != height) {
            cut = enlarge(cut, width, height); // a source smaller than the box
        }
        return new Thumbnail(cut, thumbnail.sourceFormat(), thumbnail.sourceWidth(), thumbnail.sourceHeight(),
                thumbnail.decodeNanos(), thumbnail.blurNanos(), thumbnail.resizeNanos());
    }

    private static BufferedImage copy(BufferedImage image, int x, int y, int w, int h) {
        PixelLayout layout = PixelLayout.of(image).orElseThrow();
        BufferedImage out = layout.create(w, h);
        out.getRaster().setRect(image.getRaster().createChild(x, y, w, h, 0, 0, null));
        return out;
    }

    private static BufferedImage enlarge(BufferedImage image, int width, int height) {
        PixelLayout layout = PixelLayout.of(image).orElseThrow();
        BufferedImage out = layout.create(width, height);
        var g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
