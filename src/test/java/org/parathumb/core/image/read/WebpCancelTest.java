package org.parathumb.core.image.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.nativecodec.NativeWebp;
import org.parathumb.core.image.pixels.Scratch;

/** A cancel reaches a WebP decode that is already inside libwebp, and stops it before the end. */
class WebpCancelTest {

    @BeforeEach
    void needsLibwebp() {
        FormatSamples.requireLibrary(NativeWebp.availability().readable(), NativeWebp.availability().description());
    }

    @Test
    void anInterruptStopsADecodeInsideLibwebp() throws InterruptedException {
        var file = FormatSamples.path("large-lossless.webp"); // 4096x4096
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                new ImageDecoder().decode(file, new Scratch());
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "webp-cancel-test");
        worker.start();
        // Interrupt once the worker is in the native decode, not before it (then any check would do).
        while (worker.isAlive() && !inNativeDecode(worker)) {
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

    private static boolean inNativeDecode(Thread worker) {
        return Arrays.stream(worker.getStackTrace()).anyMatch(
                frame -> frame.getClassName().endsWith("NativeWebp") && frame.getMethodName().equals("decode")
                        && frame.isNativeMethod());
    }
}
