package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parathumb.core.image.Fit;
import org.parathumb.core.image.OutputOptions;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.Pipelines;
import org.junit.jupiter.api.Test;

class FitTest {

    @TempDir
    Path dir;

    private static Path image(Path file, int width, int height, long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | random.nextInt(64));
            }
        }
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    private ImageResult process(String pipeline, Fit fit, int w, int h, Path source, String target) {
        ImageProcessor processor = new ImageProcessor(Pipelines.byName(pipeline), ThumbnailSpec.DEFAULT.withSize(w, h))
                .withOutput(OutputOptions.DEFAULT.withFit(fit));
        return processor.process(new ImageJob(source, dir.resolve(target)));
    }

    @ParameterizedTest(name = "{0} {1} {2}x{3} of {4}x{5}")
    @CsvSource({
            "faithful, cover, 50, 50, 640, 480", "faithful, cover, 50, 50, 480, 640", "faithful, crop, 50, 50, 900, 200",
            "faithful, cover, 80, 40, 300, 400", "faithful, crop, 30, 60, 640, 481", "fast, cover, 64, 64, 1200, 800",
            "fast, crop, 100, 30, 800, 1200", "faithful, cover, 50, 50, 33, 20", "faithful, crop, 120, 90, 7, 500"})
    void coverAndCropGiveExactlyTheBoxWhateverTheSourcesShape(String pipeline, String fit, int w, int h,
            int sourceWidth, int sourceHeight) throws IOException {
        Path source = image(dir.resolve("in.jpg"), sourceWidth, sourceHeight, 1);

        ImageResult result = process(pipeline, Fit.fromId(fit), w, h, source, "out.jpg");

        assertThat(result.isDone()).as(result.failure()).isTrue();
        BufferedImage written = ImageIO.read(dir.resolve("out.jpg").toFile());
        assertThat(new int[] {written.getWidth(), written.getHeight()}).containsExactly(w, h);
        assertThat(new int[] {result.thumbnailWidth(), result.thumbnailHeight()}).containsExactly(w, h);
    }

    @Test
    void containWritesTheSameBytesAsAProcessorThatNeverHeardOfFit() throws IOException {
        Path source = image(dir.resolve("in.jpg"), 640, 480, 2);
        new ImageProcessor(Pipelines.byName("faithful"), ThumbnailSpec.DEFAULT)
                .process(new ImageJob(source, dir.resolve("plain.jpg")));

        process("faithful", Fit.CONTAIN, 50, 50, source, "contain.jpg");

        assertThat(Files.readAllBytes(dir.resolve("contain.jpg"))).isEqualTo(Files.readAllBytes(dir.resolve("plain.jpg")));
    }

    @Test
    void cropKeepsTheDetailedPartWhereCoverKeepsTheCentre() throws IOException {
        // A wide image: flat grey on the left three quarters, noise on the right quarter.
        BufferedImage image = new BufferedImage(900, 300, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(3);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 900; x++) {
                int v = x < 675 ? 128 : random.nextInt(256);
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        Path source = dir.resolve("half.png");
        ImageIO.write(image, "png", source.toFile());
        ThumbnailSpec box = ThumbnailSpec.DEFAULT.withSize(60, 60).withBlurRadius(0);

        for (Fit fit : new Fit[] {Fit.COVER, Fit.CROP}) {
            new ImageProcessor(Pipelines.byName("faithful"), box).withOutput(OutputOptions.DEFAULT.withFit(fit))
                    .process(new ImageJob(source, dir.resolve(fit.id() + ".png")));
        }

        assertThat(spread(ImageIO.read(dir.resolve("cover.png").toFile()))).isZero();
        assertThat(spread(ImageIO.read(dir.resolve("crop.png").toFile()))).isGreaterThan(40);
    }

    private static int spread(BufferedImage image) {
        int min = 255;
        int max = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = image.getRGB(x, y) & 0xFF;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return max - min;
    }
}
