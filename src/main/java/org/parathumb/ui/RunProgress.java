package org.parathumb.ui;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.OptionalLong;
import org.parathumb.core.batch.ImageResult;

/**
 * The counts, throughput and ETA of one run, from the results reported so far. Plain Java, fed on
 * one thread (the FX thread in the window, the test's in tests). Throughput is measured over the
 * last few seconds, so it follows a change of the worker count instead of averaging it away.
 */
final class RunProgress {

    /** Completions older than this stop counting towards the current rate... */
    static final long RATE_WINDOW_NANOS = 5_000_000_000L;
    /** ...unless fewer than this many would be left: slow images still get a rate. */
    static final int MIN_RATE_SAMPLES = 8;

    private final int total;
    private final long startNanos;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private long windowStartNanos;
    private int done;
    private int failed;
    private int cancelled;
    private long lastNanos;
    private int waitingForMemory;
    private long cancelNanos = -1;
    /** Images still running at the cancel that have not reported since. */
    private int stopping;
    private long stoppedNanos = -1;
    /** Each job's expected cost (pixels x format weight, from its header); empty: count images. */
    private final java.util.Map<org.parathumb.core.batch.ImageJob, Long> costs;
    private final java.util.Set<org.parathumb.core.batch.ImageJob> ended = new java.util.HashSet<>();
    /** Per file kind: worker nanoseconds and expected cost of the images finished, to learn nanos per cost unit. */
    private final java.util.Map<String, long[]> learned = new java.util.HashMap<>();
    /**
     * Per file kind: the expected cost of its images not ended yet. Kept as images end, so the
     * ETA costs one step per kind, not one per image: 10,000 images must not cost the FX thread
     * a walk over 10,000 jobs five times a second.
     */
    private final java.util.Map<String, Long> costLeft = new java.util.HashMap<>();
    private long workerNanos;
    private int unchanged;

    RunProgress(int total, long startNanos) {
        this(total, startNanos, java.util.Map.of());
    }

    /**
     * A run of the jobs in {@code costs}, each with its expected cost: the ETA weighs the images
     * left by it, and learns each kind of file's time per unit of cost from the images finished.
     */
    RunProgress(int total, long startNanos, java.util.Map<org.parathumb.core.batch.ImageJob, Long> costs) {
        this(total, startNanos, Costs.of(costs));
    }

