package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario, at a quarter of its scale to keep the suite fast: twenty 12 MP images
 * (a quarter of 48 MP), eight workers, a heap of 128 MB (a quarter of 512 MB), in a JVM of its
 * own. Eight decode buffers alone would need 288 MB; with the budget, jobs wait for memory and
 * every image is done with no OutOfMemoryError.
 */
class MemoryBudgetForkedTest {

    @TempDir
    Path dir;

    @Test
    void twentyBigImagesOnEightWorkersInASmallHeapAllFinishWithoutRunningOutOfMemory() throws Exception {
        MemoryScenario.make(dir, 20, 12);

        Path log = dir.resolve("jvm.log");
        Process process = java(log, "-Xmx128m", "run", dir.toString(), "8");

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the batch ends").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        String[] result = Files.readString(dir.resolve("result.txt")).split(" ", 5);
        assertThat(result[0]).as("done; first failure: " + result[4]).isEqualTo("20");
        assertThat(result[1]).as("failed").isEqualTo("0");
        assertThat(Integer.parseInt(result[2])).as("jobs were seen waiting for memory").isPositive();
        assertThat(output).doesNotContain("OutOfMemoryError");
    }

    private static Process java(Path log, String heap, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MemoryScenario.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(new File(System.getProperty("user.dir"))).start();
    }
}
