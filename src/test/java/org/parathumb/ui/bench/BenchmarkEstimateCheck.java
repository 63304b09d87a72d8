package org.parathumb.ui.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ScanRequest;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.bench.BenchmarkReport;
import org.parathumb.core.bench.BenchmarkRequest;
import org.parathumb.core.bench.ConfigurationResult;
import org.parathumb.core.bench.Workload;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

/**
 * Checks the benchmark window's estimate against the benchmark itself on a real folder, without a
 * window: prepares the folder as the Benchmark button does (headers, the timed probe, a sweep of
 * every core count), prints the estimate, runs the benchmark and prints its wall time and the
 * ratio. Arguments: FOLDER [SAMPLE [REPEATS [WARMUPS]]] (12, 3, 1), or {@code --cpu FOLDER [SAMPLE]}
 * for the cost models alone. Not a test; run it from the test class path.
 */
public final class BenchmarkEstimateCheck {

    private BenchmarkEstimateCheck() {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * With {@code --cpu FOLDER [SAMPLE]}: the cost models alone, by this thread's CPU time (steady
     * under load, unlike wall time): one warm pass over the sample against the estimate before
     * (one image of median expected work, the faster of two runs, its rate for every image) and
     * now (a rate per kind, {@link CostCalibration#measure}).
     */
    private static void cpu(Path folder, int sample) throws java.io.IOException {
        ImageProcessor processor = new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT);
        Path temp = java.nio.file.Files.createTempDirectory("parathumb-estimate-check-");
        CostCalibration.Timer cpu = job -> {
            long start = THREADS.getCurrentThreadCpuTime();
            boolean done = processor.process(job.withTarget(temp.resolve(job.target().getFileName()))).isDone();
            return done ? THREADS.getCurrentThreadCpuTime() - start : -1;
        };
        List<ImageJob> jobs = processor.withHeaders(new SourceScanner().scan(ScanRequest.of(folder)), Runnable::run, 1,
                () -> false);
        java.util.function.ToLongFunction<ImageJob> work = processor::estimatedWork;
        List<ImageJob> chosen = BenchmarkPlan.sample(jobs, sample, work); // as the window samples
        List<ImageJob> byWork = jobs.stream().sorted(java.util.Comparator.comparingLong(processor::estimatedWork)).toList();
        ImageJob median = byWork.get(byWork.size() / 2);
        double before = (double) Math.min(cpu.nanos(median), cpu.nanos(median)) / processor.estimatedWork(median)
                * chosen.stream().mapToLong(processor::estimatedWork).sum() / 1e9;
        double now = new CostCalibration(CostCalibration.measure(jobs, work, cpu), 1).sequentialSeconds(chosen, work);
        chosen.forEach(cpu::nanos); // warm
        double actual = chosen.stream().mapToLong(cpu::nanos).sum() / 1e9;
        System.out.printf(Locale.ROOT, "%s, %d images, CPU of one warm pass %.2f s: estimated before %.2f s (%.2f), "
                + "now %.2f s (%.2f)%n", folder.getFileName(), chosen.size(), actual, before, before / actual, now,
                now / actual);
        try (var files = java.nio.file.Files.list(temp)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                java.nio.file.Files.deleteIfExists(f);
            }
        }
        java.nio.file.Files.deleteIfExists(temp);
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--cpu")) {
            cpu(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 12);
            return;
        }
        Path folder = Path.of(args[0]);
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int cores = WorkerPool.availableCores();
        try (WorkerPool pool = new WorkerPool(cores)) {
            ImageProcessor processor = new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT);
            long prepareStart = System.nanoTime();
            List<ImageJob> jobs = processor.withHeaders(new SourceScanner().scan(ScanRequest.of(folder)),
                    Runnable::run, 1, () -> false);
            BenchmarkViewModel.Plan plan = new BenchmarkViewModel.Plan(jobs, BenchmarkRequest.sweep(cores),
                    processor::estimatedWork, CostCalibration.timing(processor, jobs));
            double prepared = (System.nanoTime() - prepareStart) / 1e9;
            try (BenchmarkViewModel model = new BenchmarkViewModel(processor, pool, Runnable::run)) {
                model.prepare(plan);
                model.sampleSizeProperty().set(sample);
                model.repeatsProperty().set(repeats);
                model.warmupsProperty().set(warmups);
                double estimate = model.estimatedSeconds();
                System.out.println("estimate: " + model.estimateProperty().get());
                long start = System.nanoTime();
                BenchmarkReport report = model.startPlan(Workload.THUMBNAILS).get();
                double actual = (System.nanoTime() - start) / 1e9;
                for (ConfigurationResult r : report.results()) {
                    System.out.printf(Locale.ROOT, "  %-10s median %.2f s%n", r.configuration().label(),
                            r.wallTimes().medianSeconds());
                }
                System.out.printf(Locale.ROOT, "%s sample=%d repeats=%d warmups=%d cores=%d: preparing %.1f s, "
                        + "estimate %.1f s, actual %.1f s, estimate/actual %.2f%n", folder.getFileName(), sample,
                        repeats, warmups, cores, prepared, estimate, actual, estimate / actual);
            }
        }
    }
}
