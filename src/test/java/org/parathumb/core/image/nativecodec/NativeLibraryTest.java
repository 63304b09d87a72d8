package org.parathumb.core.image.nativecodec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The committed library against its source, and the fallback to the Java code whenever the library cannot be used. */
class NativeLibraryTest {

    @Test
    void theCommittedLibraryWasBuiltFromTheCommittedSource() throws IOException, NoSuchAlgorithmException {
        NativeRequired.require(NativeLibrary.available(), NativeLibrary::status);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.list(Path.of("src/main/native"))) {
            // build.sh's order: the names' bytes (LC_ALL=C sort), which String's natural order is for ASCII names
            for (Path source : files.filter(f -> f.toString().endsWith(".c") || f.toString().endsWith(".h"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                sha256.update(Files.readAllBytes(source));
            }
        }

        assertThat(NativeLibrary.sourceDigest())
                .as("rebuild the library with src/main/native/build.sh and commit it")
                .isEqualTo(HexFormat.of().formatHex(sha256.digest()));
    }

    @Test
    void turnedOffItSaysSoAndTheJavaBlurRuns() {
        NativeLibrary.Status status = NativeLibrary.load("false", "Linux", "amd64", library());

        assertThat(status.loaded()).isFalse();
        assertThat(status.description()).isEqualTo("Java blur (native kernel turned off with -Dparathumb.native=false)");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"Mac OS X, aarch64", "Windows 11, amd64", "Linux, aarch64"})
    void onAnotherPlatformItFallsBackToTheJavaBlur(String os, String arch) {
        NativeLibrary.Status status = NativeLibrary.load("true", os, arch, library());

        assertThat(status.loaded()).isFalse();
        assertThat(status.description()).isEqualTo("Java blur (no native kernel for " + os + " " + arch + ")");
    }

    @Test
    void aMissingLibraryFallsBackToTheJavaBlur() {
        NativeLibrary.Status status = NativeLibrary.load("true", "Linux", "amd64", null);

        assertThat(status.loaded()).isFalse();
        assertThat(status.description()).isEqualTo("Java blur (native kernel missing from the class path)");
    }

    @Test
    void aLibraryThatFailsToLoadFallsBackToTheJavaBlur(@TempDir Path folder) throws IOException {
        // The real library's headers, for another machine (AArch64): still marked no-exec-stack, so
        // the JVM tries it without its "might have disabled stack guard" warning, and dlopen refuses it.
        byte[] broken;
        try (var in = library().openStream()) {
            broken = java.util.Arrays.copyOf(in.readAllBytes(), 4096);
        }
        broken[18] = (byte) 183; // e_machine: EM_AARCH64
        broken[19] = 0;
        Path file = Files.write(folder.resolve("libparathumb-blur.so"), broken);

        NativeLibrary.Status status = NativeLibrary.load("true", "Linux", "amd64", file.toUri().toURL());

        assertThat(status.loaded()).isFalse();
        assertThat(status.description()).startsWith("Java blur (native kernel failed to load: ");
    }

    @Test
    void theLibraryIsCopiedIntoANewFolderOnlyItsOwnerMayEnter(@TempDir Path parent) throws IOException {
        Path first = NativeLibrary.privateFolder(parent);
        Path second = NativeLibrary.privateFolder(parent);

        assertThat(first).isNotEqualTo(second).hasParent(parent);
        assertThat(first.getFileName().toString()).startsWith("parathumb-native-" + ProcessHandle.current().pid() + "-");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(first)))
                .isEqualTo("rwx------");
        assertThat(first).isEmptyDirectory();
    }

    private static URL library() {
        return NativeLibrary.class.getResource(NativeLibrary.RESOURCE);
    }
}
