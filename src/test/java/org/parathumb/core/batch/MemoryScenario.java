package org.parathumb.core.batch;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.parathumb.core.image.OutputFormat;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

/**
 * The memory-budget scenario, run in a JVM of its own with a small heap: many big images, many
 * workers. {@code make DIR COUNT MEGAPIXELS} writes the images; {@code run DIR WORKERS [MB]} runs
 * the batch (MB overrides the budget; "off" gives an unlimited one, to see what happens without)
 * and writes "done failed mostWaiting firstFailure" into DIR/result.txt.
 */
final class MemoryScenario {

    private MemoryScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("make")) {
            make(dir, Integer.parseInt(args[2]), Double.parseDouble(args[3]));
        } else {
            run(dir, Integer.parseInt(args[2]), args.length > 3 ? args[3] : null);
        }
    }

    /** {@code count} copies of one smooth JPEG of {@code megapixels} (cheap to make, real to decode). */
    static void make(Path dir, int count, double megapixels) throws IOException {
        int width = (int) Math.round(Math.sqrt(megapixels * 1e6 * 4 / 3));
        int height = (int) Math.round(width * 3 / 4.0);
        BufferedImage image = PixelLayout.RGB.create(width, height);
        byte[] samples = PixelLayout.samples(image);
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i += 3) {
                samples[i] = (byte) (x * 255 / width);
                samples[i + 1] = (byte) (y * 255 / height);
                samples[i + 2] = (byte) ((x + y) & 0xFF);
            }
        }
        byte[] jpeg = TestFiles.jpeg(image);
        Files.createDirectories(dir);
        for (int n = 0; n < count; n++) {
            Files.write(dir.resolve(String.format(Locale.ROOT, "big-%02d.jpg", n)), jpeg);
        }
    }

    static void run(Path dir, int workers, String budgetMegabytes) throws Exception {
        MemoryBudget budget = budgetMegabytes == null ? MemoryBudget.ofHeap()
                : budgetMegabytes.equals("off") ? new MemoryBudget(Long.MAX_VALUE / 4)
                : new MemoryBudget(Long.parseLong(budgetMegabytes) << 20);
        AtomicInteger mostWaiting = new AtomicInteger();
        budget.addListener(waiting -> mostWaiting.accumulateAndGet(waiting, Math::max));
        ImageProcessor processor = new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT,
                ProcessingOptions.DEFAULT, budget);
        List<ImageJob> jobs = new SourceScanner().scan(new ScanRequest(List.of(dir), Optional.empty(), false,
                OutputFormat.SAME));
        SourceScanner.prepareOutputFolders(jobs);
        BatchSummary summary;
        try (WorkerPool pool = new WorkerPool(workers)) {
            summary = new BatchRunner(processor).run(jobs, pool, workers, BatchListener.NONE);
        }
        String firstFailure = summary.results().stream().filter(ImageResult::isFailed)
                .map(r -> r.failureReason().orElse("")).findFirst().orElse("-");
        Files.writeString(dir.resolve("result.txt"), String.format(Locale.ROOT, "%d %d %d %.1f %s",
                summary.succeeded(), summary.failed(), mostWaiting.get(), summary.wallSeconds(), firstFailure));
    }
}
