package org.parathumb.ui;

/**
 * The longest gap between two consecutive frames: how long the FX thread was unable to draw.
 * Fed with the timestamps an {@code AnimationTimer} receives, once per pulse.
 */
final class StallMonitor {

    private long lastFrameNanos = -1;
    private long longestGapNanos;
    private long frames;

    void reset() {
        lastFrameNanos = -1;
        longestGapNanos = 0;
        frames = 0;
    }

    void frame(long nowNanos) {
        if (lastFrameNanos >= 0) {
            longestGapNanos = Math.max(longestGapNanos, nowNanos - lastFrameNanos);
        }
        lastFrameNanos = nowNanos;
        frames++;
    }

    long longestGapNanos() {
        return longestGapNanos;
    }

    long frames() {
        return frames;
    }
}
