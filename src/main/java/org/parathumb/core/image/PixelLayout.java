package org.parathumb.core.image;

import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Optional;

/**
 * The three pixel layouts the faithful pipeline works in, as Pillow's modes "L", "RGB" and
 * "RGBA": 8 bits per sample, interleaved in that channel order in one {@code byte[]}, rows packed
 * with no padding, alpha not premultiplied. Kernels index the array directly.
 */
public enum PixelLayout {
    GRAY(1),
    RGB(3),
    RGBA(4);

    private final int channels;

    PixelLayout(int channels) {
        this.channels = channels;
    }

    /** Samples per pixel. */
    public int channels() {
        return channels;
    }

    public boolean hasAlpha() {
        return this == RGBA;
    }

    /** A new, zeroed image of this layout. */
    public BufferedImage create(int width, int height) {
        return wrap(new byte[Math.multiplyExact(Math.multiplyExact(width, height), channels)], width, height);
    }

    /**
     * An image of this layout over {@code data}, which may be longer than needed (a reused
     * buffer): the image uses its first {@code width * height * channels} bytes.
     */
    public BufferedImage wrap(byte[] data, int width, int height) {
        return wrap(data, width, height, defaultColorSpace());
    }

    /**
     * As {@link #wrap(byte[], int, int)}, tagged with {@code space} (gray for {@link #GRAY}, RGB
     * otherwise): a decoder given such a destination keeps the file's samples as they are.
     */
    public BufferedImage wrap(byte[] data, int width, int height, ColorSpace space) {
        if (space.getType() != (this == GRAY ? ColorSpace.TYPE_GRAY : ColorSpace.TYPE_RGB)) {
            throw new IllegalArgumentException("colour space does not suit " + this);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        long needed = (long) width * height * channels;
        if (needed > data.length) {
            throw new IllegalArgumentException("buffer of " + data.length + " bytes is too small for " + needed);
        }
        int[] offsets = new int[channels];
        for (int c = 0; c < channels; c++) {
            offsets[c] = c;
        }
        var sampleModel = new PixelInterleavedSampleModel(
                DataBuffer.TYPE_BYTE, width, height, channels, width * channels, offsets);
        WritableRaster raster = Raster.createWritableRaster(
                sampleModel, new DataBufferByte(data, (int) needed), new Point(0, 0));
        ColorModel colorModel = new ComponentColorModel(space, hasAlpha(), false,
                hasAlpha() ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(colorModel, raster, false, null);
    }

    private ColorSpace defaultColorSpace() {
        return ColorSpace.getInstance(this == GRAY ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
    }

    /** The samples of an image in one of these layouts (see {@link #of}); shared, not copied. */
    public static byte[] samples(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    /**
     * The layout {@code image} is stored in, if it is exactly one of these: byte samples,
     * interleaved in channel order, packed rows starting at offset 0.
     */
    public static Optional<PixelLayout> of(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        if (!(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || raster.getParent() != null
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || buffer.getNumBanks() != 1 || buffer.getOffset() != 0
                || image.isAlphaPremultiplied()
                || !(image.getColorModel() instanceof ComponentColorModel colorModel)) {
            return Optional.empty();
        }
        int bands = model.getNumBands();
        PixelLayout layout = switch (bands) {
            case 1 -> GRAY;
            case 3 -> RGB;
            case 4 -> RGBA;
            default -> null;
        };
        if (layout == null
                || colorModel.hasAlpha() != layout.hasAlpha()
                || colorModel.getColorSpace().getType() != (layout == GRAY ? ColorSpace.TYPE_GRAY : ColorSpace.TYPE_RGB)
                || model.getPixelStride() != bands
                || model.getScanlineStride() != image.getWidth() * bands) {
            return Optional.empty();
        }
        int[] offsets = model.getBandOffsets();
        for (int c = 0; c < bands; c++) {
            if (offsets[c] != c || model.getSampleSize(c) != 8) {
                return Optional.empty();
            }
        }
        return Optional.of(layout);
    }
}
