package org.parathumb.core.image;

/** The format asked of a thumbnail: the input's own (as the original program), or a fixed one. */
public enum OutputFormat {
    SAME,
    JPEG,
    PNG;

    /**
     * The format a thumbnail of an input in {@code source} format is written in: with
     * {@link #SAME}, the source's own where it can be written, PNG otherwise (WebP).
     */
    public ImageFormat resolve(ImageFormat source) {
        return switch (this) {
            case SAME -> source.isWritable() ? source : ImageFormat.PNG;
            case JPEG -> ImageFormat.JPEG;
            case PNG -> ImageFormat.PNG;
        };
    }
}
