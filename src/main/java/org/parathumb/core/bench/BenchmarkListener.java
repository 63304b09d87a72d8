package org.parathumb.core.bench;

/** Hears how far a benchmark is. Called on the thread that runs the benchmark. */
@FunctionalInterface
public interface BenchmarkListener {

    /** A pass started, or one of its images or tasks ended. */
    void onProgress(BenchmarkProgress progress);

    /**
     * A measured pass ended: {@code partial} holds every configuration measured so far (the
     * sequential loop and at least one worker count), for charts that grow as the passes finish.
     */
    default void onPartialReport(BenchmarkReport partial) {
    }

    BenchmarkListener NONE = progress -> { };
}
