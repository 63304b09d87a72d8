package org.parathumb.ui.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.bench.CpuShare;

/**
 * What one unit of expected work costs on this machine now, per kind of image (format, and alpha
 * or not), measured on a few of the folder's own images; and how many cores other programs leave
 * free. The expected work (pixels x a format weight fixed on generated images) ranks images well
 * within a kind, but its weights between kinds are far off on real files (a real PNG read by the
 * native decoder costs about what a JPEG of the same size does, not four times more), so one
 * timed image cannot price a folder of several kinds: each kind gets its own rate.
 *
 * @param nanosPerWork nanoseconds per unit of work, by {@link #kind}; empty when nothing could be timed
 * @param freeCores the cores other programs left idle while the images were timed (at least 1)
 */
public record CostCalibration(Map<String, Double> nanosPerWork, double freeCores) {

    /** Images timed per kind, at most: more gives a steadier rate, and a longer wait before the window opens. */
    static final int PROBES_PER_KIND = 2;

    /** Times one image (on the calling thread, warm or not), in nanoseconds; negative when it failed. */
    @FunctionalInterface
    public interface Timer {
        long nanos(ImageJob job);
    }

    public CostCalibration {
        nanosPerWork = Map.copyOf(new TreeMap<>(nanosPerWork));
        if (nanosPerWork.values().stream().anyMatch(r -> !(r > 0) || Double.isInfinite(r))) {
            throw new IllegalArgumentException("a rate must be positive: " + nanosPerWork);
        }
        if (!(freeCores >= 1)) {
            throw new IllegalArgumentException("at least one core is free for the benchmark: " + freeCores);
        }
    }

    /** Nothing known: the window says "time unknown". */
    public static CostCalibration unknown() {
        return new CostCalibration(Map.of(), 1);
    }

    /** One rate for every kind (a kind not timed takes the mean rate): for tests. */
    public static CostCalibration uniform(double nanosPerWork, double freeCores) {
        return new CostCalibration(Map.of("", nanosPerWork), freeCores);
    }

    /** Whether any rate is known. */
    public boolean known() {
        return !nanosPerWork.isEmpty();
    }

    /**
     * What a unit of {@link ImageProcessor#estimatedWork} costs per kind of image, from a few
     * thumbnails of the folder's own images timed into a temporary folder (deleted after), and
     * the cores other programs left idle meanwhile; unknown if nothing could be timed.
     */
    public static CostCalibration timing(ImageProcessor processor, List<ImageJob> jobs) {
        Path dir = null;
        try {
            Path temp = Files.createTempDirectory("parathumb-estimate-");
            dir = temp;
            var before = CpuShare.read();
            var rates = measure(jobs, processor::estimatedWork, job -> {
                long start = System.nanoTime();
                boolean done = processor.process(job.withTarget(temp.resolve(job.target().getFileName()))).isDone();
                return done ? System.nanoTime() - start : -1;
            });
            double others = before.flatMap(b -> CpuShare.read()
                    .map(a -> CpuShare.othersCores(b, a))).orElse(0.0);
            return new CostCalibration(rates, freeCores(WorkerPool.availableCores(), others));
        } catch (IOException | RuntimeException e) {
            return unknown();
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a leftover temporary folder is harmless
                }
            }
        }
    }

    /** "JPEG", "PNG", "PNG+alpha": the format from the header (the extension without one), and alpha. */
    public static String kind(ImageJob job) {
        String format = BenchmarkPlan.formatOf(job);
        return job.header() != null && job.header().layout().hasAlpha() ? format + "+alpha" : format;
    }

    /**
     * Seconds {@code jobs} should take one after the other: each image's work times its kind's
     * rate (a kind not timed takes the mean rate of those timed); 0 when no rate is known.
     */
    public double sequentialSeconds(List<ImageJob> jobs, ToLongFunction<ImageJob> cost) {
        if (!known()) {
            return 0;
        }
        double fallback = nanosPerWork.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double nanos = 0;
        for (ImageJob job : jobs) {
            nanos += cost.applyAsLong(job) * nanosPerWork.getOrDefault(kind(job), fallback);
        }
        return nanos / 1e9;
    }

    /**
     * The images to time, by kind: ordered by work (then path), those a third and half of the
     * way from the smallest up (one when the kind has one or two images). Not the largest: a
     * probe should be quick, and the rate is per unit of work.
     */
    static Map<String, List<ImageJob>> probes(List<ImageJob> jobs, ToLongFunction<ImageJob> cost) {
        Map<String, List<ImageJob>> byKind = new TreeMap<>();
        for (ImageJob job : jobs) {
            if (cost.applyAsLong(job) > 0) {
                byKind.computeIfAbsent(kind(job), k -> new ArrayList<>()).add(job);
            }
        }
        Comparator<ImageJob> order = Comparator.comparingLong(cost).thenComparing(j -> j.source().toString());
        Map<String, List<ImageJob>> probes = new TreeMap<>();
        byKind.forEach((kind, group) -> {
            group.sort(order);
            int last = group.size() - 1;
            probes.put(kind, java.util.stream.Stream.of(last / 3, last / 2).distinct().limit(PROBES_PER_KIND)
                    .map(group::get).toList());
        });
        return probes;
    }

    /**
     * Times the {@linkplain #probes probes} of {@code jobs} with {@code timer}: the first of each
     * kind once untimed (its decoder's classes load and compile), then each once; a kind's rate is
     * its probes' time over their work. A kind whose image fails gets no rate.
     */
    static Map<String, Double> measure(List<ImageJob> jobs, ToLongFunction<ImageJob> cost, Timer timer) {
        Map<String, Double> rates = new TreeMap<>();
        probes(jobs, cost).forEach((kind, group) -> {
            if (timer.nanos(group.get(0)) < 0) {
                return;
            }
            long nanos = 0;
            long work = 0;
            for (ImageJob probe : group) {
                long took = timer.nanos(probe);
                if (took < 0) {
                    return;
                }
                nanos += Math.max(1, took);
                work += cost.applyAsLong(probe);
            }
            rates.put(kind, (double) nanos / work);
        });
        return rates;
    }

    /** The cores left for the benchmark when other programs kept {@code othersCores} of {@code cores} busy. */
    static double freeCores(int cores, double othersCores) {
        return Math.max(1, cores - Math.max(0, othersCores));
    }
}
