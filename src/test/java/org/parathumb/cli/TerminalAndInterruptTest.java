package org.parathumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.app.Main;
import org.parathumb.core.samples.SampleGenerator;

/**
 * The command as a user runs it: in a terminal (through a pseudo-terminal made by {@code script},
 * from util-linux), and stopped with Ctrl+C (SIGINT). The child's SIGINT is reset to its default
 * first with python3, since a JVM whose parent ignores SIGINT (a background job) inherits that.
 */
class TerminalAndInterruptTest {

    @TempDir
    Path dir;

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static String shellQuoted(List<String> words) {
        return String.join(" ", words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
    }

    @Test
    void onATerminalOneLineUpdatesInPlaceInsteadOfALinePerImage() throws Exception {
        new SampleGenerator().generate(dir, 4, 0.05, 1);
        String command = shellQuoted(java("run", dir.toString(), "--workers", "2"));

        Process process = new ProcessBuilder("script", "-qec", command, "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).containsPattern("\r\\[#+\\] 4/4 +\\d+\\.\\d images/s +ETA done")
                .doesNotContain("was processed").contains("4 images, 0 failed");
    }

    @Test
    void withoutATerminalEachImageKeepsItsLineAndThereIsNoBar() throws Exception {
        new SampleGenerator().generate(dir, 2, 0.05, 1);

        Process process = new ProcessBuilder(java("run", dir.toString())).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(printed).contains("was processed").doesNotContain("\r").doesNotContain("ETA");
    }

    @Test
    void ctrlCMidBatchPrintsHowManyWereDoneExits130AndLeavesOnlyWholeThumbnails() throws Exception {
        new SampleGenerator().generate(dir, 40, 0.3, 1);
        List<String> command = new ArrayList<>(List.of("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"));
        command.addAll(java("run", dir.toString(), "--workers", "1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            // Paced by the child's own output: the signal goes once 3 of 40 images are done.
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
                if (lines.stream().filter(l -> l.contains("was processed")).count() == 3) {
                    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
                    break;
                }
            }
            reader.lines().forEach(lines::add);
        }

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = String.join("\n", lines);
        assertThat(process.exitValue()).as(printed).isEqualTo(130);
        String summary = lines.stream().filter(l -> l.startsWith("interrupted: ")).findFirst().orElseThrow(
                () -> new AssertionError("no interrupted summary in:\n" + printed));
        int done = Integer.parseInt(summary.replaceFirst("interrupted: (\\d+) of 40 done.*", "$1"));
        assertThat(done).isBetween(3, 39);
        try (Stream<Path> files = Files.list(dir.resolve("thumbs"))) {
            List<Path> left = files.toList();
            assertThat(left).as("thumbnails, and no temporary file").hasSize(done)
                    .allSatisfy(p -> assertThat(p.getFileName().toString()).doesNotStartWith("."));
            for (Path thumb : left) {
                BufferedImage image = ImageIO.read(thumb.toFile());
                assertThat(image).as(thumb.toString()).isNotNull();
            }
        }
    }
}
