package org.parathumb.core.image.pipeline;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.parathumb.core.image.PixelLayout;

/**
 * A gray PNG with alpha, which Pillow opens as "LA" and whose thumbnail it saves as one (colour
 * type 4, two bytes a pixel). The decoders here give such a PNG as RGBA with equal red, green and
 * blue; its thumbnail keeps them equal, and is written back in the source's two channels, with a
 * gray ICC profile if the source has one, as Pillow writes it.
 */
final class GrayAlphaPng {

    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    private static final int GRAY_ALPHA = 4;

    private GrayAlphaPng() {
    }

    /** Whether {@code source} is a PNG whose header says gray with alpha; false if it cannot be read. */
    static boolean isSource(Path source) {
        try (InputStream in = Files.newInputStream(source)) {
            DataInputStream data = new DataInputStream(in);
            if (data.readLong() != SIGNATURE || data.readInt() != 13 || data.readInt() != IHDR) {
                return false;
            }
            data.skipNBytes(9); // width, height, bit depth
            return data.readUnsignedByte() == GRAY_ALPHA;
        } catch (IOException e) {
            return false; // the decode already read this file: a header cut short is no LA PNG
        }
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
