package org.parathumb.core.image.nativecodec;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.JpegVariants;
import org.parathumb.core.image.TestFiles;

/**
 * A cancel stops every native decode at its next check, whatever the image: another thread
 * interrupts the decoding one while it is parked (by a latch) in its third check, and the decode
 * must end with CancelledException at the very next check, long before its last band. No timing:
 * the checks are counted.
 */
class NativeCancellationTest {

    private static final int PARKED_AT = 3;

    @TempDir
    static Path dir;

    private static ByteBuffer progressiveJpeg;
    private static int jpegLength;
    private static ByteBuffer png;
    private static int pngLength;

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void largeFiles() throws IOException {
        BufferedImage picture = TestFiles.picture(4000, 3000);
        byte[] jpeg = Files.readAllBytes(JpegVariants.BASELINE_420.progressively().write(picture, dir.resolve("big.jpg")));
        progressiveJpeg = ByteBuffer.allocateDirect(jpeg.length).put(jpeg);
        jpegLength = jpeg.length;
        byte[] encoded = TestFiles.encode(picture, "png");
        png = ByteBuffer.allocateDirect(encoded.length).put(encoded);
        pngLength = encoded.length;
    }

    @AfterEach
    void stop() throws InterruptedException {
        NativeAbort.onCheck = null;
        worker.shutdownNow();
        worker.awaitTermination(1, TimeUnit.MINUTES);
    }

    @Test
    void theFaithfulJpegPathStopsAtTheCheckAfterTheCancel() throws Exception {
        NativeRequired.require(NativeLibrary.decodesJpeg(), NativeLibrary::status);
        NativeJpeg.Header header = NativeJpeg.header(progressiveJpeg, jpegLength).orElseThrow();

        int checks = cancelledAfter(() -> NativeJpeg.blurAndReduce(progressiveJpeg, jpegLength, header, 40, 40));

        assertThat(checks).isEqualTo(PARKED_AT);
    }

    @Test
    void theScaledJpegDecodeStopsAtTheCheckAfterTheCancel() throws Exception {
        NativeRequired.require(NativeScaledJpeg.available(), NativeLibrary::status);
        NativeJpeg.Header header = NativeJpeg.header(progressiveJpeg, jpegLength).orElseThrow();

        int checks = cancelledAfter(() -> NativeScaledJpeg.decode(progressiveJpeg, jpegLength, header, 8));

        assertThat(checks).isEqualTo(PARKED_AT);
    }

    @Test
    void thePngDecodeThroughLibdeflateStopsAtTheCheckAfterTheCancel() throws Exception {
        NativeRequired.require(NativePng.Engine.LIBDEFLATE.open(), NativeLibrary::status);
        NativePng.PngHeader header = NativePng.header(png, pngLength, NativePng.Engine.LIBDEFLATE).orElseThrow();
        byte[] into = new byte[header.outputBytes()];

        int checks = cancelledAfter(() -> NativePng.decode(png, pngLength, header, into));

        assertThat(checks).as("of %d bands", header.height() / 16).isEqualTo(PARKED_AT);
    }

    @Test
    void thePngDecodeThroughLibspngStopsAtTheCheckAfterTheCancel() throws Exception {
        NativeRequired.require(NativePng.Engine.LIBSPNG.open(), NativeLibrary::status);
        NativePng.PngHeader header = NativePng.header(png, pngLength, NativePng.Engine.LIBSPNG).orElseThrow();
        byte[] into = new byte[header.outputBytes()];

        int checks = cancelledAfter(() -> NativePng.decode(png, pngLength, header, into));

        assertThat(checks).as("of %d bands", header.height() / 16).isEqualTo(PARKED_AT);
    }

