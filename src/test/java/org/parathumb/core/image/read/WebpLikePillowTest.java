package org.parathumb.core.image.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.nativecodec.NativeWebp;
import org.parathumb.core.image.pipeline.FaithfulPipeline;
import org.parathumb.core.image.pixels.Scratch;

/**
 * WebP read through libwebp gives Pillow 9.4's very pixels (its mode too: RGBA only when the file
 * says it has alpha, even for an animation whose first frame is opaque), and the faithful
 * pipeline's thumbnail of it is the original program's.
 */
class WebpLikePillowTest {

    @BeforeEach
    void needsLibwebp() {
        FormatSamples.requireLibrary(NativeWebp.availability().readable(), NativeWebp.availability().description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lossy.webp", "lossless.webp", "lossy-alpha.webp", "lossless-alpha.webp", "animated.webp"})
    void decodesPillowsPixels(String name) throws IOException {
        Samples actual = Samples.of(new ImageDecoder().decode(FormatSamples.path(name), new Scratch()).image());
        Samples expected = Samples.of(FormatSamples.decodedReference(name));

        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lossy.webp", "lossless.webp", "lossy-alpha.webp", "lossless-alpha.webp", "animated.webp"})
    void thumbnailsAsTheOriginalProgram(String name) throws IOException {
        Path source = FormatSamples.path(name);
        Samples actual = Samples.of(new FaithfulPipeline().render(source, ThumbnailSpec.DEFAULT).image());
        Samples expected = Samples.of(FormatSamples.thumbnailReference(name));

        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }
}
