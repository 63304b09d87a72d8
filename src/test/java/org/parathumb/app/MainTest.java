package org.parathumb.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command lines open the window and which run a headless command. */
class MainTest {

    @TempDir
    Path dir;

    @Test
    void existingFoldersAloneOpenTheWindowOnThem() throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));

        assertThat(Main.opensWindow(new String[] {a.toString()})).isTrue();
        assertThat(Main.opensWindow(new String[] {a.toString(), b.toString()})).isTrue();
    }

    @Test
    void noArgumentsAndTheWindowCommandOpenTheWindow() {
        assertThat(Main.opensWindow(new String[0])).isTrue();
        assertThat(Main.opensWindow(new String[] {"window", dir.toString()})).isTrue();
    }

    @Test
    void commandsOptionsAndMissingPathsGoToTheCommandLine() throws Exception {
        Files.createDirectory(dir.resolve("run"));

        assertThat(Main.opensWindow(new String[] {"run", dir.toString()})).isFalse();
        assertThat(Main.opensWindow(new String[] {"--version"})).isFalse();
        assertThat(Main.opensWindow(new String[] {dir.resolve("missing").toString()}))
                .as("a typo gets the command line's error, not an empty window").isFalse();
        assertThat(Main.opensWindow(new String[] {"bench"})).isFalse();
    }
}
