package org.parathumb.core.bench;

import java.util.Locale;
import java.util.Objects;

/**
 * Where and on what a benchmark ran, so that its numbers can be compared with others': the cores
 * the JVM may use, the JVM, its maximum heap, the pipeline (and its {@code engine}: what does its
 * heavy work in this JVM, such as the native blur kernel; empty if nothing to say) and workload, and the work of one
 * pass ({@code units} images or loop tasks, {@code megapixels} decoded, {@code loopCount} for
 * the cpu-loop), and the system's one-minute load average when it ended ({@code loadAverage},
 * negative when the system does not say): a load near or above the cores means other programs
 * competed for them, and the timings are noisy. But the load average counts the benchmark's own
 * threads: {@code othersLoad} is the number of cores that <em>other</em> processes kept busy on
 * average during the measured passes (see {@link CpuShare}; negative when the system does not
 * say), and only it decides {@link #busyMachine()}.
 */
public record BenchmarkSetting(
        int cores, String jvmVersion, String jvmVendor, long maxHeapBytes, String pipeline, String engine, Workload workload,
        int units, double megapixels, long loopCount, int repeats, int warmups, double loadAverage,
        double othersLoad) {

    public BenchmarkSetting {
        Objects.requireNonNull(jvmVersion, "jvmVersion");
        Objects.requireNonNull(jvmVendor, "jvmVendor");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(workload, "workload");
        if (cores < 1 || units < 1 || repeats < 1 || warmups < 0 || maxHeapBytes < 0 || !(megapixels >= 0)) {
            throw new IllegalArgumentException("impossible setting");
        }
    }

    /** This JVM's setting for {@code request}. */
    static BenchmarkSetting of(BenchmarkRequest request, String pipeline, String engine, double megapixels, int cores,
            double othersLoad) {
        Runtime runtime = Runtime.getRuntime();
        return new BenchmarkSetting(cores, System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vendor", "unknown"), runtime.maxMemory(), pipeline, engine, request.workload(),
                request.unitsPerPass(), megapixels, request.workload() == Workload.CPU_LOOP ? request.loopCount() : 0,
                request.repeats(), request.warmups(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), othersLoad);
    }

    /**
     * Whether other programs used a meaningful share of the cores during the passes (more than
     * {@link CpuShare#MEANINGFUL_SHARE} of them); false when unknown. The benchmark's own work never counts.
     */
    public boolean busyMachine() {
        return othersLoad > cores * CpuShare.MEANINGFUL_SHARE;
    }

    /** "images" or "tasks". */
    public String unitName() {
        return workload == Workload.THUMBNAILS ? "images" : "tasks";
    }

    /**
     * One line: "2 cores, Java 17.0.15 (Debian), max heap 2.0 GB, faithful pipeline (native AVX2
     * kernel), 10 images, 120.0 MP, 3 repeats + 1 warm-up, load average 0.4".
     */
    public String describe() {
        String work = workload == Workload.THUMBNAILS
                ? String.format(Locale.ROOT, "%s pipeline%s, %d images, %.1f MP", pipeline,
                        engine.isEmpty() ? "" : " (" + engine + ")", units, megapixels)
                : String.format(Locale.ROOT, "cpu-loop, %d tasks counting to %,d", units, loopCount);
        String load = (loadAverage < 0 ? "" : String.format(Locale.ROOT, ", load average %.1f", loadAverage))
                + (othersLoad < 0 ? "" : String.format(Locale.ROOT, ", other programs %.1f cores", othersLoad));
        return String.format(Locale.ROOT, "%d cores, Java %s (%s), max heap %.1f GB, %s, %d repeat%s + %d warm-up%s%s",
                cores, jvmVersion, jvmVendor, maxHeapBytes / 1e9, work, repeats, repeats == 1 ? "" : "s",
                warmups, warmups == 1 ? "" : "s", load);
    }
}
