package org.parathumb.core.image.nativecodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.JpegVariants;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

/**
 * The faithful pipeline's JPEG path through libjpeg and the native kernel, against the same
 * pipeline decoding with ImageIO and blurring in Java: the same bytes for every kind of plain JPEG
 * (and proof that the native path took them), and for anything else the same outcome by handing
 * the file to ImageIO.
 */
class NativeJpegPathTest {

    private final FaithfulPipeline nativePath = NativeLibrary.decodesJpeg() ? new FaithfulPipeline(true) : null;
    private final FaithfulPipeline javaPath = new FaithfulPipeline(false);

    @TempDir
    Path folder;

    @BeforeEach
    void needsTheNativeJpegPath() {
        NativeRequired.require(NativeLibrary.decodesJpeg(), NativeLibrary::status);
    }

    @ParameterizedTest(name = "{0}x{1}, sampling {2}x{3}, restarts {4}, progressive {5}, quality {6}")
    @CsvSource({
        "4000, 3000, 2, 2, 0, false, 0.9", "401, 299, 2, 2, 0, false, 0.9", "299, 401, 2, 1, 0, false, 0.9",
        "1000, 203, 1, 1, 0, false, 0.9", "203, 1000, 2, 2, 7, false, 0.9", "777, 555, 2, 2, 0, true, 0.9",
        "640, 480, 1, 2, 0, false, 0.5", "640, 480, 2, 2, 0, false, 1.0", "1003, 1001, 2, 2, 0, true, 0.75"})
    void aPlainJpegTakesTheNativePathAndComesOutAsFromImageIo(int width, int height, int h, int v, int restarts,
            boolean progressive, float quality) throws IOException {
        JpegVariants variant = new JpegVariants(quality, h, v, restarts, progressive);
        Path file = variant.write(TestFiles.picture(width, height), folder.resolve("photo.jpg"));

        assertTakesTheNativePath(file);
        assertThat(written(nativePath, file)).isEqualTo(written(javaPath, file));
    }

    @Test
    void aGrayJpegTakesTheNativePathAndComesOutAsFromImageIo() throws IOException {
        Path file = Files.write(folder.resolve("gray.jpg"), TestFiles.jpeg(TestFiles.gray(900, 700)));

        assertTakesTheNativePath(file);
        assertThat(written(nativePath, file)).isEqualTo(written(javaPath, file));
    }

    @Test
    void aCameraJpegWithExifAndNoJfifTakesTheNativePathToo() throws IOException {
        byte[] jfif = TestFiles.jpeg(TestFiles.picture(800, 600));
        byte[] camera = JpegVariants.withSegment(withoutApp0(jfif), 0xE1, JpegVariants.exifOrientation(6));
        Path file = Files.write(folder.resolve("camera.jpg"), camera);

        assertTakesTheNativePath(file);
        assertThat(written(nativePath, file)).isEqualTo(written(javaPath, file));
    }

    @Test
    void aJpegTaggedSrgbTakesTheNativePath() throws IOException {
        byte[] jpeg = TestFiles.withIccProfile(TestFiles.jpeg(TestFiles.picture(640, 480)),
                ICC_Profile.getInstance(ColorSpace.CS_sRGB));
        Path file = Files.write(folder.resolve("srgb.jpg"), jpeg);

        assertThat(header(file)).hasValueSatisfying(header -> assertThat(header.iccProfile()).isTrue());
        assertTakesTheNativePath(file);
        assertThat(written(nativePath, file)).isEqualTo(written(javaPath, file));
    }

    @Test
    void aJpegWithAnotherProfileIsConvertedAsImageIoDoes() throws IOException {
        byte[] jpeg = TestFiles.withIccProfile(TestFiles.jpeg(TestFiles.picture(640, 480)),
                ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB));
        Path file = Files.write(folder.resolve("linear.jpg"), jpeg);

