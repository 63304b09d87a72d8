package org.parathumb.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.StageTimes;

/** Where a pass's time went: per-stage medians over the images that succeeded. */
class StageMediansTest {

    private static final ImageJob JOB = new ImageJob(Path.of("a.jpg"), Path.of("thumbs/a.jpg"));

    @Test
    void eachStageHasItsOwnMedianOverTheImagesThatSucceeded() {
        List<ImageResult> pass = List.of(
                done(30, 20, 1, 2), done(10, 40, 3, 2), done(20, 30, 2, 9),
                failed(999, 999, 999, 999));

        StageMedians medians = StageMedians.of(pass).orElseThrow();

        assertThat(medians.decodeMillis()).isCloseTo(20, within(1e-9));
        assertThat(medians.blurMillis()).isCloseTo(30, within(1e-9));
        assertThat(medians.resizeMillis()).isCloseTo(2, within(1e-9));
        assertThat(medians.encodeMillis()).isCloseTo(2, within(1e-9));
    }

    @Test
    void anEvenCountTakesTheMeanOfTheMiddleTwo() {
        StageMedians medians = StageMedians.of(List.of(done(10, 1, 1, 1), done(13, 1, 1, 1))).orElseThrow();

        assertThat(medians.decodeMillis()).isCloseTo(11.5, within(1e-9));
    }

    @Test
    void aPassWithoutImagesHasNoStages() {
        assertThat(StageMedians.of(List.of())).isEmpty();
        assertThat(StageMedians.of(List.of(failed(1, 1, 1, 1)))).isEmpty();
    }

    private static ImageResult done(long decode, long blur, long resize, long encode) {
        return new ImageResult(JOB, ImageResult.Status.DONE, 100, 80, 50, 40, times(decode, blur, resize, encode), null,
                "thumb-worker-1", 0, 1, "faithful");
    }

    private static ImageResult failed(long decode, long blur, long resize, long encode) {
        return new ImageResult(JOB, ImageResult.Status.FAILED, 0, 0, 0, 0, times(decode, blur, resize, encode),
                "corrupt", "thumb-worker-1", 0, 1, "faithful");
    }

    private static StageTimes times(long decode, long blur, long resize, long encode) {
        return new StageTimes(decode * 1_000_000, blur * 1_000_000, resize * 1_000_000, encode * 1_000_000);
    }
}
