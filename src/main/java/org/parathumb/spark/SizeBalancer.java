package org.parathumb.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.ToLongFunction;

/**
 * Spreads items over bins so that the heaviest bin is as light as it can easily be: the greedy
 * longest-processing-time rule (largest item first, each into the lightest bin so far), within
 * 4/3 of the best possible. The Spark job weighs files by their size, so each partition gets about
 * the same bytes to decode, instead of {@code binaryFiles}' split by byte offsets or an equal
 * count of files whatever their size.
 */
final class SizeBalancer {

    private SizeBalancer() {
    }

    /** {@code items} in at most {@code bins} non-empty lists, each from its largest item down. */
    static <T> List<List<T>> pack(List<T> items, ToLongFunction<T> weight, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("at least one bin, got " + bins);
        }
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong(weight).reversed());
        int n = Math.min(bins, sorted.size());
        List<List<T>> packed = new ArrayList<>(n);
        // Lightest bin first; equal loads by index, so the packing is the same on every run.
        PriorityQueue<long[]> loads = new PriorityQueue<>(Comparator.<long[]>comparingLong(b -> b[0])
                .thenComparingLong(b -> b[1]));
        for (int i = 0; i < n; i++) {
            packed.add(new ArrayList<>());
            loads.add(new long[] {0, i});
        }
        for (T item : sorted) {
            long[] lightest = loads.poll();
            packed.get((int) lightest[1]).add(item);
            lightest[0] += Math.max(0, weight.applyAsLong(item));
            loads.add(lightest);
        }
        return packed;
    }
}
