package org.parathumb.core.batch;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parathumb.core.image.ThumbnailSpec;

/**
 * Heap shared by the jobs of a batch, so that N workers never need more than there is. A job
 * {@link #acquire acquires} its estimated working set before it decodes a pixel, waiting while
 * others hold too much, and gives it back when it ends. Threads may also keep a small part as
 * reusable buffers between jobs ({@link #retain}); together those never exceed a quarter of the
 * capacity, and a job never asks for more than the other three quarters, so a waiting job always
 * gets its turn once the running ones finish: fewer run at once, none starve, none deadlock.
 *
 * <p>How many jobs wait is observable ({@link #waitingJobs()}, {@link Listener}) with no UI types:
 * the window shows it as "waiting for memory". Safe for use from many threads.
 */
public final class MemoryBudget {

    /**
     * Hears how many jobs wait for memory. Called on the worker thread whose job started or
     * stopped waiting, outside any lock; keep it quick (post the number to the UI thread).
     */
    @FunctionalInterface
    public interface Listener {
        void waitingChanged(int waitingJobs);
    }

    /**
     * The share of the maximum heap a budget made by {@link #ofHeap()} hands out: half, because a
     * big decode buffer a job has let go of stays in a G1 heap until the next marking, so the
     * heap must hold the live buffers and as much again in garbage.
     */
    static final double HEAP_SHARE = 0.5;

    private final long capacity;
    private final Runnable collector;
    private final Object collecting = new Object();
    private long collections;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Thread, Long> retained = new WeakHashMap<>();
    private long inUse;
    private int waiting;

    /** A budget of {@code capacityBytes}. */
    public MemoryBudget(long capacityBytes) {
        this(capacityBytes, System::gc);
    }

    /** A budget whose full collections after an OutOfMemoryError are {@code collector}'s (tests count them). */
    MemoryBudget(long capacityBytes, Runnable collector) {
        if (capacityBytes < 1) {
            throw new IllegalArgumentException("a memory budget must be positive, got " + capacityBytes);
        }
        this.capacity = capacityBytes;
        this.collector = Objects.requireNonNull(collector, "collector");
    }

    /** How many full collections this budget ran after an OutOfMemoryError: a job notes it before it renders. */
    public long collectionsSoFar() {
        synchronized (collecting) {
            return collections;
        }
    }

    /**
     * The one place that decides on a full collection after an OutOfMemoryError. A job whose
     * allocation failed calls it with what {@link #collectionsSoFar()} said before it rendered:
     * if a collection ran since, it already reclaimed the garbage that job ran into and none
     * runs; otherwise this thread runs one. Jobs that fail together wait for that one collection
     * and then retry, so N workers failing at once cost one full collection, not N.
     */
    public void collectAfterOutOfMemory(long seen) {
        synchronized (collecting) {
            if (collections == seen) {
                collector.run();
                collections++;
            }
        }
    }

    /** A budget of a share of the JVM's maximum heap, leaving the rest to the application. */
    public static MemoryBudget ofHeap() {
        return new MemoryBudget((long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE));
    }

    /**
     * A budget sized by what {@code jobs} need rather than by the heap: the largest job's working
     * set (from its header) granted in full to each of {@code workers} at once, plus a margin for
     * the buffers threads keep, and never more than {@link #ofHeap()}. A folder of small images
     * then never lets the heap grow towards its maximum; jobs without a header count as nothing.
     */
    public static MemoryBudget forJobs(List<ImageJob> jobs, ThumbnailSpec spec, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker: " + workers);
        }
        long largest = 0;
        for (ImageJob job : jobs) {
            if (job.header() != null) {
                largest = Math.max(largest, WorkingSet.bytes(job.header(), spec));
            }
        }
        // A job is granted at most 3/4 of the capacity, and kept buffers take up to 1/4 more.
        long needed = largest * workers * 4 / 3 + FOLDER_MARGIN_BYTES;
        return new MemoryBudget(Math.min(needed, (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE)));
    }

    /** Added to a {@link #forJobs} budget: readers', encoders' and the grid's own small needs. */
    static final long FOLDER_MARGIN_BYTES = 32L << 20;

    public long capacity() {
        return capacity;
    }

    /** The most one job is granted: larger estimates are capped, and such a job runs nearly alone. */
    public long largestGrant() {
        return capacity - capacity / 4;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Jobs waiting for memory right now. */
    public synchronized int waitingJobs() {
        return waiting;
    }

    /** Bytes granted to running jobs right now. */
    public synchronized long inUse() {
        return inUse;
    }

    /** Bytes threads keep as buffers between jobs right now. */
    public synchronized long retained() {
        return retained.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until {@code bytes} (capped at {@link #largestGrant()}) fit, then grants them. What the
     * calling thread kept from its last job is counted in, as this job reuses or replaces it.
     */
    public Lease acquire(long bytes) throws InterruptedException {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
        long granted;
        int waitingNow;
        synchronized (this) {
            Long own = retained.remove(Thread.currentThread());
            granted = Math.min(largestGrant(), bytes + (own == null ? 0 : own));
            if (fits(granted)) {
                inUse += granted;
                return new Lease(granted);
            }
            waitingNow = ++waiting;
        }
        fire(waitingNow);
        try {
            synchronized (this) {
                while (!fits(granted)) {
                    wait();
                }
                inUse += granted;
            }
        } finally {
            synchronized (this) {
                waitingNow = --waiting;
            }
            fire(waitingNow);
        }
        return new Lease(granted);
    }

    private boolean fits(long bytes) {
        return inUse == 0 || inUse + retainedTotal() + bytes <= capacity;
    }

    /**
     * Asks to keep {@code bytes} of buffers on the calling thread until its next job. Granted
     * while all threads keep no more than a quarter of the capacity; when refused, the caller
     * must drop its buffers.
     */
    public synchronized boolean retain(long bytes) {
        Thread self = Thread.currentThread();
        retained.remove(self);
        if (bytes <= 0) {
            return true;
        }
        if (retainedTotal() + bytes > capacity / 4) {
            notifyAll();
            return false;
        }
        retained.put(self, bytes);
        return true;
    }

    /** Forgets what the calling thread kept (it dropped its buffers). */
    public synchronized void forgetRetained() {
        if (retained.remove(Thread.currentThread()) != null) {
            notifyAll();
        }
    }

    private long retainedTotal() {
        long total = 0;
        for (long bytes : retained.values()) {
            total += bytes;
        }
        return total;
    }

    private void fire(int count) {
        for (Listener listener : listeners) {
            listener.waitingChanged(count);
        }
    }

    /** Memory granted to one job; closing gives it back and wakes waiting jobs. */
    public final class Lease implements AutoCloseable {
        private final long bytes;
        private boolean closed;

        private Lease(long bytes) {
            this.bytes = bytes;
        }

        public long bytes() {
            return bytes;
        }

        @Override
        public void close() {
            synchronized (MemoryBudget.this) {
                if (closed) {
                    return;
                }
                closed = true;
                inUse -= bytes;
                MemoryBudget.this.notifyAll();
            }
        }
    }
}
