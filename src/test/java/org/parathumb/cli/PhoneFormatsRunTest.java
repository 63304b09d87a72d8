package org.parathumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.nativecodec.NativeHeifProbe;
import org.parathumb.core.image.pipeline.Pipelines;

/**
 * HEIC, AVIF and JPEG XL in a folder, as a phone leaves them: a photo becomes a JPEG thumbnail,
 * an image with alpha a PNG; without the system libraries each such file gets one line naming
 * the package to install, the rest of the batch goes on, and the run exits 1.
 */
class PhoneFormatsRunTest {

    @TempDir
    Path dir;

    private Path folder() throws IOException {
        Path in = Files.createDirectories(dir.resolve("phone"));
        for (String name : List.of("photo.heic", "alpha.avif", "photo.jxl", "lossy.webp")) {
            Files.write(in.resolve(name), FormatSamples.bytes(name));
        }
        Files.write(in.resolve("plain.jpg"), org.parathumb.core.image.TestFiles.jpeg(
                org.parathumb.core.image.TestFiles.picture(80, 60)));
        return in;
    }

    @Test
    void photosBecomeJpegsAndImagesWithAlphaPngs() throws IOException {
        FormatSamples.requireLibrary(NativeHeifProbe.allReadable(), NativeHeifProbe.why());
        Path in = folder();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = ParathumbCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "run", in.toString(), "--out", dir.resolve("thumbs").toString());

        assertThat(exit).as(err.toString()).isZero();
        try (Stream<Path> thumbs = Files.list(dir.resolve("thumbs"))) {
            assertThat(thumbs.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("photo.jpg", "alpha.png", "photo-thumb.jpg", "lossy.png", "plain.jpg");
        }
        assertThat(ImageIO.read(dir.resolve("thumbs/alpha.png").toFile()).getColorModel().hasAlpha()).isTrue();
        assertThat(ImageIO.read(dir.resolve("thumbs/photo.jpg").toFile()).getWidth()).isEqualTo(50);
    }

    @Test
    void withoutTheLibrariesEachFileNamesItsPackageTheRestGoesOnAndTheRunExitsOne() throws Exception {
        Path in = folder();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dparathumb.library.heif=libheif-not-installed.so.1", "-Dparathumb.library.jxl=libjxl-not-installed.so",
                "-Dparathumb.library.webp=libwebp-not-installed.so.7",
                "-cp", System.getProperty("java.class.path"), "org.parathumb.app.Main",
                "run", in.toString(), "--out", dir.resolve("thumbs").toString(), "--workers", "1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("photo.heic: HEIF needs libheif1 (")
                .contains("alpha.avif: AVIF needs libheif1 (")
                .contains("photo.jxl: JXL needs libjxl0.7 (")
                .doesNotContain("Exception").doesNotContain("fatal error");
        // WebP falls back to the pure-Java reader, and the JPEG is untouched by all this.
        assertThat(dir.resolve("thumbs/lossy.png")).exists();
        assertThat(dir.resolve("thumbs/plain.jpg")).exists();
    }

    @Test
    void formatsListsEachFormatWithItsReaderOrWhatToInstall() {
        StringWriter out = new StringWriter();
        int exit = ParathumbCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "formats");

        assertThat(out.toString()).contains("jpeg", "webp", "heif", "avif", "jxl")
                .containsPattern("heif +(yes|NO) +heic,heif,hif +thumbnails: jpg \\(png with alpha\\)");
        assertThat(exit).isEqualTo(NativeHeifProbe.allReadable() ? 0 : 1);
    }

    @Test
    void formatsNamesWhatEachPipelineRunsInThisJvm() {
        StringWriter out = new StringWriter();
        ParathumbCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "formats");

        assertThat(out.toString())
                .contains("faithful  pipeline: " + Pipelines.byName("faithful").engine())
                .contains("fast      pipeline: " + Pipelines.byName("fast").engine());
    }
}