    /** The row filters of a big PNG thumbnail ask every 64 rows. */
    @Test
    void thePngFilterStopsAtTheCheckAfterTheCancel() throws Exception {
        NativeRequired.require(NativePngFilter.available(), NativeLibrary::status);
        byte[] samples = noise(300 * 1000 * 3);
        byte[] out = new byte[(300 * 3 + 1) * 1000];

        int checks = cancelledAfter(() -> NativePngFilter.filter(samples, 300, 1000, 3, out));

        assertThat(checks).as("of %d bands", 1000 / 64 + 1).isEqualTo(PARKED_AT);
    }

    /** zlib's deflate of a big PNG thumbnail (1.6 s at 4096x2304) asks before each 256 KB band of input. */
    @Test
    void theZlibDeflateStopsAtTheCheckAfterTheCancel() throws Exception {
        NativeRequired.require(NativeDeflate.available(), NativeLibrary::status);
        byte[] data = noise(4 << 20);

        int checks = cancelledAfter(() -> NativeDeflate.zlibStream(data, data.length, 6, 9, NativeDeflate.FILTERED));

        assertThat(checks).as("of %d bands", data.length / (256 << 10)).isEqualTo(PARKED_AT);
    }

    @Test
    void uncancelledTheDeflateChecksAtEveryBand() {
        NativeRequired.require(NativeDeflate.available(), NativeLibrary::status);
        AtomicInteger checks = new AtomicInteger();
        NativeAbort.onCheck = checks::incrementAndGet;
        byte[] data = noise(4 << 20);

        assertThat(NativeDeflate.zlibStream(data, data.length, 6, 9, NativeDeflate.FILTERED)).isNotEmpty();
        assertThat(checks.get()).isEqualTo(data.length / (256 << 10));
    }

    /** Bytes zlib cannot shrink much, like a photo's filtered rows. */
    private static byte[] noise(int length) {
        byte[] data = new byte[length];
        new Random(3).nextBytes(data);
        return data;
    }

    @Test
    void uncancelledTheSameDecodesCheckManyTimes() throws Exception {
        NativeRequired.require(NativeLibrary.decodesJpeg() && NativePng.available(), NativeLibrary::status);
        AtomicInteger checks = new AtomicInteger();
        NativeAbort.onCheck = checks::incrementAndGet;
        NativePng.PngHeader header = NativePng.header(png, pngLength).orElseThrow();

        assertThat(NativePng.decode(png, pngLength, header, new byte[header.outputBytes()])).isPresent();
        assertThat(checks.get()).isGreaterThanOrEqualTo(3000 / 16);
        checks.set(0);
        NativeJpeg.Header jpegHeader = NativeJpeg.header(progressiveJpeg, jpegLength).orElseThrow();
        assertThat(NativeScaledJpeg.decode(progressiveJpeg, jpegLength, jpegHeader, 8)).isPresent();
        assertThat(checks.get()).as("every 64 KB of input and every band of 16 rows")
                .isGreaterThanOrEqualTo(jpegLength / 65536 + 3000 / 8 / 16);
    }

    /**
     * Runs {@code decode} on the worker; at its PARKED_AT-th check the worker waits while this
     * thread interrupts it. Returns how many checks the decode made before it gave up.
     */
    private int cancelledAfter(Runnable decode) throws Exception {
        CountDownLatch parked = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        AtomicReference<Thread> decoding = new AtomicReference<>();
        NativeAbort.onCheck = () -> {
            if (checks.incrementAndGet() == PARKED_AT) {
                parked.countDown();
                awaitUninterruptibly(interrupted);
            }
        };
        Future<?> run = worker.submit(() -> {
            decoding.set(Thread.currentThread());
            decode.run();
        });
        parked.await();
        decoding.get().interrupt();
        interrupted.countDown();
        Consumer<Throwable> cancelled = e -> assertThat(e).isInstanceOf(CancelledException.class);
        try {
            run.get();
            throw new AssertionError("the decode finished although it was cancelled");
        } catch (ExecutionException e) {
            cancelled.accept(e.getCause());
        }
        return checks.get();
    }

    /** Waits for the latch without clearing the interrupt the decode must see. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean wasInterrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                wasInterrupted = true;
            }
        }
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
