package org.parathumb.core.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a list of jobs on an executor and reports each result as it completes. The same code runs
 * a batch sequentially (a same-thread executor: one plain loop) or in parallel (a
 * {@link WorkerPool}): only the scheduling differs. {@link #cancel()} may be called from any
 * thread; {@link #run} returns only once every job has ended, so a cancelled batch leaves no
 * worker still writing. A runner is one-shot: it runs one batch, and a cancel that lands before
 * {@link #run} starts is kept, so the batch then starts no job (make a new runner per batch).
 *
 * <p>The biggest images start first (longest processing time first): the last jobs to start are
 * then the shortest, so workers run out of work at nearly the same moment instead of one of them
 * finishing a big image alone ({@link ImageProcessor#largestFirst}). The headers that order needs
 * are read first, in parallel on the executor, unless the jobs come with them; each job then
 * reuses its header instead of reading it again.
 */
public final class BatchRunner {

    private final ImageProcessor processor;
    private final Set<Thread> busy = new HashSet<>();
    private final AtomicBoolean used = new AtomicBoolean();
    private volatile boolean cancelled;

    public BatchRunner(ImageProcessor processor) {
        this.processor = Objects.requireNonNull(processor, "processor");
    }

    /**
     * Runs every job and blocks until all have ended; {@code workers} is reported, and is how
     * many header reads run at once.
     *
     * @throws IllegalStateException if this runner already ran a batch
     */
    public BatchSummary run(List<ImageJob> jobs, Executor executor, int workers, BatchListener listener) {
        if (!used.compareAndSet(false, true)) {
            throw new IllegalStateException("a BatchRunner runs one batch only: make a new one");
        }
        CompletionService<ImageResult> completion = new ExecutorCompletionService<>(executor);
        List<ImageResult> results = new ArrayList<>(jobs.size());
        long start = System.nanoTime();
        boolean interrupted = false;
        List<ImageJob> ordered = processor.largestFirst(
                processor.withHeaders(jobs, executor, workers, () -> cancelled));
        for (ImageJob job : ordered) {
            completion.submit(() -> runOne(job));
            drainCompleted(completion, results, listener);
        }
        while (results.size() < jobs.size()) {
            try {
                report(completion.take(), results, listener);
            } catch (InterruptedException e) {
                interrupted = true;
                cancel();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new BatchSummary(results, System.nanoTime() - start, workers);
    }

    /** Cancels the batch: jobs not started never start, running ones stop at their next band of rows. */
    public void cancel() {
        synchronized (busy) {
            cancelled = true;
            busy.forEach(Thread::interrupt);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    private ImageResult runOne(ImageJob job) {
        Thread self = Thread.currentThread();
        synchronized (busy) {
            if (cancelled) {
                long now = System.nanoTime();
                return ImageResult.cancelled(job, self.getName(), now, now, processor.pipeline().name());
            }
            busy.add(self);
        }
        try {
            return processor.process(job);
        } finally {
            synchronized (busy) {
                busy.remove(self);
                // Our cancel's interrupt was meant for this job only: the thread moves on clean.
                if (cancelled) {
                    Thread.interrupted();
                }
            }
        }
    }

    private static void drainCompleted(CompletionService<ImageResult> completion, List<ImageResult> results,
            BatchListener listener) {
        for (Future<ImageResult> done = completion.poll(); done != null; done = completion.poll()) {
            report(done, results, listener);
        }
    }

    private static void report(Future<ImageResult> done, List<ImageResult> results, BatchListener listener) {
        ImageResult result;
        try {
            result = done.get();
        } catch (InterruptedException | ExecutionException e) {
            // runOne never throws and its futures are never cancelled: this cannot happen.
            throw new IllegalStateException("a job ended abnormally", e);
        }
        results.add(result);
        listener.onResult(result);
    }
}
