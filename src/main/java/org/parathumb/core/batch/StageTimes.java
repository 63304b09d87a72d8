package org.parathumb.core.batch;

/**
 * How long each stage of one image took, in nanoseconds: reading its header, decoding, blurring,
 * resizing, encoding the thumbnail in memory, and writing it to disk (the file and its move into
 * place). Read and write are 0 where they were not measured apart.
 */
public record StageTimes(long readNanos, long decodeNanos, long blurNanos, long resizeNanos, long encodeNanos,
        long writeNanos) {

    public static final StageTimes NONE = new StageTimes(0, 0, 0, 0);

    public StageTimes {
        if (readNanos < 0 || decodeNanos < 0 || blurNanos < 0 || resizeNanos < 0 || encodeNanos < 0
                || writeNanos < 0) {
            throw new IllegalArgumentException("stage times must not be negative");
        }
    }

    /** The four rendering stages alone, read and write not measured apart. */
    public StageTimes(long decodeNanos, long blurNanos, long resizeNanos, long encodeNanos) {
        this(0, decodeNanos, blurNanos, resizeNanos, encodeNanos, 0);
    }

    public long totalNanos() {
        return readNanos + decodeNanos + blurNanos + resizeNanos + encodeNanos + writeNanos;
    }
}
