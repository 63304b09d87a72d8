package org.parathumb.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OrientationTest {

    /** A 3x2 RGB image whose pixels are all different: (x, y, 0) as samples. */
    private static BufferedImage stored() {
        BufferedImage image = PixelLayout.RGB.create(3, 2);
        byte[] samples = PixelLayout.samples(image);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                samples[(y * 3 + x) * 3] = (byte) x;
                samples[(y * 3 + x) * 3 + 1] = (byte) y;
            }
        }
        return image;
    }

    /** Which stored corner (x y) ends at the upright image's top left and top right. */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, 0 0, 2 0", "2, 2 0, 0 0", "3, 2 1, 0 1", "4, 0 1, 2 1",
        "5, 0 0, 0 1", "6, 0 1, 0 0", "7, 2 1, 2 0", "8, 2 0, 2 1"})
    void eachExifOrientationTurnsTheStoredCornersWhereExifSays(int tag, String topLeft, String topRight) {
        Orientation orientation = Orientation.ofTag(tag);

        BufferedImage upright = orientation.apply(stored());

        assertThat(orientation.tag()).isEqualTo(tag);
        assertThat(upright.getWidth()).isEqualTo(orientation.swapsAxes() ? 2 : 3);
        assertThat(upright.getHeight()).isEqualTo(orientation.swapsAxes() ? 3 : 2);
        assertThat(corner(upright, 0)).isEqualTo(topLeft);
        assertThat(corner(upright, upright.getWidth() - 1)).isEqualTo(topRight);
    }

    @ParameterizedTest
    @EnumSource(Orientation.class)
    void theInverseUndoesEachOrientationAndTheInputIsNotChanged(Orientation orientation) {
        BufferedImage image = stored();
        byte[] before = PixelLayout.samples(image).clone();

        BufferedImage back = orientation.inverse().apply(orientation.apply(image));

        assertThat(PixelLayout.samples(back)).isEqualTo(before);
        assertThat(PixelLayout.samples(image)).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"0", "9", "-1", "65535"})
    void valuesOutsideOneToEightCountAsUpright(int tag) {
        assertThat(Orientation.ofTag(tag)).isEqualTo(Orientation.NORMAL);
    }

    private static String corner(BufferedImage image, int x) {
        int[] pixel = image.getRaster().getPixel(x, 0, (int[]) null);
        return pixel[0] + " " + pixel[1];
    }
}
