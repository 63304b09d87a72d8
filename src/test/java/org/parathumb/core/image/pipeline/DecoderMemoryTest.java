package org.parathumb.core.image.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.JpegVariants;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.nativecodec.NativeMemory;

/**
 * The memory a native decoder frees at the end of an image is there for the next one (decision
 * 0017): a progressive JPEG's decoder holds every coefficient of its image, 2 bytes a sample, and
 * with glibc's defaults each progressive JPEG after the first faulted its share in again, page by
 * page. Counted in page faults (the decoding thread's minor faults, /proc/thread-self/stat, so the
 * collector's and the compiler's threads do not count), not time: a fault is a fault on any
 * machine. The lower of two rounds counts, as a new TLAB can fault in one. The images are decoded
 * in a JVM of their own: what glibc's arenas hold and give back depends on every allocation before,
 * and in this one every earlier test has allocated from them.
 */
class DecoderMemoryTest {

    private static final long PAGE = 4096;
    /** The 3088x2056 JPEG's coefficients: luma, then two chroma planes at half (4:2:2), 2 bytes each. */
    private static final long SMALL_COEFFICIENTS = 2L * (3088 * 2056 + 2 * 1544 * 2056);

    @TempDir
    static Path dir;
    private static Path square;
    private static Path big;
    private static Path small;

    /** Three wallpapers' shapes in a row, as in the real corpus: 4:4:4, then two 4:2:2 of falling size. */
    @BeforeAll
    static void progressiveJpegs() throws IOException {
        square = JpegVariants.BASELINE_420.withSampling(1, 1).progressively()
                .write(TestFiles.picture(2560, 1600), dir.resolve("444.jpg"));
        JpegVariants progressive422 = JpegVariants.BASELINE_420.withSampling(2, 1).progressively();
        big = progressive422.write(TestFiles.picture(4352, 2448), dir.resolve("big.jpg"));
        small = progressive422.write(TestFiles.picture(3088, 2056), dir.resolve("small.jpg"));
    }

    @Test
    void theNextProgressiveJpegReusesTheMemoryTheLastOneFreed() throws Exception {
        assumeTrue(NativeMemory.keepsFreedMemory(), "glibc keeps freed memory only with the native library");

        String[] faulted = runInNewJvm(List.of(), Renders.class, square.toString(), big.toString(), small.toString())
                .split(" ");

        assertThat(faulted).hasSize(2);
        assertThat(Long.parseLong(faulted[0])).as("fast pipeline: bytes faulted in by the second small JPEG")
                .isLessThan(SMALL_COEFFICIENTS / 8);
        assertThat(Long.parseLong(faulted[1])).as("faithful pipeline: bytes faulted in by the second small JPEG")
                .isLessThan(SMALL_COEFFICIENTS / 8);
    }

    /**
     * Renders the three JPEGs (args) in a row through each pipeline, twice, and prints the bytes the
     * decoding thread faulted in for the last, the lower of the two rounds: the fast pipeline's, then
     * the faithful one's.
     */
    static final class Renders {
        public static void main(String[] args) throws IOException {
            List<String> faulted = new ArrayList<>();
            for (String name : List.of("fast", "faithful")) {
                ThumbnailPipeline pipeline = Pipelines.byName(name);
                long least = Long.MAX_VALUE;
                for (int round = 0; round < 2; round++) {
                    render(pipeline, Path.of(args[0]));
                    render(pipeline, Path.of(args[1]));
                    least = Math.min(least, PAGE * faultsOf(() -> render(pipeline, Path.of(args[2]))));
                }
                faulted.add(Long.toString(least));
            }
            System.out.println(String.join(" ", faulted));
        }
    }

    @Test
    void whoeverTunesMallocThemselvesKeepsTheirSettings() throws Exception {
        assumeTrue(NativeMemory.keepsFreedMemory(), "glibc keeps freed memory only with the native library");

        assertThat(runInNewJvm(List.of("GLIBC_TUNABLES=glibc.malloc.trim_threshold=1048576"), Probe.class))
                .isEqualTo("false");
        assertThat(runInNewJvm(List.of("MALLOC_MMAP_THRESHOLD_=262144"), Probe.class)).isEqualTo("false");
        assertThat(runInNewJvm(List.of("GLIBC_TUNABLES=glibc.malloc.arena_max=2"), Probe.class)).isEqualTo("true");
    }

    /**
     * What {@code main} prints in a new JVM, this one's class path, with no malloc settings in its
     * environment but {@code variables}.
     */
    private static String runInNewJvm(List<String> variables, Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("GLIBC_TUNABLES");
        builder.environment().remove("MALLOC_MMAP_THRESHOLD_");
        builder.environment().remove("MALLOC_TRIM_THRESHOLD_");
        for (String variable : variables) {
            String[] pair = variable.split("=", 2);
            builder.environment().put(pair[0], pair[1]);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** Prints whether the native library, once loaded, asked glibc to keep freed memory. */
    static final class Probe {
        public static void main(String[] args) {
            System.out.println(NativeMemory.keepsFreedMemory());
        }
    }

    private static void render(ThumbnailPipeline pipeline, Path file) {
        try {
            pipeline.render(file, ThumbnailSpec.DEFAULT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long faultsOf(Runnable work) throws IOException {
        long before = minorFaults();
        work.run();
        return minorFaults() - before;
    }

    /** The calling thread's minor page faults so far: field 10 of /proc/thread-self/stat. */
    private static long minorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[7]);
    }
}
