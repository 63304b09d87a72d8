package org.parathumb.core.image.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.JpegVariants;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.pixels.Scratch;

/**
 * A cancel stops an ImageIO decode while the reader is still reading its file: the JDK's JPEG
 * reader reads a progressive JPEG whole before its first row, the only place it looks at its abort
 * flag, and a large one takes longer than a cancel may. The thread is interrupted at the decode's
 * third read of the file; it must read no more. No timing: the reads are counted.
 */
class ImageIoCancelTest {

    private static final int INTERRUPTED_AT = 3;

    @TempDir
    static Path dir;

    @BeforeAll
    static void largeFiles() throws IOException {
        BufferedImage picture = TestFiles.picture(2000, 1500);
        JpegVariants.BASELINE_420.progressively().write(picture, dir.resolve("progressive.jpg"));
        JpegVariants.BASELINE_420.write(picture, dir.resolve("baseline.jpg"));
        Files.write(dir.resolve("big.png"), TestFiles.encode(picture, "png"));
    }

    @AfterEach
    void clear() {
        CancellableFileImageInputStream.onRead = null;
        Thread.interrupted();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"progressive.jpg", "baseline.jpg", "big.png"})
    void theDecodeReadsNothingAfterTheCancel(String name) {
        Path file = dir.resolve(name);
        ImageFormat format = name.endsWith(".png") ? ImageFormat.PNG : ImageFormat.JPEG;
        AtomicInteger reads = new AtomicInteger();
        CancellableFileImageInputStream.onRead = () -> {
            if (reads.incrementAndGet() == INTERRUPTED_AT) {
                Thread.currentThread().interrupt();
            }
        };

        assertThatThrownBy(() -> new ImageIoDecoder().decode(file, format, new Scratch()))
                .isInstanceOf(CancelledException.class);

        assertThat(reads.get()).isEqualTo(INTERRUPTED_AT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"progressive.jpg", "baseline.jpg", "big.png"})
    void uncancelledTheSameDecodeReadsManyTimes(String name) throws IOException {
        Path file = dir.resolve(name);
        ImageFormat format = name.endsWith(".png") ? ImageFormat.PNG : ImageFormat.JPEG;
        AtomicInteger reads = new AtomicInteger();
        CancellableFileImageInputStream.onRead = reads::incrementAndGet;

        assertThat(new ImageIoDecoder().decode(file, format, new Scratch()).image().getWidth()).isEqualTo(2000);

        assertThat(reads.get()).as("a read every few KB of %d", Files.size(file))
                .isGreaterThan((int) (Files.size(file) / 16384));
    }
}
