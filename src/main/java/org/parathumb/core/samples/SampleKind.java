package org.parathumb.core.samples;

import org.parathumb.core.image.ImageFormat;


/**
 * The kinds of sample the generator cycles through, so that any set of a few images covers what
 * real folders hold: landscape and portrait photos, grayscale, and PNGs with and without alpha.
 * PNGs are made at a sixth of the asked megapixels: lossless files of photo-like content are
 * large, and a sample set must stay small enough to ship.
 */
public enum SampleKind {
    LANDSCAPE(4, 3, 3, ImageFormat.JPEG, 1.0),
    PORTRAIT(3, 4, 3, ImageFormat.JPEG, 1.0),
    GRAY(1, 1, 1, ImageFormat.JPEG, 1.0),
    ALPHA(16, 9, 4, ImageFormat.PNG, 1.0 / 6),
    WIDE(3, 2, 3, ImageFormat.JPEG, 1.0),
    GRAPHIC(4, 3, 3, ImageFormat.PNG, 1.0 / 6);

    private final int aspectWidth;
    private final int aspectHeight;
    private final int channels;
    private final ImageFormat format;
    private final double megapixelFactor;

    SampleKind(int aspectWidth, int aspectHeight, int channels, ImageFormat format, double megapixelFactor) {
        this.aspectWidth = aspectWidth;
        this.aspectHeight = aspectHeight;
        this.channels = channels;
        this.format = format;
        this.megapixelFactor = megapixelFactor;
    }

    /** 1 for gray, 3 for RGB, 4 for RGBA. */
    public int channels() {
        return channels;
    }

    public ImageFormat format() {
        return format;
    }

    /** Width and height for about {@code megapixels} (scaled for PNGs), keeping this kind's aspect. */
    public int[] size(double megapixels) {
        double pixels = megapixels * megapixelFactor * 1_000_000;
        double unit = Math.sqrt(pixels / (aspectWidth * (double) aspectHeight));
        int width = Math.max(8, (int) Math.round(unit * aspectWidth));
        int height = Math.max(8, (int) Math.round(unit * aspectHeight));
        return new int[] {width, height};
    }
}
