package org.parathumb.core.batch;

/** How long each stage of one image took, in nanoseconds. */
public record StageTimes(long decodeNanos, long blurNanos, long resizeNanos, long encodeNanos) {

    public static final StageTimes NONE = new StageTimes(0, 0, 0, 0);

    public StageTimes {
        if (decodeNanos < 0 || blurNanos < 0 || resizeNanos < 0 || encodeNanos < 0) {
            throw new IllegalArgumentException("stage times must not be negative");
        }
    }

    public long totalNanos() {
        return decodeNanos + blurNanos + resizeNanos + encodeNanos;
    }
}
