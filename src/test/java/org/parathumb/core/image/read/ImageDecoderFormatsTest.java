package org.parathumb.core.image.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.Orientation;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;

/** Every format and variant the decoder must read, and every way a file can fail it. */
class ImageDecoderFormatsTest {

    private final ImageDecoder decoder = new ImageDecoder();

    @TempDir
    Path dir;

    static Stream<Arguments> readableFiles() {
        return Stream.of(
                readable("baseline.jpg", () -> TestFiles.jpeg(TestFiles.picture(64, 48)), ImageFormat.JPEG, PixelLayout.RGB, 64, 48),
                readable("progressive.jpg", () -> TestFiles.progressiveJpeg(TestFiles.picture(64, 48)), ImageFormat.JPEG, PixelLayout.RGB, 64, 48),
                readable("gray.jpg", () -> TestFiles.jpeg(TestFiles.gray(40, 30)), ImageFormat.JPEG, PixelLayout.GRAY, 40, 30),
                readable("cmyk.jpg", () -> TestFiles.cmykJpeg(64, 48, 0), ImageFormat.JPEG, PixelLayout.RGB, 64, 48),
                readable("ycck.jpg", () -> TestFiles.cmykJpeg(64, 48, 2), ImageFormat.JPEG, PixelLayout.RGB, 64, 48),
                readable("srgb-icc.jpg", () -> TestFiles.withIccProfile(TestFiles.jpeg(TestFiles.picture(64, 48)),
                        ICC_Profile.getInstance(ColorSpace.CS_sRGB)), ImageFormat.JPEG, PixelLayout.RGB, 64, 48),
                readable("rgb8.png", () -> TestFiles.encode(TestFiles.picture(30, 20), "png"), ImageFormat.PNG, PixelLayout.RGB, 30, 20),
                readable("rgba8.png", () -> TestFiles.encode(TestFiles.rgba(30, 20), "png"), ImageFormat.PNG, PixelLayout.RGBA, 30, 20),
                readable("rgb16.png", () -> TestFiles.encode(TestFiles.sixteenBit(30, 20, false), "png"), ImageFormat.PNG, PixelLayout.RGB, 30, 20),
                readable("gray16.png", () -> TestFiles.encode(TestFiles.sixteenBit(30, 20, true), "png"), ImageFormat.PNG, PixelLayout.GRAY, 30, 20),
                readable("gray8.png", () -> TestFiles.encode(TestFiles.gray(30, 20), "png"), ImageFormat.PNG, PixelLayout.GRAY, 30, 20),
                readable("palette.png", () -> TestFiles.encode(TestFiles.palette(30, 20, false), "png"), ImageFormat.PNG, PixelLayout.RGB, 30, 20),
                readable("palette-alpha.png", () -> TestFiles.encode(TestFiles.palette(30, 20, true), "png"), ImageFormat.PNG, PixelLayout.RGBA, 30, 20),
                readable("frames.gif", () -> TestFiles.twoFrameGif(30, 20), ImageFormat.GIF, PixelLayout.RGB, 30, 20),
                readable("rgb.bmp", () -> TestFiles.encode(TestFiles.picture(30, 20), "bmp"), ImageFormat.BMP, PixelLayout.RGB, 30, 20),
                readable("rgb.tif", () -> TestFiles.encode(TestFiles.picture(30, 20), "tiff"), ImageFormat.TIFF, PixelLayout.RGB, 30, 20),
                readable("rgba.tiff", () -> TestFiles.encode(TestFiles.rgba(30, 20), "tiff"), ImageFormat.TIFF, PixelLayout.RGBA, 30, 20),
                readable("lossless.webp", () -> TestFiles.webp(TestFiles.LOSSLESS_WEBP), ImageFormat.WEBP, PixelLayout.RGB, 12, 8),
                readable("lossy.webp", () -> TestFiles.webp(TestFiles.LOSSY_WEBP), ImageFormat.WEBP, PixelLayout.RGB, 12, 8),
                readable("png-named.jpg", () -> TestFiles.encode(TestFiles.picture(30, 20), "png"), ImageFormat.PNG, PixelLayout.RGB, 30, 20),
                readable("jpeg-named.PNG", () -> TestFiles.jpeg(TestFiles.picture(30, 20)), ImageFormat.JPEG, PixelLayout.RGB, 30, 20));
    }

