package org.parathumb.core.image;

import java.util.Objects;

/**
 * Cores a worker may borrow for the image in hand: those its pool has no job for (one image and
 * two workers, or the last big image of a folder). A pipeline whose work for one image splits
 * asks {@link #borrow()} and gives the loan back when the image ends. Only a thread its pool has
 * {@linkplain #lendFrom(Lender) named a lender} ever borrows, so a plain loop, a test or the
 * benchmark's sequential pass stays on one core, as a user's "1 worker" does.
 */
public final class SpareCores {

    /** What lends: the pool whose threads borrow. Both calls are cheap and never block. */
    public interface Lender {

        /** Takes one idle core if there is one: no job waiting and fewer jobs and loans than workers. */
        boolean tryLend();

        /** Returns a core {@link #tryLend()} gave. */
        void giveBack();
    }

    /** The cores an image may use: its own and {@code borrowed} more, given back on {@link #close()}. */
    public static final class Loan implements AutoCloseable {
        private final Lender lender;
        private boolean open = true;

        private Loan(Lender lender) {
            this.lender = lender;
        }

        /** Threads the image may run on: 1, or 2 with a borrowed core. */
        public int threads() {
            return open && lender != null ? 2 : 1;
        }

        @Override
        public void close() {
            if (open && lender != null) {
                lender.giveBack();
            }
            open = false;
        }
    }

    private static final ThreadLocal<Lender> LENDER = new ThreadLocal<>();

    private SpareCores() {
    }

    /** Makes {@code lender} the one the calling thread borrows from, for the rest of its life. */
    public static void lendFrom(Lender lender) {
        LENDER.set(Objects.requireNonNull(lender, "lender"));
    }

    /** The calling thread's own core alone: for work too small to share. */
    public static Loan none() {
        return new Loan(null);
    }

    /** A second core for the calling thread's image if its lender has one idle, else the thread's own alone. */
    public static Loan borrow() {
        Lender lender = LENDER.get();
        return new Loan(lender != null && lender.tryLend() ? lender : null);
    }
}
