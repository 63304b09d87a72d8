package org.parathumb.core.image.pillow;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parathumb.core.image.ImageFilter;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.Samples;

/** Every filter returns a new image and leaves its input as it was. */
class ImageFiltersTest {

    static Stream<Arguments> filtersAndLayouts() {
        return Stream.of(
                        new PillowGaussianBlur(2), new PillowGaussianBlur(4.5), new PillowGaussianBlur(0),
                        new BoxReduce(3, 2), new BicubicResize(17, 11), new PillowThumbnail(20, 20),
                        new PillowThumbnail(500, 500), new PremultiplyAlpha(), new UnpremultiplyAlpha())
                .flatMap(filter -> Stream.of(PixelLayout.values())
                        .map(layout -> Arguments.of(filter.getClass().getSimpleName(), layout, filter)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("filtersAndLayouts")
    void filtersDoNotChangeTheirInput(String name, PixelLayout layout, ImageFilter filter) {
        BufferedImage input = PillowGaussianBlurTest.randomImage(layout, 73, 41, 11);
        byte[] before = PixelLayout.samples(input).clone();

        BufferedImage output = filter.apply(input);

        assertThat(output).isNotSameAs(input);
        assertThat(PixelLayout.samples(output)).isNotSameAs(PixelLayout.samples(input));
        assertThat(PixelLayout.samples(input)).isEqualTo(before);
        assertThat(PixelLayout.of(output)).contains(layout);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("filtersAndLayouts")
    void filtersAcceptStandardJavaImageTypes(String name, PixelLayout layout, ImageFilter filter) {
        BufferedImage standard = new BufferedImage(73, 41, switch (layout) {
            case GRAY -> BufferedImage.TYPE_BYTE_GRAY;
            case RGB -> BufferedImage.TYPE_3BYTE_BGR;
            case RGBA -> BufferedImage.TYPE_4BYTE_ABGR;
        });
        BufferedImage same = PillowGaussianBlurTest.randomImage(layout, 73, 41, 12);
        standard.getRaster().setRect(same.getRaster());

        assertThat(Samples.of(filter.apply(standard)).identical(Samples.of(filter.apply(same)))).isTrue();
    }
}
