package org.parathumb.core.image;

import java.awt.image.BufferedImage;

/**
 * The eight EXIF orientations (tag 0x0112, values 1 to 8): how the stored pixels must be turned
 * to stand upright. As a filter it returns a new, upright image in the same {@link PixelLayout};
 * the five that swap width and height are {@link #swapsAxes()}.
 */
public enum Orientation implements ImageFilter {
    /** 1: stored upright. */
    NORMAL(1),
    /** 2: mirrored left to right. */
    MIRROR_HORIZONTAL(2),
    /** 3: upside down. */
    ROTATE_180(3),
    /** 4: mirrored top to bottom. */
    MIRROR_VERTICAL(4),
    /** 5: mirrored along the main diagonal. */
    TRANSPOSE(5),
    /** 6: must turn 90 degrees clockwise (a phone held upright, camera on the left). */
    ROTATE_90(6),
    /** 7: mirrored along the other diagonal. */
    TRANSVERSE(7),
    /** 8: must turn 90 degrees anticlockwise. */
    ROTATE_270(8);

    private final int tag;

    Orientation(int tag) {
        this.tag = tag;
    }

    /** The EXIF value, 1 to 8. */
    public int tag() {
        return tag;
    }

    /** The orientation an EXIF value names; anything outside 1..8 counts as upright. */
    public static Orientation ofTag(int tag) {
        return tag >= 1 && tag <= 8 ? values()[tag - 1] : NORMAL;
    }

    /** Whether the upright image is the stored one turned on its side (width and height swap). */
    public boolean swapsAxes() {
        return tag >= 5;
    }

    /** The orientation that undoes this one. */
    public Orientation inverse() {
        return switch (this) {
            case ROTATE_90 -> ROTATE_270;
            case ROTATE_270 -> ROTATE_90;
            default -> this;
        };
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        PixelLayout layout = PixelLayout.of(image).orElseThrow(
                () -> new IllegalArgumentException("orientation works on images in a PixelLayout"));
        int w = image.getWidth();
        int h = image.getHeight();
        int outW = swapsAxes() ? h : w;
        int outH = swapsAxes() ? w : h;
        BufferedImage out = layout.create(outW, outH);
        byte[] src = PixelLayout.samples(image);
        byte[] dst = PixelLayout.samples(out);
        int c = layout.channels();
        for (int y = 0; y < outH; y++) {
            if ((y & 63) == 0) {
                CancelledException.checkInterrupt();
            }
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (this) {
                    case NORMAL -> { sx = x; sy = y; }
                    case MIRROR_HORIZONTAL -> { sx = w - 1 - x; sy = y; }
                    case ROTATE_180 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case MIRROR_VERTICAL -> { sx = x; sy = h - 1 - y; }
                    case TRANSPOSE -> { sx = y; sy = x; }
                    case ROTATE_90 -> { sx = y; sy = h - 1 - x; }
                    case TRANSVERSE -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // ROTATE_270
                }
                System.arraycopy(src, (sy * w + sx) * c, dst, (y * outW + x) * c, c);
            }
        }
        return out;
    }
}
