package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parathumb.core.image.SpareCores;

class WorkerPoolTest {

    @Test
    void workersAreNamedThreads() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            assertThat(pool.submit(() -> Thread.currentThread().getName()).get()).isEqualTo("thumb-worker-1");
        }
    }

    @Test
    void anIdleWorkerEndsTakingTheBuffersItKeptForTheNextImageAndTheNextOneHasItsName() throws Exception {
        ThreadLocal<byte[]> keptForTheNextImage = new ThreadLocal<>();
        try (WorkerPool pool = new WorkerPool(2, 50, TimeUnit.MILLISECONDS)) {
            Thread worker = pool.submit(() -> {
                keptForTheNextImage.set(new byte[1 << 20]); // as a pipeline's scratch does
                return Thread.currentThread();
            }).get();

            worker.join(10_000); // the pool let it go once idle: nothing holds it or its buffers

            assertThat(worker.isAlive()).isFalse();
            assertThat(pool.submit(() -> keptForTheNextImage.get() == null
                    ? Thread.currentThread().getName() : "kept").get()).isEqualTo("thumb-worker-1");
        }
    }

    @Test
    void growingThePoolMidRunStartsWaitingJobsAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                jobs.add(pool.submit(() -> {
                    running.incrementAndGet();
                    return release.await(10, TimeUnit.SECONDS);
                }));
            }
            awaitRunning(running, 1);
            assertThat(pool.queuedCount()).isEqualTo(3);

            pool.resize(3);

            awaitRunning(running, 3);
            assertThat(pool.size()).isEqualTo(3);
            release.countDown();
            for (Future<?> job : jobs) {
                job.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void shrinkingThePoolLetsRunningJobsFinishThenRunsFewer() throws Exception {
        CountDownLatch firstWave = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger lateRunning = new AtomicInteger();
        AtomicInteger lateMostAtOnce = new AtomicInteger();
        try (WorkerPool pool = new WorkerPool(2)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                boolean late = i >= 2;
                jobs.add(pool.submit(() -> {
                    running.incrementAndGet();
                    if (late) {
                        lateMostAtOnce.accumulateAndGet(lateRunning.incrementAndGet(), Math::max);
                    }
                    firstWave.await(10, TimeUnit.SECONDS);
                    Thread.sleep(20);
                    if (late) {
                        lateRunning.decrementAndGet();
                    }
                    return null;
                }));
            }
            awaitRunning(running, 2);

            pool.resize(1);
            firstWave.countDown();
            for (Future<?> job : jobs) {
                job.get(10, TimeUnit.SECONDS);
            }

            // The two that were running finished where they were; the four after them ran one at a time.
            assertThat(lateMostAtOnce.get()).isEqualTo(1);
            assertThat(pool.size()).isEqualTo(1);
        }
    }

    @Test
    void closeInterruptsJobsThatOutstayTheGracePeriodAndRefusesNewOnes() throws Exception {
        WorkerPool pool = new WorkerPool(1);
        CountDownLatch started = new CountDownLatch(1);
        Future<Boolean> stuck = pool.submit(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
                return false;
            } catch (InterruptedException e) {
                return true;
            }
        });
        started.await();

        pool.close();

        assertThat(stuck.get(1, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.isClosed()).isTrue();
        assertThatThrownBy(() -> pool.execute(() -> { }))
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }

    @Test
    void aPoolOfOneNeverLendsItsCore() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            assertThat(pool.submit(WorkerPoolTest::threadsBorrowed).get()).isEqualTo(1);
        }
    }

    @Test
    void aThreadNoPoolRunsNeverBorrows() {
        assertThat(threadsBorrowed()).as("a plain loop, as the benchmark's sequential pass").isEqualTo(1);
    }

    @Test
    void aLoneJobOnTwoWorkersBorrowsTheIdleCoreOnceAndGivesItBack() throws Exception {
        try (WorkerPool pool = new WorkerPool(2)) {
            List<Integer> threads = pool.submit(() -> {
                List<Integer> seen = new ArrayList<>();
                try (SpareCores.Loan loan = SpareCores.borrow()) {
                    seen.add(loan.threads());
                    seen.add(threadsBorrowed()); // the one idle core is out already
                }
                seen.add(threadsBorrowed()); // given back: lent again
                return seen;
            }).get();

            assertThat(threads).containsExactly(2, 1, 2);
            assertThat(pool.lentCount()).isZero();
        }
    }

    @Test
    void aJobSubmittedWhileACoreIsLentStartsAtOnceAndBorrowsNothing() throws Exception {
        CountDownLatch borrowed = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicInteger secondThreads = new AtomicInteger();
        try (WorkerPool pool = new WorkerPool(2)) {
            Future<Boolean> first = pool.submit(() -> {
                try (SpareCores.Loan loan = SpareCores.borrow()) {
                    borrowed.countDown();
                    return loan.threads() == 2 && secondStarted.await(10, TimeUnit.SECONDS);
                }
            });
            borrowed.await(10, TimeUnit.SECONDS);

            Future<?> second = pool.submit(() -> {
                secondThreads.set(threadsBorrowed());
                secondStarted.countDown();
                return null;
            });

            assertThat(first.get(10, TimeUnit.SECONDS)).as("the second job ran while the first held the loan").isTrue();
            second.get(10, TimeUnit.SECONDS);
            assertThat(secondThreads.get()).as("two jobs and a loan on two workers: nothing left to lend").isEqualTo(1);
        }
    }

    @Test
    void aPoolShrunkToOneStopsLending() throws Exception {
        CountDownLatch resized = new CountDownLatch(1);
        try (WorkerPool pool = new WorkerPool(2)) {
            Future<Integer> job = pool.submit(() -> {
                resized.await(10, TimeUnit.SECONDS);
                return threadsBorrowed();
            });

            pool.resize(1);
            resized.countDown();

            assertThat(job.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            pool.resize(2);
            assertThat(pool.submit(WorkerPoolTest::threadsBorrowed).get()).as("grown again").isEqualTo(2);
        }
    }

    /** The threads an image would get now on the calling thread, the loan given back at once. */
    private static int threadsBorrowed() {
        try (SpareCores.Loan loan = SpareCores.borrow()) {
            return loan.threads();
        }
    }

    @Test
    void aPoolNeedsAtLeastOneWorker() {
        assertThatThrownBy(() -> new WorkerPool(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitRunning(AtomicInteger running, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(running.get()).isEqualTo(expected);
    }
}
