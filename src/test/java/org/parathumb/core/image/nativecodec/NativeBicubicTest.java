package org.parathumb.core.image.nativecodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pillow.BicubicResize;
import org.parathumb.core.image.pillow.PremultiplyAlpha;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

/**
 * The native bicubic resize of RGBA images gives the bytes of the Java {@link BicubicResize} of
 * the premultiplied image (the Pillow port the fidelity tests hold to Pillow), alone and inside
 * the faithful pipeline, for awkward sizes and alphas.
 */
class NativeBicubicTest {

    @ParameterizedTest(name = "{0}x{1} to {2}x{3}")
    @CsvSource({
        "2, 2, 1, 1", "3, 200, 1, 50", "200, 3, 50, 1", "1001, 3, 50, 1", "2, 1203, 1, 50", "51, 50, 50, 49",
        "17, 9, 5, 3", "7, 5, 13, 11", "301, 97, 50, 16", "97, 301, 16, 50", "5120, 7, 50, 1", "640, 480, 50, 38",
        "333, 333, 50, 50", "1000, 1, 999, 2"})
    void nativeResizeEqualsJavaBicubicOfThePremultipliedImage(int width, int height, int outWidth, int outHeight) {
        NativeRequired.require(NativeBicubic.available(), NativeLibrary::status);
        for (long seed = 0; seed < 3; seed++) {
            BufferedImage straight = rgba(width, height, seed);
            BufferedImage premultiplied = new PremultiplyAlpha().apply(straight);
            byte[] expected = PixelLayout.samples(new BicubicResize(outWidth, outHeight).apply(premultiplied));

            byte[] fromStraight = NativeBicubic.resizeRgba(PixelLayout.samples(straight), width, height, false,
                    outWidth, outHeight);
            byte[] fromPremultiplied = NativeBicubic.resizeRgba(PixelLayout.samples(premultiplied), width, height,
                    true, outWidth, outHeight);

            assertThat(fromStraight).as("straight, seed %d", seed).isEqualTo(expected);
            assertThat(fromPremultiplied).as("premultiplied, seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void theSourceIsLeftAsItWas() {
        NativeRequired.require(NativeBicubic.available(), NativeLibrary::status);
        byte[] samples = PixelLayout.samples(rgba(300, 200, 5));
        byte[] before = samples.clone();

        NativeBicubic.resizeRgba(samples, 300, 200, false, 50, 33);

        assertThat(samples).isEqualTo(before);
    }

    @Test
    void aSideThatDoesNotChangeIsLeftToJava() {
        assertThat(NativeBicubic.covers(1, 777, 1, 50)).isFalse();
        assertThat(NativeBicubic.covers(999, 1, 50, 1)).isFalse();
        assertThat(NativeBicubic.covers(2, 1203, 1, 50)).isTrue();
        NativeRequired.require(NativeBicubic.available(), NativeLibrary::status);
        assertThatThrownBy(() -> NativeBicubic.resizeRgba(new byte[777 * 4], 1, 777, false, 1, 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NativeBicubic.resizeRgba(new byte[100], 10, 10, false, 5, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "resample/rgba-partly-transparent-173x67.png", "resample/rgba-fully-transparent-123x77.png",
        "resample/rgba-opaque-odd-151x53.png", "resample/rgba-one-row-999x1.png",
        "resample/rgba-one-column-1x777.png", "resample/rgba-wide-1001x3.png", "resample/rgba-tall-2x1203.png",
        "resample/rgba-just-over-51x50.png", "resample/la-partly-transparent-157x71.png",
        "resample/la-tall-5x603.png", "resample/la-fully-transparent-77x200.png",
        "fidelity/input/alpha.png", "fidelity/input/edges.png", "codecs/rgba8.png", "codecs/rgba16.png",
        "codecs/gray-alpha.png", "codecs/gray-alpha16.png", "codecs/palette-alpha.png"})
    void faithfulThumbnailsOfImagesWithAlphaHaveTheSameBytesWithTheNativeResize(String resource)
            throws IOException, URISyntaxException {
        NativeRequired.require(NativeBicubic.available(), NativeLibrary::status);
        Path source = Path.of(NativeBicubicTest.class.getResource("/" + resource).toURI());
        // radius 2: the native blur premultiplies; 0: no blur, the resize premultiplies; 3: the Java blur
        for (double radius : new double[] {2, 0, 3}) {
            ThumbnailSpec spec = ThumbnailSpec.DEFAULT.withBlurRadius(radius);
            Thumbnail expected = new FaithfulPipeline(false).render(source, spec);
            Thumbnail actual = new FaithfulPipeline(true).render(source, spec);

            assertThat(PixelLayout.of(actual.image())).contains(PixelLayout.RGBA);
            assertThat(Samples.of(actual.image()).values()).as("radius %s", radius)
                    .isEqualTo(Samples.of(expected.image()).values());
            assertThat(png(actual)).as("radius %s", radius).isEqualTo(png(expected));
        }
    }

    private static byte[] png(Thumbnail thumbnail) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FaithfulPipeline(false).write(thumbnail, ImageFormat.PNG, out);
        return out.toByteArray();
    }

    /** Random colours under alphas drawn from the edges of the range (0, 1, 254, 255) and anywhere. */
    private static BufferedImage rgba(int width, int height, long seed) {
        Random random = new Random(seed);
        byte[] samples = new byte[width * height * 4];
        random.nextBytes(samples);
        int[] alphas = {0, 1, 2, 128, 254, 255, 255};
        for (int i = 3; i < samples.length; i += 4) {
            int pick = random.nextInt(alphas.length + 2);
            samples[i] = (byte) (pick < alphas.length ? alphas[pick] : random.nextInt(256));
        }
        return PixelLayout.RGBA.wrap(samples, width, height);
    }
}
