package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.JpegVariants;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;
import org.parathumb.core.image.nativecodec.NativeWebp;
import org.parathumb.core.image.pipeline.FastPipeline;

/**
 * Seeded random damage to valid JPEGs (baseline, progressive, YCCK), PNGs (RGBA, palette), TIFF,
 * BMP, GIF and WebP files (400 in all), through a real job each: every one must end as a
 * thumbnail or as one of the known reasons, within seconds, and a failure must leave no file.
 */
class FuzzTest {

    private static final long SEED = 20_261_126L;
    private static final int MUTATIONS_PER_FILE = 40;
    private static final Pattern KNOWN_REASON = Pattern.compile(
            "(empty file|not an image|truncated|corrupt image data|too large|unsupported format) \\(.+\\)");

    @TempDir
    Path dir;

    @Test
    void mutatedFilesOfEveryFormatNeverCrashHangOrFailWithoutAKnownReason() throws Exception {
        List<byte[]> seeds = List.of(
                TestFiles.jpeg(TestFiles.picture(96, 64)),
                TestFiles.progressiveJpeg(TestFiles.picture(96, 64)),
                TestFiles.encode(TestFiles.rgba(96, 64), "png"),
                TestFiles.encode(TestFiles.palette(96, 64, true), "png"),
                TestFiles.cmykJpeg(96, 64, 2),
                TestFiles.encode(TestFiles.picture(96, 64), "tiff"),
                TestFiles.encode(TestFiles.picture(96, 64), "bmp"),
                TestFiles.encode(TestFiles.picture(96, 64), "gif"),
                TestFiles.webp(TestFiles.LOSSY_WEBP),
                TestFiles.webp(TestFiles.LOSSLESS_WEBP));
        String[] names = {"f.jpg", "p.jpg", "a.png", "i.png", "y.jpg", "t.tif", "b.bmp", "g.gif", "l.webp", "x.webp"};
        // A small pixel limit: a mutated header may claim any size, and must be refused cheaply.
        ImageProcessor processor = new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT,
                ProcessingOptions.DEFAULT.withPixelLimit(4_000_000), new MemoryBudget(256L << 20));
        Path out = Files.createDirectories(dir.resolve("thumbs"));
        Random random = new Random(SEED);
        List<String> unexplained = new ArrayList<>();
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        int done = 0;
        int failed = 0;
        ExecutorService worker = TestFiles.fuzzWorker();
        try {
            for (int s = 0; s < seeds.size(); s++) {
                for (int m = 0; m < MUTATIONS_PER_FILE; m++) {
                    byte[] mutated = TestFiles.mutate(seeds.get(s), random);
                    Path source = TestFiles.write(dir.resolve("in").resolve(m + "-" + names[s]), mutated);
                    Path target = out.resolve(m + "-" + names[s]);
                    Optional<ImageResult> finished = TestFiles.within(worker,
                            () -> processor.process(new ImageJob(source, target)), 20);
                    if (finished.isEmpty()) {
                        unexplained.add(source.getFileName() + ": hung");
                        continue;
                    }
                    ImageResult result = finished.get();
                    if (result.isDone()) {
                        done++;
                        assertThat(target).isRegularFile();
                    } else {
                        failed++;
                        String reason = result.failureReason().orElse("(cancelled)");
                        kinds.merge(reason.replaceAll(" \\(.*", ""), 1, Integer::sum);
                        if (!KNOWN_REASON.matcher(reason).matches()) {
                            unexplained.add(source.getFileName() + ": " + reason);
                        }
                        assertThat(target).doesNotExist();
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertThat(unexplained).as("done %d, reasons %s", done, kinds).isEmpty();
        assertThat(done + failed).isEqualTo(seeds.size() * MUTATIONS_PER_FILE);
        assertThat(failed).as("the damage is real").isGreaterThan(MUTATIONS_PER_FILE);
        assertThat(kinds).as("reasons seen").containsKeys("truncated", "corrupt image data", "not an image");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("."))).isEmpty();
        }
    }

    @Test
    void damagedJpegsBigEnoughForTheFastPipelinesScaledRouteNeverEndAsAnInternalError() throws Exception {
        List<byte[]> seeds = List.of(
                new JpegVariants(0.9f, 2, 2, 0, false).encode(TestFiles.picture(400, 300)),
                new JpegVariants(0.9f, 2, 2, 5, false).encode(TestFiles.picture(300, 400)),
                new JpegVariants(0.8f, 1, 1, 0, false).encode(TestFiles.picture(400, 300)),
                TestFiles.jpeg(TestFiles.gray(420, 280)));
        assertThat(fastPipelineOutcomes(seeds, "jpg", 4_000_000, false).unexplained()).isEmpty();
    }

