package org.parathumb.core.image.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.nativecodec.NativeWebp;
import org.parathumb.core.image.pixels.Scratch;

/** A cancel reaches a WebP decode, whole or scaled, that is already inside libwebp, and stops it before the end. */
class WebpCancelTest {

    /** 4096x4096: long enough a decode to be interrupted inside libwebp. */
    private static final String LARGE = "large-lossless.webp";

    /** A decode to interrupt. */
    @FunctionalInterface
    private interface Decode {
        void run() throws Exception;
    }

    @BeforeEach
    void needsLibwebp() {
        FormatSamples.requireLibrary(NativeWebp.availability().readable(), NativeWebp.availability().description());
    }

    @Test
    void anInterruptStopsADecodeInsideLibwebp() throws InterruptedException {
        assertAnInterruptInside("decode", () -> new ImageDecoder().decode(FormatSamples.path(LARGE), new Scratch()));
    }

    @Test
    void anInterruptStopsAScaledDecodeInsideLibwebp() throws Exception {
        byte[] file = FormatSamples.bytes(LARGE);
        ByteBuffer data = ByteBuffer.allocateDirect(file.length).put(file).flip();
        NativeWebp.Features features = NativeWebp.features(data, file.length);

        assertAnInterruptInside("decodeScaled", () -> NativeWebp.decodeScaled(data, file.length, features, 1024, 1024,
                new byte[1024 * 1024 * 3]));
    }

    /** Runs {@code decode} on a thread, interrupts it once it is in NativeWebp's {@code method}, and expects a cancel. */
    private static void assertAnInterruptInside(String method, Decode decode) throws InterruptedException {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                decode.run();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "webp-cancel-test");
        worker.start();
        // Interrupt once the worker is in the native decode, not before it (then any check would do).
        while (worker.isAlive() && !inNative(worker, method)) {
            Thread.onSpinWait();
        }
        worker.interrupt();
        worker.join();

        try {
            assertThat(outcome.get()).isInstanceOf(CancelledException.class);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean inNative(Thread worker, String method) {
        return Arrays.stream(worker.getStackTrace()).anyMatch(
                frame -> frame.getClassName().endsWith("NativeWebp") && frame.getMethodName().equals(method)
                        && frame.isNativeMethod());
    }
}
