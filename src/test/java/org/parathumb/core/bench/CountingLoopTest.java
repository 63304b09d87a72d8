package org.parathumb.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CountingLoopTest {

    @Test
    void theLoopCountsToItsCount() {
        assertThat(CountingLoop.countTo(0, () -> false)).isZero();
        assertThat(CountingLoop.countTo(3_000_001, () -> false)).isEqualTo(3_000_001);
    }

    /**
     * A loop the JIT folded into {@code result = count} would take the same time at any count.
     * Counting 8 times further must take clearly longer: the median ratio is near 8 when every
     * addition runs, near 1 when folded; 2 leaves room for a noisy shared machine. Both counts
     * stay within one band between cancellation checks, so only the additions can differ.
     */
    @Test
    void theLoopsTimeGrowsWithItsCountSoTheJitDidNotFoldIt() {
        long count = CountingLoop.CHECK_EVERY / 9;
        for (int i = 0; i < 20; i++) {
            CountingLoop.countTo(8 * count, () -> false); // compile it first
        }

        double ratio = medianNanos(8 * count) / medianNanos(count);

        assertThat(ratio).isGreaterThan(2);
    }

    @Test
    void theLoopStopsWhenCancelled() {
        AtomicInteger checks = new AtomicInteger();

        assertThatThrownBy(() -> CountingLoop.countTo(Long.MAX_VALUE, () -> checks.incrementAndGet() > 3))
                .isInstanceOf(CancellationException.class);
        assertThat(checks).hasValue(4);
    }

    private static double medianNanos(long count) {
        long[] times = new long[9];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            long result = CountingLoop.countTo(count, () -> false);
            times[i] = System.nanoTime() - start;
            assertThat(result).isEqualTo(count);
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