        assertThat(written(nativePath, file)).isEqualTo(written(javaPath, file));
    }

    @ParameterizedTest(name = "Adobe transform {0}")
    @CsvSource({"0", "2"})
    void cmykAndYcckAreLeftToImageIo(int transform) throws IOException {
        Path file = Files.write(folder.resolve("print.jpg"), TestFiles.cmykJpeg(400, 300, transform));

        assertThat(header(file)).isEmpty();
        assertThat(written(nativePath, file)).isEqualTo(written(javaPath, file));
    }

    @Test
    void aTruncatedJpegFailsWithImageIosReason() throws IOException {
        byte[] whole = TestFiles.jpeg(TestFiles.picture(800, 600));
        Path file = Files.write(folder.resolve("cut.jpg"), TestFiles.truncated(whole, 60));

        String expected = failure(javaPath, file);
        assertThat(expected).startsWith("truncated");
        assertThat(failure(nativePath, file)).isEqualTo(expected);
    }

    @Test
    void corruptScanDataGivesTheSameOutcomeAsImageIo() throws IOException {
        byte[] jpeg = TestFiles.jpeg(TestFiles.picture(800, 600));
        for (int i = jpeg.length / 2; i < jpeg.length / 2 + 40; i++) {
            jpeg[i] = (byte) 0xFF;
        }
        Path file = Files.write(folder.resolve("corrupt.jpg"), jpeg);

        assertThat(outcome(nativePath, file)).isEqualTo(outcome(javaPath, file));
    }

    @Test
    void anInterruptedThreadStopsTheNativeDecode() throws IOException {
        Path file = new JpegVariants(0.9f, 2, 2, 0, false).write(TestFiles.picture(1200, 900), folder.resolve("a.jpg"));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> nativePath.render(file, ThumbnailSpec.DEFAULT))
                    .isInstanceOf(CancelledException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theFusedPathReportsDecodeAndBlurTimesApart() throws IOException {
        Path file = new JpegVariants(0.9f, 2, 2, 0, false).write(TestFiles.picture(2000, 1500), folder.resolve("b.jpg"));

        Thumbnail thumbnail = nativePath.render(file, ThumbnailSpec.DEFAULT);

        assertThat(thumbnail.decodeNanos()).isPositive();
        assertThat(thumbnail.blurNanos()).isPositive();
        assertThat(thumbnail.sourceWidth()).isEqualTo(2000);
        assertThat(thumbnail.sourceHeight()).isEqualTo(1500);
    }

    /** The native decode itself accepted the file: it did not quietly fall back to ImageIO. */
    private static void assertTakesTheNativePath(Path file) throws IOException {
        Optional<NativeJpeg.Header> header = header(file);
        assertThat(header).as("libjpeg's header of %s", file).isPresent();
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.allocateDirect(bytes.length).put(bytes);
        assertThat(NativeJpeg.blurAndReduce(data, bytes.length, header.get(), 2, 2)).isPresent();
    }

    private static Optional<NativeJpeg.Header> header(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.allocateDirect(bytes.length).put(bytes);
        return NativeJpeg.header(data, bytes.length);
    }

    private static byte[] written(FaithfulPipeline pipeline, Path source) throws IOException {
        Thumbnail thumbnail = pipeline.render(source, ThumbnailSpec.DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pipeline.write(thumbnail, thumbnail.sourceFormat(), out);
        return out.toByteArray();
    }

    private static String failure(FaithfulPipeline pipeline, Path source) {
        try {
            pipeline.render(source, ThumbnailSpec.DEFAULT);
            return "no failure";
        } catch (ImageFailure e) {
            return e.getMessage();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The bytes written, or the failure's reason. */
    private static String outcome(FaithfulPipeline pipeline, Path source) {
        try {
            return Arrays.toString(written(pipeline, source));
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** A JFIF JPEG without its APP0 segment, as cameras write them (they have EXIF instead). */
    private static byte[] withoutApp0(byte[] jpeg) {
        assertThat(jpeg[2] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[3] & 0xFF).isEqualTo(0xE0);
        int length = (jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF;
        byte[] out = new byte[jpeg.length - 2 - length];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        System.arraycopy(jpeg, 4 + length, out, 2, jpeg.length - 4 - length);
        return out;
    }
}
