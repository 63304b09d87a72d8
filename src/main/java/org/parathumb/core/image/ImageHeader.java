package org.parathumb.core.image;

import java.util.Objects;

/**
 * What a file's header says, read without decoding a pixel: its format (from the content), its
 * stored size, its EXIF orientation, the layout it decodes to, and how many bytes per pixel the
 * reader needs beyond that layout (0 when it decodes straight into the pipeline's buffer; the
 * reader's own image otherwise, as for palette, 16-bit, CMYK or TIFF).
 */
public record ImageHeader(
        ImageFormat format,
        int width,
        int height,
        Orientation orientation,
        PixelLayout layout,
        int readerBytesPerPixel) {

    public ImageHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(layout, "layout");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (readerBytesPerPixel < 0) {
            throw new IllegalArgumentException("bytes per pixel must not be negative");
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    /** Width as the image stands upright. */
    public int uprightWidth() {
        return orientation.swapsAxes() ? height : width;
    }

    /** Height as the image stands upright. */
    public int uprightHeight() {
        return orientation.swapsAxes() ? width : height;
    }
}
