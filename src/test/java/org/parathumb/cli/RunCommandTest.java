package org.parathumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.samples.SampleGenerator;

class RunCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ParathumbCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /**
     * The usage users read, word for word: {@code run}'s model is built by hand, and this is what
     * picocli printed when it was built from annotations.
     */
    @Test
    void theUsageOfRunIsTheOneItAlwaysWas() throws IOException {
        String expected;
        try (var in = RunCommandTest.class.getResourceAsStream("run-usage.txt")) {
            expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(run("run", "--help")).isEqualTo(ParathumbCommand.OK);
        assertThat(out.toString().replace(System.lineSeparator(), "\n")).isEqualTo(expected);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aRunPrintsALinePerImageAndASummaryAndWritesThumbs() throws IOException {
        List<Path> sources = new SampleGenerator().generate(dir, 4, 0.1, 1);

        int code = run("run", dir.toString(), "--workers", "1");

        assertThat(code).isEqualTo(0);
        assertThat(out.toString()).containsPattern("sample-01-landscape\\.jpg was processed \\(\\d+\\.\\d\\d s\\)");
        assertThat(out.toString()).containsPattern("4 images, 0 failed, \\d+\\.\\d\\d s, \\d+\\.\\d\\d images/s, 1 worker\\n");
        for (Path source : sources) {
            assertThat(dir.resolve("thumbs").resolve(source.getFileName())).isRegularFile();
        }
    }

    @Test
    void aBadFileIsExplainedTheRestIsDoneAndTheExitCodeIsOne() throws IOException {
        new SampleGenerator().generate(dir, 2, 0.1, 1);
        Files.writeString(dir.resolve("bad.jpg"), "not a picture");

        int code = run("run", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("bad.jpg: ");
        assertThat(out.toString()).contains("3 images, 1 failed");
        assertThat(dir.resolve("thumbs/bad.jpg")).doesNotExist();
    }

    @Test
    void sourcesKeepTheirBytesAndTimesEvenWhenTheOutputIsTheSourceFolder() throws IOException {
        List<Path> sources = new SampleGenerator().generate(dir, 3, 0.1, 1);
        Map<Path, byte[]> bytes = new HashMap<>();
        Map<Path, FileTime> times = new HashMap<>();
        for (Path source : sources) {
            bytes.put(source, Files.readAllBytes(source));
            times.put(source, Files.getLastModifiedTime(source));
        }

        int code = run("run", dir.toString(), "--out", dir.toString());

        assertThat(code).isEqualTo(0);
        for (Path source : sources) {
            assertThat(Files.readAllBytes(source)).isEqualTo(bytes.get(source));
            assertThat(Files.getLastModifiedTime(source)).isEqualTo(times.get(source));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("-thumb."))).hasSize(3);
        }
    }

    @Test
    void formatAndSizeOptionsShapeTheOutput() throws IOException {
        new SampleGenerator().generate(dir, 1, 0.1, 1);

        int code = run("run", dir.toString(), "--format", "png", "--size", "20x10", "--blur", "0");

        assertThat(code).isEqualTo(0);
        java.awt.image.BufferedImage thumb = javax.imageio.ImageIO.read(dir.resolve("thumbs/sample-01-landscape.png").toFile());
        assertThat(thumb.getHeight()).isEqualTo(10);
        assertThat(thumb.getWidth()).isEqualTo(13);
    }

    @Test
    void theFastPipelineIsChosenByNameAndTheSummarySaysSo() throws IOException {
        List<Path> sources = new SampleGenerator().generate(dir, 3, 0.3, 2);

        int code = run("run", dir.toString(), "--workers", "1", "--pipeline", "fast");

        assertThat(code).isEqualTo(0);
        assertThat(out.toString()).containsPattern("3 images, 0 failed, .*, 1 worker, fast pipeline\\n");
        for (Path source : sources) {
            assertThat(dir.resolve("thumbs").resolve(source.getFileName())).isRegularFile();
        }
    }

    @Test
    void theDefaultPipelineIsFaithfulAndTheSummaryDoesNotNameIt() throws IOException {
        new SampleGenerator().generate(dir, 1, 0.1, 1);

        assertThat(run("run", dir.toString(), "--workers", "1", "--pipeline", "faithful")).isEqualTo(0);
        assertThat(run("run", dir.toString(), "--workers", "1")).isEqualTo(0);

        assertThat(out.toString()).doesNotContain("pipeline");
    }

    @Test
    void anUnknownPipelineIsAUsageErrorThatListsTheChoices() {
        assertThat(run("run", dir.toString(), "--pipeline", "turbo")).isEqualTo(2);
        assertThat(err.toString()).contains("'turbo' is not a pipeline: use faithful or fast");
    }

    @Test
    void aMissingFolderIsAUsageError() {
        int code = run("run", dir.resolve("nope").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no such file or folder");
    }

    @Test
    void badOptionsAreUsageErrorsThatSayWhatToFix() {
        assertThat(run("run", dir.toString(), "--workers", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--workers must be between 1 and 256, got 0");
        assertThat(run("run", dir.toString(), "--workers", "257")).isEqualTo(2);
        assertThat(err.toString()).contains("--workers must be between 1 and 256, got 257");
        assertThat(run("run", dir.toString(), "--size", "big")).isEqualTo(2);
        assertThat(err.toString()).contains("write it as WxH");
        assertThat(run("run", dir.toString(), "--format", "gif")).isEqualTo(2);
        assertThat(err.toString()).contains("use same, jpg or png");
        assertThat(run("run", dir.toString(), "--blur", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("blur radius must be between 0");
    }

    @Test
    void aFolderWithNoImagesSaysSo() {
        int code = run("run", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no images found");
    }

    @Test
    void moreWorkersThanCoresRunWithANote() throws IOException {
        new SampleGenerator().generate(dir, 2, 0.05, 1);
        int many = org.parathumb.core.batch.WorkerPool.availableCores() + 6;

        int code = run("run", dir.toString(), "--workers", String.valueOf(many));

        assertThat(code).isEqualTo(0);
        assertThat(err.toString()).contains("note: " + many + " workers on ");
        assertThat(out.toString()).contains("2 images, 0 failed").contains(many + " workers");
    }

    @Test
    void aSecondRunWithSkipUnchangedWritesNothingAndAChangedSettingRedoesAll() throws IOException {
        List<Path> sources = new SampleGenerator().generate(dir, 3, 0.05, 1);
        assertThat(run("run", dir.toString(), "--skip-unchanged")).isEqualTo(0);
        Map<Path, FileTime> times = new HashMap<>();
        for (Path source : sources) {
            Path thumb = dir.resolve("thumbs").resolve(source.getFileName());
            times.put(thumb, Files.getLastModifiedTime(thumb));
        }
        out.getBuffer().setLength(0);

        assertThat(run("run", dir.toString(), "--skip-unchanged")).isEqualTo(0);

        assertThat(out.toString()).contains("0 images, 0 failed").contains("3 unchanged, skipped")
                .doesNotContain("was processed");
        for (Map.Entry<Path, FileTime> thumb : times.entrySet()) {
            assertThat(Files.getLastModifiedTime(thumb.getKey())).isEqualTo(thumb.getValue());
        }
        out.getBuffer().setLength(0);

        assertThat(run("run", dir.toString(), "--skip-unchanged", "--blur", "3")).isEqualTo(0);

        assertThat(out.toString()).contains("3 images, 0 failed").doesNotContain("unchanged");
    }
}
