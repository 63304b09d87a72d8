package org.parathumb.ui.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.parathumb.core.batch.ImageJob;

/**
 * The arithmetic before a benchmark starts, without any scene or thread: which images a sample
 * takes, and how long the whole benchmark should last.
 */
final class BenchmarkPlan {

    private BenchmarkPlan() {
    }

    /**
     * {@code count} of {@code jobs}, spread over formats and sizes, the same for the same input in
     * any order: the jobs are grouped by format (every format gets at least one image when
     * {@code count} allows, the rest in proportion to the group's size), and within a group,
     * ordered by {@code cost} (then path), the picks are evenly spaced from small to large.
     * All of them when {@code count} is 0 or not below their number.
     */
    static List<ImageJob> sample(List<ImageJob> jobs, int count, ToLongFunction<ImageJob> cost) {
        if (count <= 0 || count >= jobs.size()) {
            return List.copyOf(jobs);
        }
        Map<String, List<ImageJob>> groups = new TreeMap<>();
        for (ImageJob job : jobs) {
            groups.computeIfAbsent(formatOf(job), k -> new ArrayList<>()).add(job);
        }
        Comparator<ImageJob> order = Comparator.comparingLong(cost).thenComparing(j -> j.source().toString());
        groups.values().forEach(g -> g.sort(order));
        // Largest remainder: each group's share of count, at least one while slots remain.
        List<String> keys = new ArrayList<>(groups.keySet());
        int[] quota = new int[keys.size()];
        int given = 0;
        for (int i = 0; i < keys.size() && given < count; i++) {
            quota[i] = 1;
            given++;
        }
        while (given < count) {
            int best = -1;
            double bestGap = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < keys.size(); i++) {
                int size = groups.get(keys.get(i)).size();
                double gap = (double) size * count / jobs.size() - quota[i];
                if (quota[i] < size && gap > bestGap) {
                    best = i;
                    bestGap = gap;
                }
            }
            quota[best]++;
            given++;
        }
        List<ImageJob> picked = new ArrayList<>(count);
        for (int i = 0; i < keys.size(); i++) {
            List<ImageJob> group = groups.get(keys.get(i));
            int k = quota[i];
            for (int p = 0; p < k; p++) {
                // evenly spaced ranks, the smallest and the largest included when k > 1
                int index = k == 1 ? group.size() / 2 : (int) Math.round((double) p * (group.size() - 1) / (k - 1));
                picked.add(group.get(index));
            }
        }
        return List.copyOf(picked);
    }

    /** The format from the header, or the file's extension when it has none. */
    static String formatOf(ImageJob job) {
        if (job.header() != null) {
            return job.header().format().name();
        }
        String name = job.source().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Seconds the whole benchmark should take: each round runs the sequential loop (one pass of
     * {@code sequentialPassSeconds}) and each worker count N, whose pass takes the sequential
     * time divided by N, but by no more than the {@code freeCores} (the cores other programs
     * leave idle, at least 1); {@code warmups + repeats} rounds.
     */
    static double estimateSeconds(double sequentialPassSeconds, List<Integer> workerCounts, double freeCores,
            int repeats, int warmups) {
        double round = sequentialPassSeconds;
        for (int n : workerCounts) {
            round += sequentialPassSeconds / Math.max(1, Math.min(n, freeCores));
        }
        return round * (repeats + warmups);
    }

    /** "about 4 min 10 s", "about 12 s", "under a second". */
    static String duration(double seconds) {
        if (seconds < 1) {
            return "under a second";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return "about " + s + " s";
        }
        long h = s / 3600;
        long m = (s % 3600) / 60;
        return h > 0 ? String.format(Locale.ROOT, "about %d h %02d min", h, m)
                : String.format(Locale.ROOT, "about %d min %02d s", m, s % 60);
    }
}
