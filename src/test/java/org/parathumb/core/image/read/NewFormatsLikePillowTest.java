package org.parathumb.core.image.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.Orientation;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.nativecodec.NativeHeif;
import org.parathumb.core.image.nativecodec.NativeJxl;
import org.parathumb.core.image.pipeline.FaithfulPipeline;
import org.parathumb.core.image.pixels.Scratch;

/**
 * HEIF, AVIF and JPEG XL: the pixels the library's own decoder gives (heif-convert, djxl), and the
 * original program's thumbnail of those pixels (Pillow's blur and thumbnail), from the faithful
 * pipeline. Upright (the rotated HEIF comes 64x96), 10-bit down to 8, alpha kept.
 */
class NewFormatsLikePillowTest {

    private static void needsLibrary(String name) {
        var availability = name.endsWith(".jxl") ? NativeJxl.availability() : NativeHeif.availability();
        FormatSamples.requireLibrary(availability.readable(), availability.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"photo.heic", "alpha.heic", "rotated.heic", "photo.avif", "10bit.avif", "alpha.avif",
            "photo.jxl", "alpha.jxl", "container.jxl"})
    void decodesTheLibrarysOwnPixels(String name) throws IOException {
        needsLibrary(name);
        Samples actual = Samples.of(new ImageDecoder().decode(FormatSamples.path(name), new Scratch()).image());
        Samples expected = Samples.of(FormatSamples.decodedReference(name));

        assertThat(actual.psnr(expected)).as(actual.describe(expected)).isGreaterThanOrEqualTo(40.0);
        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"photo.heic", "alpha.heic", "rotated.heic", "photo.avif", "10bit.avif", "alpha.avif",
            "photo.jxl", "alpha.jxl", "container.jxl"})
    void thumbnailsAsTheOriginalProgramDoesThoseSamePixels(String name) throws IOException {
        needsLibrary(name);
        Thumbnail thumbnail = new FaithfulPipeline().render(FormatSamples.path(name), ThumbnailSpec.DEFAULT);
        Samples actual = Samples.of(thumbnail.image());
        Samples expected = Samples.of(FormatSamples.thumbnailReference(name));

        assertThat(actual.psnr(expected)).as(actual.describe(expected)).isGreaterThanOrEqualTo(40.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rotated.heic", "photo.heic", "photo.avif"})
    void theHeaderIsUprightSoNoOrientationIsAppliedTwice(String name) throws IOException {
        needsLibrary(name);
        ImageHeader header = new ImageDecoder().readHeader(FormatSamples.path(name));

        assertThat(header.orientation()).isEqualTo(Orientation.NORMAL);
        assertThat(header.uprightWidth() < header.uprightHeight()).isEqualTo(name.startsWith("rotated"));
    }
}
