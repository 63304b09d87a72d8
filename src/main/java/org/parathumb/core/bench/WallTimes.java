package org.parathumb.core.bench;

import java.util.List;

/** The wall times of the measured passes of one configuration, in nanoseconds, in run order. */
public record WallTimes(List<Long> nanos) {

    public WallTimes {
        nanos = List.copyOf(nanos);
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("no wall times: a configuration needs at least one pass");
        }
        if (nanos.stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("a wall time must not be negative");
        }
    }

    public static WallTimes ofSeconds(double... seconds) {
        return new WallTimes(java.util.Arrays.stream(seconds).mapToObj(s -> Math.round(s * 1e9)).toList());
    }

    /** The middle value; the mean of the two middle values for an even count. */
    public double medianNanos() {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + (double) sorted[mid]) / 2;
    }

    public long minNanos() {
        return nanos.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    public long maxNanos() {
        return nanos.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    public double medianSeconds() {
        return medianNanos() / 1e9;
    }

    public double minSeconds() {
        return minNanos() / 1e9;
    }

    public double maxSeconds() {
        return maxNanos() / 1e9;
    }

    public int count() {
        return nanos.size();
    }
}
