package org.parathumb.core.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {

    @TempDir
    Path dir;

    private final SampleGenerator generator = new SampleGenerator();

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherOnes() throws IOException {
        List<Path> first = generator.generate(dir.resolve("a"), 3, 0.05, 7);
        List<Path> again = generator.generate(dir.resolve("b"), 3, 0.05, 7);
        List<Path> other = generator.generate(dir.resolve("c"), 3, 0.05, 8);

        for (int i = 0; i < 3; i++) {
            assertThat(Files.readAllBytes(again.get(i))).isEqualTo(Files.readAllBytes(first.get(i)));
            assertThat(Files.readAllBytes(other.get(i))).isNotEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    @Test
    void kindsCycleThroughPhotosGrayAndAlpha() throws IOException {
        List<Path> files = generator.generate(dir, 6, 0.12, 1);

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                "sample-01-landscape.jpg", "sample-02-portrait.jpg", "sample-03-gray.jpg",
                "sample-04-alpha.png", "sample-05-wide.jpg", "sample-06-graphic.png");
        BufferedImage landscape = ImageIO.read(files.get(0).toFile());
        BufferedImage portrait = ImageIO.read(files.get(1).toFile());
        BufferedImage gray = ImageIO.read(files.get(2).toFile());
        BufferedImage alpha = ImageIO.read(files.get(3).toFile());
        assertThat(landscape.getWidth()).isGreaterThan(landscape.getHeight());
        assertThat(portrait.getHeight()).isGreaterThan(portrait.getWidth());
        assertThat(gray.getRaster().getNumBands()).isEqualTo(1);
        assertThat(alpha.getColorModel().hasAlpha()).isTrue();
        assertThat(alpha.getRGB(0, 0) >>> 24).isLessThan(255);
        assertThat(alpha.getRGB(alpha.getWidth() / 2, alpha.getHeight() / 2) >>> 24).isEqualTo(255);
    }

    @Test
    void photosHaveTheAskedMegapixelsAndRealTexture() throws IOException {
        Path photo = generator.generate(dir, 1, 0.48, 3).get(0);

        BufferedImage image = ImageIO.read(photo.toFile());
        assertThat(image.getWidth() * image.getHeight()).isBetween(470_000, 490_000);
        assertThat(java.util.Arrays.stream(image.getRGB(0, image.getHeight() / 2, image.getWidth(), 1, null, 0,
                image.getWidth())).distinct().count()).as("a row of a photo is not flat colour").isGreaterThan(50);
    }
}
