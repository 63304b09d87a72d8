package org.parathumb.core.image.pixels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parathumb.core.image.CancelledException;

/**
 * A cancel does not wait for a big array to be made: the JVM's zeroing of a new array cannot be
 * interrupted, so a big one is made on another thread, and the caller's wait can. The making is
 * held on a latch here, so the wait is certainly still on when the caller is interrupted.
 */
class BigArraysTest {

    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        caller.shutdownNow();
        caller.awaitTermination(1, TimeUnit.MINUTES);
    }

    @Test
    void aCancelEndsTheWaitWhileTheArrayIsStillBeingMade() throws Exception {
        CountDownLatch making = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> waiting = new AtomicReference<>();
        Future<byte[]> call = caller.submit(() -> {
            waiting.set(Thread.currentThread());
            return BigArrays.made(() -> {
                making.countDown();
                release.await();
                return new byte[1];
            });
        });
        making.await();
        waiting.get().interrupt();

        assertThatThrownBy(call::get).hasCauseInstanceOf(CancelledException.class);
        assertThat(release.getCount()).as("the array was still being made").isEqualTo(1);
        release.countDown();
    }

    @Test
    void runningOutOfMemoryThereIsRunningOutOfMemoryHere() {
        assertThatThrownBy(() -> BigArrays.made(() -> {
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOf(OutOfMemoryError.class).hasMessage("Java heap space");
    }

    @Test
    void bigAndSmallBuffersAreTheSizeAsked() {
        Scratch scratch = new Scratch();

        assertThat(scratch.bytes((int) BigArrays.BIG + 1)).hasSize((int) BigArrays.BIG + 1);
        assertThat(scratch.ints(0, (int) (BigArrays.BIG / 4) + 1)).hasSize((int) (BigArrays.BIG / 4) + 1);
        assertThat(new Scratch().bytes(10)).hasSize(10);
    }
}