    /**
     * The fast pipeline decodes a big opaque WebP scaled by libwebp, and leaves whatever that
     * decode rejects to the faithful pipeline: so a damaged one ends as the faithful pipeline's
     * failure, with its reason, or as a thumbnail, never as an internal error.
     */
    @Test
    void damagedWebpsBigEnoughForTheFastPipelinesScaledRouteFailAsTheFaithfulOneDoes() throws Exception {
        FormatSamples.requireLibrary(NativeWebp.availability().readable(), NativeWebp.availability().description());
        List<byte[]> seeds = List.of(FormatSamples.bytes("large-lossy.webp"), FormatSamples.bytes("large-lossless.webp"));

        Outcomes outcomes = fastPipelineOutcomes(seeds, "webp", 20_000_000, true);

        assertThat(outcomes.failed()).as("the damage is real").isGreaterThan(MUTATIONS_PER_FILE / 2);
        assertThat(outcomes.unexplained()).isEmpty();
    }

    /**
     * The fast pipeline decodes a big opaque PNG itself, to reduce it before the blur, and leaves
     * whatever its decoders decline to the faithful pipeline: a damaged one ends as the faithful
     * pipeline's failure, with its reason, or as a thumbnail, never as an internal error.
     */
    @Test
    void damagedPngsBigEnoughForTheFastPipelinesReducedRouteFailAsTheFaithfulOneDoes() throws Exception {
        List<byte[]> seeds = List.of(
                TestFiles.encode(TestFiles.picture(400, 300), "png"),
                TestFiles.encode(TestFiles.gray(300, 400), "png"),
                TestFiles.encode(TestFiles.palette(400, 300, false), "png"));

        Outcomes outcomes = fastPipelineOutcomes(seeds, "png", 4_000_000, true);

        assertThat(outcomes.failed()).as("the damage is real").isGreaterThan(MUTATIONS_PER_FILE / 2);
        assertThat(outcomes.unexplained()).isEmpty();
    }

    /** How many mutations failed, and what went wrong. */
    private record Outcomes(int failed, List<String> unexplained) {
    }

    /**
     * Mutations of each seed, each processed by the fast pipeline, with at most {@code pixelLimit}
     * pixels; what went wrong: an internal error, a failure without a known reason, or (with
     * {@code asFaithful}) a failure the faithful pipeline does not give as well.
     */
    private Outcomes fastPipelineOutcomes(List<byte[]> seeds, String extension, long pixelLimit, boolean asFaithful)
            throws Exception {
        ProcessingOptions options = ProcessingOptions.DEFAULT.withPixelLimit(pixelLimit);
        ImageProcessor fast = new ImageProcessor(new FastPipeline(), ThumbnailSpec.DEFAULT, options,
                new MemoryBudget(256L << 20));
        ImageProcessor faithful = new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT, options,
                new MemoryBudget(256L << 20));
        Path out = Files.createDirectories(dir.resolve("thumbs"));
        Random random = new Random(SEED);
        List<String> unexplained = new ArrayList<>();
        int failed = 0;
        ExecutorService worker = TestFiles.fuzzWorker();
        try {
            for (int s = 0; s < seeds.size(); s++) {
                for (int m = 0; m < MUTATIONS_PER_FILE; m++) {
                    String name = s + "-" + m + "." + extension;
                    Path source = TestFiles.write(dir.resolve("in").resolve(name), TestFiles.mutate(seeds.get(s), random));
                    ImageJob job = new ImageJob(source, out.resolve(name));
                    ImageResult result = worker.submit(() -> fast.process(job)).get(20, TimeUnit.SECONDS);
                    String reason = result.failureReason().orElse("");
                    failed += result.isFailed() ? 1 : 0;
                    if (result.isInternalError() || result.isFailed() && !KNOWN_REASON.matcher(reason).matches()) {
                        unexplained.add(name + ": " + reason);
                    } else if (asFaithful && result.isFailed()) {
                        ImageJob again = new ImageJob(source, out.resolve("faithful-" + name));
                        String faithfulReason = worker.submit(() -> faithful.process(again)).get(20, TimeUnit.SECONDS)
                                .failureReason().orElse("(a thumbnail)");
                        if (!faithfulReason.equals(reason)) {
                            unexplained.add(name + ": fast " + reason + ", faithful " + faithfulReason);
                        }
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Outcomes(failed, unexplained);
    }
}
