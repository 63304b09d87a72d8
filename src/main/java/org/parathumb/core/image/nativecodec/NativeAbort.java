package org.parathumb.core.image.nativecodec;

/**
 * How native code sees a cancel: every native decode calls {@link #requested()} once per band of
 * rows (and the JPEG paths once per 64 KB of input), and stops with its "cancelled" result when it
 * says yes. A cancel is the thread's interrupt, as everywhere else in Parathumb.
 */
final class NativeAbort {

    /** Tests only: runs at every check, on the decoding thread, before the interrupt is read. */
    static volatile Runnable onCheck;

    private NativeAbort() {
    }

    /** Called from native code. */
    static boolean requested() {
        Runnable hook = onCheck;
        if (hook != null) {
            hook.run();
        }
        return Thread.currentThread().isInterrupted();
    }
}
