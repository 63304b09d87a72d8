package org.parathumb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageResult;

/**
 * One updating line on a terminal: done/total, images/s, an ETA and the failures so far,
 * redrawn in place with a carriage return at most ten times a second. The ETA is weighted by
 * cost: it extrapolates the bytes of source still to do at the rate bytes have been done, so a
 * batch that starts with its biggest images (it does) is not promised too early an end.
 */
final class ProgressLine {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 24;

    private final PrintWriter out;
    private final LongSupplier clock;
    private final long start;
    private final int total;
    private final Map<ImageJob, Long> cost = new HashMap<>();
    private final long totalCost;
    private long doneCost;
    private int done;
    private int failed;
    private boolean drawn;
    private long lastDraw;
    private int drawnWidth;

    ProgressLine(PrintWriter out, List<ImageJob> jobs, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.total = jobs.size();
        long sum = 0;
        for (ImageJob job : jobs) {
            long bytes = sizeOf(job);
            cost.put(job, bytes);
            sum += bytes;
        }
        this.totalCost = sum;
    }

    /** Counts {@code result} and redraws if the last drawing is old enough, or this is the last image. */
    synchronized void update(ImageResult result) {
        done++;
        if (result.isFailed()) {
            failed++;
        }
        doneCost += cost.getOrDefault(result.job(), 0L);
        long now = clock.getAsLong();
        if (!drawn || now - lastDraw >= REDRAW_NANOS || done == total) {
            draw(now);
        }
    }

    /** Erases the line, so that a message can be printed where it was; the next update redraws it. */
    synchronized void clear() {
        if (drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            out.flush();
            drawnWidth = 0;
            drawn = false;
        }
    }

    /** The line as it would be drawn {@code now}. */
    synchronized String text(long now) {
        double seconds = (now - start) / 1e9;
        int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
        String bar = "#".repeat(filled) + "-".repeat(BAR - filled);
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = "--:--";
        if (done < total && doneCost > 0 && seconds > 0) {
            eta = clockTime(seconds * (totalCost - doneCost) / doneCost);
        } else if (done == total) {
            eta = "done";
        }
        return String.format(Locale.ROOT, "[%s] %d/%d  %.1f images/s  ETA %s%s", bar, done, total, rate, eta,
                failed == 0 ? "" : "  " + failed + " failed");
    }

    private void draw(long now) {
        String line = text(now);
        out.print("\r" + line + (line.length() < drawnWidth ? " ".repeat(drawnWidth - line.length()) : ""));
        out.flush();
        drawnWidth = line.length();
        lastDraw = now;
        drawn = true;
    }

    private static String clockTime(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static long sizeOf(ImageJob job) {
        try {
            return Math.max(1, Files.size(job.source()));
        } catch (IOException e) {
            return 1;
        }
    }
}
