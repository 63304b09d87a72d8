package org.parathumb.core.image.pillow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.pixels.Scratch;

/**
 * The streamed blur (lane layout, vectorised) and the streamed reduce against the reference
 * running-sum loops and {@link BoxReduce}: identical samples for every size the lane cutting can
 * meet (narrower than the lanes, not a multiple of them, one row, one column) and every radius
 * that streams, in each layout's channel count.
 */
class BlurStreamTest {

    @ParameterizedTest(name = "{0}x{1}, {2} channels, radius {3}")
    @CsvSource({
        "1, 1, 3, 2", "1, 9, 1, 2", "9, 1, 4, 2", "15, 4, 3, 2", "16, 16, 3, 2", "17, 3, 1, 2",
        "31, 7, 4, 2", "257, 13, 3, 2", "300, 5, 1, 2", "97, 61, 4, 2", "64, 2, 3, 2",
        "40, 30, 3, 1.5", "40, 30, 3, 2.4", "33, 21, 1, 0.5", "33, 21, 3, 0.5",
        "45, 19, 3, 3", "45, 19, 4, 3", "23, 40, 1, 4", "130, 9, 3, 4", "3, 3, 3, 4"})
    void streamedBlurEqualsTheRunningSumLoops(int width, int height, int channels, double radius) {
        PixelLayout layout = layoutOf(channels);
        BufferedImage image = PillowGaussianBlurTest.randomImage(layout, width, height, width * 131L + height + channels);
        PillowGaussianBlur blur = new PillowGaussianBlur(radius);
        assertThat(BlurStream.supports(blur.box())).isTrue();
        byte[] reference = new byte[width * height * channels];
        blur.blurByRunningSums(PixelLayout.samples(image), reference, width, height, channels, new Scratch());

        BufferedImage streamed = blur.apply(image);

        assertThat(PixelLayout.samples(streamed)).isEqualTo(reference);
    }

    @ParameterizedTest(name = "{0}x{1}, {2} channels, reduce {3}x{4}")
    @CsvSource({
        "400, 300, 3, 40, 39", "400, 300, 1, 40, 39", "401, 299, 3, 7, 5", "123, 77, 4, 4, 4",
        "50, 50, 3, 2, 1", "50, 50, 1, 1, 3", "17, 9, 3, 17, 9", "17, 9, 3, 20, 20"})
    void blurredRowsReducedAsTheyComeEqualBoxReduceOfTheBlurredImage(
            int width, int height, int channels, int factorX, int factorY) {
        PixelLayout layout = layoutOf(channels);
        BufferedImage image = PillowGaussianBlurTest.randomImage(layout, width, height, 7L * width + height);
        PillowGaussianBlur blur = new PillowGaussianBlur(2);
        BufferedImage expected = new BoxReduce(factorX, factorY).apply(blur.apply(image));

        ReducingSink sink = new ReducingSink(width, height, channels, factorX, factorY);
        BlurStream stream = new BlurStream(blur.box(), width, height, channels, new Scratch(), sink);
        byte[] samples = PixelLayout.samples(image);
        for (int y = 0; y < height; y++) {
            stream.push(samples, y * width * channels);
        }

        assertThat(sink.outWidth()).isEqualTo(expected.getWidth());
        assertThat(sink.outHeight()).isEqualTo(expected.getHeight());
        assertThat(sink.samples()).isEqualTo(PixelLayout.samples(expected));
    }

    @Test
    void boxesWiderThanTheStreamLimitUseTheRunningSumsAndStillMatchPillow() {
        PillowGaussianBlur wide = new PillowGaussianBlur(7.7);
        assertThat(BlurStream.supports(wide.box())).isFalse();
        BufferedImage image = PillowGaussianBlurTest.randomImage(PixelLayout.RGB, 50, 45, 3);
        byte[] expected = BoxBlurReference.gaussianBlur(PixelLayout.samples(image), 50, 45, 3, 7.7f);

        assertThat(PixelLayout.samples(wide.apply(image))).isEqualTo(expected);
    }

    @Test
    void pushingMoreRowsThanTheImageHasIsRefused() {
        BlurStream stream = new BlurStream(ExtendedBox.forGaussianRadius(2), 4, 1, 1, new Scratch(), (y, row, s) -> { });
        stream.push(new byte[4], 0);

        assertThatThrownBy(() -> stream.push(new byte[4], 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStreamRunOnAnInterruptedThreadStopsWithCancelledException() {
        BlurStream stream = new BlurStream(ExtendedBox.forGaussianRadius(2), 4, 4, 1, new Scratch(), (y, row, s) -> { });
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> stream.push(new byte[16], 0)).isInstanceOf(CancelledException.class);
        } finally {
            Thread.interrupted();
        }
    }

    private static PixelLayout layoutOf(int channels) {
        return channels == 1 ? PixelLayout.GRAY : channels == 3 ? PixelLayout.RGB : PixelLayout.RGBA;
    }
}
