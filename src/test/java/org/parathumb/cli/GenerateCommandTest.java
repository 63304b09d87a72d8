package org.parathumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void generateWritesTheAskedCountAndListsThem() {
        StringWriter out = new StringWriter();

        int code = ParathumbCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "generate", dir.toString(), "--count", "3", "--megapixels", "0.05", "--seed", "4");

        assertThat(code).isEqualTo(0);
        assertThat(dir.toFile().list()).hasSize(3);
        assertThat(out.toString()).contains("sample-03-gray.jpg").contains("3 images,");
    }

    @Test
    void aZeroCountIsAUsageError() {
        StringWriter err = new StringWriter();

        int code = ParathumbCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "generate", dir.toString(), "--count", "0", "--megapixels", "1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--count must be between 1 and 10000");
    }
}
