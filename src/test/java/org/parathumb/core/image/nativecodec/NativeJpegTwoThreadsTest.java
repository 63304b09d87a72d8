package org.parathumb.core.image.nativecodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.JpegVariants;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.nativecodec.NativeJpeg.Header;
import org.parathumb.core.image.nativecodec.NativeJpeg.Reduced;
import org.parathumb.core.image.nativecodec.NativeJpeg.Sharing;

/**
 * The native JPEG path on two threads (a lent core) against the same path on one: the same bytes
 * for every kind of JPEG, the same outcome for damaged ones, a cancel that stops both threads,
 * and no thread left behind. Linux names a thread's helpers as the thread itself, so
 * /proc/self/task shows whether a helper ran and whether it ended.
 */
class NativeJpegTwoThreadsTest {

    private static final JpegVariants PROGRESSIVE_444 = JpegVariants.BASELINE_420.withSampling(1, 1).progressively();
    private static final JpegVariants PROGRESSIVE_420 = JpegVariants.BASELINE_420.progressively();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final String name = "jpeg-2t-" + NAMES.incrementAndGet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stop() throws InterruptedException {
        NativeAbort.onCheck = null;
        worker.shutdownNow();
        worker.awaitTermination(1, TimeUnit.MINUTES);
    }

    static Stream<Arguments> jpegs() {
        BufferedImage picture = TestFiles.picture(800, 600);
        BufferedImage odd = TestFiles.picture(641, 479);
        BufferedImage colourful = colourNoise(641, 479);
        return Stream.of(
                Arguments.of("progressive 4:4:4", PROGRESSIVE_444.encode(picture), Sharing.SCANS_SPLIT),
                Arguments.of("progressive 4:2:0, colourful", PROGRESSIVE_420.encode(colourful), Sharing.SCANS_SPLIT),
                Arguments.of("progressive 4:2:0, its chroma a small part of the data",
                        PROGRESSIVE_420.encode(picture), Sharing.ROWS_BLURRED_BESIDE),
                Arguments.of("progressive 4:2:2, odd size", PROGRESSIVE_420.withSampling(2, 1).encode(colourful),
                        Sharing.SCANS_SPLIT),
                Arguments.of("progressive with restart markers",
                        PROGRESSIVE_420.withRestartInterval(7).encode(colourful), Sharing.SCANS_SPLIT),
                Arguments.of("progressive with fill bytes before its markers", fillBytes(PROGRESSIVE_444.encode(odd)),
                        Sharing.SCANS_SPLIT),
                Arguments.of("baseline 4:4:4", JpegVariants.BASELINE_420.withSampling(1, 1).encode(picture),
                        Sharing.ROWS_BLURRED_BESIDE),
                Arguments.of("baseline 4:2:0, odd size, restart markers",
                        JpegVariants.BASELINE_420.withRestartInterval(5).encode(odd), Sharing.ROWS_BLURRED_BESIDE),
                Arguments.of("grey", TestFiles.jpeg(TestFiles.gray(645, 483)), Sharing.ROWS_BLURRED_BESIDE),
                Arguments.of("grey, progressive", TestFiles.progressiveJpeg(TestFiles.gray(645, 483)),
                        Sharing.ROWS_BLURRED_BESIDE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jpegs")
    void twoThreadsGiveTheBytesOfOne(String kind, byte[] jpeg, Sharing expected) throws Exception {
        NativeRequired.require(NativeLibrary.decodesJpeg(), NativeLibrary::status);
        ByteBuffer data = direct(jpeg);
        Header header = NativeJpeg.header(data, jpeg.length).orElseThrow();

        for (int[] factors : new int[][] {{2, 2}, {3, 5}, {16, 16}}) {
            Reduced one = NativeJpeg.blurAndReduce(data, jpeg.length, header, factors[0], factors[1], 1)
                    .orElseThrow();
            Reduced two = NativeJpeg.blurAndReduce(data, jpeg.length, header, factors[0], factors[1], 2)
                    .orElseThrow();

            assertThat(one.sharing()).isEqualTo(Sharing.ONE_THREAD);
            assertThat(two.sharing()).as(kind).isEqualTo(expected);
            assertThat(two.samples()).as("%s reduced %dx%d", kind, factors[0], factors[1]).isEqualTo(one.samples());
        }
    }

    @Test
    void aCmykJpegIsDeclinedOnTwoThreadsAsOnOne() {
        NativeRequired.require(NativeLibrary.decodesJpeg(), NativeLibrary::status);
        byte[] cmyk = TestFiles.cmykJpeg(300, 200, 2);

        assertThat(NativeJpeg.header(direct(cmyk), cmyk.length)).isEmpty();
    }

    @Test
    void aDamagedJpegHasTheSameOutcomeOnTwoThreadsAsOnOneAndLeavesNoThread() throws Exception {
        NativeRequired.require(NativeLibrary.decodesJpeg(), NativeLibrary::status);
        List<byte[]> seeds = List.of(PROGRESSIVE_444.encode(TestFiles.picture(400, 300)),
                PROGRESSIVE_420.withRestartInterval(3).encode(TestFiles.picture(300, 400)),
                JpegVariants.BASELINE_420.withRestartInterval(4).encode(TestFiles.picture(400, 300)),
                TestFiles.jpeg(TestFiles.gray(420, 280)));
        Random random = new Random(20261202);
        List<String> differences = new ArrayList<>();
        AtomicInteger decodedOnTwo = new AtomicInteger();
        for (byte[] seed : seeds) {
            List<byte[]> damaged = new ArrayList<>();
            for (int percent = 5; percent < 100; percent += 5) {
                damaged.add(TestFiles.truncated(seed, percent));
            }
            damaged.add(TestFiles.corruptEntropy(seed));
            for (int m = 0; m < 60; m++) {
                damaged.add(TestFiles.mutate(seed, random));
            }
            for (byte[] file : damaged) {
                Optional<String[]> both = TestFiles.within(worker, () -> new String[] {
                    outcome(file, 1), outcome(file, 2)}, 20);
                if (both.isEmpty()) {
                    differences.add("hung on a file of " + file.length + " bytes");
                } else if (!both.get()[0].equals(both.get()[1])) {
                    differences.add("one thread " + both.get()[0] + ", two " + both.get()[1]);
                } else if (both.get()[1].startsWith("[")) {
                    decodedOnTwo.incrementAndGet();
                }
            }
        }

        assertThat(differences).isEmpty();
        assertThat(decodedOnTwo.get()).as("damaged files decoded cleanly, on both paths").isPositive();
        assertThat(worker.submit(this::threadsNamedLikeThisOne).get()).as("the worker alone, no helper").isEqualTo(1);
    }

    @Test
    void aCancelStopsBothThreadsAtTheCheckAfterItAndLeavesNone() throws Exception {
        NativeRequired.require(NativeLibrary.decodesJpeg(), NativeLibrary::status);
        BufferedImage picture = TestFiles.picture(2000, 1500);
        for (byte[] jpeg : List.of(PROGRESSIVE_444.encode(picture), JpegVariants.BASELINE_420.encode(picture))) {
            ByteBuffer data = direct(jpeg);
            Header header = NativeJpeg.header(data, jpeg.length).orElseThrow();
            AtomicInteger checks = new AtomicInteger();
            AtomicLong mostThreads = new AtomicLong();
            int cancelAt = 12;
            NativeAbort.onCheck = () -> {
                mostThreads.accumulateAndGet(threadsNamedLikeThisOne(), Math::max);
                if (checks.incrementAndGet() == cancelAt) {
                    Thread.currentThread().interrupt();
                }
            };

            Future<?> decode = worker.submit(() -> NativeJpeg.blurAndReduce(data, jpeg.length, header, 8, 8, 2));

            assertThatThrownBy(decode::get).hasCauseInstanceOf(CancelledException.class);
            NativeAbort.onCheck = null;
            assertThat(checks.get()).as("checks made, the cancel seen at the first after it").isEqualTo(cancelAt);
            assertThat(mostThreads.get()).as("the helper ran beside the caller").isEqualTo(2);
            assertThat(worker.submit(this::threadsNamedLikeThisOne).get()).as("the helper ended").isEqualTo(1);
        }
    }

    /** The reduced bytes, or what the path said instead. */
    private static String outcome(byte[] jpeg, int threads) {
        ByteBuffer data = direct(jpeg);
        try {
            return NativeJpeg.header(data, jpeg.length)
                    .flatMap(header -> NativeJpeg.blurAndReduce(data, jpeg.length, header, 4, 4, threads))
                    .map(reduced -> Arrays.toString(reduced.samples())).orElse("declined");
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /** The threads of this process Linux names as the calling one (helpers inherit the name). */
    private long threadsNamedLikeThisOne() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(task -> comm(task).equals(name)).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String comm(Path task) {
        try {
            return new String(Files.readAllBytes(task.resolve("comm")), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return ""; // the thread ended meanwhile
        }
    }

    /** {@code jpeg} with two 0xFF fill bytes before each marker after SOI, as the standard allows. */
    private static byte[] fillBytes(byte[] jpeg) {
        var out = new java.io.ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int pos = 2;
        while (pos < jpeg.length) {
            int marker = jpeg[pos + 1] & 0xFF;
            int end = marker == 0xD9 ? pos + 2 : pos + 2 + ((jpeg[pos + 2] & 0xFF) << 8 | jpeg[pos + 3] & 0xFF);
            if (marker == 0xDA) { // the entropy-coded data runs to the next marker but RSTn
                while (!((jpeg[end] & 0xFF) == 0xFF && jpeg[end + 1] != 0
                        && ((jpeg[end + 1] & 0xFF) < 0xD0 || (jpeg[end + 1] & 0xFF) > 0xD7))) {
                    end++;
                }
            }
            out.write(0xFF);
            out.write(0xFF);
            out.write(jpeg, pos, end - pos);
            pos = end;
        }
        return out.toByteArray();
    }

    /** Every pixel a random colour: as much chroma as luma in the data, so the scans split. */
    private static BufferedImage colourNoise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static ByteBuffer direct(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes);
    }
}
