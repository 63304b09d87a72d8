package org.parathumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parathumb.core.image.pipeline.FaithfulPipeline;
import org.parathumb.core.samples.SampleGenerator;

class BenchCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ParathumbCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void benchPrintsTheTableTheAmdahlLineAndTheSettingAndWritesNoThumbs() throws IOException {
        Path photos = dir.resolve("photos");
        new SampleGenerator().generate(photos, 3, 0.05, 1);

        int code = run("bench", photos.toString(), "--sweep", "--repeat", "2", "--warmup", "0",
                "--csv", dir.resolve("b.csv").toString(), "--json", dir.resolve("b.json").toString());

        assertThat(code).isEqualTo(0);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).matches("workers +median_s +min_s +max_s +images/s +MP/s +speedup +efficiency");
        assertThat(lines.get(1)).matches("seq +\\d+\\.\\d{3} +\\d+\\.\\d{3} +\\d+\\.\\d{3} +\\d+\\.\\d\\d +\\d+\\.\\d +1\\.00 +1\\.00");
        int cores = Runtime.getRuntime().availableProcessors();
        for (int n = 1; n <= cores; n++) {
            assertThat(lines.get(1 + n)).startsWith(n + " ");
        }
        assertThat(lines.get(2 + cores)).matches("stages +decode +blur\\+reduce +resize +encode +\\(median ms per image, last pass\\)");
        assertThat(lines.get(3 + cores)).matches("seq +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d");
        assertThat(lines.get(3 + 2 * cores)).startsWith(cores + " ");
        assertThat(lines.get(4 + 2 * cores)).startsWith(cores > 1 ? "amdahl f = " : "amdahl f: n/a");
        assertThat(lines.get(5 + 2 * cores)).startsWith("setting: " + cores + " cores, Java ")
                .contains("faithful pipeline (" + FaithfulPipeline.kernel() + "), 3 images");
        assertThat(dir.resolve("b.csv")).content().startsWith("workload,configuration,workers,median_s");
        assertThat(dir.resolve("b.json")).content().contains("\"configurations\"");
        JsonObject sequential = JsonParser.parseString(Files.readString(dir.resolve("b.json"))).getAsJsonObject()
                .getAsJsonArray("configurations").get(0).getAsJsonObject();
        assertThat(sequential.getAsJsonObject("stage_median_ms").get("decode").getAsDouble()).isPositive();
        try (Stream<Path> files = Files.list(photos)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch("thumbs"::equals).hasSize(3);
        }
    }

    @Test
    void theCpuLoopNeedsNoFolderAndSaysWhatItMeasures() {
        int code = run("bench", "--workload", "cpu-loop", "--loop-count", "2000000", "--workers", "1",
                "--repeat", "2", "--warmup", "1");

        assertThat(code).isEqualTo(0);
        assertThat(out.toString()).contains("2 tasks, each counting to 2,000,000 with result += 1")
                .containsPattern("workers +median_s +min_s +max_s +tasks/s")
                .contains("amdahl f: n/a").contains("cpu-loop, 2 tasks counting to 2,000,000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bench DIR --workers 0                  | --workers must be between 1",
            "bench DIR --workers 1 --sweep          | mutually exclusive",
            "bench DIR --repeat 0                   | repeats must be between 1",
            "bench DIR --workload dishes            | 'dishes' is not a workload",
            "bench                                  | give a folder of images",
            "bench DIR/missing                      | no such file or folder"})
    void badCommandLinesAreUsageErrors(String command, String message) throws IOException {
        new SampleGenerator().generate(dir, 1, 0.01, 1);
        String[] args = command.replace("DIR", dir.toString()).trim().split(" +");

        int code = run(args);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(message);
    }

    @Test
    void aBrokenImageFailsTheBenchmarkWithExitCodeOne() throws IOException {
        new SampleGenerator().generate(dir, 1, 0.01, 1);
        Files.writeString(dir.resolve("broken.jpg"), "not a picture");

        int code = run("bench", dir.toString(), "--workers", "1", "--repeat", "1", "--warmup", "0");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("broken.jpg failed");
    }
}
