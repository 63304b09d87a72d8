package org.parathumb.core.batch.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ManifestStore} promises the skip-unchanged manifests: one subclass per store
 * (the local disk here, Hadoop's file systems in the Spark job) names the store and how a local
 * folder is spelt as its location, and inherits every test.
 */
public abstract class ManifestStoreContract {

    @TempDir
    protected Path dir;

    /** The store under test. */
    protected abstract ManifestStore store();

    /** How the store names the local {@code file}. */
    protected abstract String location(Path file);

    @Test
    void aFileIsStampedWithItsSizeAndATimeThatOrdersAsTheFileSystemsDoes() throws IOException {
        Path older = Files.write(dir.resolve("older.jpg"), new byte[123]);
        Path newer = Files.write(dir.resolve("newer.jpg"), new byte[7]);
        Files.setLastModifiedTime(older, FileTime.fromMillis(1_700_000_000_000L));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(1_700_000_060_000L));

        ManifestStore.Stamp a = store().stat(location(older)).orElseThrow();
        ManifestStore.Stamp b = store().stat(location(newer)).orElseThrow();

        assertThat(a.size()).isEqualTo(123);
        assertThat(b.size()).isEqualTo(7);
        assertThat(a.time()).isLessThan(b.time());
    }

    @Test
    void aMissingFileOrAFolderHasNoStamp() throws IOException {
        Files.createDirectories(dir.resolve("folder"));

        assertThat(store().stat(location(dir.resolve("missing.jpg")))).isEmpty();
        assertThat(store().stat(location(dir.resolve("no-such-folder/missing.jpg")))).isEmpty();
        assertThat(store().stat(location(dir.resolve("folder")))).isEmpty();
    }

    @Test
    void readingAMissingFileThrowsRatherThanAnsweringEmpty() {
        assertThatThrownBy(() -> store().read(location(dir.resolve("missing")))).isInstanceOf(IOException.class);
    }

    @Test
    void replaceWritesANewFileAndOverwritesAnOldOneLeavingNothingElseBehind() throws IOException {
        String file = store().child(location(dir), ".manifest");

        store().replace(file, "first".getBytes(StandardCharsets.UTF_8));
        assertThat(store().read(file)).asString(StandardCharsets.UTF_8).isEqualTo("first");
        store().replace(file, "second, longer".getBytes(StandardCharsets.UTF_8));

        assertThat(store().read(file)).asString(StandardCharsets.UTF_8).isEqualTo("second, longer");
        assertThat(Files.readString(dir.resolve(".manifest"))).isEqualTo("second, longer");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(".manifest");
        }
    }
}
