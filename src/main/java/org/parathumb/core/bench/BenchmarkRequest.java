package org.parathumb.core.bench;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.parathumb.core.batch.ImageJob;

/**
 * What to measure. {@code jobs} name the images (their targets only give each thumbnail's name
 * and format: outputs go to a temporary folder). The sequential loop is always measured, then
 * each of {@code workerCounts} on the shared pool. {@code warmups} rounds of every configuration
 * run first and are discarded; then {@code repeats} rounds, interleaved (seq, N1, N2, seq, ...).
 * {@code loopCount} and {@code loopTasks} shape the cpu-loop workload only.
 */
public record BenchmarkRequest(
        Workload workload, List<ImageJob> jobs, List<Integer> workerCounts, int repeats, int warmups,
        long loopCount, int loopTasks) {

    /** Most repeats or warm-up rounds accepted: beyond it, a typo rather than a wish. */
    public static final int MAX_ROUNDS = 1000;

    public BenchmarkRequest {
        Objects.requireNonNull(workload, "workload");
        jobs = List.copyOf(jobs);
        workerCounts = workerCounts.stream().distinct().sorted().toList();
        if (workload == Workload.THUMBNAILS && jobs.isEmpty()) {
            throw new IllegalArgumentException("no images to benchmark");
        }
        if (workerCounts.isEmpty()) {
            throw new IllegalArgumentException("give at least one worker count to compare with the sequential loop");
        }
        if (workerCounts.get(0) < 1) {
            throw new IllegalArgumentException("worker counts must be at least 1, got " + workerCounts.get(0));
        }
        if (repeats < 1 || repeats > MAX_ROUNDS) {
            throw new IllegalArgumentException("repeats must be between 1 and " + MAX_ROUNDS + ", got " + repeats);
        }
        if (warmups < 0 || warmups > MAX_ROUNDS) {
            throw new IllegalArgumentException("warm-ups must be between 0 and " + MAX_ROUNDS + ", got " + warmups);
        }
        if (loopCount < 1) {
            throw new IllegalArgumentException("the loop count must be at least 1, got " + loopCount);
        }
        if (loopTasks < 1) {
            throw new IllegalArgumentException("the loop needs at least one task, got " + loopTasks);
        }
    }

    /** The thumbnail workload on {@code jobs}. */
    public static BenchmarkRequest thumbnails(List<ImageJob> jobs, List<Integer> workerCounts, int repeats, int warmups) {
        return new BenchmarkRequest(Workload.THUMBNAILS, jobs, workerCounts, repeats, warmups,
                CountingLoop.ORIGINAL_COUNT, CountingLoop.ORIGINAL_TASKS);
    }

    /** The original program's cpu loop: two tasks counting to 10^8 each. */
    public static BenchmarkRequest cpuLoop(List<Integer> workerCounts, int repeats, int warmups) {
        return new BenchmarkRequest(Workload.CPU_LOOP, List.of(), workerCounts, repeats, warmups,
                CountingLoop.ORIGINAL_COUNT, CountingLoop.ORIGINAL_TASKS);
    }

    /** Every worker count from 1 to {@code cores}. */
    public static List<Integer> sweep(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1");
        }
        return IntStream.rangeClosed(1, cores).boxed().toList();
    }

    public BenchmarkRequest withLoop(long count, int tasks) {
        return new BenchmarkRequest(workload, jobs, workerCounts, repeats, warmups, count, tasks);
    }

    /** The sequential loop first, then each worker count: the order of every round. */
    public List<Configuration> configurations() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(Configuration.SEQUENTIAL),
                workerCounts.stream().map(Configuration::parallel)).toList();
    }

    /** Units of work in one pass: images, or loop tasks. */
    public int unitsPerPass() {
        return workload == Workload.THUMBNAILS ? jobs.size() : loopTasks;
    }

    /** Passes in the whole benchmark, warm-up included. */
    public int totalPasses() {
        return (warmups + repeats) * configurations().size();
    }
}
