package org.parathumb.ui.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.Orientation;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

/** The estimate and the sample, before a benchmark starts: plain arithmetic, no FX thread. */
class BenchmarkPlanTest {

    private static final ToLongFunction<ImageJob> PIXELS = j -> j.header().pixels();

    static ImageJob job(String name, ImageFormat format, int width, int height) {
        return new ImageJob(Path.of("/photos", name), Path.of("/out", name),
                new ImageHeader(format, width, height, Orientation.NORMAL, PixelLayout.RGB, 3));
    }

    /** 60 JPEGs, 10 PNGs and 3 WebPs of growing sizes, like a wallpaper folder. */
    static List<ImageJob> folder() {
        List<ImageJob> jobs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            jobs.add(job("j" + i + ".jpg", ImageFormat.JPEG, 640 + 80 * i, 480 + 45 * i));
        }
        for (int i = 0; i < 10; i++) {
            jobs.add(job("p" + i + ".png", ImageFormat.PNG, 800 + 400 * i, 600 + 225 * i));
        }
        for (int i = 0; i < 3; i++) {
            jobs.add(job("w" + i + ".webp", ImageFormat.WEBP, 1920 * (i + 1), 1080 * (i + 1)));
        }
        return jobs;
    }

    @Test
    void aSampleTakesEveryFormatAndSpansSmallToLargeRatherThanTheFirstFiles() {
        List<ImageJob> sample = BenchmarkPlan.sample(folder(), 12, PIXELS);

        assertThat(sample).hasSize(12).doesNotHaveDuplicates();
        assertThat(sample).extracting(j -> j.header().format())
                .contains(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP);
        List<ImageJob> jpegs = sample.stream().filter(j -> j.header().format() == ImageFormat.JPEG).toList();
        assertThat(jpegs).extracting(j -> j.source().getFileName().toString()).contains("j0.jpg", "j59.jpg");
        assertThat(jpegs.size()).as("most images are JPEGs, so are most picks").isGreaterThan(6);
    }

    @Test
    void theSampleIsTheSameWhateverOrderTheFilesCameIn() {
        List<ImageJob> shuffled = new ArrayList<>(folder());
        Collections.shuffle(shuffled, new Random(7));

        assertThat(BenchmarkPlan.sample(shuffled, 12, PIXELS)).isEqualTo(BenchmarkPlan.sample(folder(), 12, PIXELS));
        assertThat(BenchmarkPlan.sample(folder(), 0, PIXELS)).hasSize(73);
        assertThat(BenchmarkPlan.sample(folder(), 500, PIXELS)).hasSize(73);
    }

    @Test
    void theEstimateIsEveryRoundOfTheLoopAndEachWorkerCountCappedAtTheFreeCores() {
        // 10 s sequential; on 2 free cores: 1 worker 10 s, 2 workers 5 s, 4 workers still 5 s: 30 s a round
        assertThat(BenchmarkPlan.estimateSeconds(10, List.of(1, 2, 4), 2, 3, 1)).isCloseTo(4 * 30, within(1e-9));
        assertThat(BenchmarkPlan.estimateSeconds(2, List.of(2), 2, 1, 0)).isCloseTo(3, within(1e-9));
        assertThat(BenchmarkPlan.duration(125)).isEqualTo("about 2 min 05 s");
        assertThat(BenchmarkPlan.duration(12.4)).isEqualTo("about 12 s");
    }

    @Test
    void theEstimateLineFollowsTheSampleRepeatsAndWarmUps() {
        try (WorkerPool pool = new WorkerPool(1);
                BenchmarkViewModel model = new BenchmarkViewModel(
                        new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT), pool, Runnable::run)) {
            // 1 ns per pixel: the sample's pixels in seconds
            model.prepare(new BenchmarkViewModel.Plan(folder(), List.of(2), PIXELS, CostCalibration.uniform(1.0, 2)));

            assertThat(model.sampleSizeProperty().get()).as("a big folder starts from a sample").isEqualTo(12);
            List<ImageJob> chosen = model.chosenJobs();
            double seq = chosen.stream().mapToLong(PIXELS).sum() / 1e9;
            model.repeatsProperty().set(1);
            model.warmupsProperty().set(1);

            assertThat(model.estimateProperty().get())
                    .startsWith("12 of 73 images").contains("1 warm-up + 1 repeat: 4 passes")
                    .endsWith(BenchmarkPlan.duration(2 * (seq + seq / 2)));
            assertThat(model.planRequest(org.parathumb.core.bench.Workload.THUMBNAILS).jobs()).isEqualTo(chosen);
            assertThat(model.planRequest(org.parathumb.core.bench.Workload.THUMBNAILS).repeats()).isEqualTo(1);

            model.sampleSizeProperty().set(0);
            assertThat(model.estimateProperty().get()).startsWith("73 of 73 images");
        }
    }

    @Test
    void doublingTheRepeatsDoublesTheMeasuredPartAndEachWarmUpAddsOneRoundMore() {
        try (WorkerPool pool = new WorkerPool(1);
                BenchmarkViewModel model = new BenchmarkViewModel(
                        new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT), pool, Runnable::run)) {
            model.prepare(new BenchmarkViewModel.Plan(folder(), List.of(1, 2), PIXELS, CostCalibration.uniform(3.0, 2)));
            model.warmupsProperty().set(0);
            model.repeatsProperty().set(1);
            double oneRound = model.estimatedSeconds();

            model.repeatsProperty().set(2);
            double twoRepeats = model.estimatedSeconds();
            model.repeatsProperty().set(4);
            double fourRepeats = model.estimatedSeconds();
            model.warmupsProperty().set(1);
            double fourAndAWarmUp = model.estimatedSeconds();

            assertThat(oneRound).isPositive();
            assertThat(twoRepeats).isCloseTo(2 * oneRound, within(1e-9));
            assertThat(fourRepeats).isCloseTo(4 * oneRound, within(1e-9));
            assertThat(fourAndAWarmUp).isCloseTo(5 * oneRound, within(1e-9));
        }
    }

    @Test
    void aSecondWorkerHalvesItsPassOnlyWhenOtherProgramsLeaveASecondCoreFree() {
        // 10 s sequential, the loop + 1 worker + 2 workers, one round
        double idle = BenchmarkPlan.estimateSeconds(10, List.of(1, 2), CostCalibration.freeCores(2, 0.1), 1, 0);
        double busy = BenchmarkPlan.estimateSeconds(10, List.of(1, 2), CostCalibration.freeCores(2, 1.6), 1, 0);

        assertThat(idle).isCloseTo(10 + 10 + 10 / 1.9, within(1e-9));
        assertThat(busy).as("one core left: 2 workers take as long as 1").isCloseTo(30, within(1e-9));
        assertThat(CostCalibration.freeCores(2, 5)).isEqualTo(1);
    }

    @Test
    void eachKindOfImageIsPricedAtTheRateTimedOnItsOwnImages() {
        // On real files a PNG costs a quarter of what the generated-image weights say, relative to a JPEG.
        CostCalibration.Timer timer = job -> job.header().format() == ImageFormat.JPEG
                ? PIXELS.applyAsLong(job) * 8 : PIXELS.applyAsLong(job) * 2;
        List<ImageJob> folder = folder();

        CostCalibration calibration = new CostCalibration(CostCalibration.measure(folder, PIXELS, timer), 2);
        List<ImageJob> pngs = folder.stream().filter(j -> j.header().format() == ImageFormat.PNG).toList();
        List<ImageJob> jpegs = folder.stream().filter(j -> j.header().format() == ImageFormat.JPEG).toList();

        assertThat(calibration.nanosPerWork()).containsOnlyKeys("JPEG", "PNG", "WEBP");
        assertThat(calibration.sequentialSeconds(pngs, PIXELS))
                .isCloseTo(pngs.stream().mapToLong(PIXELS).sum() * 2 / 1e9, within(1e-9));
        assertThat(calibration.sequentialSeconds(jpegs, PIXELS))
                .isCloseTo(jpegs.stream().mapToLong(PIXELS).sum() * 8 / 1e9, within(1e-9));
    }

    @Test
    void theFirstColdRunOfEachKindDoesNotCountAndAFailedKindTakesTheOthersRate() {
        java.util.Set<String> warm = new java.util.HashSet<>();
        CostCalibration.Timer timer = job -> {
            String kind = CostCalibration.kind(job);
            if (kind.equals("WEBP")) {
                return -1; // no decoder here
            }
            long took = PIXELS.applyAsLong(job) * (kind.equals("JPEG") ? 4 : 2);
            return warm.add(kind) ? took * 100 : took; // the first run loads classes and compiles
        };

        var rates = CostCalibration.measure(folder(), PIXELS, timer);
        CostCalibration calibration = new CostCalibration(rates, 1);
        ImageJob webp = folder().get(70);

        assertThat(rates).containsOnly(java.util.Map.entry("JPEG", 4.0), java.util.Map.entry("PNG", 2.0));
        assertThat(calibration.sequentialSeconds(List.of(webp), PIXELS))
                .isCloseTo(PIXELS.applyAsLong(webp) * 3 / 1e9, within(1e-9));
    }

    @Test
    void theTimedImagesAreAFewOfEachKindNeverTheLargest() {
        var probes = CostCalibration.probes(folder(), PIXELS);

        assertThat(probes).containsOnlyKeys("JPEG", "PNG", "WEBP");
        assertThat(probes.get("JPEG")).extracting(j -> j.source().getFileName().toString())
                .containsExactly("j19.jpg", "j29.jpg");
        assertThat(probes.get("WEBP")).extracting(j -> j.source().getFileName().toString())
                .containsExactly("w0.webp", "w1.webp");
        assertThat(CostCalibration.probes(List.of(job("one.png", ImageFormat.PNG, 10, 10)), PIXELS).get("PNG"))
                .hasSize(1);
    }
}
