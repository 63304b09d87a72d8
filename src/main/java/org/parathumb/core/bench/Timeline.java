package org.parathumb.core.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parathumb.core.batch.ImageResult;

/**
 * The shape of one batch in time: one lane per worker thread (in natural order of their names,
 * "thumb-worker-2" before "thumb-worker-10"), one bar per image from its start to its end, with
 * times measured from the earliest start. Built from the results a run or a benchmark pass already
 * has; a worker runs one image at a time, so bars in one lane never overlap.
 */
public record Timeline(List<Lane> lanes, long spanNanos) {

    public Timeline {
        lanes = List.copyOf(lanes);
        if (spanNanos < 0) {
            throw new IllegalArgumentException("span must not be negative");
        }
    }

    /** One worker thread's images, in start order. */
    public record Lane(String worker, List<Bar> bars) {
        public Lane {
            Objects.requireNonNull(worker, "worker");
            bars = List.copyOf(bars);
        }

        /** Time this worker spent on images, in nanoseconds. */
        public long busyNanos() {
            return bars.stream().mapToLong(Bar::durationNanos).sum();
        }
    }

    /** One image on its worker, from {@code startNanos} to {@code endNanos} after the batch began. */
    public record Bar(ImageResult result, long startNanos, long endNanos) {
        public Bar {
            Objects.requireNonNull(result, "result");
            if (startNanos < 0 || endNanos < startNanos) {
                throw new IllegalArgumentException("a bar ends after it starts, both after the batch began");
            }
        }

        public long durationNanos() {
            return endNanos - startNanos;
        }
    }

    public static Timeline of(List<ImageResult> results) {
        if (results.isEmpty()) {
            return new Timeline(List.of(), 0);
        }
        long origin = results.stream().mapToLong(ImageResult::startNanos).min().orElseThrow();
        long end = results.stream().mapToLong(ImageResult::endNanos).max().orElseThrow();
        Map<String, List<Bar>> byWorker = new LinkedHashMap<>();
        results.stream().sorted(Comparator.comparingLong(ImageResult::startNanos)).forEach(r -> byWorker
                .computeIfAbsent(r.worker(), w -> new ArrayList<>())
                .add(new Bar(r, r.startNanos() - origin, r.endNanos() - origin)));
        List<Lane> lanes = byWorker.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Timeline::compareNatural))
                .map(e -> new Lane(e.getKey(), e.getValue()))
                .toList();
        return new Timeline(lanes, end - origin);
    }

    /** Bars in all lanes. */
    public int barCount() {
        return lanes.stream().mapToInt(l -> l.bars().size()).sum();
    }

    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)$");

    static int compareNatural(String a, String b) {
        Matcher ma = TRAILING_NUMBER.matcher(a);
        Matcher mb = TRAILING_NUMBER.matcher(b);
        if (ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1)) && ma.group(2).length() < 10
                && mb.group(2).length() < 10) {
            return Integer.compare(Integer.parseInt(ma.group(2)), Integer.parseInt(mb.group(2)));
        }
        return a.compareTo(b);
    }
}
