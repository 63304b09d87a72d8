package org.parathumb.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.parathumb.core.batch.BatchListener;
import org.parathumb.core.batch.BatchSummary;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.ResultJson;

/**
 * What {@code run} prints as images finish. Human text: a line per image, failures on standard
 * error, and a summary; {@code --quiet} keeps the failures and the summary. With {@code --json},
 * standard output carries only JSON Lines (one object per image as it finishes, then a summary
 * object) and the human text goes to standard error.
 */
final class RunOutput implements BatchListener {

    private final PrintWriter stdout;
    private final PrintWriter stderr;
    private final PrintWriter human;
    private final boolean json;
    private final boolean quiet;
    private ProgressLine progress;

    RunOutput(PrintWriter stdout, PrintWriter stderr, boolean json, boolean quiet) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.human = json ? stderr : stdout;
        this.json = json;
        this.quiet = quiet;
    }

    /**
     * Shows {@code line} in place of the per-image lines: only for a terminal, where one updating
     * line is easier to follow than thousands of them (failures are still printed, above it).
     */
    synchronized RunOutput withProgress(ProgressLine line) {
        this.progress = line;
        return this;
    }

    /** The stream human text goes to: standard error when standard output carries JSON. */
    PrintWriter human() {
        return human;
    }

    @Override
    public synchronized void onResult(ImageResult result) {
        if (json) {
            stdout.println(ResultJson.of(result));
        }
        String name = Paths.display(result.job().source());
        if (progress != null && result.isFailed()) {
            progress.clear();
        }
        switch (result.status()) {
            case DONE -> {
                if (!quiet && progress == null) {
                    human.printf(Locale.ROOT, "%s was processed (%.2f s)%n", name, result.elapsedNanos() / 1e9);
                }
            }
            case FAILED -> stderr.printf("%s: %s%n", name, result.failure());
            case CANCELLED -> { }
        }
        stdout.flush();
        stderr.flush();
        if (progress != null) {
            progress.update(result);
        }
    }

    synchronized void unchanged(List<ImageJob> jobs) {
        if (json) {
            jobs.forEach(job -> stdout.println(ResultJson.unchanged(job)));
            stdout.flush();
        }
    }

    /** The summary: a JSON object and the human lines, or the human lines alone. */
    synchronized void summary(BatchSummary summary, int unchanged, boolean interrupted, String pipelineNote) {
        if (progress != null) {
            progress.clear();
        }
        if (json) {
            stdout.println(ResultJson.summary(summary, unchanged, interrupted));
        }
        int n = summary.workers();
        if (interrupted) {
            human.printf(Locale.ROOT, "interrupted: %d of %d done, %d failed, %.2f s%n", summary.succeeded(),
                    summary.total() + unchanged, summary.failed(), summary.wallSeconds());
        } else {
            human.printf(Locale.ROOT, "%d images, %d failed, %.2f s, %.2f images/s, %d worker%s%s%n",
                    summary.total(), summary.failed(), summary.wallSeconds(), summary.imagesPerSecond(), n,
                    n == 1 ? "" : "s", pipelineNote);
        }
        if (unchanged > 0) {
            human.printf(Locale.ROOT, "%d unchanged, skipped%n", unchanged);
        }
        if (summary.internalErrors() > 0) {
            human.printf("%d internal error%s (a bug in Parathumb, not in the files; stacks on stderr)%n",
                    summary.internalErrors(), summary.internalErrors() == 1 ? "" : "s");
        }
        if (!interrupted && summary.cancelled() > 0) {
            human.printf("%d cancelled%n", summary.cancelled());
        }
        stdout.flush();
        stderr.flush();
    }
}
