package org.parathumb.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How much of the machine's CPU time other processes took during a benchmark. The load average
 * counts the benchmark's own threads, so it cannot tell "others were busy" from "we were busy";
 * this compares the machine's busy time ({@code /proc/stat}) with this process's own CPU time
 * ({@code /proc/self/stat}) over the same interval. Linux only: elsewhere {@link #read} is empty.
 */
public final class CpuShare {

    /** Other processes must have used more than this share of the cores for the timings to be called noisy. */
    public static final double MEANINGFUL_SHARE = 0.25;

    private CpuShare() {
    }

    /**
     * One reading: the machine's total and idle clock ticks over all its {@code cpus}, and this
     * process's user + system ticks (the same unit, USER_HZ).
     */
    public record Sample(long totalTicks, long idleTicks, long selfTicks, int cpus) {

        public Sample {
            if (totalTicks < 0 || idleTicks < 0 || selfTicks < 0 || idleTicks > totalTicks || cpus < 1) {
                throw new IllegalArgumentException("impossible CPU reading");
            }
        }
    }

    /** Reads this machine now; empty where {@code /proc} is missing or unreadable. */
    public static Optional<Sample> read() {
        return read(Path.of("/proc/stat"), Path.of("/proc/self/stat"));
    }

    /** Reads {@code procStat} and {@code selfStat} (the seam for tests); empty if either is unreadable. */
    static Optional<Sample> read(Path procStat, Path selfStat) {
        try {
            return Optional.of(parse(Files.readString(procStat), Files.readString(selfStat)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses the text of {@code /proc/stat} and of {@code /proc/<pid>/stat}. */
    static Sample parse(String procStat, String selfStat) {
        long total = 0;
        long idle = 0;
        int cpus = 0;
        for (String line : procStat.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("cpu")) {
                // user nice system idle iowait irq softirq steal (guest time is already in user)
                for (int i = 1; i <= 8 && i < f.length; i++) {
                    total += Long.parseLong(f[i]);
                }
                idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            } else if (f[0].startsWith("cpu")) {
                cpus++;
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException("no cpu line");
        }
        // The command name may hold spaces and parentheses: fields count from the last ')'.
        String[] f = selfStat.substring(selfStat.lastIndexOf(')') + 2).trim().split("\\s+");
        long self = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime: fields 14 and 15
        return new Sample(total, idle, self, Math.max(1, cpus));
    }

    /**
     * The share of the machine's CPU time, from 0 to 1, that processes other than this one used
     * between {@code before} and {@code after}; 0 when no time passed.
     */
    public static double othersShare(Sample before, Sample after) {
        long total = after.totalTicks() - before.totalTicks();
        if (total <= 0) {
            return 0;
        }
        long busy = total - (after.idleTicks() - before.idleTicks());
        long self = after.selfTicks() - before.selfTicks();
        return Math.max(0, Math.min(1, (double) (busy - self) / total));
    }

    /** {@link #othersShare} in cores: how many of the machine's CPUs other processes kept busy on average. */
    public static double othersCores(Sample before, Sample after) {
        return othersShare(before, after) * after.cpus();
    }
}
