package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.FormatSamples;

class DropPayloadTest {

    @TempDir
    Path dir;

    @Test
    void aFolderWithImagesAndLooseImagesAreUsableInTheOrderGiven() {
        Path folder = dir.resolve("photos");
        TestImages.write(folder.resolve("a.jpg"), 8, 8);
        Path loose = TestImages.write(dir.resolve("b.PNG"), 8, 8);

        assertThat(DropPayload.usable(List.of(loose.toFile(), folder.toFile()))).containsExactly(loose, folder);
    }

    @Test
    void emptyFoldersTextFilesAndHiddenImagesAreNot() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path text = TestImages.text(dir.resolve("notes.txt"), "hello");
        Path hidden = TestImages.write(dir.resolve(".hidden.jpg"), 8, 8);
        Path missing = dir.resolve("gone.jpg");

        assertThat(DropPayload.usable(List.of(empty.toFile(), text.toFile(), hidden.toFile(), missing.toFile()))).isEmpty();
    }

    @Test
    void aFolderWhoseImagesAreOnlyInSubFoldersIsUsableForTheSubFoldersOption() {
        Path folder = dir.resolve("outer");
        TestImages.write(folder.resolve("inner/a.jpg"), 8, 8);

        assertThat(DropPayload.usable(List.of(folder.toFile()))).containsExactly(folder);
    }

    @Test
    void thePhoneFormatsAreAcceptedLooseAndInFolders() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("phone"));
        Files.write(folder.resolve("IMG_0001.HEIC"), FormatSamples.bytes("photo.heic"));
        Path avif = Files.write(dir.resolve("b.avif"), FormatSamples.bytes("photo.avif"));
        Path jxl = Files.write(dir.resolve("c.jxl"), FormatSamples.bytes("photo.jxl"));
        Path webp = Files.write(dir.resolve("d.webp"), FormatSamples.bytes("lossy.webp"));

        assertThat(DropPayload.usable(List.of(folder.toFile(), avif.toFile(), jxl.toFile(), webp.toFile())))
                .containsExactly(folder, avif, jxl, webp);
    }

    @Test
    void aMixKeepsOnlyTheUsablePart() {
        Path folder = dir.resolve("photos");
        TestImages.write(folder.resolve("a.jpeg"), 8, 8);
        Path text = TestImages.text(dir.resolve("readme.md"), "#");

        assertThat(DropPayload.usable(List.of(new File(text.toString()), folder.toFile()))).containsExactly(folder);
    }
}
