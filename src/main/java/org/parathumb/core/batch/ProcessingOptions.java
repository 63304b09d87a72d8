package org.parathumb.core.batch;


/**
 * How every image of a batch is handled, beyond what its thumbnail looks like: whether EXIF
 * orientation is applied (on by default; off reproduces Pillow, which ignores it), and the most
 * pixels an image may have, checked from its header before any pixel buffer exists.
 */
public record ProcessingOptions(boolean applyOrientation, long pixelLimit) {

    /** Pillow's own limit: it refuses images of more than twice its warning threshold. */
    public static final long DEFAULT_PIXEL_LIMIT = 178_956_970L;

    /** Orientation applied, Pillow's pixel limit. */
    public static final ProcessingOptions DEFAULT = new ProcessingOptions(true, DEFAULT_PIXEL_LIMIT);

    public ProcessingOptions {
        if (pixelLimit < 1) {
            throw new IllegalArgumentException("the pixel limit must be positive, got " + pixelLimit);
        }
    }

    public ProcessingOptions withOrientation(boolean apply) {
        return new ProcessingOptions(apply, pixelLimit);
    }

    public ProcessingOptions withPixelLimit(long limit) {
        return new ProcessingOptions(applyOrientation, limit);
    }
}
