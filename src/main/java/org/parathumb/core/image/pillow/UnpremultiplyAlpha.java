package org.parathumb.core.image.pillow;

/**
 * Pillow's "RGBa" to RGBA conversion (Convert.c {@code rgba2rgbA} in Pillow 9.4): each colour
 * sample becomes {@code min(255, 255 * c / alpha)}, rounded down; alpha 0 and 255 leave it as it
 * is. Images without alpha come back as a plain copy.
 */
public final class UnpremultiplyAlpha extends AlphaConversion {

    @Override
    void convert(byte[] rgba, int length) {
        inPlace(rgba, length);
    }

    /** Un-premultiplies the first {@code length} bytes of RGBa samples where they are. */
    static void inPlace(byte[] rgba, int length) {
        for (int i = 0; i < length; i += 4) {
            int alpha = rgba[i + 3] & 0xFF;
            if (alpha == 255 || alpha == 0) {
                continue;
            }
            rgba[i] = (byte) Math.min(255, 255 * (rgba[i] & 0xFF) / alpha);
            rgba[i + 1] = (byte) Math.min(255, 255 * (rgba[i + 1] & 0xFF) / alpha);
            rgba[i + 2] = (byte) Math.min(255, 255 * (rgba[i + 2] & 0xFF) / alpha);
        }
    }
}
