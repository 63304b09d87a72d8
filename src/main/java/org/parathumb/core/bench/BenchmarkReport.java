package org.parathumb.core.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parathumb.core.batch.ImageResult;

/**
 * A finished benchmark: its setting and one result per configuration, the sequential loop first.
 * Speedup S(N) = median T(seq) / median T(N), efficiency S / N, and Amdahl's serial fraction
 * fitted over every parallel configuration.
 */
public record BenchmarkReport(BenchmarkSetting setting, List<ConfigurationResult> results) {

    public BenchmarkReport {
        Objects.requireNonNull(setting, "setting");
        results = List.copyOf(results);
        if (results.size() < 2 || !results.get(0).configuration().sequential()
                || results.stream().skip(1).anyMatch(r -> r.configuration().sequential())) {
            throw new IllegalArgumentException("a report has the sequential loop first, then parallel configurations");
        }
    }

    public ConfigurationResult sequential() {
        return results.get(0);
    }

    public List<ConfigurationResult> parallel() {
        return results.subList(1, results.size());
    }

    /** How many times faster than the sequential loop {@code result} ran, by median wall time. */
    public double speedup(ConfigurationResult result) {
        return sequential().wallTimes().medianNanos() / result.wallTimes().medianNanos();
    }

    /** Speedup per worker: 1 is perfect scaling. */
    public double efficiency(ConfigurationResult result) {
        return speedup(result) / result.configuration().workers();
    }

    /** Measured speedup of each parallel configuration, by workers. */
    public Map<Integer, Double> speedups() {
        Map<Integer, Double> speedups = new LinkedHashMap<>();
        parallel().forEach(r -> speedups.put(r.configuration().workers(), speedup(r)));
        return speedups;
    }

    /** Amdahl's serial fraction, when some configuration had two workers or more. */
    public Optional<AmdahlFit> amdahl() {
        return AmdahlFit.fit(speedups());
    }

    /** The per-image results of the last pass with the most workers, for a timeline (empty for the cpu-loop). */
    public List<ImageResult> timelinePass() {
        return parallel().stream().max(Comparator.comparingInt(r -> r.configuration().workers()))
                .map(ConfigurationResult::lastPass).orElse(List.of());
    }
}
