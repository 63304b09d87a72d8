package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void aJobThatFitsStartsAtOnce() throws InterruptedException {
        MemoryBudget budget = new MemoryBudget(100);

        try (MemoryBudget.Lease lease = budget.acquire(30)) {
            assertThat(lease.bytes()).isEqualTo(30);
            assertThat(budget.inUse()).isEqualTo(30);
            assertThat(budget.waitingJobs()).isZero();
        }
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void aJobWaitsForMemoryAndTheWaitIsObservableUntilAnotherJobGivesItBack() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        List<Integer> heard = new CopyOnWriteArrayList<>();
        CountDownLatch waiting = new CountDownLatch(1);
        budget.addListener(count -> {
            heard.add(count);
            if (count == 1) {
                waiting.countDown();
            }
        });
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            MemoryBudget.Lease first = budget.acquire(60);
            Future<Long> second = other.submit(() -> {
                try (MemoryBudget.Lease lease = budget.acquire(60)) {
                    return lease.bytes();
                }
            });

            assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(budget.waitingJobs()).isEqualTo(1);
            assertThat(second.isDone()).isFalse();
            first.close();

            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(60);
            assertThat(budget.waitingJobs()).isZero();
            assertThat(heard).containsExactly(1, 0);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void anEstimateBeyondTheLargestGrantIsCappedSoTheJobStillRuns() throws InterruptedException {
        MemoryBudget budget = new MemoryBudget(100);

        try (MemoryBudget.Lease lease = budget.acquire(1_000)) {
            assertThat(lease.bytes()).isEqualTo(budget.largestGrant()).isEqualTo(75);
        }
    }

    @Test
    void threadsKeepBuffersBetweenJobsOnlyUpToAQuarterOfTheBudget() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThat(budget.retain(20)).isTrue();
            assertThat(other.submit(() -> budget.retain(10)).get()).isFalse();
            assertThat(other.submit(() -> budget.retain(5)).get()).isTrue();
            assertThat(budget.retained()).isEqualTo(25);

            budget.forgetRetained();

            assertThat(budget.retained()).isEqualTo(5);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void whatAThreadKeptIsCountedIntoItsNextJob() throws InterruptedException {
        MemoryBudget budget = new MemoryBudget(100);
        budget.retain(20);

        try (MemoryBudget.Lease lease = budget.acquire(30)) {
            assertThat(lease.bytes()).isEqualTo(50);
            assertThat(budget.retained()).isZero();
        }
    }

    @Test
    void aWaitingJobEndsWhenItsThreadIsInterrupted() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        MemoryBudget.Lease held = budget.acquire(70);
        CountDownLatch waiting = new CountDownLatch(1);
        budget.addListener(count -> {
            if (count == 1) {
                waiting.countDown();
            }
        });
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> blocked = other.submit(() -> {
                budget.acquire(70).close();
                return null;
            });
            assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

            blocked.cancel(true);
            other.shutdown();

            assertThat(other.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(budget.waitingJobs()).isZero();
            assertThat(budget.inUse()).isEqualTo(70);
        } finally {
            held.close();
            other.shutdownNow();
        }
    }

    @Test
    void manyThreadsTogetherNeverHoldMoreThanTheCapacity() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        AtomicLong held = new AtomicLong();
        AtomicLong most = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    java.util.Random random = new java.util.Random(seed);
                    for (int i = 0; i < 200; i++) {
                        try (MemoryBudget.Lease lease = budget.acquire(1 + random.nextInt(60))) {
                            long now = held.addAndGet(lease.bytes());
                            most.accumulateAndGet(now, Math::max);
                            Thread.onSpinWait();
                            held.addAndGet(-lease.bytes());
                        }
                        budget.retain(random.nextInt(10));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isLessThanOrEqualTo(100).isGreaterThan(60);
        assertThat(budget.waitingJobs()).isZero();
    }

    @Test
    void aBudgetMustBePositive() {
        assertThatThrownBy(() -> new MemoryBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBudgetForAFolderOfSmallImagesFitsThemNotTheHeapYetGrantsEachWorkerTheLargestInFull() {
        var spec = new org.parathumb.core.image.ThumbnailSpec(50, 50, 2, org.parathumb.core.image.OutputFormat.SAME);
        List<ImageJob> jobs = List.of(job(640, 480), job(1920, 1080), new ImageJob(Path.of("bad.jpg"), Path.of("t/bad.jpg")));

        MemoryBudget budget = MemoryBudget.forJobs(jobs, spec, 2);

        long largest = WorkingSet.bytes(jobs.get(1).header(), spec);
        assertThat(budget.capacity()).isLessThan(MemoryBudget.ofHeap().capacity()).isLessThan(3 * largest + MemoryBudget.FOLDER_MARGIN_BYTES);
        assertThat(budget.largestGrant()).as("a worker on the largest image never waits for a partial grant")
                .isGreaterThanOrEqualTo(largest);
        assertThat(budget.capacity()).isGreaterThanOrEqualTo(2 * largest);
    }

    @Test
    void aBudgetForAFolderNeverExceedsTheHeapsShare() {
        var spec = new org.parathumb.core.image.ThumbnailSpec(50, 50, 2, org.parathumb.core.image.OutputFormat.SAME);
        MemoryBudget budget = MemoryBudget.forJobs(List.of(job(40_000, 40_000)), spec, 8);
        assertThat(budget.capacity()).isEqualTo(MemoryBudget.ofHeap().capacity());
    }

    private static ImageJob job(int width, int height) {
        return new ImageJob(Path.of(width + ".jpg"), Path.of("t", width + ".jpg"),
                new org.parathumb.core.image.ImageHeader(org.parathumb.core.image.ImageFormat.JPEG, width, height,
                        org.parathumb.core.image.Orientation.NORMAL, org.parathumb.core.image.PixelLayout.RGB, 0));
    }
}
