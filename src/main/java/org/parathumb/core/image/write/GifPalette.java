package org.parathumb.core.image.write;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.HashMap;
import java.util.Map;
import org.parathumb.core.image.PixelLayout;

/**
 * The palette image a GIF needs: the exact colours when a thumbnail has at most 256 (one of them
 * transparent if any pixel is mostly transparent), otherwise a 6x7x6 colour cube, nearest colour.
 * Thumbnails are small, so a plain map and a per-pixel lookup are enough.
 */
final class GifPalette {

    private GifPalette() {
    }

    static BufferedImage indexed(BufferedImage image) {
        PixelLayout layout = PixelLayout.of(image).orElseThrow();
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] src = PixelLayout.samples(image);
        int c = layout.channels();
        int[] rgb = new int[w * h];
        boolean transparent = false;
        for (int p = 0; p < rgb.length; p++) {
            int i = p * c;
            int r = src[i] & 0xFF;
            int g = c == 1 ? r : src[i + 1] & 0xFF;
            int b = c == 1 ? r : src[i + 2] & 0xFF;
            boolean clear = c == 4 && (src[i + 3] & 0xFF) < 128;
            transparent |= clear;
            rgb[p] = clear ? -1 : (r << 16 | g << 8 | b);
        }
        Map<Integer, Integer> exact = new HashMap<>();
        int slots = transparent ? 255 : 256;
        for (int value : rgb) {
            if (value >= 0 && !exact.containsKey(value)) {
                if (exact.size() == slots) {
                    exact = null;
                    break;
                }
                exact.put(value, exact.size());
            }
        }
        int[] palette;
        if (exact != null) {
            palette = new int[exact.size()];
            exact.forEach((value, index) -> palette[index] = value);
        } else {
            palette = new int[6 * 7 * 6];
            int n = 0;
            for (int r = 0; r < 6; r++) {
                for (int g = 0; g < 7; g++) {
                    for (int b = 0; b < 6; b++) {
                        palette[n++] = (r * 255 / 5) << 16 | (g * 255 / 6) << 8 | (b * 255 / 5);
                    }
                }
            }
        }
        int size = palette.length + (transparent ? 1 : 0);
        byte[] reds = new byte[size];
        byte[] greens = new byte[size];
        byte[] blues = new byte[size];
        for (int i = 0; i < palette.length; i++) {
            reds[i] = (byte) (palette[i] >> 16);
            greens[i] = (byte) (palette[i] >> 8);
            blues[i] = (byte) palette[i];
        }
        int clearIndex = transparent ? palette.length : -1;
        if (transparent) {
            reds[clearIndex] = (byte) 255;
            greens[clearIndex] = (byte) 255;
            blues[clearIndex] = (byte) 255;
        }
        IndexColorModel model = new IndexColorModel(8, size, reds, greens, blues, clearIndex);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
        WritableRaster raster = out.getRaster();
        for (int p = 0; p < rgb.length; p++) {
            int value = rgb[p];
            int index;
            if (value < 0) {
                index = clearIndex;
            } else if (exact != null) {
                index = exact.get(value);
            } else {
                int r = ((value >> 16 & 0xFF) * 5 + 127) / 255;
                int g = ((value >> 8 & 0xFF) * 6 + 127) / 255;
                int b = ((value & 0xFF) * 5 + 127) / 255;
                index = (r * 7 + g) * 6 + b;
            }
            raster.setSample(p % w, p / w, 0, index);
        }
        return out;
    }
}
