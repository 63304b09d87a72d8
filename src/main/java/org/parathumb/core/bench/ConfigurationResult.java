package org.parathumb.core.bench;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parathumb.core.batch.ImageResult;

/**
 * The measured passes of one configuration: their wall times, the work each pass did
 * ({@code units}: images, or loop tasks; {@code megapixels}: decoded pixels, 0 for the cpu-loop),
 * and the per-image results of its last pass, for the timeline (empty for the cpu-loop).
 */
public record ConfigurationResult(
        Configuration configuration, WallTimes wallTimes, int units, double megapixels, List<ImageResult> lastPass) {

    public ConfigurationResult {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(wallTimes, "wallTimes");
        lastPass = List.copyOf(lastPass);
        if (units < 1) {
            throw new IllegalArgumentException("a pass does at least one unit of work");
        }
        if (!(megapixels >= 0)) {
            throw new IllegalArgumentException("megapixels must not be negative");
        }
    }

    /** The median time per image of each stage in the last pass; empty for the cpu-loop. */
    public Optional<StageMedians> stageMedians() {
        return StageMedians.of(lastPass);
    }

    /** Units (images or tasks) per second of median wall time. */
    public double unitsPerSecond() {
        return units / wallTimes.medianSeconds();
    }

    /** Megapixels per second of median wall time. */
    public double megapixelsPerSecond() {
        return megapixels / wallTimes.medianSeconds();
    }
}
