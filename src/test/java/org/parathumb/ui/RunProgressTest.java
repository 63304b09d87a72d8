package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.List;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.ImageResult.Status;

class RunProgressTest {

    private static final long MS = 1_000_000L;

    @Test
    void theStatusLineShowsCountRateEtaAndFailures() {
        RunProgress progress = new RunProgress(120, 0);
        for (int i = 1; i <= 37; i++) {
            progress.record(i <= 2 ? Status.FAILED : Status.DONE, i * 100 * MS);
        }

        assertThat(progress.runningLine(3700 * MS)).isEqualTo("37/120 · 10.0 images/s · ETA 9 s · 2 failed");
    }

    @Test
    void noFailuresMeansNoFailurePart() {
        RunProgress progress = new RunProgress(4, 0);
        progress.record(Status.DONE, 500 * MS);

        assertThat(progress.runningLine(1000 * MS)).isEqualTo("1/4 · 1.0 images/s · ETA 3 s");
    }

    @Test
    void jobsWaitingForMemoryAreNamedUntilTheyStart() {
        RunProgress progress = new RunProgress(4, 0);
        progress.record(Status.DONE, 500 * MS);

        progress.waitingForMemory(3);
        assertThat(progress.runningLine(1000 * MS)).isEqualTo("1/4 · 1.0 images/s · ETA 3 s · 3 waiting for memory");
        progress.waitingForMemory(0);
        assertThat(progress.runningLine(1000 * MS)).isEqualTo("1/4 · 1.0 images/s · ETA 3 s");
    }

    @Test
    void beforeTheFirstImageThereIsNoEta() {
        RunProgress progress = new RunProgress(10, 0);

        assertThat(progress.etaSeconds(2000 * MS)).isEmpty();
        assertThat(progress.runningLine(2000 * MS)).isEqualTo("0/10 · 0.0 images/s · ETA …");
    }

    @Test
    void theRateFollowsAChangeOfPaceInsteadOfAveragingItAway() {
        RunProgress progress = new RunProgress(100, 0);
        long t = 0;
        for (int i = 0; i < 20; i++) { // one a second for 20 s...
            t += 1000 * MS;
            progress.record(Status.DONE, t);
        }
        for (int i = 0; i < 40; i++) { // ...then ten a second for 4 s
            t += 100 * MS;
            progress.record(Status.DONE, t);
        }

        // 60 images in 24 s average 2.5 a second; the last 4 s ran at 10.
        assertThat(progress.imagesPerSecond(t)).isGreaterThan(6);
    }

    @Test
    void skippedImagesCompleteTheRunAsCancelled() {
        RunProgress progress = new RunProgress(5, 0);
        progress.record(Status.DONE, 10 * MS);
        progress.record(Status.CANCELLED, 20 * MS);
        progress.skip(3);

        assertThat(progress.isComplete()).isTrue();
        assertThat(progress.cancelled()).isEqualTo(4);
        assertThat(progress.fraction()).isEqualTo(1.0);
        assertThat(progress.endLine(true)).startsWith("Cancelled: 1/5 finished in 0.0 s");
    }

    @Test
    void nothingIsCountedTwice() {
        RunProgress progress = new RunProgress(2, 0);
        progress.record(Status.DONE, 1);
        progress.skip(1);

        assertThatThrownBy(() -> progress.record(Status.DONE, 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> progress.skip(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEndLineSaysHowManyHowFastAndHowManyFailed() {
        RunProgress progress = new RunProgress(3, 0);
        progress.record(Status.DONE, 500 * MS);
        progress.record(Status.FAILED, 1000 * MS);
        progress.record(Status.DONE, 1500 * MS);

        assertThat(progress.endLine(false)).isEqualTo("Done: 3 images in 1.5 s · 2.0 images/s · 1 failed");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0 s",
        "7, 7 s",
        "59, 59 s",
        "60, 1 min 00 s",
        "125, 2 min 05 s",
        "3725, 1 h 02 min"})
    void durationsReadNaturally(long seconds, String text) {
        assertThat(RunProgress.duration(seconds)).isEqualTo(text);
    }

    @Test
    void theEtaWeighsTheImagesLeftByTheirCostNotTheirCount() {
        // Two large images first, then eight small ones, on one worker: after the first large one
        // (10 s), counting images would say 9 x 10 s; by cost, 108 units at 0.1 s each are left.
        java.util.Map<org.parathumb.core.batch.ImageJob, Long> costs = new java.util.LinkedHashMap<>();
        costs.put(job("big-1.jpg"), 100L);
        costs.put(job("big-2.jpg"), 100L);
        for (int i = 0; i < 8; i++) {
            costs.put(job("small-" + i + ".jpg"), 1L);
        }
        RunProgress progress = new RunProgress(10, 0, costs);
        ImageResult first = result(job("big-1.jpg"), 0, 10_000 * MS);

        progress.record(first.status(), first.endNanos());
        progress.learn(first);

        assertThat(progress.etaSeconds(10_000 * MS)).as("by count").hasValue(90);
        assertThat(progress.weightedEtaSeconds(10_000 * MS)).as("by cost").hasValue(11);
        assertThat(progress.runningLine(10_000 * MS)).contains("ETA 11 s");
    }

    @Test
    void theEtaLearnsThatAKindOfFileCostsMoreThanItsPixelsSay() {
        java.util.Map<org.parathumb.core.batch.ImageJob, Long> costs = new java.util.LinkedHashMap<>();
        costs.put(job("a.jpg"), 10L);
        costs.put(job("b.png"), 10L);
        costs.put(job("c.png"), 10L);
        costs.put(job("d.jpg"), 10L);
        RunProgress progress = new RunProgress(4, 0, costs);
        for (ImageResult done : List.of(result(job("a.jpg"), 0, 1_000 * MS), result(job("b.png"), 1_000 * MS, 5_000 * MS))) {
            progress.record(done.status(), done.endNanos());
            progress.learn(done);
        }

        // Left: one PNG (4 s, as the last one) and one JPEG (1 s), on one busy worker.
        assertThat(progress.weightedEtaSeconds(5_000 * MS)).hasValue(5);
    }

    private static org.parathumb.core.batch.ImageJob job(String name) {
        return new org.parathumb.core.batch.ImageJob(java.nio.file.Path.of("in", name), java.nio.file.Path.of("in/thumbs", name));
    }

    private static ImageResult result(org.parathumb.core.batch.ImageJob job, long startNanos, long endNanos) {
        return new ImageResult(job, Status.DONE, 100, 100, 10, 10, org.parathumb.core.batch.StageTimes.NONE, null,
                "thumb-worker-1", startNanos, endNanos, "faithful");
    }
}
