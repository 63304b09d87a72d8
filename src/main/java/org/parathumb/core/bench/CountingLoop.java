package org.parathumb.core.bench;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The original program's CPU example: count to N with {@code result += 1}. In Java the JIT folds
 * such a loop into {@code result = N} unless it cannot know the step: here the 1 is read from a
 * volatile field on every iteration, so the loop runs all N additions and its time grows linearly
 * with N (a test checks it). Cancellation is checked once per million iterations.
 */
public final class CountingLoop {

    /** The original program's count, 10^8. */
    public static final long ORIGINAL_COUNT = 100_000_000L;

    /** How many tasks the original program ran. */
    public static final int ORIGINAL_TASKS = 2;

    static final long CHECK_EVERY = 1 << 20;

    /** Always 1; volatile so that every addition must load it, which no compiler may fold away. */
    @SuppressWarnings("FieldMayBeFinal")
    private static volatile long one = 1;

    private CountingLoop() {
    }

    /**
     * Counts from 0 to {@code count} one by one and returns the result, which equals {@code count}.
     *
     * @throws CancellationException if {@code cancelled} turns true or the thread is interrupted
     */
    public static long countTo(long count, BooleanSupplier cancelled) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        long result = 0;
        while (result < count) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("counting cancelled at " + result);
            }
            long bandEnd = Math.min(count, result + CHECK_EVERY);
            while (result < bandEnd) {
                result += one;
            }
        }
        return result;
    }
}