    /** A run of the jobs in {@code costs}, already copied and summed per kind (see {@link Costs#of}). */
    RunProgress(int total, long startNanos, Costs costs) {
        this.costs = costs.byJob();
        costLeft.putAll(costs.byKind());
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative");
        }
        this.total = total;
        this.startNanos = startNanos;
        this.windowStartNanos = startNanos;
        this.lastNanos = startNanos;
    }

    /** One image ended as {@code status} at {@code nowNanos}. */
    void record(ImageResult.Status status, long nowNanos) {
        if (finished() == total) {
            throw new IllegalStateException("all " + total + " images are already accounted for");
        }
        switch (status) {
            case DONE -> done++;
            case FAILED -> failed++;
            case CANCELLED -> cancelled++;
        }
        lastNanos = Math.max(lastNanos, nowNanos);
        if (status != ImageResult.Status.CANCELLED) {
            recent.addLast(nowNanos);
        }
    }

    /** What {@code result} took teaches the ETA how long its kind of file takes per unit of cost. */
    void learn(ImageResult result) {
        long cost = costs.getOrDefault(result.job(), 0L);
        if (ended.add(result.job()) && cost > 0) {
            costLeft.merge(kind(result.job()), -cost, Long::sum);
        }
        if (result.status() == ImageResult.Status.CANCELLED) {
            return;
        }
        workerNanos += result.elapsedNanos();
        if (cost > 0) {
            long[] sums = learned.computeIfAbsent(kind(result.job()), k -> new long[2]);
            sums[0] += result.elapsedNanos();
            sums[1] += cost;
        }
    }

    /**
     * Each job's expected cost, and their sums per kind of file: made once, off the UI thread, where
     * copying and hashing 10,000 jobs took a whole frame.
     */
    record Costs(java.util.Map<org.parathumb.core.batch.ImageJob, Long> byJob, java.util.Map<String, Long> byKind) {
        static Costs of(java.util.Map<org.parathumb.core.batch.ImageJob, Long> costs) {
            java.util.Map<String, Long> byKind = new java.util.HashMap<>();
            costs.forEach((job, cost) -> byKind.merge(kind(job), cost, Long::sum));
            return new Costs(java.util.Map.copyOf(costs), java.util.Map.copyOf(byKind));
        }
    }

    private static String kind(org.parathumb.core.batch.ImageJob job) {
        String name = job.source().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /**
     * Seconds left, weighed by cost: the worker time the images not yet finished should take
     * (each its expected cost times its kind's learned nanoseconds per unit, or the run's average
     * for a kind not seen yet), divided by how many workers have been busy on average. Empty
     * without costs or before an image with a cost has finished.
     */
    OptionalLong weightedEtaSeconds(long nowNanos) {
        long[] all = new long[2];
        learned.values().forEach(sums -> {
            all[0] += sums[0];
            all[1] += sums[1];
        });
        if (costs.isEmpty() || all[1] == 0 || nowNanos <= startNanos || workerNanos == 0) {
            return OptionalLong.empty();
        }
        double average = (double) all[0] / all[1];
        double left = 0;
        for (var entry : costLeft.entrySet()) {
            long[] sums = learned.get(entry.getKey());
            double perUnit = sums == null || sums[1] == 0 ? average : (double) sums[0] / sums[1];
            left += entry.getValue() * perUnit;
        }
        double busyWorkers = Math.max(1e-3, (double) workerNanos / (nowNanos - startNanos));
        return OptionalLong.of((long) Math.ceil(left / busyWorkers / 1e9));
    }

    /** {@code count} jobs are waiting for memory before they decode (the core's memory budget). */
    void waitingForMemory(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count of waiting jobs cannot be negative: " + count);
        }
        waitingForMemory = count;
    }

    /** {@code count} images will never start: the run was cancelled before their turn. */
    void skip(int count) {
        if (count < 0 || finished() + count > total) {
            throw new IllegalArgumentException("cannot skip " + count + " of the " + (total - finished()) + " left");
        }
        cancelled += count;
    }

    /** The user cancelled at {@code nowNanos}: the work time ends here. */
    void cancelAt(long nowNanos) {
        if (cancelNanos < 0) {
            cancelNanos = nowNanos;
        }
    }

    /** Every image not accounted for yet is running and was interrupted: it is stopping. */
    void stopping() {
        stopping = total - finished();
    }

    /** One image that was stopping ended as {@code status} at {@code nowNanos}. */
    void stopped(ImageResult.Status status, long nowNanos) {
        if (stopping == 0) {
            throw new IllegalStateException("no image is stopping");
        }
        stopping--;
        switch (status) {
            case DONE -> done++;
            case FAILED -> failed++;
            case CANCELLED -> cancelled++;
        }
        if (stopping == 0) {
            stoppedNanos = nowNanos;
        }
    }

    /** {@code count} images were not run: their thumbnails were current. */
    void unchanged(int count) {
        unchanged = count;
    }

    int stoppingCount() {
        return stopping;
    }

    int total() {
        return total;
    }

    int done() {
        return done;
    }

    int failed() {
        return failed;
    }

    int cancelled() {
        return cancelled;
    }

    /** Images that ended one way or another (or, after a cancel, are stopping). */
    int finished() {
        return done + failed + cancelled + stopping;
    }

    boolean isComplete() {
        return finished() == total;
    }

    /** Share of the images accounted for, 0 to 1 (1 for an empty run). */
    double fraction() {
        return total == 0 ? 1 : (double) finished() / total;
    }

    /** Images finished (done or failed) per second, over the last few seconds. */
    double imagesPerSecond(long nowNanos) {
        while (recent.size() > MIN_RATE_SAMPLES && recent.peekFirst() < nowNanos - RATE_WINDOW_NANOS) {
            windowStartNanos = recent.removeFirst();
        }
        long span = nowNanos - windowStartNanos;
        return recent.isEmpty() || span <= 0 ? 0 : recent.size() / (span / 1e9);
    }

    /** Whole seconds left at the current rate; empty before the first image is finished. */
    OptionalLong etaSeconds(long nowNanos) {
        double rate = imagesPerSecond(nowNanos);
        if (rate <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) Math.ceil((total - finished()) / rate));
    }

    /** Wall time from the start to the last result. */
    double elapsedSeconds() {
        return (lastNanos - startNanos) / 1e9;
    }

    /** The live status line: {@code 37/120 · 12.4 images/s · ETA 7 s · 2 failed}. */
    String runningLine(long nowNanos) {
        StringBuilder line = new StringBuilder();
        line.append(finished()).append('/').append(total);
        double rate = imagesPerSecond(nowNanos);
        line.append(" · ").append(String.format(Locale.ROOT, "%.1f", rate)).append(" images/s");
        OptionalLong weighted = weightedEtaSeconds(nowNanos);
        OptionalLong eta = weighted.isPresent() ? weighted : etaSeconds(nowNanos);
        line.append(" · ETA ").append(eta.isPresent() ? duration(eta.getAsLong()) : "…");
        if (failed > 0) {
            line.append(" · ").append(failed).append(" failed");
        }
        if (waitingForMemory > 0) {
            line.append(" · ").append(waitingForMemory).append(" waiting for memory");
        }
        return line.toString();
    }

    /**
     * The line shown once the run has ended. A cancelled run's time is its work time, up to the
     * cancel; the time its running images took to stop is shown apart, once they all have.
     */
    String endLine(boolean wasCancelled) {
        double seconds = wasCancelled && cancelNanos >= 0 ? (cancelNanos - startNanos) / 1e9 : elapsedSeconds();
        String rate = seconds > 0 ? String.format(Locale.ROOT, "%.1f", (done + failed) / seconds) : "–";
        String took = String.format(Locale.ROOT, "%.1f s", seconds);
        StringBuilder line = new StringBuilder();
        if (wasCancelled) {
            line.append("Cancelled: ").append(done + failed).append('/').append(total).append(" finished in ")
                    .append(took).append(" of work");
        } else {
            line.append("Done: ").append(total).append(total == 1 ? " image in " : " images in ").append(took);
        }
        line.append(" · ").append(rate).append(" images/s");
        if (failed > 0) {
            line.append(" · ").append(failed).append(" failed");
        }
        if (unchanged > 0) {
            line.append(" · ").append(unchanged).append(" unchanged, skipped");
        }
        if (wasCancelled && stopping > 0) {
            line.append(" · ").append(stopping).append(" stopping");
        } else if (wasCancelled && stoppedNanos >= 0 && cancelNanos >= 0) {
            // the frame that hears of the last one may carry a time from before the key press it handles
            long afterCancel = Math.max(0, stoppedNanos - cancelNanos);
            line.append(" · stopped ").append(String.format(Locale.ROOT, "%.1f s", afterCancel / 1e9))
                    .append(" after cancel");
        }
        if (!wasCancelled && waitingForMemory > 0) {
            line.append(" · ").append(waitingForMemory).append(" waiting for memory");
        }
        return line.toString();
    }

    /** {@code 7 s}, {@code 2 min 05 s}, {@code 1 h 02 min}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
