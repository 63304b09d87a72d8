package org.parathumb.core.image;

/** The format asked of a thumbnail: the input's own (as the original program), or a fixed one. */
public enum OutputFormat {
    SAME,
    JPEG,
    PNG;

    /** The format a thumbnail of an input in {@code source} format is written in. */
    public ImageFormat resolve(ImageFormat source) {
        return switch (this) {
            case SAME -> source;
            case JPEG -> ImageFormat.JPEG;
            case PNG -> ImageFormat.PNG;
        };
    }
}
