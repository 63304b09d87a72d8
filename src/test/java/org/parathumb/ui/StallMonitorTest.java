package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StallMonitorTest {

    @Test
    void theLongestGapBetweenFramesIsTheStall() {
        StallMonitor monitor = new StallMonitor();
        for (long t : new long[] {0, 16, 33, 120, 136}) {
            monitor.frame(t);
        }

        assertThat(monitor.longestGapNanos()).isEqualTo(87);
        assertThat(monitor.frames()).isEqualTo(5);
    }

    @Test
    void aResetForgetsTheLastRun() {
        StallMonitor monitor = new StallMonitor();
        monitor.frame(0);
        monitor.frame(500);
        monitor.reset();
        monitor.frame(10_000);
        monitor.frame(10_016);

        assertThat(monitor.longestGapNanos()).isEqualTo(16);
    }

    @Test
    void cpuTimeBetweenFramesIsToldApartFromWaiting() {
        StallMonitor monitor = new StallMonitor();
        monitor.frame(0, 1_000);
        monitor.frame(300, 1_020); // a long gap, little work: the thread waited for a core
        monitor.frame(316, 1_030);

        assertThat(monitor.longestGapNanos()).isEqualTo(300);
        assertThat(monitor.longestCpuGapNanos()).isEqualTo(20);
    }

    @Test
    void theFramesOverTheBudgetAndTheNinetyNinthPercentileAreCountedFromTheFxThreadsCpuTime() {
        StallMonitor monitor = new StallMonitor();
        long cpu = 0;
        monitor.frame(0, cpu);
        for (int i = 1; i <= 200; i++) {
            long work = i == 51 ? 140_000_000L : i == 121 ? 60_000_000L : i % 2 == 0 ? 4_000_000L : 30_000_000L;
            cpu += work;
            monitor.frame(i * 16_000_000L, cpu);
        }

        assertThat(monitor.framesOverBudget()).isEqualTo(1);
        assertThat(monitor.framesOver(StallMonitor.HALF_BUDGET_NANOS)).isEqualTo(2);
        assertThat(monitor.longestCpuGapNanos()).isEqualTo(140_000_000L);
        assertThat(monitor.cpuGapPercentileNanos(0.99)).isEqualTo(30_000_000L);
        assertThat(monitor.cpuGapPercentileNanos(0.5)).isEqualTo(4_000_000L);
    }
}
