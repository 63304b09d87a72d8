package org.parathumb.core.image.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;

/**
 * What every {@link Decoder} promises, as TwelveMonkeys' ImageReaderAbstractTest holds each of its
 * readers to one set of inherited tests: one subclass per decoder names the decoder and its
 * sample files, and inherits every test here. The decoder is driven through {@link ImageDecoder},
 * as the pipelines drive it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DecoderContract {

    /** A sample file this decoder must read, with what it must decode to. */
    record Sample(String name, byte[] bytes, ImageFormat format, PixelLayout layout, int width, int height) {
        Sample {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    Path dir;

    /** The decoder under test; it must be usable (its library present) on this machine. */
    abstract Decoder decoder();

    /** Files the decoder must read, at least one per format and layout it claims. */
    abstract List<Sample> samples();

    private ImageDecoder reader() {
        return new ImageDecoder(List.of(decoder()));
    }

    private Path write(Sample sample) {
        return TestFiles.write(dir.resolve(sample.name()), sample.bytes());
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void itReadsTheFormatsOfItsSamples(Sample sample) {
        assertThat(decoder().reads(sample.format())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theHeaderGivesTheDecodedImagesSizeAndLayout(Sample sample) throws IOException {
        Path file = write(sample);
        ImageHeader header = reader().readHeader(file);
        DecodedImage decoded = reader().decode(file, new Scratch());

        assertThat(header.format()).isEqualTo(sample.format());
        assertThat(decoded.format()).isEqualTo(sample.format());
        assertThat(new int[] {header.width(), header.height()}).containsExactly(sample.width(), sample.height());
        assertThat(new int[] {decoded.image().getWidth(), decoded.image().getHeight()})
                .containsExactly(sample.width(), sample.height());
        assertThat(header.layout()).isEqualTo(sample.layout());
        assertThat(PixelLayout.of(decoded.image())).contains(sample.layout());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aReusedScratchGivesTheSameSamplesAgain(Sample sample) throws IOException {
        Path file = write(sample);
        Scratch scratch = new Scratch();
        byte[] first = PixelLayout.samples(reader().decode(file, scratch).image()).clone();
        byte[] second = PixelLayout.samples(reader().decode(file, scratch).image());

        assertThat(Arrays.copyOf(second, first.length)).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aFileCutShortIsAFailureWithAReason(Sample sample) {
        for (int percent : new int[] {10, 50, 90}) {
            Path file = TestFiles.write(dir.resolve(percent + "-" + sample.name()),
                    TestFiles.truncated(sample.bytes(), percent));
            Throwable thrown = catchThrowable(() -> reader().decode(file, new Scratch()));

            assertThat(thrown).as("cut at %d%%", percent).isInstanceOf(ImageFailure.class);
            assertThat(((ImageFailure) thrown).kind()).as("cut at %d%%", percent)
                    .isIn(ImageFailure.Kind.TRUNCATED, ImageFailure.Kind.CORRUPT, ImageFailure.Kind.NOT_AN_IMAGE);
            assertThat(thrown.getMessage()).doesNotContain("\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void damagedBytesDecodeOrFailWithAReasonNeverAnythingElse(Sample sample) throws IOException {
        Random random = new Random(sample.name().hashCode());
        for (int i = 0; i < 40; i++) {
            Path file = TestFiles.write(dir.resolve(i + "-" + sample.name()), TestFiles.mutate(sample.bytes(), random));
            Throwable thrown = catchThrowable(() -> reader().decode(file, new Scratch()));

            assertThat(thrown).as("mutation %d", i).satisfiesAnyOf(
                    t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ImageFailure.class));
            Files.delete(file);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void anInterruptedThreadIsCancelledNotFailed(Sample sample) {
        Path file = write(sample);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> reader().decode(file, new Scratch())).isInstanceOf(CancelledException.class);
    }
}
