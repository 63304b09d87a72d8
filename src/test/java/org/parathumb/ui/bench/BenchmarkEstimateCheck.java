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
 * ratio. Arguments: FOLDER [SAMPLE [REPEATS [WARMUPS]]] (12, 3, 1). Not a test; run it from the
 * test class path.
 */
public final class BenchmarkEstimateCheck {

    private BenchmarkEstimateCheck() {
    }

    public static void main(String[] args) throws Exception {
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
