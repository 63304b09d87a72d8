package org.parathumb.core.batch;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one {@link ImageJob}: done (with sizes and stage times), failed (with a one-line
 * reason), or cancelled. {@code worker} names the thread that ran it; {@code startNanos} and
 * {@code endNanos} are {@link System#nanoTime()} readings, for timelines. A failure with
 * {@code internalError} set was a bug in Parathumb, not a problem with the file: it is counted
 * apart ({@link BatchSummary#internalErrors()}).
 */
public record ImageResult(
        ImageJob job,
        Status status,
        int sourceWidth,
        int sourceHeight,
        int thumbnailWidth,
        int thumbnailHeight,
        StageTimes times,
        String failure,
        String worker,
        long startNanos,
        long endNanos,
        String pipeline,
        boolean internalError) {

    /** How a job ended. */
    public enum Status { DONE, FAILED, CANCELLED }

    public ImageResult {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(worker, "worker");
        if (pipeline == null || pipeline.isBlank()) {
            throw new IllegalArgumentException("a result names the pipeline that made it");
        }
        if (status == Status.FAILED && (failure == null || failure.isBlank())) {
            throw new IllegalArgumentException("a failed result needs a reason");
        }
        if (status != Status.FAILED && failure != null) {
            throw new IllegalArgumentException("only a failed result has a reason");
        }
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("a job cannot end before it starts");
        }
        if (internalError && status != Status.FAILED) {
            throw new IllegalArgumentException("only a failed result can be an internal error");
        }
    }

    /** A result that is no internal error. */
    public ImageResult(ImageJob job, Status status, int sourceWidth, int sourceHeight, int thumbnailWidth,
            int thumbnailHeight, StageTimes times, String failure, String worker, long startNanos, long endNanos,
            String pipeline) {
        this(job, status, sourceWidth, sourceHeight, thumbnailWidth, thumbnailHeight, times, failure, worker,
                startNanos, endNanos, pipeline, false);
    }

    static ImageResult done(ImageJob job, int sourceWidth, int sourceHeight, int width, int height,
            StageTimes times, String worker, long start, long end, String pipeline) {
        return new ImageResult(job, Status.DONE, sourceWidth, sourceHeight, width, height, times, null,
                worker, start, end, pipeline);
    }

    static ImageResult failed(ImageJob job, String reason, StageTimes times, String worker, long start, long end,
            String pipeline) {
        return new ImageResult(job, Status.FAILED, 0, 0, 0, 0, times, reason, worker, start, end, pipeline);
    }

    /** A failure that was a bug in Parathumb: {@code reason} says so, not something about the file. */
    static ImageResult internalError(ImageJob job, String reason, StageTimes times, String worker, long start,
            long end, String pipeline) {
        return new ImageResult(job, Status.FAILED, 0, 0, 0, 0, times, reason, worker, start, end, pipeline, true);
    }

    static ImageResult cancelled(ImageJob job, String worker, long start, long end, String pipeline) {
        return new ImageResult(job, Status.CANCELLED, 0, 0, 0, 0, StageTimes.NONE, null, worker, start, end,
                pipeline);
    }

    public boolean isDone() {
        return status == Status.DONE;
    }

    public boolean isFailed() {
        return status == Status.FAILED;
    }

    /** Whether this job failed on a bug in Parathumb rather than on its file. */
    public boolean isInternalError() {
        return internalError;
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }

    /** Wall time of this job, from its start on a worker to its end. */
    public long elapsedNanos() {
        return endNanos - startNanos;
    }
}
