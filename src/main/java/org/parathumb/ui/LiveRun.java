package org.parathumb.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.WorkerPool;

/**
 * The tasks of one run on the application's pool, and the queue their tiles arrive in. Created,
 * drained and cancelled on the FX thread; the tasks run on the workers.
 */
final class LiveRun {

    private final WorkerPool pool;
    private final ImageProcessor processor;
    private final List<ImageTask> tasks;
    private final Queue<Tile> finished = new ConcurrentLinkedQueue<>();
    private final WorkerActivity activity = new WorkerActivity();

    LiveRun(List<ImageJob> jobs, ImageProcessor processor, WorkerPool pool) {
        this.pool = pool;
        this.processor = processor.withStageListener(activity);
        this.tasks = jobs.stream().map(job -> new ImageTask(job, this.processor, finished, activity)).toList();
    }

    /** What each worker of this run is on now (sampled once per frame). */
    List<WorkerActivity.Row> working(long nowNanos) {
        return activity.snapshot(nowNanos);
    }

    /** Jobs of this run waiting for memory before they decode. */
    int waitingForMemory() {
        return processor.memoryBudget().waitingJobs();
    }

    int size() {
        return tasks.size();
    }

    void start() {
        tasks.forEach(pool::execute);
    }

    /** Up to {@code max} of the tiles finished and not yet drained, in completion order. */
    List<Tile> drain(int max) {
        List<Tile> batch = new ArrayList<>();
        for (Tile tile = batch.size() < max ? finished.poll() : null; tile != null;
                tile = batch.size() < max ? finished.poll() : null) {
            batch.add(tile);
        }
        return batch;
    }

    /**
     * Cancels every task: those not started never will (they are counted and returned), running
     * ones are interrupted and queue a cancelled (or, if too late, finished) tile.
     */
    int cancel() {
        int skipped = 0;
        for (ImageTask task : tasks) {
            if (task.skip()) {
                skipped++;
            }
            task.cancel(true);
        }
        pool.purge();
        return skipped;
    }
}
