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
 * competed for them, and the timings are noisy.
 */
public record BenchmarkSetting(
        int cores, String jvmVersion, String jvmVendor, long maxHeapBytes, String pipeline, String engine, Workload workload,
        int units, double megapixels, long loopCount, int repeats, int warmups, double loadAverage) {

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
    static BenchmarkSetting of(BenchmarkRequest request, String pipeline, String engine, double megapixels, int cores) {
        Runtime runtime = Runtime.getRuntime();
        return new BenchmarkSetting(cores, System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vendor", "unknown"), runtime.maxMemory(), pipeline, engine, request.workload(),
                request.unitsPerPass(), megapixels, request.workload() == Workload.CPU_LOOP ? request.loopCount() : 0,
                request.repeats(), request.warmups(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Whether other programs likely competed for the cores (load average above half of them). */
    public boolean busyMachine() {
        return loadAverage > cores / 2.0;
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
        String load = loadAverage < 0 ? "" : String.format(Locale.ROOT, ", load average %.1f", loadAverage);
        return String.format(Locale.ROOT, "%d cores, Java %s (%s), max heap %.1f GB, %s, %d repeat%s + %d warm-up%s%s",
                cores, jvmVersion, jvmVendor, maxHeapBytes / 1e9, work, repeats, repeats == 1 ? "" : "s",
                warmups, warmups == 1 ? "" : "s", load);
    }
}
