package org.parathumb.core.image.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.JpegVariants;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.jpeg.ScaledJpegDecoder;
import org.parathumb.core.image.jpeg.UnsupportedJpegException;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.nativecodec.NativeLibrary;
import org.parathumb.core.image.nativecodec.NativePng;
import org.parathumb.core.image.nativecodec.NativeWebp;
import org.parathumb.core.samples.SampleGenerator;
import org.parathumb.core.samples.SampleKind;

/** The fast pipeline: the pipeline contract, and its PSNR floor against the faithful pipeline. */
class FastPipelineTest extends ThumbnailPipelineContract {

    /** The promise: at least this many dB (per channel, alpha included) from the faithful output. */
    static final double FLOOR_DB = 38.0;

    private final FastPipeline fast = new FastPipeline();
    private final FaithfulPipeline faithful = new FaithfulPipeline();

    @Override
    ThumbnailPipeline pipeline() {
        return new FastPipeline();
    }

    @Test
    void itIsCalledFast() {
        assertThat(fast.name()).isEqualTo("fast");
        assertThat(Pipelines.byName("FAST")).isInstanceOf(FastPipeline.class);
    }

    @Test
    void aBigBaselineJpegTakesTheScaledRoute(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("photo.jpg");
        ImageIO.write(new BufferedImage(800, 600, BufferedImage.TYPE_3BYTE_BGR), "jpg", source.toFile());
        List<Integer> scales = new ArrayList<>();
        FastPipeline watched = new FastPipeline((file, spec, jpeg) -> {
            FastPipeline.Reduced reduced = FastPipeline.scaledJpeg(file, spec, jpeg);
            scales.add(reduced == null ? 1 : reduced.scale());
            return reduced;
        });

        Thumbnail thumbnail = watched.render(source, ThumbnailSpec.DEFAULT);

        assertThat(scales).singleElement().satisfies(scale -> assertThat(scale).isGreaterThan(1));
        assertThat(thumbnail.image().getWidth()).isEqualTo(50);
    }

    @Test
    void aBugOnTheScaledRouteSurfacesInsteadOfFallingBackSilently(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("photo.jpg");
        ImageIO.write(new BufferedImage(800, 600, BufferedImage.TYPE_3BYTE_BGR), "jpg", source.toFile());
        IllegalStateException bug = new IllegalStateException("a bug of ours");
        FastPipeline broken = new FastPipeline((file, spec, jpeg) -> {
            throw bug;
        });

        assertThatThrownBy(() -> broken.render(source, ThumbnailSpec.DEFAULT)).isSameAs(bug);
    }

    @Test
    void aJpegTheScaledRouteDeclinesGoesTheFullWay(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("photo.jpg");
        ImageIO.write(new BufferedImage(800, 600, BufferedImage.TYPE_3BYTE_BGR), "jpg", source.toFile());
        FastPipeline declining = new FastPipeline((file, spec, jpeg) -> null);

        assertThat(declining.render(source, ThumbnailSpec.DEFAULT).image().getWidth()).isEqualTo(50);
    }

    private double psnrAgainstFaithful(Path source, ThumbnailSpec spec) throws IOException {
        Samples expected = Samples.of(faithful.render(source, spec).image());
        Samples actual = Samples.of(fast.render(source, spec).image());
        assertThat(actual.sameShape(expected)).as(actual.describe(expected)).isTrue();
        return actual.psnr(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"landscape.jpg", "portrait.jpg", "gray.jpg", "edges.png", "small.png", "alpha.png"})
    void theFidelitySetStaysAboveTheFloor(String input) throws IOException {
        Path source = Samples.resourcePath("input/" + input);

        assertThat(psnrAgainstFaithful(source, ThumbnailSpec.DEFAULT)).isGreaterThanOrEqualTo(FLOOR_DB);
    }

