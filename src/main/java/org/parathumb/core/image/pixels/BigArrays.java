package org.parathumb.core.image.pixels;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.parathumb.core.image.CancelledException;

/**
 * New arrays a cancel does not wait for. The JVM zeroes a new array before it returns it, and the
 * pages of a big one are memory the process has never touched: a thread making the 236 MB of a 59
 * MP RGBA PNG's pixels returned 160 ms after it was interrupted, and an RGBA image at the default
 * pixel limit needs three times as much. Nothing interrupts that zeroing. So an array of
 * {@link #BIG} bytes or more is made on a thread of its own while the caller waits, interruptibly:
 * a cancel ends the wait at once and leaves that thread to finish, its array to the collector.
 * (The JVM's own stops, a collection or the process's exit, still wait for the zeroing.)
 */
final class BigArrays {

    /** From this size on, an array is made on another thread: about 40 ms of zeroing and faults here. */
    static final long BIG = 64L << 20;

    private BigArrays() {
    }

    static byte[] bytes(int size) {
        if (size < BIG) {
            return new byte[size];
        }
        return made(() -> new byte[size]);
    }

    static int[] ints(int size) {
        if (4L * size < BIG) {
            return new int[size];
        }
        return made(() -> new int[size]);
    }

    /** {@code allocation}'s result, made on a new thread while this one waits for it, interruptibly. */
    static <T> T made(Callable<T> allocation) {
        CancelledException.checkInterrupt();
        FutureTask<T> task = new FutureTask<>(allocation);
        Thread thread = new Thread(task, "parathumb-allocation");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // OutOfMemoryError above all, as if allocated here
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
