package org.parathumb.core.image.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.ThumbnailSize;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder();

    @TempDir
    Path dir;

    /** The three PNG inputs are 16-bit: like Pillow, the decoder keeps each sample's high byte. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "landscape.jpg, RGB, JPEG, 8", "gray.jpg, GRAY, JPEG, 8", "small.png, RGB, PNG, 16",
        "alpha.png, RGBA, PNG, 16", "edges.png, RGBA, PNG, 16"})
    void imagesKeepTheirChannelsWithEightBitSamples(String input, PixelLayout layout, ImageFormat format, int bits)
            throws IOException {
        DecodedImage decoded = decoder.decode(Samples.resourcePath("input/" + input), new Scratch());

        assertThat(PixelLayout.of(decoded.image())).contains(layout);
        assertThat(decoded.format()).isEqualTo(format);
        BufferedImage plain = Samples.resource("input/" + input);
        assertThat(plain.getColorModel().getComponentSize(0)).isEqualTo(bits);
        Samples raw = Samples.of(plain);
        int[] highBytes = java.util.Arrays.stream(raw.values()).map(v -> v >> (bits - 8)).toArray();
        Samples expected = new Samples(raw.width(), raw.height(), raw.bands(), highBytes);
        Samples actual = Samples.of(decoded.image());
        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }

    @Test
    void aThreadsBufferIsReusedForImagesOfTheSameSize() throws IOException {
        Scratch scratch = new Scratch();
        Path input = Samples.resourcePath("input/landscape.jpg");

        byte[] first = PixelLayout.samples(decoder.decode(input, scratch).image());
        byte[] second = PixelLayout.samples(decoder.decode(input, scratch).image());

        assertThat(second).isSameAs(first);
    }

    @Test
    void aPaletteImageBecomesRgbOrRgbaWhenItHasTransparency() throws IOException {
        byte[] r = {0, (byte) 255, 10};
        byte[] g = {0, 0, 20};
        byte[] b = {0, 0, 30};
        byte[] a = {(byte) 255, (byte) 255, 0};
        Path opaque = writePng(palette(new IndexColorModel(2, 3, r, g, b)), "opaque.png");
        Path transparent = writePng(palette(new IndexColorModel(2, 3, r, g, b, a)), "transparent.png");

        BufferedImage rgb = decoder.decode(opaque, new Scratch()).image();
        BufferedImage rgba = decoder.decode(transparent, new Scratch()).image();

        assertThat(PixelLayout.of(rgb)).contains(PixelLayout.RGB);
        assertThat(rgb.getRaster().getPixel(1, 0, (int[]) null)).containsExactly(255, 0, 0);
        assertThat(PixelLayout.of(rgba)).contains(PixelLayout.RGBA);
        assertThat(rgba.getRaster().getPixel(2, 0, (int[]) null)).containsExactly(10, 20, 30, 0);
    }

    @Test
    void sixteenBitSamplesKeepTheirHighByte() throws IOException {
        BufferedImage deep = ImageTypeSpecifier.createInterleaved(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB),
                new int[] {0, 1, 2}, java.awt.image.DataBuffer.TYPE_USHORT, false, false).createBufferedImage(2, 1);
        deep.getRaster().setPixel(0, 0, new int[] {0x1234, 0xABCD, 0xFFFF});
        deep.getRaster().setPixel(1, 0, new int[] {0x00FF, 0x0100, 0x8080});

        BufferedImage decoded = decoder.decode(writePng(deep, "deep.png"), new Scratch()).image();

        assertThat(PixelLayout.of(decoded)).contains(PixelLayout.RGB);
        assertThat(decoded.getRaster().getPixels(0, 0, 2, 1, (int[]) null))
                .containsExactly(0x12, 0xAB, 0xFF, 0x00, 0x01, 0x80);
    }

    @Test
    void grayWithAlphaBecomesRgba() throws IOException {
        BufferedImage grayAlpha = ImageTypeSpecifier.createGrayscale(8, java.awt.image.DataBuffer.TYPE_BYTE, false, false)
                .createBufferedImage(1, 1);
        grayAlpha.getRaster().setPixel(0, 0, new int[] {77, 200});

        BufferedImage decoded = decoder.decode(writePng(grayAlpha, "la.png"), new Scratch()).image();

        assertThat(PixelLayout.of(decoded)).contains(PixelLayout.RGBA);
        assertThat(decoded.getRaster().getPixel(0, 0, (int[]) null)).containsExactly(77, 77, 77, 200);
    }

    private static BufferedImage palette(IndexColorModel model) {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY, model);
        WritableRaster raster = image.getRaster();
        raster.setSample(0, 0, 0, 0);
        raster.setSample(1, 0, 0, 1);
        raster.setSample(2, 0, 0, 2);
        return image;
    }

    private Path writePng(BufferedImage image, String name) throws IOException {
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
        return file;
    }

    @Test
    void aRuntimeExceptionRaisedInParathumbsOwnCodeIsABugNotCorruptImageData() {
        RuntimeException bug = catchRuntimeException(() -> new ThumbnailSize(0, 0));

        assertThatThrownBy(() -> FailureWording.classify(bug, List.of(), -1, false)).isSameAs(bug);
    }

    @Test
    void aRuntimeExceptionOfAnImageReaderOnDamagedDataIsCorruptImageData() {
        RuntimeException reader = new ArrayIndexOutOfBoundsException("Index 4096 out of bounds for length 4096");
        reader.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.lang.System", "arraycopy", "System.java", -2),
            new StackTraceElement("com.sun.imageio.plugins.png.PNGImageReader", "decodePass", "PNGImageReader.java", 1),
            new StackTraceElement("javax.imageio.ImageReader", "read", "ImageReader.java", 1),
            new StackTraceElement(ImageDecoder.class.getName(), "decode", "ImageDecoder.java", 1),
        });

        ImageFailure failure = FailureWording.classify(reader, List.of(), -1, false);

        assertThat(failure.kind()).isEqualTo(ImageFailure.Kind.CORRUPT);
        assertThat(failure).hasMessageStartingWith("corrupt image data");
    }
}
