package org.parathumb.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.OutputFormat;

class InputListingTest {

    @TempDir
    Path dir;

    private List<SourceFile> list(Path in, Path out, OutputFormat format) throws IOException {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        return InputListing.list(fs, fs.makeQualified(new org.apache.hadoop.fs.Path(in.toUri())),
                fs.makeQualified(new org.apache.hadoop.fs.Path(out.toUri())), format);
    }

    private Path file(String relative) throws IOException {
        Path file = dir.resolve("in").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, relative);
    }

    @Test
    void theTreeIsMirroredAndHiddenFilesAndTheOutputInsideTheInputAreLeftOut() throws IOException {
        file("a.jpg");
        file("deep/er/b.PNG");
        file(".hidden.jpg");
        file(".cache/c.jpg");
        file("thumbs/old.jpg");
        file("notes.txt");

        List<SourceFile> files = list(dir.resolve("in"), dir.resolve("in/thumbs"), OutputFormat.SAME);

        assertThat(files).extracting(SourceFile::relative, SourceFile::target, SourceFile::namedAsImage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a.jpg", "a.jpg", true),
                        org.assertj.core.groups.Tuple.tuple("deep/er/b.PNG", "deep/er/b.PNG", true),
                        org.assertj.core.groups.Tuple.tuple("notes.txt", "notes.png", false));
        assertThat(files.get(0).size()).isEqualTo(5);
    }

    @Test
    void twoThumbnailsThatWouldShareANameAreToldApartAsRunTellsThemApart() throws IOException {
        file("x.jpg");
        file("x.png");
        file("x");

        List<SourceFile> files = list(dir.resolve("in"), dir.resolve("out"), OutputFormat.PNG);

        assertThat(files).extracting(SourceFile::relative, SourceFile::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple("x.jpg", "x.png"),
                org.assertj.core.groups.Tuple.tuple("x.png", "x-thumb.png"),
                org.assertj.core.groups.Tuple.tuple("x", "x-thumb-2.png"));
    }
}
