package org.parathumb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.TestFiles;

/** The command line over real-world and hostile input: one line per bad file, limits, orientation. */
class RunCommandRobustnessTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ParathumbCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void eachBrokenFileGetsOneLineTheGoodOnesAreDoneAndTheExitCodeIsOne() throws IOException {
        byte[] jpeg = TestFiles.jpeg(TestFiles.picture(320, 240));
        TestFiles.write(dir.resolve("good.jpg"), jpeg);
        TestFiles.write(dir.resolve("Good.PNG"), TestFiles.encode(TestFiles.picture(80, 60), "png"));
        TestFiles.write(dir.resolve("empty.jpg"), new byte[0]);
        TestFiles.write(dir.resolve("bad.jpg"), "a shopping list".getBytes());
        TestFiles.write(dir.resolve("cut.jpg"), TestFiles.truncated(jpeg, 38));
        TestFiles.write(dir.resolve("huge.png"), TestFiles.pngClaiming(60_000, 60_000));

        int code = run("run", dir.toString(), "--workers", "1");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(4);
        assertThat(err.toString())
                .containsPattern("(?m)empty\\.jpg: empty file \\(0 bytes\\)$")
                .containsPattern("(?m)bad\\.jpg: not an image \\(unrecognised content\\)$")
                .containsPattern("(?m)cut\\.jpg: truncated \\(decoded \\d{1,2}% of rows\\)$")
                .containsPattern("(?m)huge\\.png: too large \\(60000x60000 is 3,600,000,000 pixels; the limit is 178,956,970\\)$");
        assertThat(out.toString()).contains("6 images, 4 failed");
        try (Stream<Path> thumbs = Files.list(dir.resolve("thumbs"))) {
            assertThat(thumbs.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("good.jpg", "Good.PNG");
        }
    }

    @Test
    void orientationIsAppliedByDefaultAndNoOrientationKeepsTheStoredPixels() throws IOException {
        TestFiles.write(dir.resolve("turned.jpg"),
                TestFiles.withExifOrientation(TestFiles.jpeg(TestFiles.picture(64, 48)), 6));

        assertThat(run("run", dir.toString())).isZero();
        BufferedImage upright = ImageIO.read(dir.resolve("thumbs/turned.jpg").toFile());
        assertThat(run("run", dir.toString(), "--no-orientation")).isZero();
        BufferedImage stored = ImageIO.read(dir.resolve("thumbs/turned.jpg").toFile());

        assertThat(upright.getWidth()).isEqualTo(38);
        assertThat(upright.getHeight()).isEqualTo(50);
        assertThat(stored.getWidth()).isEqualTo(50);
        assertThat(stored.getHeight()).isEqualTo(38);
    }

    @Test
    void thePixelLimitCanBeLoweredAndRefusesFromTheHeader() {
        TestFiles.write(dir.resolve("photo.jpg"), TestFiles.jpeg(TestFiles.picture(64, 48)));

        int code = run("run", dir.toString(), "--pixel-limit", "1000");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("photo.jpg: too large (64x48 is 3,072 pixels; the limit is 1,000)");
        assertThat(dir.resolve("thumbs/photo.jpg")).doesNotExist();
    }

    @Test
    void aFolderWithNoImagesSaysSoAndExitsOne() {
        TestFiles.write(dir.resolve("readme.txt"), "no pictures here".getBytes());

        int code = run("run", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no images found").contains("webp");
    }

    @Test
    void badLimitsAreUsageErrors() {
        TestFiles.write(dir.resolve("photo.jpg"), TestFiles.jpeg(TestFiles.picture(64, 48)));

        assertThat(run("run", dir.toString(), "--pixel-limit", "0")).isEqualTo(2);
        assertThat(run("run", dir.toString(), "--memory", "1")).isEqualTo(2);
        assertThat(dir.resolve("thumbs/photo.jpg")).doesNotExist();
    }

    /**
     * Root writes into read-only folders, so the folder is made immutable (chattr +i), which stops
     * root too; where chattr is not possible the test is skipped.
     */
    @Test
    void aReadOnlyOutputFolderIsReportedBeforeAnyWork() throws Exception {
        TestFiles.write(dir.resolve("photo.jpg"), TestFiles.jpeg(TestFiles.picture(64, 48)));
        Path locked = Files.createDirectories(dir.resolve("locked"));
        assumeThat(chattr("+i", locked)).as("chattr +i works here").isTrue();
        try {
            int code = run("run", dir.toString(), "--out", locked.toString());

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("cannot write thumbnails to " + locked);
            assertThat(out.toString()).doesNotContain("was processed");
        } finally {
            chattr("-i", locked);
        }
    }

    /**
     * A real full disk: a 64 KB tmpfs filled to the last block (mounting needs root; skipped
     * elsewhere). The output folder is writable, so the run starts, and each job fails cleanly.
     */
    @Test
    void aFullDiskFailsEachJobCleanlyAndLeavesNoPartialFile() throws Exception {
        TestFiles.write(dir.resolve("in/a.jpg"), TestFiles.jpeg(TestFiles.picture(320, 240)));
        TestFiles.write(dir.resolve("in/b.png"), TestFiles.encode(TestFiles.picture(320, 240), "png"));
        Path disk = Files.createDirectories(dir.resolve("disk"));
        assumeThat(command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()))
                .as("a tmpfs can be mounted here").isTrue();
        try {
            Path thumbs = Files.createDirectories(disk.resolve("thumbs"));
            fill(disk.resolve("filler"));

            int code = run("run", dir.resolve("in").toString(), "--out", thumbs.toString());

            assertThat(code).isEqualTo(1);
            assertThat(err.toString().lines()).hasSize(2)
                    .allSatisfy(line -> assertThat(line).endsWith(": cannot write the thumbnail: the disk is full"));
            try (Stream<Path> left = Files.list(thumbs)) {
                assertThat(left).isEmpty();
            }
        } finally {
            command("umount", disk.toString());
        }
    }

    private static void fill(Path file) {
        try (var out = Files.newOutputStream(file)) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
            }
        } catch (IOException expected) {
            // No space left: the disk is full, as wanted.
        }
    }

    private static boolean command(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean chattr(String flag, Path folder) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("chattr", flag, folder.toString()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
