package org.parathumb.core.image.pixels;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.PixelLayout;

/**
 * Brings any image to the nearest {@link PixelLayout}, as Pillow would need it before filtering:
 * palette to RGB (RGBA if the palette has transparency), gray with alpha to RGBA, any bit depth
 * to 8 bits (16-bit samples keep their high byte, as Pillow's {@code ;16B} unpackers do; 1, 2
 * and 4-bit samples are scaled to 0..255). Gray and RGB samples are taken as they are, without
 * colour management, as Pillow does; other colour spaces (CMYK, YCCK) go through Java's sRGB
 * conversion.
 */
public final class LayoutConversion {

    private LayoutConversion() {
    }

    /** {@code image} itself when it is already in a layout, otherwise a converted copy. */
    public static BufferedImage toLayout(BufferedImage image) {
        return PixelLayout.of(image).isPresent() ? image : convert(image);
    }

    /** The layout {@code image} converts to. */
    static PixelLayout nearestLayout(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (model instanceof IndexColorModel indexed) {
            return indexed.hasAlpha() ? PixelLayout.RGBA : PixelLayout.RGB;
        }
        if (model.hasAlpha()) {
            return PixelLayout.RGBA;
        }
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY ? PixelLayout.GRAY : PixelLayout.RGB;
    }

    /** A new image in the nearest layout with {@code image}'s pixels. */
    static BufferedImage convert(BufferedImage image) {
        PixelLayout layout = nearestLayout(image);
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage out = layout.create(width, height);
        byte[] dst = PixelLayout.samples(out);
        ColorModel model = image.getColorModel();
        WritableRaster raster = image.getRaster();
        if (image.isAlphaPremultiplied()) {
            WritableRaster copy = image.copyData(null);
            model = model.coerceData(copy, false);
            raster = copy;
        }
        int spaceType = model.getColorSpace().getType();
        boolean rawSamples = !(model instanceof IndexColorModel)
                && (spaceType == ColorSpace.TYPE_GRAY || spaceType == ColorSpace.TYPE_RGB);
        int bands = raster.getNumBands();
        int[] row = new int[width * bands];
        int channels = layout.channels();
        for (int y = 0; y < height; y++) {
            if ((y & 63) == 0) {
                CancelledException.checkInterrupt();
            }
            int o = y * width * channels;
            if (model instanceof IndexColorModel indexed) {
                raster.getSamples(0, y, width, 1, 0, row);
                for (int x = 0; x < width; x++, o += channels) {
                    int index = row[x];
                    dst[o] = (byte) indexed.getRed(index);
                    dst[o + 1] = (byte) indexed.getGreen(index);
                    dst[o + 2] = (byte) indexed.getBlue(index);
                    if (channels == 4) {
                        dst[o + 3] = (byte) indexed.getAlpha(index);
                    }
                }
            } else if (rawSamples) {
                raster.getPixels(0, y, width, 1, row);
                int colours = model.getNumColorComponents();
                for (int x = 0; x < width; x++, o += channels) {
                    int in = x * bands;
                    for (int c = 0; c < channels; c++) {
                        int band = c == 3 ? bands - 1 : (colours == 1 ? 0 : c);
                        dst[o + c] = (byte) to8Bits(row[in + band], model.getComponentSize(band));
                    }
                }
            } else {
                int[] argb = image.getRGB(0, y, width, 1, null, 0, width);
                for (int x = 0; x < width; x++, o += channels) {
                    int p = argb[x];
                    dst[o] = (byte) (p >>> 16);
                    dst[o + 1] = (byte) (p >>> 8);
                    dst[o + 2] = (byte) p;
                    if (channels == 4) {
                        dst[o + 3] = (byte) (p >>> 24);
                    }
                }
            }
        }
        return out;
    }

    private static int to8Bits(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        if (bits > 8) {
            return sample >>> (bits - 8);
        }
        return sample * 255 / ((1 << bits) - 1);
    }
}
