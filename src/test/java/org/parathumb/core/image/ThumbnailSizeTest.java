package org.parathumb.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThumbnailSizeTest {

    @ParameterizedTest(name = "{0}x{1} in {2}x{3} -> {4}x{5}")
    @CsvSource({
        "1600, 1200, 50, 50, 50, 38",
        "900, 1600, 50, 50, 28, 50",
        "1200, 800, 50, 50, 50, 33",
        "120, 80, 50, 50, 50, 33",
        "1000, 1000, 50, 50, 50, 50",
        "1000, 600, 50, 50, 50, 30",
        "4000, 3000, 50, 50, 50, 38",
        "1600, 1200, 120, 120, 120, 90",
        "10000, 10, 50, 50, 50, 1",
        "10, 10000, 50, 50, 1, 50",
        "51, 50, 50, 50, 50, 49",
        "100, 30, 50, 50, 50, 15",
        "99, 70, 50, 50, 50, 35"})
    void sizeFollowsPillowsThumbnailRule(int width, int height, int maxWidth, int maxHeight,
                                         int expectedWidth, int expectedHeight) {
        assertThat(ThumbnailSize.fit(width, height, maxWidth, maxHeight))
                .contains(new ThumbnailSize(expectedWidth, expectedHeight));
    }

    @ParameterizedTest(name = "{0}x{1} in {2}x{3}")
    @CsvSource({"50, 50, 50, 50", "40, 20, 50, 50", "1, 1, 1, 1", "50, 10, 50, 50"})
    void anImageThatAlreadyFitsIsLeftAlone(int width, int height, int maxWidth, int maxHeight) {
        assertThat(ThumbnailSize.fit(width, height, maxWidth, maxHeight)).isEmpty();
    }
}
