package org.parathumb.core.image.nativecodec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
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
import org.parathumb.core.image.JpegVariants;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

/**
 * Damaged JPEGs through the native path (libjpeg into the kernel): it must never crash the JVM or
 * hang, and every file must come out exactly as the ImageIO path makes it, the same bytes or the
 * same reason to fail. The images are big enough for the native path to take them.
 */
class NativeJpegFuzzTest {

    private static final long SEED = 20261126;
    private static final int MUTATIONS_PER_FILE = 120;

    @TempDir
    Path dir;

    @Test
    void aDamagedJpegComesOutOfTheNativePathAsOutOfImageIo() throws Exception {
        NativeRequired.require(NativeLibrary.decodesJpeg(), NativeLibrary::status);
        List<byte[]> seeds = List.of(
                new JpegVariants(0.9f, 2, 2, 0, false).encode(TestFiles.picture(400, 300)),
                new JpegVariants(0.9f, 2, 2, 5, false).encode(TestFiles.picture(300, 400)),
                new JpegVariants(0.8f, 1, 1, 0, true).encode(TestFiles.picture(400, 300)),
                TestFiles.jpeg(TestFiles.gray(420, 280)));
        FaithfulPipeline nativePath = new FaithfulPipeline(true);
        FaithfulPipeline javaPath = new FaithfulPipeline(false);
        Random random = new Random(SEED);
        List<String> differences = new ArrayList<>();
        int nativeTook = 0;
        ExecutorService worker = TestFiles.fuzzWorker();
        try {
            for (int s = 0; s < seeds.size(); s++) {
                for (int m = 0; m < MUTATIONS_PER_FILE; m++) {
                    Path file = Files.write(dir.resolve(s + "-" + m + ".jpg"), TestFiles.mutate(seeds.get(s), random));
                    Optional<String[]> finished = TestFiles.within(worker, () -> new String[] {
                        outcome(nativePath, file), outcome(javaPath, file)}, 20);
                    if (finished.isEmpty()) {
                        differences.add(file.getFileName() + ": hung");
                        continue;
                    }
                    String[] both = finished.get();
                    if (!both[0].equals(both[1])) {
                        differences.add(file.getFileName() + ": native " + abbreviate(both[0]) + ", ImageIO "
                                + abbreviate(both[1]));
                    } else if (both[0].startsWith("[") && nativeTakes(file)) {
                        nativeTook++;
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertThat(differences).isEmpty();
        // Most damage makes libjpeg warn (and the file go to ImageIO); what it decodes cleanly must match.
        assertThat(nativeTook).as("damaged files the native path itself decoded, at least one in ten")
                .isGreaterThan(seeds.size() * MUTATIONS_PER_FILE / 10);
    }

    /** Whether libjpeg and the kernel took the file themselves, without handing it to ImageIO. */
    private static boolean nativeTakes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.allocateDirect(bytes.length).put(bytes);
        return NativeJpeg.header(data, bytes.length)
                .flatMap(header -> NativeJpeg.blurAndReduce(data, bytes.length, header, 4, 4))
                .isPresent();
    }

    /** The bytes written, or the reason the pipeline gave up. */
    private static String outcome(FaithfulPipeline pipeline, Path source) {
        try {
            Thumbnail thumbnail = pipeline.render(source, ThumbnailSpec.DEFAULT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pipeline.write(thumbnail, thumbnail.sourceFormat(), out);
            return Arrays.toString(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String abbreviate(String outcome) {
        return outcome.length() <= 80 ? outcome : outcome.substring(0, 80) + "…";
    }
}