    /**
     * Every kind the sample generator makes at sizes that reduce by 8, 4, 2 and 1, in turn as each
     * JPEG variant; and every variant of a landscape photo at 1/8 and at 1/4.
     */
    static Stream<Arguments> generatedCorpus() {
        List<Arguments> cases = new ArrayList<>();
        int[][] sizes = {{960, 720}, {480, 360}, {232, 174}, {150, 112}};
        String[] variants = {"4:2:0", "4:2:2", "4:4:4", "restarts", "progressive", "4:1:1"};
        int seed = 0;
        for (SampleKind kind : SampleKind.values()) {
            for (int[] size : sizes) {
                int width = kind.ordinal() % 2 == 1 ? size[1] : size[0];
                int height = kind.ordinal() % 2 == 1 ? size[0] : size[1];
                String variant = kind.format() == ImageFormat.PNG ? "png"
                        : kind == SampleKind.GRAY ? (seed % 2 == 0 ? "4:2:0" : "restarts")
                        : variants[seed % variants.length];
                cases.add(Arguments.of(kind, width, height, variant, seed++));
            }
        }
        for (String variant : variants) {
            cases.add(Arguments.of(SampleKind.LANDSCAPE, 960, 720, variant, seed++));
            cases.add(Arguments.of(SampleKind.LANDSCAPE, 480, 360, variant, seed++));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}x{2} {3}")
    @MethodSource("generatedCorpus")
    void aGeneratedCorpusStaysAboveTheFloor(SampleKind kind, int width, int height, String variant, int seed)
            throws IOException {
        BufferedImage image = new SampleGenerator().render(kind, width, height, seed);
        Path source = dir.resolve("sample." + (kind.format() == ImageFormat.PNG ? "png" : "jpg"));
        switch (variant) {
            case "png" -> ImageIO.write(image, "png", source.toFile());
            case "4:2:0" -> JpegVariants.BASELINE_420.write(image, source);
            case "4:2:2" -> JpegVariants.BASELINE_420.withSampling(2, 1).write(image, source);
            case "4:4:4" -> JpegVariants.BASELINE_420.withSampling(1, 1).write(image, source);
            case "4:1:1" -> JpegVariants.BASELINE_420.withSampling(4, 1).write(image, source);
            case "restarts" -> JpegVariants.BASELINE_420.withRestartInterval(5).write(image, source);
            case "progressive" -> JpegVariants.BASELINE_420.progressively().write(image, source);
            default -> throw new IllegalArgumentException(variant);
        }

        assertThat(psnrAgainstFaithful(source, ThumbnailSpec.DEFAULT)).isGreaterThanOrEqualTo(FLOOR_DB);
    }

    @ParameterizedTest(name = "{0}x{1}, blur {2}")
    @CsvSource({"120, 120, 2", "300, 300, 2", "50, 50, 0", "50, 50, 5", "30, 30, 12.5"})
    void otherSizesAndRadiiStayAboveTheFloor(int width, int height, double blur) throws IOException {
        Path source = FaithfulPipelineTest.writeNoiseJpeg(dir.resolve("photo.jpg"), 1600, 1200, 5);
        ThumbnailSpec spec = ThumbnailSpec.DEFAULT.withSize(width, height).withBlurRadius(blur);

        assertThat(psnrAgainstFaithful(source, spec)).isGreaterThanOrEqualTo(FLOOR_DB);
    }

    @ParameterizedTest(name = "{0} PNG into {1}x{2}, blur {3}")
    @CsvSource({"rgb, 120, 120, 2", "rgb, 300, 300, 2", "gray, 50, 50, 0", "opaque rgba, 50, 50, 5",
        "rgb, 30, 30, 12.5", "opaque rgba, 30, 30, 12.5"})
    void opaquePngsAtOtherSizesAndRadiiStayAboveTheFloor(String kind, int width, int height, double blur)
            throws IOException {
        Path source = writePng(kind, 1600, 1200, false);
        ThumbnailSpec spec = ThumbnailSpec.DEFAULT.withSize(width, height).withBlurRadius(blur);

        assertThat(psnrAgainstFaithful(source, spec)).isGreaterThanOrEqualTo(FLOOR_DB);
    }

    @Test
    void aProgressiveJpegGoesThroughImageIoAndStillMeetsTheFloor() throws Exception {
        BufferedImage image = new SampleGenerator().render(SampleKind.LANDSCAPE, 960, 720, 11);
        Path source = JpegVariants.BASELINE_420.progressively().write(image, dir.resolve("progressive.jpg"));
        assertThatThrownBy(() -> new ScaledJpegDecoder().open(source)).isInstanceOf(UnsupportedJpegException.class);

        Thumbnail thumbnail = fast.render(source, ThumbnailSpec.DEFAULT);

        assertThat(thumbnail.sourceFormat()).isEqualTo(ImageFormat.JPEG);
        assertThat(thumbnail.sourceWidth()).isEqualTo(960);
        assertThat(psnrAgainstFaithful(source, ThumbnailSpec.DEFAULT)).isGreaterThanOrEqualTo(FLOOR_DB);
    }

    /**
     * A big opaque PNG is reduced before it is blurred (the full-size blur skipped): other pixels
     * than the faithful pipeline's (so not its route), within the floor of them, in the same
     * layout; an RGBA one whose every alpha is 255 keeps alpha 255.
     */
    @ParameterizedTest(name = "{0} {1}x{2}")
    @CsvSource({"rgb, 960, 720", "gray, 960, 720", "opaque rgba, 960, 720", "palette, 960, 720",
        "input/edges.png, 0, 0", "rgb, 250, 190", "opaque rgba, 190, 250", "opaque rgba, 400, 300",
        "gray, 3000, 120"})
    void aBigOpaquePngIsReducedBeforeItIsBlurredAndStaysAboveTheFloor(String kind, int width, int height)
            throws Exception {
        FormatSamples.requireLibrary(NativeLibrary.available() && NativePng.available(), NativeLibrary.status());
        Path source = kind.startsWith("input/") ? Samples.resourcePath(kind) : writePng(kind, width, height, false);

        Thumbnail thumbnail = approximatedAboveTheFloor(source, ImageFormat.PNG, "the reduce first");

        if (PixelLayout.of(thumbnail.image()).orElseThrow().hasAlpha()) {
            byte[] samples = PixelLayout.samples(thumbnail.image());
            for (int i = 3; i < samples.length; i += 4) {
                assertThat(samples[i] & 0xFF).as("alpha of pixel %d", i / 4).isEqualTo(255);
            }
        }
    }

    /**
     * A PNG opaque but for its last row, which is transparent, is Pillow's premultiplied case: the
     * faithful pixels, from the one decode.
     */
    @Test
    void aBigPngWithAnyTransparencyGetsExactlyTheFaithfulPixels() throws Exception {
        Path source = writePng("opaque rgba", 960, 720, true);

        Samples expected = Samples.of(faithful.render(source, ThumbnailSpec.DEFAULT).image());
        Samples actual = Samples.of(fast.render(source, ThumbnailSpec.DEFAULT).image());

        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }

    /** A photo-like PNG of {@code kind}: "rgb", "gray", "opaque rgba" (alpha 255, but 0 in the last row if asked) or "palette". */
    private Path writePng(String kind, int width, int height, boolean lastRowTransparent) throws IOException {
        BufferedImage photo = new SampleGenerator().render(SampleKind.LANDSCAPE, width, height, 12);
        int type = switch (kind) {
            case "rgb" -> BufferedImage.TYPE_3BYTE_BGR;
            case "gray" -> BufferedImage.TYPE_BYTE_GRAY;
            case "opaque rgba" -> BufferedImage.TYPE_INT_ARGB;
            case "palette" -> BufferedImage.TYPE_BYTE_INDEXED;
            default -> throw new IllegalArgumentException(kind);
        };
        BufferedImage image = new BufferedImage(width, height, type);
        image.createGraphics().drawImage(photo, 0, 0, null);
        for (int x = 0; lastRowTransparent && x < width; x++) {
            image.setRGB(x, height - 1, image.getRGB(x, height - 1) & 0x00FFFFFF);
        }
        Path source = dir.resolve(kind.replace(' ', '-') + ".png");
        ImageIO.write(image, "png", source.toFile());
        return source;
    }

    /**
     * A big opaque WebP is decoded by libwebp straight at the reduced size: other pixels than the
     * faithful pipeline's (so not its route), within the floor of them.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"large-lossy.webp", "large-lossless.webp"})
    void aBigOpaqueWebpIsDecodedScaledAndStaysAboveTheFloor(String name) throws Exception {
        FormatSamples.requireLibrary(NativeWebp.availability().readable(), NativeWebp.availability().description());
        Path source = FormatSamples.path(name);

        approximatedAboveTheFloor(source, ImageFormat.WEBP, "libwebp's scaling");
    }

    /**
     * The fast thumbnail of {@code source}, having checked that it came by its own {@code route}
     * (other pixels than the faithful pipeline's), in the faithful one's shape and within the floor of it.
     */
    private Thumbnail approximatedAboveTheFloor(Path source, ImageFormat format, String route) throws IOException {
        Samples expected = Samples.of(faithful.render(source, ThumbnailSpec.DEFAULT).image());
        Thumbnail thumbnail = fast.render(source, ThumbnailSpec.DEFAULT);
        Samples actual = Samples.of(thumbnail.image());

        assertThat(thumbnail.sourceFormat()).isEqualTo(format);
        assertThat(actual.sameShape(expected)).as(actual.describe(expected)).isTrue();
        assertThat(actual.identical(expected)).as("the faithful pipeline's own pixels: its route, not " + route)
                .isFalse();
        assertThat(actual.psnr(expected)).isGreaterThanOrEqualTo(FLOOR_DB);
        return thumbnail;
    }

    /** A WebP with alpha, or an animated one, goes the faithful way: the faithful pixels. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"large-lossless-alpha.webp", "animated.webp", "lossy.webp"})
    void aWebpTheScaledRouteLeavesGetsExactlyTheFaithfulPixels(String name) throws Exception {
        FormatSamples.requireLibrary(NativeWebp.availability().readable(), NativeWebp.availability().description());
        Path source = FormatSamples.path(name);

        Samples expected = Samples.of(faithful.render(source, ThumbnailSpec.DEFAULT).image());
        Samples actual = Samples.of(fast.render(source, ThumbnailSpec.DEFAULT).image());

        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }

    @Test
    void aJpegItLeavesToImageDecoderStillMeetsTheFloor() throws Exception {
        byte[] jpeg = JpegVariants.BASELINE_420.encode(new SampleGenerator().render(SampleKind.LANDSCAPE, 800, 600, 2));
        Path profiled = Files.write(dir.resolve("profiled.jpg"),
                JpegVariants.withSegment(jpeg, 0xE2, JpegVariants.icc(java.awt.color.ColorSpace.CS_LINEAR_RGB)));
        assertThatThrownBy(() -> new ScaledJpegDecoder().open(profiled)).isInstanceOf(UnsupportedJpegException.class);

        assertThat(psnrAgainstFaithful(profiled, ThumbnailSpec.DEFAULT)).isGreaterThanOrEqualTo(FLOOR_DB);
    }

    @Test
    void releasingThreadBuffersKeepsThePipelineWorking() throws IOException {
        Path source = Samples.resourcePath("input/landscape.jpg");
        Samples before = Samples.of(fast.render(source, ThumbnailSpec.DEFAULT).image());

        fast.releaseThreadBuffers();

        Samples after = Samples.of(fast.render(source, ThumbnailSpec.DEFAULT).image());
        assertThat(after.identical(before)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"input/small.png", "input/alpha.png", "pillow-more/tiny.png"})
    void imagesTooSmallToReduceAndImagesWithAlphaGetExactlyTheFaithfulPixels(String input) throws IOException {
        Path source = Samples.resourcePath(input);

        Samples expected = Samples.of(faithful.render(source, ThumbnailSpec.DEFAULT).image());
        Samples actual = Samples.of(fast.render(source, ThumbnailSpec.DEFAULT).image());

        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }

    @ParameterizedTest(name = "{0}x{1} at 1/{2} into 50x50: then reduced by {3}")
    @CsvSource({"4000, 3000, 8, 4", "3000, 4000, 8, 5", "2000, 1500, 8, 2", "1600, 1200, 8, 1", "960, 720, 8, 1", "800, 600, 4, 1"})
    void theReductionAfterTheDecodeDecidesWhetherChromaMayBeCoarse(int width, int height, int scale, int factor) {
        assertThat(FastPipeline.reductionAfter(width, height, scale, ThumbnailSpec.DEFAULT)).isEqualTo(factor);
    }

    @ParameterizedTest(name = "{0}x{1} into {2}x{3}: 1/{4}")
    @CsvSource({
        "4000, 3000, 50, 50, 8", "1600, 1200, 50, 50, 8", "800, 600, 50, 50, 4", "400, 300, 50, 50, 2",
        "199, 150, 50, 50, 1", "4000, 3000, 600, 600, 2", "4000, 3000, 1000, 1000, 2", "4000, 3000, 1001, 1001, 1",
        "40, 30, 50, 50, 1", "10000, 100, 50, 50, 8"})
    void theReductionKeepsAtLeastTwiceTheThumbnailOnEachSide(int width, int height, int maxWidth, int maxHeight,
                                                             int scale) {
        assertThat(FastPipeline.scaleFor(width, height, ThumbnailSpec.DEFAULT.withSize(maxWidth, maxHeight)))
                .isEqualTo(scale);
    }
}
