package org.parathumb.core.image.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.JpegVariants;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.pillow.BoxReduce;
import org.parathumb.core.image.pixels.LayoutConversion;
import org.parathumb.core.samples.SampleGenerator;
import org.parathumb.core.samples.SampleKind;

class ScaledJpegDecoderTest {

    @TempDir
    Path dir;

    private final ScaledJpegDecoder decoder = new ScaledJpegDecoder();

    private BufferedImage decode(Path file, int scale) throws Exception {
        return decoder.decode(decoder.open(file), scale);
    }

    private static BufferedImage photo(SampleKind kind, int width, int height, long seed) {
        return new SampleGenerator().render(kind, width, height, seed);
    }

    /** ImageIO's full decode of {@code file}, averaged over {@code scale x scale} blocks. */
    private static Samples boxAveragedFullDecode(Path file, int scale) throws IOException {
        BufferedImage full = LayoutConversion.toLayout(ImageIO.read(file.toFile()));
        return Samples.of(new BoxReduce(scale, scale).apply(full));
    }

    /*
     * Exact in theory (a block's DC coefficient is the mean of its samples), off only by rounding:
     * the full decode rounds (and clamps) each sample, and for colour, rounds Y, Cb and Cr before
     * converting, which the conversion magnifies (Cr by 1.4 into red, Cb by 1.77 into blue).
     * Measured on these images: gray at most 1 level apart and 0.05 on average, colour (4:4:4) at
     * most 2 and 0.41 on average. The limits are those measurements, rounded up.
     */
    @ParameterizedTest(name = "{0}: at most {1} levels apart, {2} on average")
    @CsvSource({"GRAY, 1, 0.1", "LANDSCAPE, 2, 0.5"})
    void aDcOnlyDecodeIsEachBlocksMeanInTheFullDecode(SampleKind kind, int worstAllowed, double meanAllowed)
            throws Exception {
        Path file = JpegVariants.BASELINE_420.withSampling(1, 1)
                .write(photo(kind, 640, 480, 5), dir.resolve("photo.jpg"));

        Samples scaled = Samples.of(decode(file, 8));
        Samples reference = boxAveragedFullDecode(file, 8);

        assertThat(scaled.sameShape(reference)).as(scaled.describe(reference)).isTrue();
        int worst = 0;
        long total = 0;
        for (int i = 0; i < scaled.values().length; i++) {
            int difference = Math.abs(scaled.values()[i] - reference.values()[i]);
            worst = Math.max(worst, difference);
            total += difference;
        }
        assertThat(worst).as("largest difference, in levels").isLessThanOrEqualTo(worstAllowed);
        assertThat((double) total / scaled.values().length).as("mean difference, in levels")
                .isLessThanOrEqualTo(meanAllowed);
    }

    /*
     * The 2x2 and 4x4 inverse DCTs use only the low frequencies, and chroma is reconstructed at
     * its own resolution rather than upsampled as libjpeg does: close, not exact. Measured 43.3
     * to 61 dB; the floor is 40.
     */
    @ParameterizedTest(name = "{0} with {1}x{2} luma sampling at 1/{3}: {4} dB")
    @CsvSource({
        "LANDSCAPE, 2, 2, 8, 40", "LANDSCAPE, 2, 2, 4, 40", "LANDSCAPE, 2, 2, 2, 40",
        "PORTRAIT, 2, 1, 8, 40", "PORTRAIT, 2, 1, 4, 40", "PORTRAIT, 2, 1, 2, 40",
        "WIDE, 1, 1, 8, 40", "WIDE, 1, 1, 4, 40", "WIDE, 1, 1, 2, 40",
        "GRAY, 1, 1, 8, 40", "GRAY, 1, 1, 4, 40", "GRAY, 1, 1, 2, 40"})
    void everyScaleStaysCloseToTheBoxAveragedFullDecode(SampleKind kind, int h, int v, int scale, double floor)
            throws Exception {
        Path file = JpegVariants.BASELINE_420.withSampling(h, v)
                .write(photo(kind, 480, 352, 9), dir.resolve("photo.jpg"));

        Samples scaled = Samples.of(decode(file, scale));
        Samples reference = boxAveragedFullDecode(file, scale);

        assertThat(scaled.psnr(reference)).as(scaled.describe(reference)).isGreaterThanOrEqualTo(floor);
    }

    /*
     * With coarse chroma at 1/8, 4:2:0 chroma keeps its own 1/16 resolution (one DC for two
     * output samples): 31 dB against the full-resolution chroma of the reference (floor 30),
     * while luma, which is not subsampled, is still each block's mean (61.5 dB, floor 50).
     */
    @Test
    void coarseChromaAt1To8KeepsTheLumaExactAndTheChromaAtItsOwnResolution() throws Exception {
        BufferedImage photo = photo(SampleKind.LANDSCAPE, 640, 480, 5);
        Path file = JpegVariants.BASELINE_420.write(photo, dir.resolve("photo.jpg"));

        BufferedImage scaled = decoder.decode(decoder.open(file), 8, true);
        BufferedImage full = LayoutConversion.toLayout(ImageIO.read(file.toFile()));
        Samples scaledLuma = Samples.of(luma(scaled));
        Samples referenceLuma = Samples.of(new BoxReduce(8, 8).apply(luma(full)));
        Samples reference = Samples.of(new BoxReduce(8, 8).apply(full));

        assertThat(scaledLuma.psnr(referenceLuma)).as(scaledLuma.describe(referenceLuma)).isGreaterThanOrEqualTo(50.0);
        assertThat(Samples.of(scaled).psnr(reference)).isGreaterThanOrEqualTo(30.0);
    }

