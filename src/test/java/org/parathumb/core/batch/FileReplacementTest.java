package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReplacementTest {

    @TempDir
    Path folder;

    @Test
    void createsAFileAndReplacesItLeavingNothingElseBeside() throws IOException {
        Path target = folder.resolve("trace.json");

        FileReplacement.replace(target, "first, longer".getBytes(StandardCharsets.UTF_8));
        FileReplacement.replace(target, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("second");
        assertThat(names()).containsExactly("trace.json");
    }

    @Test
    void aReplacementThatCannotBeMovedIntoPlaceFailsAndLeavesNoTemporary() throws IOException {
        Path target = Files.createDirectories(folder.resolve("taken"));
        Files.writeString(target.resolve("inside"), "kept");

        assertThatThrownBy(() -> FileReplacement.replace(target, new byte[] {1, 2, 3})).isInstanceOf(IOException.class);

        assertThat(names()).containsExactly("taken");
        assertThat(target.resolve("inside")).hasContent("kept");
    }

    private java.util.List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
