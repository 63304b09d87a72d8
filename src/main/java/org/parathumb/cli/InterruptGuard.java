package org.parathumb.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C (SIGINT, or SIGTERM) during a batch: a shutdown hook cancels the batch, then holds the
 * JVM's exit until the command has let its workers end, saved what it keeps and printed its
 * summary ({@link #close()}), for at most {@value #GRACE_SECONDS} seconds. The JVM then exits
 * with 130 (128 + SIGINT) by itself. Thumbnails are moved into place whole, and a cancelled job
 * deletes its temporary file, so nothing is left half-written.
 */
final class InterruptGuard implements AutoCloseable {

    /** Exit code of an interrupted run, as shells report a process ended by SIGINT. */
    static final int INTERRUPTED = 130;

    static final int GRACE_SECONDS = 10;

    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean interrupted;

    private InterruptGuard(Runnable cancel) {
        hook = new Thread(() -> {
            interrupted = true;
            cancel.run();
            try {
                reported.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "parathumb-cancel");
    }

    /** Installs the hook; {@code cancel} must be quick and callable from any thread. */
    static InterruptGuard install(Runnable cancel) {
        InterruptGuard guard = new InterruptGuard(cancel);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** Whether the hook ran: the JVM is shutting down and the batch was cancelled. */
    boolean interrupted() {
        return interrupted;
    }

    /** The summary is out: lets the JVM finish exiting, or removes the hook when nothing happened. */
    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running, nothing to remove.
        }
    }
}
