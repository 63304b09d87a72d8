package org.parathumb.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.samples.SampleGenerator;

/**
 * The program as cron or a container starts it: {@code LC_ALL=C}, no {@code LANG}. File names
 * are made and checked by the shell from bytes, so the test does not depend on its own JVM's
 * locale either.
 */
class FileNamesUnderAnyLocaleTest {

    /** "café été.jpg" in UTF-8, a name that is not UTF-8 at all, and one holding a newline. */
    private static final String MAKE_NAMES = "cp sample-01-landscape.jpg \"$(printf 'caf\\303\\251 \\303\\251t\\303\\251.jpg')\""
            + " && cp sample-01-landscape.jpg \"$(printf 'latin1-\\351t\\351.jpg')\""
            + " && cp sample-01-landscape.jpg \"$(printf 'new\\nline.jpg')\""
            + " && rm sample-01-landscape.jpg";

    @TempDir
    Path dir;

    @Test
    void aRunUnderTheCLocaleProcessesAccentedBrokenAndNewlineNamesAndExitsZero() throws Exception {
        new SampleGenerator().generate(dir, 1, 0.05, 1);
        assertThat(shell(MAKE_NAMES)).isZero();

        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", ".", "--workers", "4"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("LANG");
        builder.environment().remove("LC_CTYPE");
        builder.environment().remove(Utf8Relaunch.MARKER);
        builder.environment().put("LC_ALL", "C");
        Path output = dir.resolve("output.txt");
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).contains("3 images, 0 failed")
                .doesNotContain("permission denied").doesNotContain("Malformed")
                .contains("café été.jpg was processed")
                .contains("$'new\\nline.jpg' was processed");
        assertThat(shell("test -s \"thumbs/$(printf 'caf\\303\\251 \\303\\251t\\303\\251.jpg')\"")).isZero();
        assertThat(shell("test -s \"thumbs/$(printf 'new\\nline.jpg')\"")).isZero();
        assertThat(shell("test $(ls thumbs | grep -c '^latin1-') = 1")).as("the non-UTF-8 name's thumbnail").isZero();
    }

    private int shell(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).inheritIO().start();
        return process.waitFor();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