    /** The JPEG luma (BT.601) of an RGB image, as a gray image. */
    private static BufferedImage luma(BufferedImage rgb) {
        byte[] samples = PixelLayout.samples(rgb);
        BufferedImage gray = PixelLayout.GRAY.create(rgb.getWidth(), rgb.getHeight());
        byte[] out = PixelLayout.samples(gray);
        for (int i = 0; i < out.length; i++) {
            double y = 0.299 * (samples[3 * i] & 0xFF) + 0.587 * (samples[3 * i + 1] & 0xFF)
                    + 0.114 * (samples[3 * i + 2] & 0xFF);
            out[i] = (byte) Math.round(y);
        }
        return gray;
    }

    @ParameterizedTest(name = "1/{0}")
    @CsvSource({"8, 26, 15", "4, 51, 30", "2, 102, 59"})
    void theSizeIsTheSourceSizeDividedAndRoundedUp(int scale, int width, int height) throws Exception {
        Path file = JpegVariants.BASELINE_420.write(photo(SampleKind.LANDSCAPE, 203, 117, 1), dir.resolve("odd.jpg"));

        BufferedImage image = decode(file, scale);

        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(PixelLayout.of(image)).contains(PixelLayout.RGB);
    }

    @ParameterizedTest(name = "{0} with restarts every {1} MCUs")
    @CsvSource({"LANDSCAPE, 1", "LANDSCAPE, 7", "GRAY, 3", "WIDE, 64"})
    void restartMarkersChangeNoPixel(SampleKind kind, int interval) throws Exception {
        BufferedImage image = photo(kind, 333, 219, 4);
        Path plain = JpegVariants.BASELINE_420.write(image, dir.resolve("plain.jpg"));
        Path restarts = JpegVariants.BASELINE_420.withRestartInterval(interval).write(image, dir.resolve("rst.jpg"));
        assertThat(Files.size(restarts)).as("the writer put restart markers in").isGreaterThan(Files.size(plain));

        for (int scale : new int[] {8, 4, 2}) {
            Samples expected = Samples.of(decode(plain, scale));
            Samples actual = Samples.of(decode(restarts, scale));
            assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
        }
    }

    @Test
    void grayDecodesToOneChannel() throws Exception {
        Path file = JpegVariants.BASELINE_420.write(photo(SampleKind.GRAY, 160, 160, 2), dir.resolve("gray.jpg"));

        assertThat(PixelLayout.of(decode(file, 4))).contains(PixelLayout.GRAY);
    }

    @Test
    void aProgressiveJpegIsLeftToImageIo() throws Exception {
        Path file = JpegVariants.BASELINE_420.progressively()
                .write(photo(SampleKind.LANDSCAPE, 200, 150, 3), dir.resolve("progressive.jpg"));

        assertThatThrownBy(() -> decoder.open(file)).isInstanceOf(UnsupportedJpegException.class)
                .hasMessageContaining("frame type 0xC2");
    }

    @Test
    void aPngIsLeftToImageIo() {
        assertThatThrownBy(() -> decoder.open(Samples.resourcePath("input/small.png")))
                .isInstanceOf(UnsupportedJpegException.class).hasMessage("not a JPEG");
    }

    @Test
    void anExifOrientationLeavesThePixelsAsStoredAsImageDecoderDoes() throws Exception {
        byte[] jpeg = JpegVariants.BASELINE_420.encode(photo(SampleKind.LANDSCAPE, 200, 150, 3));
        Path plain = Files.write(dir.resolve("plain.jpg"), jpeg);
        Path rotated = Files.write(dir.resolve("rotated.jpg"),
                JpegVariants.withSegment(jpeg, 0xE1, JpegVariants.exifOrientation(6)));

        Samples expected = Samples.of(decode(plain, 8));
        Samples actual = Samples.of(decode(rotated, 8));

        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
        assertThat(actual.width()).isEqualTo(25);
    }

    @Test
    void anSrgbProfileIsIgnoredAsTheNativeRouteIgnoresIt() throws Exception {
        byte[] jpeg = JpegVariants.BASELINE_420.encode(photo(SampleKind.LANDSCAPE, 200, 150, 3));
        Path plain = Files.write(dir.resolve("plain.jpg"), jpeg);
        Path tagged = Files.write(dir.resolve("srgb.jpg"), JpegVariants.withSegment(jpeg, 0xE2, JpegVariants.iccSrgb()));

        Samples expected = Samples.of(decode(plain, 8));
        Samples actual = Samples.of(decode(tagged, 8));

        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }

    @Test
    void aProfileThatChangesColoursIsLeftToImageIo() throws Exception {
        byte[] jpeg = JpegVariants.BASELINE_420.encode(photo(SampleKind.LANDSCAPE, 200, 150, 3));
        Path file = Files.write(dir.resolve("linear.jpg"),
                JpegVariants.withSegment(jpeg, 0xE2, JpegVariants.icc(ColorSpace.CS_LINEAR_RGB)));

        assertThatThrownBy(() -> decoder.open(file)).isInstanceOf(UnsupportedJpegException.class)
                .hasMessage("ICC profile");
    }

    @Test
    void truncatedImageDataIsLeftToImageIo() throws Exception {
        byte[] jpeg = JpegVariants.BASELINE_420.encode(photo(SampleKind.LANDSCAPE, 400, 300, 3));
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));

        assertThatThrownBy(() -> decode(cut, 8)).isInstanceOf(UnsupportedJpegException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void anInterruptedThreadStopsTheDecodeWithCancelledException() throws Exception {
        Path file = JpegVariants.BASELINE_420.write(photo(SampleKind.LANDSCAPE, 400, 300, 3), dir.resolve("a.jpg"));
        ScaledJpegDecoder.Frame frame = decoder.open(file);

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> decoder.decode(frame, 8)).isInstanceOf(CancelledException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
