package org.parathumb.core.image.nativecodec;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parathumb.core.image.JpegVariants;
import org.parathumb.core.image.jpeg.JpegColour;
import org.parathumb.core.image.jpeg.ScaledJpegDecoder;
import org.parathumb.core.image.jpeg.UnsupportedJpegException;
import org.parathumb.core.image.read.JpegStructure;

/**
 * One "plain YCbCr" rule for every fast JPEG path: {@link JpegColour#isPlainYCbCr()} says which
 * headers are plain, and libjpeg's native header (its C twin) and the pure-Java scaled decoder
 * take exactly those, so the fast pipeline decodes a file the same way whichever path it has.
 */
class JpegColourAgreementTest {

    @TempDir
    Path dir;

    static Stream<Arguments> headers() {
        byte[] rgb = JpegVariants.BASELINE_420.encode(picture(BufferedImage.TYPE_INT_RGB));
        byte[] noJfif123 = JpegVariants.withColourMarkers(rgb, false, 1, 2, 3);
        return Stream.of(
                Arguments.of("JFIF YCbCr", rgb, true),
                Arguments.of("gray", JpegVariants.BASELINE_420.encode(picture(BufferedImage.TYPE_BYTE_GRAY)), true),
                Arguments.of("ids 1 2 3, no JFIF", noJfif123, true),
                Arguments.of("ids R G B, no JFIF", JpegVariants.withColourMarkers(rgb, false, 'R', 'G', 'B'), false),
                Arguments.of("ids 4 5 6, no JFIF: YCbCr guessed",
                        JpegVariants.withColourMarkers(rgb, false, 4, 5, 6), false),
                Arguments.of("Adobe 1", JpegVariants.withSegment(noJfif123, 0xEE, JpegVariants.adobe(1)), true),
                Arguments.of("Adobe 0: RGB", JpegVariants.withSegment(noJfif123, 0xEE, JpegVariants.adobe(0)), false),
                Arguments.of("Adobe 2 on three components: YCbCr guessed",
                        JpegVariants.withSegment(noJfif123, 0xEE, JpegVariants.adobe(2)), false),
                Arguments.of("JFIF and Adobe 0: JFIF wins, YCbCr",
                        JpegVariants.withSegment(rgb, 0xEE, JpegVariants.adobe(0)), true),
                Arguments.of("sRGB profile", JpegVariants.withSegment(rgb, 0xE2, JpegVariants.iccSrgb()), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void theNativeHeaderAndTheJavaScaledDecoderTakeWhatJpegColourCallsPlainYCbCr(String name, byte[] jpeg,
            boolean plain) throws Exception {
        NativeRequired.require(NativeLibrary.decodesJpeg(), NativeLibrary::status);
        Path file = Files.write(dir.resolve("a.jpg"), jpeg);

        JpegColour colour = JpegStructure.read(file).colour();
        ByteBuffer data = ByteBuffer.allocateDirect(jpeg.length).put(jpeg).flip();
        boolean nativeTakes = NativeJpeg.header(data, jpeg.length).isPresent();
        boolean javaTakes = javaScaledDecoderTakes(file);

        assertThat(colour.isPlainYCbCr()).as("JpegColour on %s (%s)", name, colour).isEqualTo(plain);
        assertThat(nativeTakes).as("libjpeg's header on %s", name).isEqualTo(plain);
        assertThat(javaTakes).as("ScaledJpegDecoder on %s", name).isEqualTo(plain);
    }

    private static boolean javaScaledDecoderTakes(Path file) throws Exception {
        try {
            ScaledJpegDecoder decoder = new ScaledJpegDecoder();
            decoder.decode(decoder.open(file), 8);
            return true;
        } catch (UnsupportedJpegException e) {
            return false;
        }
    }

    private static BufferedImage picture(int type) {
        BufferedImage image = new BufferedImage(96, 64, type);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, (x * 2 << 16) | (y * 3 << 8) | ((x + y) & 0xFF));
            }
        }
        return image;
    }
}
