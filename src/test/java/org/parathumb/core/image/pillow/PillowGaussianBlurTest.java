package org.parathumb.core.image.pillow;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.pixels.Scratch;

class PillowGaussianBlurTest {

    @Test
    void radiusTwoIsAFiveTapBoxWithPillowsWeights() {
        assertThat(ExtendedBox.forGaussianRadius(2.0)).isEqualTo(new ExtendedBox(1, 4473924, 1677722));
        assertThat(ExtendedBox.boxRadius(2f, 3)).isEqualTo(1.375f);
    }

    @Test
    void radiusZeroIsTheIdentity() {
        assertThat(ExtendedBox.forGaussianRadius(0).isIdentity()).isTrue();
    }

    @ParameterizedTest(name = "{0}x{1}, {2} channels, radius {3}")
    @CsvSource({
        "1, 1, 3, 2", "2, 1, 3, 2", "1, 7, 1, 2", "3, 3, 4, 2", "17, 5, 3, 2", "64, 40, 3, 2",
        "64, 40, 1, 0.1", "64, 40, 3, 0.5", "64, 40, 4, 1", "33, 21, 3, 1.5", "40, 64, 3, 2.5",
        "40, 33, 1, 3", "50, 45, 3, 7.7", "9, 70, 4, 20", "5, 3, 3, 10", "2, 2, 3, 100", "31, 17, 3, 0"})
    void blurMatchesALiteralPortOfPillowsBoxBlur(int width, int height, int channels, double radius) {
        PixelLayout layout = channels == 1 ? PixelLayout.GRAY : channels == 3 ? PixelLayout.RGB : PixelLayout.RGBA;
        BufferedImage image = randomImage(layout, width, height, width * 31L + height * 7L + channels);
        byte[] expected = BoxBlurReference.gaussianBlur(
                PixelLayout.samples(image), width, height, channels, (float) radius);

        BufferedImage blurred = new PillowGaussianBlur(radius).apply(image);

        assertThat(PixelLayout.samples(blurred)).isEqualTo(expected);
    }

    @Test
    void blurringInPlaceGivesTheSamePixelsAsIntoANewImage() {
        BufferedImage image = randomImage(PixelLayout.RGB, 97, 61, 5);
        byte[] expected = PixelLayout.samples(new PillowGaussianBlur(2).apply(image));

        new PillowGaussianBlur(2).blurInto(image, image, new Scratch());

        assertThat(PixelLayout.samples(image)).isEqualTo(expected);
    }

    static BufferedImage randomImage(PixelLayout layout, int width, int height, long seed) {
        BufferedImage image = layout.create(width, height);
        new Random(seed).nextBytes(PixelLayout.samples(image));
        return image;
    }
}
