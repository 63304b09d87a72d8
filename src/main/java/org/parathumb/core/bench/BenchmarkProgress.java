package org.parathumb.core.bench;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a benchmark stands: {@code passesDone} of {@code passesTotal} passes are over, and the
 * current pass ({@code configuration}, in warm-up or measured) has done {@code unitsDone} of
 * {@code unitsPerPass} images or tasks.
 */
public record BenchmarkProgress(
        int passesDone, int passesTotal, boolean warmup, Configuration configuration, int unitsDone, int unitsPerPass) {

    public BenchmarkProgress {
        Objects.requireNonNull(configuration, "configuration");
        if (passesTotal < 1 || passesDone < 0 || passesDone > passesTotal) {
            throw new IllegalArgumentException("bad pass count " + passesDone + "/" + passesTotal);
        }
        if (unitsPerPass < 1 || unitsDone < 0 || unitsDone > unitsPerPass) {
            throw new IllegalArgumentException("bad unit count " + unitsDone + "/" + unitsPerPass);
        }
    }

    /** The fraction of the whole benchmark done, from 0 to 1. */
    public double fraction() {
        return Math.min(1, (passesDone + (double) unitsDone / unitsPerPass) / passesTotal);
    }

    /** "warm-up, 2 workers: 3/10" or "pass 4/9, seq: 7/10". */
    public String describe() {
        String what = configuration.sequential() ? "sequential" : configuration.workers() + " worker"
                + (configuration.workers() == 1 ? "" : "s");
        String phase = warmup ? "warm-up" : "pass " + Math.min(passesDone + 1, passesTotal) + "/" + passesTotal;
        return String.format(Locale.ROOT, "%s, %s: %d/%d", phase, what, unitsDone, unitsPerPass);
    }
}
