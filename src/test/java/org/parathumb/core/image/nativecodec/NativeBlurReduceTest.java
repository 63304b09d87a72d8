package org.parathumb.core.image.nativecodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pillow.BoxReduce;
import org.parathumb.core.image.pillow.ExtendedBox;
import org.parathumb.core.image.pillow.PillowGaussianBlur;
import org.parathumb.core.image.pillow.PremultiplyAlpha;
import org.parathumb.core.image.pipeline.FaithfulPipeline;
import org.parathumb.core.image.pixels.Scratch;

/**
 * The native blur+reduce kernel against the reference loops, in every kernel this CPU runs, and
 * its 16-bit formula against Pillow's fixed point.
 */
class NativeBlurReduceTest {

    @Test
    void theSixteenBitFormulaIsPillowsFixedPointForEveryPairOfSums() {
        ExtendedBox box = NativeBlurReduce.BOX;
        assertThat(box).isEqualTo(ExtendedBox.forGaussianRadius(2));
        for (int s3 = 0; s3 <= 3 * 255; s3++) {
            for (int s2 = 0; s2 <= 2 * 255; s2++) {
                int pillow = (box.innerWeight() * s3 + box.edgeWeight() * s2 + ExtendedBox.HALF) >>> 24;
                int x = 8 * s3 + 3 * s2 + 15 - (3 * s2 < 2 * s3 ? 1 : 0);
                int sixteenBit = ((x >> 1) * 4370) >>> 16;
                assertThat(x).isLessThan(1 << 16);
                if (sixteenBit != pillow) {
                    throw new AssertionError("s3 " + s3 + ", s2 " + s2 + ": " + sixteenBit + " instead of " + pillow);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}, {2} channels, reduce {3}x{4}")
    @CsvSource({
        "1, 1, 3, 1, 1", "1, 9, 1, 1, 2", "9, 1, 3, 3, 1", "4, 4, 1, 2, 2", "5, 5, 3, 1, 1",
        "6, 7, 1, 1, 1", "15, 4, 3, 2, 2", "16, 16, 3, 4, 4", "17, 3, 1, 5, 1", "33, 21, 3, 1, 1",
        "64, 2, 3, 3, 2", "97, 61, 1, 7, 5", "257, 13, 3, 40, 3", "300, 133, 1, 42, 42",
        "401, 299, 3, 7, 5", "1000, 300, 3, 42, 42", "1203, 130, 1, 9, 17", "17, 9, 3, 20, 20",
        "64, 256, 3, 1, 1", "101, 257, 1, 2, 3", "300, 600, 3, 6, 6", "513, 1001, 3, 42, 42", "40, 700, 1, 1, 50",
        "7, 271, 3, 7, 13"})
    void everyKernelEqualsTheRunningSumBlurThenBoxReduceOnOneThreadOrTwo(int width, int height, int channels,
            int factorX, int factorY) {
        List<Integer> kernels = NativeBlurReduce.kernels();
        NativeRequired.require(!kernels.isEmpty(), NativeLibrary::status);
        // From 256 rows on, two threads split the image (the lower half on a helper thread).
        assertThat(NativeBlurReduce.splitRow(height, factorY) > 0).isEqualTo(height >= NativeBlurReduce.SPLIT_FROM_ROWS);
        PixelLayout layout = channels == 1 ? PixelLayout.GRAY : PixelLayout.RGB;
        for (long seed = 0; seed < 3; seed++) {
            BufferedImage image = image(layout, width, height, seed);
            byte[] expected = reference(image, factorX, factorY);
            for (int kernel : kernels) {
                for (int threads = 1; threads <= 2; threads++) {
                    byte[] reduced = NativeBlurReduce.blurAndReduce(PixelLayout.samples(image), width, height,
                            channels, factorX, factorY, new Scratch(), kernel, threads);

                    assertThat(reduced).as("kernel %s, seed %d, %d threads", NativeBlurReduce.kernelName(kernel),
                            seed, threads).isEqualTo(expected);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}, {2} channels, premultiplied {3}")
    @CsvSource({
        "1, 1, 4, true", "3, 9, 4, true", "9, 2, 4, false", "5, 5, 4, true", "33, 21, 4, true", "64, 2, 4, true",
        "257, 13, 4, true", "401, 299, 4, true", "17, 9, 2, false", "130, 70, 2, false", "97, 61, 1, false",
        "401, 29, 3, false"})
    void everyKernelBlursInPlaceAsTheJavaBlurThenPremultipliesAsPillow(int width, int height, int channels,
            boolean premultiply) {
        List<Integer> kernels = NativeBlurReduce.kernels();
        NativeRequired.require(!kernels.isEmpty(), NativeLibrary::status);
        for (long seed = 0; seed < 3; seed++) {
            byte[] samples = noise(width * height * channels, seed);
            byte[] expected = javaBlur(samples, width, height, channels);
            if (premultiply) {
                BufferedImage rgba = PixelLayout.RGBA.wrap(expected, width, height);
                expected = PixelLayout.samples(new PremultiplyAlpha().apply(rgba));
            }
            for (int kernel : kernels) {
                byte[] blurred = samples.clone();
                NativeBlurReduce.blurInPlace(blurred, width, height, channels, premultiply, new Scratch(), kernel, 1);

                assertThat(blurred).as("kernel %s, seed %d", NativeBlurReduce.kernelName(kernel), seed)
                        .isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}, {2} channels, premultiplied {3}")
    @CsvSource({"64, 256, 4, true", "129, 700, 4, false", "300, 257, 2, false", "77, 999, 1, false",
        "50, 400, 3, false", "333, 301, 4, true"})
    void aBlurInPlaceSplitBetweenTwoThreadsGivesTheSameBytesAsOne(int width, int height, int channels,
            boolean premultiply) {
        List<Integer> kernels = NativeBlurReduce.kernels();
        NativeRequired.require(!kernels.isEmpty(), NativeLibrary::status);
        assertThat(NativeBlurReduce.splitRow(height, 1)).as("the image splits").isPositive();
        for (long seed = 0; seed < 3; seed++) {
            byte[] samples = noise(width * height * channels, seed);
            for (int kernel : kernels) {
                byte[] one = samples.clone();
                NativeBlurReduce.blurInPlace(one, width, height, channels, premultiply, new Scratch(), kernel, 1);
                byte[] two = samples.clone();
                NativeBlurReduce.blurInPlace(two, width, height, channels, premultiply, new Scratch(), kernel, 2);

                assertThat(two).as("kernel %s, seed %d", NativeBlurReduce.kernelName(kernel), seed).isEqualTo(one);
            }
        }
    }

    @Test
    void aCancelStopsBothHalvesOfASplitBlurAndLeavesNoThreadBehind() throws Exception {
        NativeRequired.require(NativeLibrary.available(), NativeLibrary::status);
        byte[] samples = noise(2000 * 2000 * 4, 1);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> NativeBlurReduce.blurInPlace(samples, 2000, 2000, 4, true, new Scratch(), 2))
                    .isInstanceOf(CancelledException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().endsWith("(lower half)"));
    }

    private static byte[] noise(int length, long seed) {
        Random random = new Random(seed * 31 + length);
        byte[] samples = new byte[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (byte) switch ((int) (seed % 3)) {
                case 0 -> random.nextInt(256);
                case 1 -> random.nextBoolean() ? 0 : 255;
                default -> 127 + random.nextInt(3);
            };
        }
        return samples;
    }

    /** Pillow's blur by its running-sum loops, on any number of channels. */
    private static byte[] javaBlur(byte[] samples, int width, int height, int channels) {
        byte[] out = new byte[samples.length];
        new PillowGaussianBlur(2).blurByRunningSums(samples, out, width, height, channels, new Scratch());
        return out;
    }

    @Test
    void aThreadsBuffersCarryNothingFromOneImageToTheNext() {
        NativeRequired.require(NativeLibrary.available(), NativeLibrary::status);
        Scratch scratch = new Scratch();
        BufferedImage big = image(PixelLayout.RGB, 300, 200, 1);
        BufferedImage small = image(PixelLayout.RGB, 120, 90, 2);

        NativeBlurReduce.blurAndReduce(PixelLayout.samples(big), 300, 200, 3, 6, 6, scratch);
        byte[] reused = NativeBlurReduce.blurAndReduce(PixelLayout.samples(small), 120, 90, 3, 5, 5, scratch);

        assertThat(reused).isEqualTo(reference(small, 5, 5));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"landscape.jpg", "portrait.jpg", "gray.jpg", "edges.png", "small.png", "alpha.png"})
    void theNativeAndTheJavaPipelineWriteTheSameBytes(String input) throws IOException {
        NativeRequired.require(NativeLibrary.available(), NativeLibrary::status);
        Path source = Samples.resourcePath("input/" + input);

        assertThat(written(new FaithfulPipeline(true), source)).isEqualTo(written(new FaithfulPipeline(false), source));
    }

    @ParameterizedTest(name = "{0}x{1}, {2} channels, reduce {3}x{4}")
    @CsvSource({
        "1, 1, 1, 1, 1", "9, 1, 3, 3, 1", "1, 9, 4, 1, 2", "5, 5, 3, 2, 2", "17, 3, 1, 5, 1", "97, 61, 4, 7, 5",
        "257, 130, 3, 40, 3", "401, 299, 4, 7, 5", "1000, 300, 3, 42, 42", "40, 700, 1, 1, 50", "7, 271, 4, 7, 13"})
    void theReduceAloneGivesPillowsReduce(int width, int height, int channels, int factorX, int factorY) {
        NativeRequired.require(NativeLibrary.available(), NativeLibrary::status);
        PixelLayout layout = switch (channels) {
            case 1 -> PixelLayout.GRAY;
            case 3 -> PixelLayout.RGB;
            default -> PixelLayout.RGBA;
        };
        for (long seed = 0; seed < 3; seed++) {
            BufferedImage image = image(layout, width, height, seed);
            byte[] expected = PixelLayout.samples(new BoxReduce(factorX, factorY).apply(image));
            Scratch scratch = new Scratch();
            scratch.ints(0, width * channels)[0] = 99; // what a thread's last image left behind

            byte[] reduced = NativeBlurReduce.reduce(PixelLayout.samples(image), width, height, channels,
                    factorX, factorY, scratch);

            assertThat(reduced).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void anInterruptedThreadStopsBeforeTheNextBandOfRows() {
        NativeRequired.require(NativeLibrary.available(), NativeLibrary::status);
        BufferedImage image = image(PixelLayout.RGB, 64, 64, 3);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> NativeBlurReduce.blurAndReduce(PixelLayout.samples(image), 64, 64, 3, 2, 2,
                    new Scratch())).isInstanceOf(CancelledException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void samplesShorterThanTheImageAreRefusedBeforeTheKernelRuns() {
        NativeRequired.require(NativeLibrary.available(), NativeLibrary::status);

        assertThatThrownBy(() -> NativeBlurReduce.blurAndReduce(new byte[10], 4, 4, 3, 2, 2, new Scratch()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NativeBlurReduce.reduce(new byte[47], 4, 4, 3, 2, 2, new Scratch()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInterruptedThreadStopsTheReduce() {
        NativeRequired.require(NativeLibrary.available(), NativeLibrary::status);
        byte[] samples = new byte[64 * 64 * 4];
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> NativeBlurReduce.reduce(samples, 64, 64, 4, 2, 2, new Scratch()))
                    .isInstanceOf(CancelledException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void thePipelineNamesWhatBlursInThisJvm() {
        assertThat(FaithfulPipeline.kernel()).isEqualTo(NativeLibrary.status())
                .matches("native (AVX2|AVX-512) kernel( on (libjpeg|libdeflate|libspng)(, (libdeflate|libspng))*)?"
                        + "|Java blur \\(.+\\)");
    }

    /** Noise, saturated noise or near-flat noise, by seed: every sum of samples a pass can meet. */
    private static BufferedImage image(PixelLayout layout, int width, int height, long seed) {
        BufferedImage image = layout.create(width, height);
        byte[] samples = PixelLayout.samples(image);
        Random random = new Random(seed * 7919 + width * 31L + height);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) switch ((int) (seed % 3)) {
                case 0 -> random.nextInt(256);
                case 1 -> random.nextBoolean() ? 0 : 255;
                default -> 127 + random.nextInt(3);
            };
        }
        return image;
    }

    /** Pillow's blur by the running-sum loops, then Reduce.c's box reduce. */
    private static byte[] reference(BufferedImage image, int factorX, int factorY) {
        PillowGaussianBlur blur = new PillowGaussianBlur(2);
        int width = image.getWidth();
        int height = image.getHeight();
        int channels = PixelLayout.of(image).orElseThrow().channels();
        BufferedImage blurred = PixelLayout.of(image).orElseThrow().create(width, height);
        blur.blurByRunningSums(PixelLayout.samples(image), PixelLayout.samples(blurred), width, height, channels,
                new Scratch());
        return PixelLayout.samples(new BoxReduce(factorX, factorY).apply(blurred));
    }

    private static byte[] written(FaithfulPipeline pipeline, Path source) throws IOException {
        Thumbnail thumbnail = pipeline.render(source, ThumbnailSpec.DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pipeline.write(thumbnail, thumbnail.sourceFormat(), out);
        return out.toByteArray();
    }
}