    private static Arguments readable(String name, Supplier<byte[]> bytes, ImageFormat format, PixelLayout layout,
            int width, int height) {
        return Arguments.of(name, bytes, format, layout, width, height);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableFiles")
    void everyFormatAndVariantDecodesIntoItsLayoutWithTheFormatItsContentSays(String name, Supplier<byte[]> bytes,
            ImageFormat format, PixelLayout layout, int width, int height) throws IOException {
        Path file = TestFiles.write(dir.resolve(name), bytes.get());

        ImageHeader header = decoder.readHeader(file);
        DecodedImage decoded = decoder.decode(file, new Scratch());

        assertThat(decoded.format()).isEqualTo(format);
        assertThat(PixelLayout.of(decoded.image())).contains(layout);
        assertThat(decoded.image().getWidth()).isEqualTo(width);
        assertThat(decoded.image().getHeight()).isEqualTo(height);
        assertThat(header.format()).isEqualTo(format);
        assertThat(header.layout()).isEqualTo(layout);
        assertThat(header.width()).isEqualTo(width);
        assertThat(header.height()).isEqualTo(height);
    }

    @ParameterizedTest(name = "Adobe transform {0}")
    @MethodSource("cmykTransforms")
    void cmykAndYcckJpegsBecomeTheirRgbColours(int transform) throws IOException {
        Path file = TestFiles.write(dir.resolve("cmyk.jpg"), TestFiles.cmykJpeg(64, 48, transform));

        BufferedImage image = decoder.decode(file, new Scratch()).image();

        int[] cyan = image.getRaster().getPixel(8, 24, (int[]) null);
        int[] white = image.getRaster().getPixel(56, 24, (int[]) null);
        assertThat(cyan[0]).as("red of cyan").isLessThan(100);
        assertThat(cyan[1]).as("green of cyan").isGreaterThan(120);
        assertThat(cyan[2]).as("blue of cyan").isGreaterThan(180);
        assertThat(java.util.Arrays.stream(white).min().orElseThrow()).as("darkest channel of white").isGreaterThan(220);
    }

    static Stream<Integer> cmykTransforms() {
        return Stream.of(0, 2);
    }

    @Test
    void anEmbeddedSrgbProfileChangesNoSampleOfAJpeg() throws IOException {
        byte[] plain = TestFiles.jpeg(TestFiles.picture(64, 48));
        Path untagged = TestFiles.write(dir.resolve("plain.jpg"), plain);
        Path tagged = TestFiles.write(dir.resolve("srgb.jpg"),
                TestFiles.withIccProfile(plain, ICC_Profile.getInstance(ColorSpace.CS_sRGB)));

        Samples expected = Samples.of(decoder.decode(untagged, new Scratch()).image());
        Samples actual = Samples.of(decoder.decode(tagged, new Scratch()).image());

        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }

    @Test
    void anotherEmbeddedProfileIsHonouredByConvertingToSrgb() throws IOException {
        byte[] plain = TestFiles.jpeg(TestFiles.picture(64, 48));
        Path untagged = TestFiles.write(dir.resolve("plain.jpg"), plain);
        Path linear = TestFiles.write(dir.resolve("linear.jpg"),
                TestFiles.withIccProfile(plain, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB)));

        int[] raw = decoder.decode(untagged, new Scratch()).image().getRaster().getPixel(60, 2, (int[]) null);
        int[] converted = decoder.decode(linear, new Scratch()).image().getRaster().getPixel(60, 2, (int[]) null);

        // Linear-light samples look brighter once encoded for sRGB's curve.
        assertThat(converted[2]).isGreaterThan(raw[2] + 10);
    }

    @Test
    void aGifGivesItsFirstFrame() throws IOException {
        Path file = TestFiles.write(dir.resolve("frames.gif"), TestFiles.twoFrameGif(30, 20));

        BufferedImage image = decoder.decode(file, new Scratch()).image();

        assertThat(image.getRaster().getPixel(5, 5, (int[]) null)).containsExactly(255, 0, 0);
    }

    @Test
    void exifOrientationIsReadFromTheHeader() throws IOException {
        Path file = TestFiles.write(dir.resolve("turned.jpg"),
                TestFiles.withExifOrientation(TestFiles.jpeg(TestFiles.picture(64, 48)), 6));

        ImageHeader header = decoder.readHeader(file);

        assertThat(header.orientation()).isEqualTo(Orientation.ROTATE_90);
        assertThat(header.uprightWidth()).isEqualTo(48);
        assertThat(header.uprightHeight()).isEqualTo(64);
    }

