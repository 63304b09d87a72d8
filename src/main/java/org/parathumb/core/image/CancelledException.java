package org.parathumb.core.image;

/**
 * Thrown by a pixel loop that found its thread interrupted: the work was cancelled. The thread's
 * interrupt flag is set again before this is thrown, so callers up the stack still see it.
 */
public final class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled", null, false, false);
    }

    /** Ends the current work if its thread was interrupted; keeps the interrupt flag set. */
    public static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancelledException();
        }
    }
}
