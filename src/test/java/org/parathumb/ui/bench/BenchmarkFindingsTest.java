package org.parathumb.ui.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parathumb.core.bench.BenchmarkReport;
import org.parathumb.core.bench.BenchmarkSetting;
import org.parathumb.core.bench.Configuration;
import org.parathumb.core.bench.ConfigurationResult;
import org.parathumb.core.bench.WallTimes;
import org.parathumb.core.bench.Workload;

/** What the window concludes from a report: the fit guard and the notes. No FX thread. */
class BenchmarkFindingsTest {

    static BenchmarkReport report(int cores, double othersLoad, double seq, double... byWorkers) {
        BenchmarkSetting setting = new BenchmarkSetting(cores, "17", "test", 1L << 30, "faithful", "", Workload.THUMBNAILS,
                8, 100, 0, 1, 1, 1.9, othersLoad);
        List<ConfigurationResult> results = new ArrayList<>();
        results.add(new ConfigurationResult(Configuration.SEQUENTIAL, WallTimes.ofSeconds(seq), 8, 100, List.of()));
        for (int i = 0; i < byWorkers.length; i++) {
            results.add(new ConfigurationResult(Configuration.parallel(i + 1), WallTimes.ofSeconds(byWorkers[i]), 8, 100,
                    List.of()));
        }
        return new BenchmarkReport(setting, results);
    }

    @Test
    void oneWorkerCountBesidesOneIsAOnePointEstimateNotAFit() {
        BenchmarkReport onePoint = report(2, 0, 10, 10, 5.6);

        assertThat(BenchmarkViewModel.drawnFit(onePoint)).isEmpty();
        assertThat(BenchmarkViewModel.fitLabel(onePoint)).startsWith("one-point estimate, not a fit");
        assertThat(BenchmarkView.headline(onePoint)).doesNotContain("Amdahl");
    }

    @Test
    void twoWorkerCountsBesidesOneMakeAFit() {
        BenchmarkReport twoPoints = report(4, 0, 10, 10, 5.5, 3.9);

        assertThat(BenchmarkViewModel.drawnFit(twoPoints)).hasValueSatisfying(f -> assertThat(f.points()).isEqualTo(2));
        assertThat(BenchmarkViewModel.fitLabel(twoPoints)).startsWith("Amdahl f = ");
        assertThat(BenchmarkViewModel.fitLabel(report(2, 0, 10, 10))).contains("needs 2 or more workers");
    }

    @Test
    void anEfficiencyAboveOneIsCalledNoiseOrWarmUpNotReportedAsIs() {
        BenchmarkReport fast = report(2, 0, 10.7, 10.0, 5.6);

        assertThat(BenchmarkViewModel.notes(fast)).singleElement().asString()
                .startsWith("1 worker: efficiency 1.07, faster than ideal: noise or warm-up; more repeats");
        assertThat(BenchmarkViewModel.notes(report(2, 0, 10, 10.2, 5.6))).isEmpty();
    }

    @Test
    void theLoadWarningNamesOtherProgramsOnlyWhenTheyUsedAMeaningfulShare() {
        assertThat(BenchmarkViewModel.notes(report(2, 0.1, 10, 10.2, 5.6))).isEmpty();
        assertThat(BenchmarkViewModel.notes(report(2, 0.9, 10, 10.2, 5.6))).singleElement().asString()
                .startsWith("other programs kept 0.9 of the 2 cores busy");
        assertThat(BenchmarkViewModel.notes(report(2, -1, 10, 10.2, 5.6))).as("unknown: no guess").isEmpty();
    }
}
