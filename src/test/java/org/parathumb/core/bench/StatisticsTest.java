package org.parathumb.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatisticsTest {

    @ParameterizedTest(name = "{0} -> median {1}, min {2}, max {3}")
    @CsvSource(delimiter = '|', value = {
            "5            | 5   | 5 | 5",
            "3 1 2        | 2   | 1 | 3",
            "4 1 3 2      | 2.5 | 1 | 4",
            "7 7 1 9 8    | 7   | 1 | 9",
            "10 2 2 10    | 6   | 2 | 10"})
    void wallTimesGiveExactMedianMinAndMax(String samples, double median, long min, long max) {
        WallTimes times = new WallTimes(java.util.Arrays.stream(samples.trim().split(" +")).map(Long::valueOf).toList());

        assertThat(times.medianNanos()).isEqualTo(median);
        assertThat(times.minNanos()).isEqualTo(min);
        assertThat(times.maxNanos()).isEqualTo(max);
    }

    @Test
    void speedupAndEfficiencyAreRatiosOfMedians() {
        BenchmarkReport report = Reports.of(
                WallTimes.ofSeconds(6.3, 6.18, 6.21),
                WallTimes.ofSeconds(3.26, 3.105, 3.15),
                WallTimes.ofSeconds(1.8, 1.5, 1.6, 1.7));

        assertThat(report.sequential().wallTimes().medianSeconds()).isEqualTo(6.21);
        assertThat(report.speedup(report.sequential())).isEqualTo(1.0);
        assertThat(report.speedup(report.parallel().get(0))).isCloseTo(6.21 / 3.15, within(1e-12));
        assertThat(report.efficiency(report.parallel().get(0))).isCloseTo(6.21 / 3.15 / 2, within(1e-12));
        assertThat(report.speedup(report.parallel().get(1))).isCloseTo(6.21 / 1.65, within(1e-12));
        assertThat(report.efficiency(report.parallel().get(1))).isCloseTo(6.21 / 1.65 / 4, within(1e-12));
    }

    @Test
    void throughputIsWorkOverMedianWallTime() {
        ConfigurationResult result = new ConfigurationResult(Configuration.parallel(2), WallTimes.ofSeconds(2, 4, 5),
                10, 120, List.of());

        assertThat(result.unitsPerSecond()).isEqualTo(2.5);
        assertThat(result.megapixelsPerSecond()).isEqualTo(30);
    }

    @Test
    void aReportNeedsTheSequentialLoopFirst() {
        ConfigurationResult par = new ConfigurationResult(Configuration.parallel(2), WallTimes.ofSeconds(1), 1, 0, List.of());
        ConfigurationResult seq = new ConfigurationResult(Configuration.SEQUENTIAL, WallTimes.ofSeconds(1), 1, 0, List.of());

        assertThatThrownBy(() -> new BenchmarkReport(Reports.setting(), List.of(par, seq)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WallTimes(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
