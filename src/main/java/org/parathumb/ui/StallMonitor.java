package org.parathumb.ui;

import java.util.Arrays;

/**
 * The longest gap between two consecutive frames: how long the window could not draw. Fed once
 * per pulse by an {@code AnimationTimer} with the pulse's time and, when known, the CPU time the
 * FX thread has used so far. The CPU gap tells the FX thread's own work (layout, CSS, our
 * per-frame drain) from time it spent waiting for a core on a busy machine. Every frame's CPU
 * gap is kept, so the run's log line gives their distribution, not only the worst.
 */
final class StallMonitor {

    /** Frames whose FX-thread CPU time since the one before exceeded this: over the frame budget. */
    static final long BUDGET_NANOS = 100_000_000L;
    /** Half the budget: frames that would miss it on a machine half as fast. */
    static final long HALF_BUDGET_NANOS = BUDGET_NANOS / 2;

    private long lastFrameNanos = -1;
    private long lastCpuNanos = -1;
    private long longestGapNanos;
    private long frames;
    private long[] cpuGaps = new long[256];
    private int cpuGapCount;

    void reset() {
        lastFrameNanos = -1;
        lastCpuNanos = -1;
        longestGapNanos = 0;
        frames = 0;
        cpuGapCount = 0;
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
            if (cpuGapCount == cpuGaps.length) {
                cpuGaps = Arrays.copyOf(cpuGaps, cpuGaps.length * 2);
            }
            cpuGaps[cpuGapCount++] = cpuNanos - lastCpuNanos;
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
        long longest = 0;
        for (int i = 0; i < cpuGapCount; i++) {
            longest = Math.max(longest, cpuGaps[i]);
        }
        return longest;
    }

    /** The FX thread's CPU time between two frames that {@code fraction} of the frames stayed within. */
    long cpuGapPercentileNanos(double fraction) {
        if (cpuGapCount == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(cpuGaps, cpuGapCount);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(fraction * cpuGapCount) - 1;
        return sorted[Math.max(0, Math.min(cpuGapCount - 1, index))];
    }

    /** Frames for which the FX thread itself worked more than {@code limitNanos} since the one before. */
    long framesOver(long limitNanos) {
        long over = 0;
        for (int i = 0; i < cpuGapCount; i++) {
            if (cpuGaps[i] > limitNanos) {
                over++;
            }
        }
        return over;
    }

    /** Frames for which the FX thread itself worked more than 100 ms since the one before. */
    long framesOverBudget() {
        return framesOver(BUDGET_NANOS);
    }

    long frames() {
        return frames;
    }
}
