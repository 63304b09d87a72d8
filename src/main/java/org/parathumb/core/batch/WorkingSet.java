package org.parathumb.core.batch;

import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.ThumbnailSpec;


/**
 * An upper estimate of the heap one job needs, from its header alone: the decoded image in its
 * layout, the reader's own image when it cannot decode straight into that layout (palette,
 * 16-bit, CMYK, TIFF...), the blur's and resize's row buffers, and a fixed allowance for the
 * reader and encoder.
 */
final class WorkingSet {

    static final long FIXED_BYTES = 4L << 20;

    private WorkingSet() {
    }

    static long bytes(ImageHeader header, ThumbnailSpec spec) {
        long pixels = header.pixels();
        int channels = header.layout().channels();
        long decoded = pixels * channels;
        long reader = pixels * header.readerBytesPerPixel();
        long rows = 64L * header.width() * channels * Integer.BYTES;
        long resize = (long) Math.max(spec.maxWidth(), spec.maxHeight()) * Math.max(header.width(), header.height())
                * channels * Integer.BYTES;
        return decoded + reader + rows + resize + FIXED_BYTES;
    }

    /** What the pipeline keeps in its per-thread buffer after such a job. */
    static long reusableBytes(ImageHeader header) {
        return header.readerBytesPerPixel() == 0 ? header.pixels() * header.layout().channels() : 0;
    }
}
