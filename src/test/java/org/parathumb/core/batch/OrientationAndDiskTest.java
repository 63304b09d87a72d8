package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parathumb.core.image.Orientation;
import org.parathumb.core.image.OutputFormat;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.ThumbnailSize;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

/** EXIF orientation through a whole job, and a disk that fills up while a thumbnail is written. */
class OrientationAndDiskTest {

    /** A non-square box, so that choosing the box for the turned image matters. */
    private static final ThumbnailSpec BOX = new ThumbnailSpec(40, 20, 0, OutputFormat.PNG);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Orientation.class)
    void aTurnedPhotoGivesAnUprightThumbnailInTheBox(Orientation orientation) throws IOException {
        BufferedImage upright = TestFiles.quadrants(120, 80);
        BufferedImage stored = orientation.inverse().apply(toRgbLayout(upright));
        Path source = TestFiles.write(dir.resolve("photo.jpg"),
                TestFiles.withExifOrientation(TestFiles.jpeg(stored), orientation.tag()));
        Path target = dir.resolve("thumbs/photo.png");
        Files.createDirectories(target.getParent());

        ImageResult result = processor(true).process(new ImageJob(source, target));

        assertThat(result.failureReason()).isEmpty();
        ThumbnailSize expected = ThumbnailSize.fit(120, 80, 40, 20).orElseThrow();
        BufferedImage thumb = ImageIO.read(target.toFile());
        assertThat(thumb.getWidth()).isEqualTo(expected.width());
        assertThat(thumb.getHeight()).isEqualTo(expected.height());
        assertThat(result.sourceWidth()).isEqualTo(120);
        assertThat(result.sourceHeight()).isEqualTo(80);
        int w = thumb.getWidth();
        int h = thumb.getHeight();
        assertThat(colour(thumb, w / 4, h / 4)).as("top left").isEqualTo("red");
        assertThat(colour(thumb, 3 * w / 4, h / 4)).as("top right").isEqualTo("green");
        assertThat(colour(thumb, w / 4, 3 * h / 4)).as("bottom left").isEqualTo("blue");
        assertThat(colour(thumb, 3 * w / 4, 3 * h / 4)).as("bottom right").isEqualTo("yellow");
    }

    @Test
    void withOrientationOffTheStoredPixelsAreThumbnailedAsPillowWould() throws IOException {
        BufferedImage stored = Orientation.ROTATE_270.apply(toRgbLayout(TestFiles.quadrants(120, 80)));
        Path source = TestFiles.write(dir.resolve("photo.jpg"),
                TestFiles.withExifOrientation(TestFiles.jpeg(stored), Orientation.ROTATE_90.tag()));
        Path target = dir.resolve("photo-thumb.png");

        processor(false).process(new ImageJob(source, target));

        BufferedImage thumb = ImageIO.read(target.toFile());
        ThumbnailSize expected = ThumbnailSize.fit(80, 120, 40, 20).orElseThrow();
        assertThat(thumb.getWidth()).isEqualTo(expected.width());
        assertThat(thumb.getHeight()).isEqualTo(expected.height());
    }

    @Test
    void aFullDiskFailsTheJobCleanlyAndLeavesNoFileBehind() throws IOException {
        Path devFull = Path.of("/dev/full");
        org.assertj.core.api.Assumptions.assumeThat(Files.exists(devFull)).as("/dev/full exists").isTrue();
        Path source = TestFiles.write(dir.resolve("photo.jpg"), TestFiles.jpeg(TestFiles.picture(200, 150)));
        Path out = Files.createDirectories(dir.resolve("thumbs"));
        // Every byte goes to /dev/full, whose writes fail with ENOSPC as on a full disk.
        ImageProcessor processor = new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT,
                ProcessingOptions.DEFAULT, MemoryBudget.ofHeap(), temp -> Files.newOutputStream(devFull));

        ImageResult result = processor.process(new ImageJob(source, out.resolve("photo.jpg")));

        assertThat(result.failureReason()).contains("cannot write the thumbnail: the disk is full");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    private static ImageProcessor processor(boolean orientation) {
        return new ImageProcessor(new FaithfulPipeline(), BOX, ProcessingOptions.DEFAULT.withOrientation(orientation),
                MemoryBudget.ofHeap());
    }

    private static BufferedImage toRgbLayout(BufferedImage image) {
        BufferedImage out = org.parathumb.core.image.PixelLayout.RGB.create(image.getWidth(), image.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                out.getRaster().setPixel(x, y, new int[] {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF});
            }
        }
        return out;
    }

    private static String colour(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        boolean r = (rgb >> 16 & 0xFF) > 160;
        boolean g = (rgb >> 8 & 0xFF) > 160;
        boolean b = (rgb & 0xFF) > 160;
        if (r && g && !b) {
            return "yellow";
        }
        return r && !g && !b ? "red" : g && !r && !b ? "green" : b && !r && !g ? "blue" : "mixed " + Integer.toHexString(rgb);
    }
}
