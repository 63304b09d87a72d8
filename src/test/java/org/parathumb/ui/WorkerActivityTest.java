package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.StageListener;

class WorkerActivityTest {

    private final WorkerActivity activity = new WorkerActivity();

    private static ImageJob job(String name) {
        return new ImageJob(Path.of("/in", name), Path.of("/out", name));
    }

    @Test
    void eachWorkerKeepsItsNumberForTheRunAndShowsItsCurrentFileStageAndTime() throws Exception {
        ExecutorService first = Executors.newSingleThreadExecutor();
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            first.submit(() -> {
                activity.started(job("a.jpg"), 1_000_000_000L);
                activity.onStage(job("a.jpg"), StageListener.Stage.RENDER);
            }).get();
            second.submit(() -> activity.started(job("b.png"), 2_000_000_000L)).get();
            first.submit(() -> {
                activity.ended();
                activity.started(job("c.webp"), 3_000_000_000L);
                activity.onStage(job("c.webp"), StageListener.Stage.ENCODE);
            }).get();

            assertThat(activity.snapshot(4_500_000_000L)).extracting(WorkerActivity.Row::line).containsExactly(
                    "Worker 1 · c.webp · 1.5 s · encode",
                    "Worker 2 · b.png · 2.5 s · starting");

            second.submit(activity::ended).get();
            assertThat(activity.snapshot(5_000_000_000L)).extracting(WorkerActivity.Row::worker).containsExactly(1);
        } finally {
            first.shutdown();
            second.shutdown();
        }
    }

    @Test
    void theLiveRowKeepsALinePerWorkerOfTheRunSoItsHeightDoesNotChangeWhenOneIsBetweenImages() {
        WorkerActivity.Row second = new WorkerActivity.Row(2, "b.png", 2_500_000_000L, "encode");

        assertThat(WorkerActivity.lines(java.util.List.of(second), 3))
                .isEqualTo("Worker 1 · idle\nWorker 2 · b.png · 2.5 s · encode\nWorker 3 · idle");
        assertThat(WorkerActivity.lines(java.util.List.of(), 2)).isEqualTo("Worker 1 · idle\nWorker 2 · idle");
        assertThat(WorkerActivity.lines(java.util.List.of(second), 1)).as("a worker added during the run")
                .isEqualTo("Worker 1 · idle\nWorker 2 · b.png · 2.5 s · encode");
    }

    @Test
    void aWorkerKnowsItsNumberInTheRunOnceItHasTakenAnImage() throws Exception {
        ExecutorService first = Executors.newSingleThreadExecutor();
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            assertThat(second.submit(activity::number).get()).isZero();
            first.submit(() -> activity.started(job("a.jpg"), 1L)).get();
            second.submit(() -> activity.started(job("b.jpg"), 2L)).get();
            assertThat(second.submit(activity::number).get()).isEqualTo(2);
            assertThat(first.submit(activity::number).get()).isEqualTo(1);
        } finally {
            first.shutdownNow();
            second.shutdownNow();
        }
    }
}
