package org.parathumb.core.bench;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.StageTimes;

/**
 * Where a pass's time went: the median time per image of each stage (decode, blur with the
 * reduce it feeds, bicubic resize, encode and write), over the images that succeeded.
 */
public record StageMedians(double decodeMillis, double blurMillis, double resizeMillis, double encodeMillis) {

    /** The medians over {@code results}' successful images; empty when none succeeded (or for the cpu-loop). */
    public static Optional<StageMedians> of(List<ImageResult> results) {
        List<StageTimes> times = results.stream().filter(ImageResult::isDone).map(ImageResult::times).toList();
        if (times.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StageMedians(median(times, StageTimes::decodeNanos), median(times, StageTimes::blurNanos),
                median(times, StageTimes::resizeNanos), median(times, StageTimes::encodeNanos)));
    }

    private static double median(List<StageTimes> times, ToLongFunction<StageTimes> stage) {
        long[] nanos = times.stream().mapToLong(stage).sorted().toArray();
        int middle = nanos.length / 2;
        double median = nanos.length % 2 == 1 ? nanos[middle] : (nanos[middle - 1] + nanos[middle]) / 2.0;
        return median / 1e6;
    }
}
