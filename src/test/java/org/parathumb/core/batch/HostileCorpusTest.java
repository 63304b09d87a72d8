package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.OutputFormat;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

/**
 * A folder of what users really drop on Parathumb, built at test time: every format and variant,
 * misnamed and upper-case files, and every kind of broken file. One batch over it must finish
 * every good image, explain every bad one in one line, write nothing for a failure and change
 * no source.
 */
class HostileCorpusTest {

    @TempDir
    Path dir;

    private Path in;
    /** Good sources (relative path) and the thumbnail each must give (relative to thumbs/). */
    private final Map<String, String> good = new LinkedHashMap<>();
    /** Bad sources (relative path) and the reason each must give, as a regular expression. */
    private final Map<String, String> bad = new LinkedHashMap<>();

    @BeforeEach
    void buildTheCorpus() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        BufferedImage photo = TestFiles.picture(160, 120);
        byte[] jpeg = TestFiles.jpeg(photo);
        goodFile("baseline.jpg", jpeg, "baseline.jpg");
        goodFile("progressive.jpeg", TestFiles.progressiveJpeg(photo), "progressive.jpeg");
        goodFile("gray.jpg", TestFiles.jpeg(TestFiles.gray(160, 120)), "gray.jpg");
        goodFile("cmyk.jpg", TestFiles.cmykJpeg(160, 120, 0), "cmyk.jpg");
        goodFile("ycck.jpg", TestFiles.cmykJpeg(160, 120, 2), "ycck.jpg");
        goodFile("srgb-profile.jpg", TestFiles.withIccProfile(jpeg, ICC_Profile.getInstance(ColorSpace.CS_sRGB)),
                "srgb-profile.jpg");
        goodFile("linear-profile.jpg", TestFiles.withIccProfile(jpeg, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB)),
                "linear-profile.jpg");
        goodFile("turned.jpg", TestFiles.withExifOrientation(jpeg, 6), "turned.jpg");
        goodFile("UPPER.JPG", jpeg, "UPPER.JPG");
        goodFile("rgba.png", TestFiles.encode(TestFiles.rgba(160, 120), "png"), "rgba.png");
        goodFile("deep.png", TestFiles.encode(TestFiles.sixteenBit(160, 120, false), "png"), "deep.png");
        goodFile("gray16.png", TestFiles.encode(TestFiles.sixteenBit(160, 120, true), "png"), "gray16.png");
        goodFile("palette.Png", TestFiles.encode(TestFiles.palette(160, 120, true), "png"), "palette.Png");
        goodFile("frames.gif", TestFiles.twoFrameGif(160, 120), "frames.gif");
        goodFile("picture.bmp", TestFiles.encode(photo, "bmp"), "picture.bmp");
        goodFile("picture.tif", TestFiles.encode(photo, "tiff"), "picture.tif");
        goodFile("lossless.webp", TestFiles.webp(TestFiles.LOSSLESS_WEBP), "lossless.png");
        goodFile("lossy.WEBP", TestFiles.webp(TestFiles.LOSSY_WEBP), "lossy.png");
        goodFile("png-inside.jpg", TestFiles.encode(photo, "png"), "png-inside.jpg");
        goodFile("sub/baseline.jpg", jpeg, "sub/baseline.jpg");

        byte[] random = new byte[4096];
        new Random(11).nextBytes(random);
        badFile("empty.jpg", new byte[0], "empty file \\(0 bytes\\)");
        badFile("notes.jpg", "shopping list: milk, eggs\n".getBytes(), "not an image \\(unrecognised content\\)");
        badFile("noise.png", random, "not an image \\(unrecognised content\\)");
        badFile("cut.jpg", TestFiles.truncated(TestFiles.jpeg(TestFiles.picture(320, 240)), 38),
                "truncated \\(decoded \\d{1,2}% of rows\\)");
        badFile("cut.png", TestFiles.truncated(TestFiles.encode(photo, "png"), 60), "truncated \\(.+\\)");
        badFile("corrupt.jpg", TestFiles.corruptEntropy(TestFiles.jpeg(TestFiles.picture(320, 240))),
                "corrupt image data \\(.+\\)");
        badFile("huge.png", TestFiles.pngClaiming(60_000, 60_000),
                "too large \\(60000x60000 is 3,600,000,000 pixels; the limit is 178,956,970\\)");
        badFile("zz-deleted.jpg", jpeg, "file not found \\(moved or deleted\\?\\)");
        Path pipe = TestFiles.fifo(in.resolve("pipe.jpg"));
        if (pipe != null) {
            bad.put("pipe.jpg", "not a regular file \\(a device, pipe or socket\\)");
        }
        Files.createSymbolicLink(in.resolve("gone.jpg"), in.resolve("nowhere.jpg"));
        bad.put("gone.jpg", "file not found \\(moved or deleted\\?\\)");

        // Never jobs: hidden files, other files, and a link cycle to walk around.
        TestFiles.write(in.resolve(".hidden.jpg"), jpeg);
        TestFiles.write(in.resolve("readme.txt"), "not an image name".getBytes());
        Files.createSymbolicLink(in.resolve("sub/loop"), in);
    }

    @Test
    void everyGoodFileIsDoneEveryBadOneExplainedAndNothingElseWritten() throws IOException {
        Map<Path, byte[]> bytes = new HashMap<>();
        Map<Path, FileTime> times = new HashMap<>();
        for (Path source : regularFiles(in)) {
            bytes.put(source, Files.readAllBytes(source));
            times.put(source, Files.getLastModifiedTime(source));
        }
        List<ImageJob> jobs = new SourceScanner().scan(
                new ScanRequest(List.of(in), Optional.empty(), true, OutputFormat.SAME));
        SourceScanner.prepareOutputFolders(jobs);
        ImageProcessor processor = new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT);
        // The first result deletes a file whose job has not started: it must be reported, not crash.
        BatchListener deleteOnce = result -> {
            try {
                Files.deleteIfExists(in.resolve("zz-deleted.jpg"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };

        BatchSummary summary = new BatchRunner(processor).run(jobs, Runnable::run, 1, deleteOnce);

        Map<String, ImageResult> results = summary.results().stream()
                .collect(Collectors.toMap(r -> in.relativize(r.job().source()).toString(), r -> r));
        assertThat(results.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(good.keySet().stream(), bad.keySet().stream()).toList());
        good.forEach((source, thumb) -> {
            ImageResult result = results.get(source);
            assertThat(result.failureReason()).as(source).isEmpty();
            assertThat(result.isDone()).as(source).isTrue();
            Path file = in.resolve("thumbs").resolve(thumb);
            assertThat(file).as(source).isRegularFile();
            assertThat(readable(file)).as(source + " thumbnail decodes").isTrue();
        });
        bad.forEach((source, reason) -> assertThat(results.get(source).failureReason()).as(source)
                .hasValueSatisfying(r -> assertThat(r).matches(reason)));
        Path thumbs = in.resolve("thumbs");
        assertThat(regularFiles(thumbs)).extracting(p -> thumbs.relativize(p).toString())
                .containsExactlyInAnyOrderElementsOf(good.values());
        for (Path source : regularFiles(in)) {
            if (source.startsWith(thumbs)) {
                continue;
            }
            assertThat(Files.readAllBytes(source)).as(source.toString()).isEqualTo(bytes.get(source));
            assertThat(Files.getLastModifiedTime(source)).as(source.toString()).isEqualTo(times.get(source));
        }
    }

    @Test
    void theTurnedPhotoStandsUpright() throws IOException {
        List<ImageJob> jobs = new SourceScanner().scan(new ScanRequest(
                List.of(in.resolve("turned.jpg")), Optional.empty(), false, OutputFormat.SAME));
        SourceScanner.prepareOutputFolders(jobs);

        ImageResult result = new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT).process(jobs.get(0));

        assertThat(result.isDone()).isTrue();
        assertThat(result.thumbnailWidth()).isLessThan(result.thumbnailHeight());
    }

    private void goodFile(String name, byte[] bytes, String thumbnail) {
        TestFiles.write(in.resolve(name), bytes);
        good.put(name, thumbnail);
    }

    private void badFile(String name, byte[] bytes, String reason) {
        TestFiles.write(in.resolve(name), bytes);
        bad.put(name, reason);
    }

    private static boolean readable(Path file) {
        try {
            return ImageIO.read(file.toFile()) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
