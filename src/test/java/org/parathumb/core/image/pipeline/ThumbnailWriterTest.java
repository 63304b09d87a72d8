package org.parathumb.core.image.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.parathumb.core.image.PixelLayout;
import org.junit.jupiter.api.Test;

class ThumbnailWriterTest {

    @Test
    void aProfileTheColourEngineRejectsIsDroppedInsteadOfFailingAsABug() {
        BufferedImage image = PixelLayout.RGB.create(4, 4);

        Optional<BufferedImage> converted = ThumbnailWriter.fromSrgb(image, damagedSrgbProfile());

        assertThat(converted).isEmpty();
    }

    @Test
    void aSoundRgbProfileConvertsTheColours() {
        BufferedImage image = PixelLayout.RGB.create(4, 4);
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

        assertThat(ThumbnailWriter.fromSrgb(image, srgb)).get().isNotSameAs(image);
    }

    /** sRGB's header and tag table, its tag data overwritten: parsed by Java, refused by LCMS. */
    private static byte[] damagedSrgbProfile() {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData().clone();
        int tags = ((profile[128] & 255) << 24) | ((profile[129] & 255) << 16) | ((profile[130] & 255) << 8)
                | (profile[131] & 255);
        for (int i = 132 + 12 * tags; i < profile.length; i++) {
            profile[i] = (byte) 0xFF;
        }
        return profile;
    }
}
