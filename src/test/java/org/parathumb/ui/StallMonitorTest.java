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
}
