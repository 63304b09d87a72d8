package org.parathumb.core.bench;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The serial fraction {@code f} of Amdahl's law, S(N) = 1 / (f + (1 - f) / N), fitted over every
 * measured N by least squares on the Karp-Flatt form: with x = 1 - 1/N and y = 1/S - 1/N, the law
 * reads y = f x, so f = sum(xy) / sum(x^2). A negative f means speedups above Amdahl's line
 * (superlinear, or noise): there is then no ceiling.
 */
public record AmdahlFit(double serialFraction, int points) {

    public AmdahlFit {
        if (!Double.isFinite(serialFraction)) {
            throw new IllegalArgumentException("serial fraction must be finite");
        }
        if (points < 1) {
            throw new IllegalArgumentException("a fit needs at least one point");
        }
    }

    /**
     * Fits f to {@code speedups} (workers to measured speedup). Points with one worker carry no
     * information (x = 0); without a point of two or more workers there is no fit.
     */
    public static Optional<AmdahlFit> fit(Map<Integer, Double> speedups) {
        double sxy = 0;
        double sxx = 0;
        int points = 0;
        for (Map.Entry<Integer, Double> point : speedups.entrySet()) {
            int n = point.getKey();
            double s = point.getValue();
            if (n < 1 || !(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("bad speedup point N=" + n + ", S=" + s);
            }
            if (n == 1) {
                continue;
            }
            double x = 1 - 1.0 / n;
            double y = 1 / s - 1.0 / n;
            sxy += x * y;
            sxx += x * x;
            points++;
        }
        return points == 0 ? Optional.empty() : Optional.of(new AmdahlFit(sxy / sxx, points));
    }

    /** The largest speedup any number of workers can reach, 1/f; empty when f <= 0 (no limit). */
    public OptionalDouble ceiling() {
        return serialFraction > 0 ? OptionalDouble.of(1 / serialFraction) : OptionalDouble.empty();
    }

    /** The speedup the fitted law predicts for {@code workers}. */
    public double predictedSpeedup(double workers) {
        if (workers <= 0) {
            throw new IllegalArgumentException("workers must be positive");
        }
        return 1 / (serialFraction + (1 - serialFraction) / workers);
    }

    /** "f = 0.026 (ceiling 38x)", "f = -0.004 (no ceiling)", or "f = 1.012 (no gain from more workers)". */
    public String describe() {
        OptionalDouble ceiling = ceiling();
        String limit = serialFraction >= 1 ? "no gain from more workers"
                : ceiling.isPresent() ? "ceiling " + formatCeiling(ceiling.getAsDouble()) + "x" : "no ceiling";
        return String.format(java.util.Locale.ROOT, "f = %.3f (%s)", serialFraction, limit);
    }

    private static String formatCeiling(double ceiling) {
        if (ceiling >= 1000) {
            return String.format(java.util.Locale.ROOT, "%.0e", ceiling).replace("e+0", "e").replace("e+", "e");
        }
        return ceiling >= 10 ? String.format(java.util.Locale.ROOT, "%.0f", ceiling)
                : String.format(java.util.Locale.ROOT, "%.1f", ceiling);
    }
}
