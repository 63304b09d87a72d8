package org.parathumb.core.image.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.PhotoLikeImages;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;

/**
 * What only the faithful pipeline promises, beyond the contract every pipeline keeps
 * ({@link FaithfulPipelineContractTest}): Pillow's own output in the cases the fidelity suite
 * does not walk through the whole pipeline.
 */
class FaithfulPipelineTest {

    private final FaithfulPipeline pipeline = new FaithfulPipeline();

    @TempDir
    Path dir;

    @Test
    void anImageThatAlreadyFitsIsOnlyBlurred() throws IOException {
        Path tiny = dir.resolve("tiny.png");
        Files.copy(Samples.resourcePath("pillow-more/tiny.png"), tiny);

        Thumbnail thumbnail = pipeline.render(tiny, ThumbnailSpec.DEFAULT.withBlurRadius(10));

        Samples expected = Samples.of(Samples.resource("pillow-more/tiny.blur-r10.png"));
        Samples actual = Samples.of(thumbnail.image());
        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }

    @Test
    void radiusZeroSkipsTheBlurAndMatchesPillowsPlainThumbnail() throws IOException {
        Thumbnail thumbnail = pipeline.render(
                Samples.resourcePath("input/landscape.jpg"), ThumbnailSpec.DEFAULT.withBlurRadius(0));

        Samples expected = Samples.of(Samples.resource("pillow-nodraft/landscape.thumb.png"));
        Samples actual = Samples.of(thumbnail.image());
        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }

    /** A photo-like test JPEG: smooth gradients plus noise, quality 90. */
    static Path writeNoiseJpeg(Path file, int width, int height, long seed) throws IOException {
        BufferedImage image = PhotoLikeImages.create(width, height, seed);
        try (var out = Files.newOutputStream(file)) {
            PhotoLikeImages.writeJpeg(image, 0.9f, out);
        }
        return file;
    }
}
