package org.parathumb.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load warning counts other processes only, from /proc readings given to it. */
class CpuShareTest {

    private static String procStat(long user, long system, long idle) {
        return "cpu  " + user + " 0 " + system + " " + idle + " 0 0 0 0 0 0\n"
                + "cpu0 0 0 0 0 0 0 0 0 0 0\ncpu1 0 0 0 0 0 0 0 0 0 0\nintr 1 2 3\n";
    }

    private static String selfStat(long utime, long stime) {
        // the command name holds a space and a parenthesis, as some do
        return "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 1 0 0 0 " + utime + " " + stime + " 0 0 20 0 30 0\n";
    }

    @Test
    void aBenchmarkThatKeepsBothCoresBusyItselfIsNotOtherProgramsLoad() {
        CpuShare.Sample before = CpuShare.parse(procStat(1000, 200, 5000), selfStat(100, 20));
        // 200 ticks pass on 2 cpus: 190 busy, all of it this process's own
        CpuShare.Sample after = CpuShare.parse(procStat(1180, 210, 5010), selfStat(280, 30));

        assertThat(CpuShare.othersShare(before, after)).isCloseTo(0, within(1e-9));
        assertThat(CpuShare.othersCores(before, after)).isCloseTo(0, within(1e-9));
    }

    @Test
    void timeOtherProcessesTookCountsInCores() {
        CpuShare.Sample before = CpuShare.parse(procStat(1000, 200, 5000), selfStat(100, 20));
        // 200 ticks: 180 busy, of which this process 80: others 100 of 200 = half the machine = 1 of 2 cpus
        CpuShare.Sample after = CpuShare.parse(procStat(1160, 220, 5020), selfStat(170, 30));

        assertThat(after.cpus()).isEqualTo(2);
        assertThat(CpuShare.othersShare(before, after)).isCloseTo(0.5, within(1e-9));
        assertThat(CpuShare.othersCores(before, after)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void unreadableProcFilesGiveNoReadingRatherThanAWrongOne(@TempDir Path dir) throws Exception {
        Path stat = Files.writeString(dir.resolve("stat"), "garbage\n");
        Path self = Files.writeString(dir.resolve("self"), selfStat(1, 1));

        assertThat(CpuShare.read(stat, self)).isEmpty();
        assertThat(CpuShare.read(dir.resolve("missing"), self)).isEmpty();
    }

    @Test
    void onlyOtherProgramsMeaningfulShareMakesTheMachineBusy() {
        BenchmarkSetting quiet = withLoads(3.9, 0.2);
        BenchmarkSetting busy = withLoads(0.5, 1.5);

        assertThat(quiet.busyMachine()).as("a high load average from our own threads").isFalse();
        assertThat(busy.busyMachine()).isTrue();
        assertThat(withLoads(4, -1).busyMachine()).as("unknown").isFalse();
    }

    private static BenchmarkSetting withLoads(double loadAverage, double others) {
        return new BenchmarkSetting(4, "17", "test", 1L << 30, "faithful", "", Workload.THUMBNAILS, 10, 12, 0, 3, 1,
                loadAverage, others);
    }
}
