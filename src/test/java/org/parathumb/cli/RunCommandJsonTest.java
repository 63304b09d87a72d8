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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.samples.SampleGenerator;

class RunCommandJsonTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ParathumbCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private List<JsonObject> lines() {
        return out.toString().lines().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
    }

    @Test
    void standardOutputIsOneJsonObjectPerImageThenASummaryAndHumanTextGoesToStandardError() throws IOException {
        List<Path> sources = new SampleGenerator().generate(dir, 3, 0.05, 1);
        Path odd = Files.copy(sources.get(0), dir.resolve("a \"quoted\"\nname.jpg"));
        Files.writeString(dir.resolve("bad.jpg"), "not a picture");

        int code = run("run", dir.toString(), "--json", "--workers", "2");

        assertThat(code).isEqualTo(1);
        List<JsonObject> lines = lines();
        assertThat(lines).hasSize(6);
        List<JsonObject> images = lines.subList(0, 5);
        assertThat(images).allSatisfy(o -> assertThat(o.keySet()).contains("source", "output", "status", "reason",
                "source_width", "width", "height", "ms", "worker"));
        Set<String> seen = images.stream().map(o -> o.get("source").getAsString()).collect(Collectors.toSet());
        assertThat(seen).contains(odd.toString(), dir.resolve("bad.jpg").toString()).hasSize(5);
        JsonObject bad = images.stream().filter(o -> o.get("source").getAsString().endsWith("bad.jpg"))
                .findFirst().orElseThrow();
        assertThat(bad.get("status").getAsString()).isEqualTo("failed");
        assertThat(bad.get("reason").getAsString()).isNotBlank();
        JsonObject good = images.stream().filter(o -> o.get("source").getAsString().equals(odd.toString()))
                .findFirst().orElseThrow();
        assertThat(good.get("status").getAsString()).isEqualTo("ok");
        assertThat(Path.of(good.get("output").getAsString())).isRegularFile();
        assertThat(good.get("width").getAsInt()).isBetween(1, 50);
        assertThat(good.getAsJsonObject("ms").keySet())
                .containsExactly("read", "decode", "blur", "resize", "encode", "write", "total");
        JsonObject summary = lines.get(5);
        assertThat(summary.get("summary").getAsBoolean()).isTrue();
        assertThat(summary.get("images").getAsInt()).isEqualTo(5);
        assertThat(summary.get("failed").getAsInt()).isEqualTo(1);
        assertThat(err.toString()).contains("5 images, 1 failed").contains("bad.jpg: ");
    }

    @Test
    void benchWritesItsJsonToStandardOutputWithDashAndItsTableToStandardError() {
        int code = run("bench", "--workload", "cpu-loop", "--loop-count", "1000", "--workers", "1", "--repeat", "1",
                "--warmup", "0", "--json", "-");

        assertThat(code).isEqualTo(0);
        JsonObject report = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertThat(report.keySet()).contains("setting", "configurations");
        assertThat(err.toString()).containsPattern("workers +median_s");
    }
}
