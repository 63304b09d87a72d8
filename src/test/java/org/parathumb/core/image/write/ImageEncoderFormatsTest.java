package org.parathumb.core.image.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.OutputFormat;
import org.parathumb.core.image.PixelLayout;

/** Thumbnails in every writable format, from every layout, read back by ImageIO. */
class ImageEncoderFormatsTest {

    private final ImageEncoder encoder = new ImageEncoder();

    @ParameterizedTest(name = "{1} into {0}")
    @CsvSource({
        "JPEG, GRAY, false", "JPEG, RGB, false", "JPEG, RGBA, false",
        "PNG, GRAY, false", "PNG, RGB, false", "PNG, RGBA, true",
        "GIF, GRAY, false", "GIF, RGB, false", "GIF, RGBA, true",
        "BMP, GRAY, false", "BMP, RGB, false", "BMP, RGBA, false",
        "TIFF, GRAY, false", "TIFF, RGB, false", "TIFF, RGBA, true"})
    void everyWritableFormatTakesEveryLayout(ImageFormat format, PixelLayout layout, boolean keepsTransparency)
            throws IOException {
        BufferedImage thumbnail = thumbnail(layout);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        encoder.write(thumbnail, format, out);

        byte[] bytes = out.toByteArray();
        assertThat(ImageFormat.sniff(bytes, bytes.length)).contains(format);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(read.getWidth()).isEqualTo(50);
        assertThat(read.getHeight()).isEqualTo(30);
        int corner = read.getRGB(0, 0);
        if (keepsTransparency) {
            assertThat(corner >>> 24).as("transparent corner stays transparent").isLessThan(128);
        } else if (layout == PixelLayout.RGBA) {
            int darkest = Math.min(corner >> 16 & 0xFF, Math.min(corner >> 8 & 0xFF, corner & 0xFF));
            assertThat(darkest).as("transparent corner flattened on white (JPEG is lossy)").isGreaterThan(245);
        }
    }

    @Test
    void webpCannotBeWrittenSoItsThumbnailsArePngs() {
        assertThat(ImageFormat.WEBP.isWritable()).isFalse();
        assertThat(OutputFormat.SAME.resolve(ImageFormat.WEBP)).isEqualTo(ImageFormat.PNG);
        assertThat(OutputFormat.SAME.resolve(ImageFormat.TIFF)).isEqualTo(ImageFormat.TIFF);
        assertThatThrownBy(() -> encoder.write(thumbnail(PixelLayout.RGB), ImageFormat.WEBP, new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @CsvSource({"a.JPG, JPEG", "b.jpeg, JPEG", "c.Png, PNG", "d.gif, GIF", "e.BMP, BMP", "f.tif, TIFF", "g.TIFF, TIFF",
        "h.webp, WEBP", "i.txt, ", "noextension, ", ".jpg, "})
    void extensionsAreRecognisedInAnyCase(String name, ImageFormat format) {
        assertThat(ImageFormat.fromFileName(java.nio.file.Path.of(name))).isEqualTo(Optional.ofNullable(format));
    }

    /** 50x30 with a fully transparent top-left corner when there is alpha. */
    private static BufferedImage thumbnail(PixelLayout layout) {
        BufferedImage image = layout.create(50, 30);
        byte[] samples = PixelLayout.samples(image);
        int c = layout.channels();
        for (int p = 0; p < 50 * 30; p++) {
            int x = p % 50;
            int y = p / 50;
            for (int k = 0; k < c; k++) {
                samples[p * c + k] = (byte) (k == 3 ? (x < 10 && y < 10 ? 0 : 255) : (x * 5 + k * 40));
            }
        }
        return image;
    }
}
