package org.parathumb.core.batch;

import org.parathumb.core.json.JsonObject;

/**
 * Results as JSON Lines objects: one per image (what it was, what became of it, the ms of each
 * stage, the worker), one for a whole batch. Shared by the command line's {@code --json} and any
 * other export.
 */
public final class ResultJson {

    private ResultJson() {
    }

    /**
     * One image: {@code source}, {@code output}, {@code status} (ok, failed, cancelled),
     * {@code reason} (null unless failed), {@code internal_error} (a bug of Parathumb's, not the
     * file's), pixel sizes, {@code ms} per stage and in all, and the
     * {@code worker}.
     */
    public static JsonObject of(ImageResult result) {
        StageTimes t = result.times();
        JsonObject ms = new JsonObject()
                .add("read", t.readNanos() / 1e6).add("decode", t.decodeNanos() / 1e6)
                .add("blur", t.blurNanos() / 1e6).add("resize", t.resizeNanos() / 1e6)
                .add("encode", t.encodeNanos() / 1e6).add("write", t.writeNanos() / 1e6)
                .add("total", result.elapsedNanos() / 1e6);
        return new JsonObject()
                .add("source", result.job().source().toString())
                .add("output", result.isDone() ? result.job().target().toString() : null)
                .add("status", status(result.status()))
                .add("reason", result.failure())
                .add("internal_error", result.isInternalError())
                .add("source_width", result.sourceWidth()).add("source_height", result.sourceHeight())
                .add("width", result.thumbnailWidth()).add("height", result.thumbnailHeight())
                .add("ms", ms)
                .add("worker", result.worker())
                .add("pipeline", result.pipeline());
    }

    /** An image left alone because its thumbnail is current (skip-unchanged). */
    public static JsonObject unchanged(ImageJob job) {
        return new JsonObject().add("source", job.source().toString()).add("output", job.target().toString())
                .add("status", "skipped").add("reason", "unchanged");
    }

    /** The batch: counts, wall time, throughput and workers; {@code interrupted} when it was cut short. */
    public static JsonObject summary(BatchSummary summary, int unchanged, boolean interrupted) {
        return new JsonObject().add("summary", true)
                .add("images", summary.total() + unchanged)
                .add("ok", summary.succeeded()).add("failed", summary.failed())
                .add("internal_errors", summary.internalErrors())
                .add("cancelled", summary.cancelled()).add("skipped", unchanged)
                .add("wall_s", summary.wallSeconds()).add("images_per_s", summary.imagesPerSecond())
                .add("workers", summary.workers()).add("interrupted", interrupted);
    }

    public static String status(ImageResult.Status status) {
        return switch (status) {
            case DONE -> "ok";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }
}
