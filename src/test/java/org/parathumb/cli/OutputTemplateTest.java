package org.parathumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.parathumb.core.samples.SampleGenerator;

class OutputTemplateTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ParathumbCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> !p.contains(".parathumb")).sorted().toList();
        }
    }

    @Test
    void aTemplateNamesEachThumbnailAndMirrorsSubFolders() throws IOException {
        new SampleGenerator().generate(dir, 2, 0.02, 1);
        new SampleGenerator().generate(dir.resolve("sub"), 1, 0.02, 7);

        int code = run("run", dir.toString(), "-r", "--out", "{dir}/small/{stem}_thumb.{ext}");

        assertThat(code).isEqualTo(0);
        assertThat(filesUnder(dir.resolve("small"))).containsExactly(
                "sample-01-landscape_thumb.jpg", "sample-02-portrait_thumb.jpg", "sub/sample-01-landscape_thumb.jpg");
        out.getBuffer().setLength(0);

        assertThat(run("run", dir.toString(), "-r", "--out", "{dir}/small/{stem}_thumb.{ext}")).isEqualTo(0);
        assertThat(out.toString()).as("thumbnails are never taken for sources").contains("3 images, 0 failed");
    }

    @Test
    void namesThatWouldCollideAreMadeDistinct() throws IOException {
        List<Path> made = new SampleGenerator().generate(dir, 4, 0.02, 1); // 4: sample-04-alpha.png
        Files.copy(made.get(0), dir.resolve("sample-04-alpha.jpg"));

        int code = run("run", dir.toString(), "--format", "jpg", "--out", dir.resolve("t").toString() + "/{stem}.{ext}");

        assertThat(code).isEqualTo(0);
        assertThat(filesUnder(dir.resolve("t"))).hasSize(5).contains("sample-04-alpha.jpg", "sample-04-alpha-thumb.jpg");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "out/thumb.{ext}          | must hold {name} or {stem}",
            "out/{stem}-{width}.{ext} | {width} cannot be used",
            "{name}/{stem}.{ext}      | {name} cannot be used in the folder part"})
    void aTemplateThatCannotWorkIsAUsageError(String template, String message) throws IOException {
        new SampleGenerator().generate(dir, 1, 0.02, 1);

        assertThat(run("run", dir.toString(), "--out", template)).isEqualTo(2);
        assertThat(err.toString()).contains(message);
    }
}
