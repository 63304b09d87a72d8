package org.parathumb.core.image;

/** The format asked of a thumbnail: the input's own (as the original program), or a fixed one. */
public enum OutputFormat {
    SAME,
    JPEG,
    PNG;

    /**
     * The format a thumbnail of an opaque input in {@code source} format is written in: with
     * {@link #SAME}, the source's own where it can be written, else PNG for WebP and JPEG for
     * HEIF, AVIF and JPEG XL ({@link ImageFormat#thumbnailFormat}).
     */
    public ImageFormat resolve(ImageFormat source) {
        return resolve(source, false);
    }

    /** As {@link #resolve(ImageFormat)}, for an input with alpha or not: with alpha, HEIF, AVIF and JPEG XL give PNG. */
    public ImageFormat resolve(ImageFormat source, boolean alpha) {
        return switch (this) {
            case SAME -> source.thumbnailFormat(alpha);
            case JPEG -> ImageFormat.JPEG;
            case PNG -> ImageFormat.PNG;
        };
    }
}
