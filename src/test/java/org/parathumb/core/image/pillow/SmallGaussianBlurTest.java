package org.parathumb.core.image.pillow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parathumb.core.image.PixelLayout;

class SmallGaussianBlurTest {

    @ParameterizedTest
    @EnumSource(PixelLayout.class)
    void aFlatImageStaysFlat(PixelLayout layout) {
        BufferedImage image = layout.create(9, 5);
        Arrays.fill(PixelLayout.samples(image), (byte) 200);

        new SmallGaussianBlur(1.5).blurInPlace(image);

        for (byte sample : PixelLayout.samples(image)) {
            assertThat(sample & 0xFF).isEqualTo(200);
        }
    }

    @Test
    void aDotSpreadsSymmetricallyAndKeepsItsLight() {
        BufferedImage image = PixelLayout.GRAY.create(21, 21);
        byte[] samples = PixelLayout.samples(image);
        samples[10 * 21 + 10] = (byte) 255;

        new SmallGaussianBlur(1.0).blurInPlace(image);

        int centre = samples[10 * 21 + 10] & 0xFF;
        assertThat(centre).isBetween(35, 45);
        assertThat(samples[10 * 21 + 9]).isEqualTo(samples[10 * 21 + 11]).isEqualTo(samples[9 * 21 + 10]);
        int total = 0;
        for (byte sample : samples) {
            total += sample & 0xFF;
        }
        assertThat(total).isBetween(245, 265);
    }

    @Test
    void aTinySigmaBarelyChangesAnything() {
        BufferedImage image = PillowGaussianBlurTest.randomImage(PixelLayout.RGB, 30, 20, 3);
        byte[] before = PixelLayout.samples(image).clone();

        new SmallGaussianBlur(0.05).blurInPlace(image);

        assertThat(PixelLayout.samples(image)).isEqualTo(before);
    }

    @Test
    void aSigmaOfZeroIsRefused() {
        assertThatThrownBy(() -> new SmallGaussianBlur(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
