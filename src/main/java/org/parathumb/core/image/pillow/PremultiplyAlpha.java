package org.parathumb.core.image.pillow;

import org.parathumb.core.image.CancelledException;

/**
 * Pillow's RGBA to "RGBa" conversion (Convert.c {@code rgbA2rgba}): each colour sample becomes
 * {@code MULDIV255(c, alpha)}, rounded. Images without alpha come back as a plain copy.
 */
public final class PremultiplyAlpha extends AlphaConversion {

    @Override
    void convert(byte[] rgba, int length) {
        inPlace(rgba, length);
    }

    /** Premultiplies the first {@code length} bytes of RGBA samples where they are. */
    static void inPlace(byte[] rgba, int length) {
        for (int i = 0; i < length; i += 4) {
            if ((i & 0xFFFFF) == 0) {
                CancelledException.checkInterrupt();
            }
            int alpha = rgba[i + 3] & 0xFF;
            if (alpha == 255) {
                continue;
            }
            rgba[i] = (byte) mulDiv255(rgba[i] & 0xFF, alpha);
            rgba[i + 1] = (byte) mulDiv255(rgba[i + 1] & 0xFF, alpha);
            rgba[i + 2] = (byte) mulDiv255(rgba[i + 2] & 0xFF, alpha);
        }
    }

    /** Pillow's {@code MULDIV255}: {@code a * b / 255}, rounded, without a division. */
    static int mulDiv255(int a, int b) {
        int tmp = a * b + 128;
        return ((tmp >> 8) + tmp) >> 8;
    }
}
