package org.parathumb.core.image.pipeline;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Optional;
import org.parathumb.core.image.PixelLayout;

/**
 * The thumbnail of a gray PNG with alpha ({@link PngSourceInfo#grayWithAlpha()}), which Pillow
 * opens as "LA" and saves as LA (colour type 4, two bytes a pixel). The decoders here give such a
 * PNG as RGBA with equal red, green and blue; its thumbnail keeps them equal, and is written back
 * in the source's two channels, with a gray ICC profile if the source has one, as Pillow writes it.
 */
final class GrayAlphaPng {

    private GrayAlphaPng() {
    }

    /**
     * {@code image} in two channels, gray and alpha, when it is RGBA with red, green and blue
     * equal in every pixel; empty otherwise.
     */
    static Optional<BufferedImage> of(BufferedImage image) {
        if (PixelLayout.of(image).filter(PixelLayout.RGBA::equals).isEmpty()) {
            return Optional.empty();
        }
        byte[] rgba = PixelLayout.samples(image);
        int pixels = image.getWidth() * image.getHeight();
        byte[] la = new byte[pixels * 2];
        for (int i = 0; i < pixels; i++) {
            byte gray = rgba[4 * i];
            if (rgba[4 * i + 1] != gray || rgba[4 * i + 2] != gray) {
                return Optional.empty();
            }
            la[2 * i] = gray;
            la[2 * i + 1] = rgba[4 * i + 3];
        }
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = Raster.createInterleavedRaster(new java.awt.image.DataBufferByte(la, la.length),
                image.getWidth(), image.getHeight(), image.getWidth() * 2, 2, new int[] {0, 1}, null);
        return Optional.of(new BufferedImage(model, raster, false, null));
    }
}