    @Test
    void aHugeHeaderIsReadWithoutDecodingAndRefusedByTheDecoder() throws IOException {
        Path file = TestFiles.write(dir.resolve("huge.png"), TestFiles.pngClaiming(60_000, 60_000));

        ImageHeader header = decoder.readHeader(file);

        assertThat(header.pixels()).isEqualTo(3_600_000_000L);
        assertThatThrownBy(() -> decoder.decode(file, new Scratch()))
                .isInstanceOfSatisfying(ImageFailure.class, f -> assertThat(f.kind()).isEqualTo(ImageFailure.Kind.TOO_LARGE))
                .hasMessage("too large (60000x60000 pixels)");
    }

    static Stream<Arguments> brokenFiles() {
        byte[] jpeg = TestFiles.jpeg(TestFiles.picture(320, 240));
        byte[] png = TestFiles.encode(TestFiles.picture(320, 240), "png");
        byte[] random = new byte[2000];
        new Random(5).nextBytes(random);
        return Stream.of(
                broken("empty.jpg", new byte[0], ImageFailure.Kind.NOT_AN_IMAGE, "empty file \\(0 bytes\\)"),
                broken("text.jpg", "hello, I am not a picture\n".getBytes(), ImageFailure.Kind.NOT_AN_IMAGE,
                        "not an image \\(unrecognised content\\)"),
                broken("random.png", random, ImageFailure.Kind.NOT_AN_IMAGE, "not an image \\(unrecognised content\\)"),
                broken("cut.jpg", TestFiles.truncated(jpeg, 38), ImageFailure.Kind.TRUNCATED,
                        "truncated \\(decoded \\d{1,2}% of rows\\)"),
                broken("cut-progressive.jpg", TestFiles.truncated(TestFiles.progressiveJpeg(TestFiles.picture(320, 240)), 50),
                        ImageFailure.Kind.TRUNCATED, "truncated \\(.+\\)"),
                broken("header-only.jpg", TestFiles.truncated(jpeg, 2), ImageFailure.Kind.TRUNCATED, "truncated \\(.+\\)"),
                broken("cut.png", TestFiles.truncated(png, 50), ImageFailure.Kind.TRUNCATED, "truncated \\(.+\\)"),
                broken("cut.gif", TestFiles.truncated(TestFiles.encode(TestFiles.picture(320, 240), "gif"), 50),
                        ImageFailure.Kind.TRUNCATED, "truncated \\(.+\\)"),
                broken("corrupt.jpg", TestFiles.corruptEntropy(jpeg), ImageFailure.Kind.CORRUPT, "corrupt image data \\(.+\\)"));
    }

    private static Arguments broken(String name, byte[] bytes, ImageFailure.Kind kind, String reason) {
        return Arguments.of(name, bytes, kind, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileFailsWithItsOneLineReason(String name, byte[] bytes, ImageFailure.Kind kind, String reason) {
        Path file = TestFiles.write(dir.resolve(name), bytes);

        assertThatThrownBy(() -> decoder.decode(file, new Scratch()))
                .isInstanceOfSatisfying(ImageFailure.class, f -> assertThat(f.kind()).isEqualTo(kind))
                .hasMessageMatching(reason);
    }

    @Test
    void aTruncatedJpegSaysRoughlyHowMuchOfItWasThere() throws IOException {
        byte[] jpeg = TestFiles.jpeg(TestFiles.picture(320, 240));
        Path file = TestFiles.write(dir.resolve("cut.jpg"), TestFiles.truncated(jpeg, 50));

        assertThatThrownBy(() -> decoder.decode(file, new Scratch()))
                .hasMessageMatching("truncated \\(decoded ([3-6]\\d)% of rows\\)");
    }

    @Test
    void aFolderAPipeAndAMissingFileAreNotReadable() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder.jpg"));
        Path missing = dir.resolve("missing.jpg");

        assertThatThrownBy(() -> decoder.decode(folder, new Scratch())).hasMessage("not a regular file (a folder)");
        assertThatThrownBy(() -> decoder.decode(missing, new Scratch())).isInstanceOf(NoSuchFileException.class);
        Path pipe = TestFiles.fifo(dir.resolve("pipe.jpg"));
        assumeThat(pipe).as("mkfifo is available").isNotNull();
        assertThatThrownBy(() -> decoder.decode(pipe, new Scratch()))
                .hasMessage("not a regular file (a device, pipe or socket)");
    }

    @Test
    void aFileWithoutReadPermissionIsReportedAsSuch() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root reads any file: permissions cannot be tested").isNotEqualTo("root");
        Path file = TestFiles.write(dir.resolve("locked.jpg"), TestFiles.jpeg(TestFiles.picture(8, 8)));
        Files.setPosixFilePermissions(file, java.util.Set.of());

        assertThatThrownBy(() -> decoder.decode(file, new Scratch())).hasMessage("permission denied");
    }
}
