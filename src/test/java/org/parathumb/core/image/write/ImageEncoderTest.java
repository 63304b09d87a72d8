package org.parathumb.core.image.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.PixelLayout;

class ImageEncoderTest {

    private final ImageEncoder encoder = new ImageEncoder();

    @Test
    void rgbaGoesToJpegFlattenedOnWhite() throws IOException {
        BufferedImage rgba = PixelLayout.RGBA.create(16, 16);
        byte[] samples = PixelLayout.samples(rgba);
        for (int i = 0; i < samples.length; i += 4) {
            samples[i] = (byte) 255;
            samples[i + 3] = 0;
        }
        var out = new ByteArrayOutputStream();

        encoder.write(rgba, ImageFormat.JPEG, out);

        BufferedImage read = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.getRaster().getNumBands()).isEqualTo(3);
        assertThat(read.getRaster().getPixel(8, 8, (int[]) null)).containsExactly(255, 255, 255);
    }

    @Test
    void flatteningWeighsColourAgainstWhiteByAlpha() {
        BufferedImage rgba = PixelLayout.RGBA.create(1, 1);
        byte[] samples = PixelLayout.samples(rgba);
        samples[0] = 0;
        samples[1] = (byte) 100;
        samples[2] = (byte) 255;
        samples[3] = (byte) 128;

        BufferedImage flat = ImageEncoder.flattenOnWhite(rgba);

        assertThat(flat.getRaster().getPixel(0, 0, (int[]) null)).containsExactly(127, 177, 255);
    }

    @Test
    void jpegHeaderSaysJfif101AsPillowWrites() throws IOException {
        var out = new ByteArrayOutputStream();

        encoder.write(PixelLayout.RGB.create(8, 8), ImageFormat.JPEG, out);

        byte[] bytes = out.toByteArray();
        assertThat(new String(bytes, 6, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("JFIF");
        assertThat(bytes[11]).isEqualTo((byte) 1);
        assertThat(bytes[12]).isEqualTo((byte) 1);
    }
}
