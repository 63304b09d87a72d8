package org.parathumb.ui;

/**
 * The longest gap between two consecutive frames: how long the window could not draw. Fed once
 * per pulse by an {@code AnimationTimer} with the pulse's time and, when known, the CPU time the
 * FX thread has used so far. The CPU gap tells the FX thread's own work (layout, CSS, our
 * per-frame drain) from time it spent waiting for a core on a busy machine.
 */
final class StallMonitor {

    private long lastFrameNanos = -1;
    private long lastCpuNanos = -1;
    private long longestGapNanos;
    private long longestCpuGapNanos;
    private long frames;
    /** Frames whose FX-thread CPU time since the last one exceeded 100 ms: over the frame budget. */
    private long framesOverBudget;
    static final long BUDGET_NANOS = 100_000_000L;

    void reset() {
        lastFrameNanos = -1;
        lastCpuNanos = -1;
        longestGapNanos = 0;
        longestCpuGapNanos = 0;
        frames = 0;
        framesOverBudget = 0;
    }

    void frame(long nowNanos) {
        frame(nowNanos, -1);
    }

    /** A frame at {@code nowNanos}; {@code cpuNanos} is the FX thread's CPU time, or -1 if unknown. */
    void frame(long nowNanos, long cpuNanos) {
        if (lastFrameNanos >= 0) {
            longestGapNanos = Math.max(longestGapNanos, nowNanos - lastFrameNanos);
        }
        if (lastCpuNanos >= 0 && cpuNanos >= 0) {
            longestCpuGapNanos = Math.max(longestCpuGapNanos, cpuNanos - lastCpuNanos);
            if (cpuNanos - lastCpuNanos > BUDGET_NANOS) {
                framesOverBudget++;
            }
        }
        lastFrameNanos = nowNanos;
        lastCpuNanos = cpuNanos;
        frames++;
    }

    long longestGapNanos() {
        return longestGapNanos;
    }

    /** The most CPU time the FX thread used between two frames. */
    long longestCpuGapNanos() {
        return longestCpuGapNanos;
    }

    /** Frames for which the FX thread itself worked more than 100 ms since the one before. */
    long framesOverBudget() {
        return framesOverBudget;
    }

    long frames() {
        return frames;
    }
}
