package org.parathumb.core.batch;

import java.util.List;

/** The outcome of a whole batch, with every result in completion order. */
public record BatchSummary(List<ImageResult> results, long wallNanos, int workers) {

    public BatchSummary {
        results = List.copyOf(results);
        if (wallNanos < 0) {
            throw new IllegalArgumentException("wall time must not be negative");
        }
    }

    public int total() {
        return results.size();
    }

    public long succeeded() {
        return results.stream().filter(ImageResult::isDone).count();
    }

    /** Jobs that failed on their file (unreadable, damaged, too large...): internal errors are apart. */
    public long failed() {
        return results.stream().filter(r -> r.isFailed() && !r.isInternalError()).count();
    }

    /** Jobs that failed on a bug in Parathumb ({@link ImageResult#isInternalError()}). */
    public long internalErrors() {
        return results.stream().filter(ImageResult::isInternalError).count();
    }

    public long cancelled() {
        return results.stream().filter(r -> r.status() == ImageResult.Status.CANCELLED).count();
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    /** Images finished per second of wall time. */
    public double imagesPerSecond() {
        return wallNanos == 0 ? 0 : succeeded() / wallSeconds();
    }
}
