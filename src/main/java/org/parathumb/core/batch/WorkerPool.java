package org.parathumb.core.batch;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.parathumb.core.image.SpareCores;

/**
 * The one pool of worker threads an application owns. Its size can change at any time and applies
 * to jobs not yet started: a running job always finishes on its thread. Threads are named
 * "thumb-worker-N", N the lowest number no live worker has. A worker idle for
 * {@link #KEEP_ALIVE_SECONDS} ends, and the buffers it kept for the next image (thread-local
 * scratch sized by the biggest image it decoded) go with it: an idle window does not hold what
 * its last run needed. Closing shuts down in two phases: no new work, a wait for running jobs,
 * then an interrupt of what is left.
 *
 * <p>A worker's job may {@linkplain SpareCores borrow} the core of a worker with nothing to do:
 * the pool lends one while no job waits and its jobs and loans number fewer than its workers
 * (so a pool of one never lends). A loan blocks no one: a job submitted meanwhile starts at once
 * on an idle worker, beside the loan, which ends with the image that took it (decision record 0014).
 */
public final class WorkerPool implements Executor, AutoCloseable, SpareCores.Lender {

    private static final long CLOSE_GRACE_SECONDS = 5;
    /** How long a worker waits for a job before it ends. */
    public static final long KEEP_ALIVE_SECONDS = 20;

    private final ThreadPoolExecutor executor;
    /** Jobs running and cores lent; both guarded by this. */
    private int running;
    private int lent;

    public WorkerPool(int workers) {
        this(workers, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    /** A pool whose idle workers end after {@code keepAlive}. */
    WorkerPool(int workers, long keepAlive, TimeUnit unit) {
        checkSize(workers);
        this.executor = new ThreadPoolExecutor(workers, workers, keepAlive, unit,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("thumb-worker-", this)) {
            @Override
            protected void beforeExecute(Thread t, Runnable r) {
                synchronized (WorkerPool.this) {
                    running++;
                }
            }

            @Override
            protected void afterExecute(Runnable r, Throwable t) {
                synchronized (WorkerPool.this) {
                    running--;
                }
            }
        };
        executor.allowCoreThreadTimeOut(true);
    }

    /** The number of cores the JVM may use: the natural upper bound of a pool's size. */
    public static int availableCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Sets the number of workers; jobs already running finish where they are. */
    public synchronized void resize(int workers) {
        checkSize(workers);
        if (workers > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(workers);
            executor.setCorePoolSize(workers);
        } else {
            executor.setCorePoolSize(workers);
            executor.setMaximumPoolSize(workers);
        }
    }

    /** The number of workers asked for. */
    public synchronized int size() {
        return executor.getMaximumPoolSize();
    }

    /** Threads running a job right now. */
    public int activeCount() {
        return executor.getActiveCount();
    }

    /** Cores lent to running jobs right now. */
    public synchronized int lentCount() {
        return lent;
    }

    @Override
    public synchronized boolean tryLend() {
        if (executor.isShutdown() || !executor.getQueue().isEmpty() || running + lent >= size()) {
            return false;
        }
        lent++;
        return true;
    }

    @Override
    public synchronized void giveBack() {
        if (lent == 0) {
            throw new IllegalStateException("no core is lent");
        }
        lent--;
    }

    /** Jobs waiting for a worker. */
    public int queuedCount() {
        return executor.getQueue().size();
    }

    @Override
    public void execute(Runnable command) {
        executor.execute(command);
    }

    public <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    /** Removes jobs that were cancelled before they started, so they no longer hold the queue. */
    public void purge() {
        executor.purge();
    }

    public boolean isClosed() {
        return executor.isShutdown();
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void checkSize(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, got " + workers);
        }
    }

    /** Names each new thread with the lowest number no live one has: a run's lanes stay 1 to N. */
    private static final class NamedThreadFactory implements ThreadFactory {
        private final String prefix;
        private final SpareCores.Lender lender;
        private final java.util.BitSet taken = new java.util.BitSet();

        NamedThreadFactory(String prefix, SpareCores.Lender lender) {
            this.prefix = prefix;
            this.lender = lender;
        }

        @Override
        public Thread newThread(Runnable r) {
            int number;
            synchronized (taken) {
                number = taken.nextClearBit(1);
                taken.set(number);
            }
            Thread thread = new Thread(() -> {
                try {
                    SpareCores.lendFrom(lender);
                    r.run();
                } finally {
                    synchronized (taken) {
                        taken.clear(number);
                    }
                }
            }, prefix + number);
            // Daemon: a stuck native decode must never keep the JVM alive after close(); outputs
            // are moved into place atomically, so an abrupt exit leaves no partial thumbnail.
            thread.setDaemon(true);
            return thread;
        }
    }
}
