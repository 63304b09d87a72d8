package org.parathumb.core.bench;

/** Hears how far a benchmark is. Called on the thread that runs the benchmark. */
@FunctionalInterface
public interface BenchmarkListener {

    /** A pass started, or one of its images or tasks ended. */
    void onProgress(BenchmarkProgress progress);

    BenchmarkListener NONE = progress -> { };
}
