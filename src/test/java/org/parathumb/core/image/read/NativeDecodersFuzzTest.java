package org.parathumb.core.image.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.nativecodec.NativeHeifProbe;
import org.parathumb.core.image.pixels.Scratch;

/**
 * Damaged WebP, HEIC, AVIF and JPEG XL files through libwebp, libheif and libjxl: the JVM survives
 * every one, none hangs, each ends as an image or a reason ({@link ImageFailure}, never another
 * exception), and the same file gives the same outcome twice, bytes included, even when a decode
 * reuses the buffers of a failed one (no sample from memory libwebp, libheif or libjxl left unset).
 */
class NativeDecodersFuzzTest {

    private static final long SEED = 20261202;
    private static final int MUTATIONS_PER_FILE = 60;

    @TempDir
    Path dir;

    @Test
    void aDamagedFileDecodesTheSameTwiceOrFailsWithAReason() throws Exception {
        FormatSamples.requireLibrary(NativeHeifProbe.allReadable(), NativeHeifProbe.why());
        List<String> seeds = List.of("lossy.webp", "lossless-alpha.webp", "animated.webp", "photo.heic",
                "rotated.heic", "10bit.avif", "alpha.avif", "photo.jxl", "alpha.jxl");
        Random random = new Random(SEED);
        List<String> problems = new ArrayList<>();
        int decoded = 0;
        ExecutorService worker = TestFiles.fuzzWorker();
        try {
            for (String seed : seeds) {
                byte[] bytes = FormatSamples.bytes(seed);
                for (int m = 0; m < MUTATIONS_PER_FILE; m++) {
                    Path file = Files.write(dir.resolve(m + "-" + seed), TestFiles.mutate(bytes, random));
                    Optional<String[]> finished = TestFiles.within(worker, () -> {
                        Scratch scratch = new Scratch();
                        return new String[] {outcome(file, scratch), outcome(file, scratch)};
                    }, 30);
                    if (finished.isEmpty()) {
                        problems.add(file.getFileName() + ": hung");
                        continue;
                    }
                    String[] both = finished.get();
                    if (!both[0].equals(both[1])) {
                        problems.add(file.getFileName() + ": two decodes differ");
                    } else if (both[0].startsWith("other ")) {
                        problems.add(file.getFileName() + ": " + both[0]);
                    } else if (both[0].startsWith("[")) {
                        decoded++;
                    }
                    Files.delete(file);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertThat(problems).isEmpty();
        assertThat(decoded).as("damaged files that still decoded").isPositive();
    }

    /** The decoded samples, the failure's reason, or "other ..." for anything a user should never see. */
    private static String outcome(Path file, Scratch scratch) {
        try {
            var image = new ImageDecoder().decode(file, scratch).image();
            byte[] samples = PixelLayout.samples(image);
            int length = image.getWidth() * image.getHeight() * PixelLayout.of(image).orElseThrow().channels();
            return "[" + image.getWidth() + "x" + image.getHeight() + " " + Arrays.hashCode(Arrays.copyOf(samples, length));
        } catch (ImageFailure e) {
            return "failure: " + e.getMessage();
        } catch (Exception | Error e) {
            return "other " + e;
        }
    }
}
