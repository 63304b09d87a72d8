package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.OutputFormat;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;
import org.parathumb.core.samples.SampleGenerator;

class ParallelRunTest {

    @TempDir
    Path dir;

    @Test
    void aParallelRunWritesTheSameBytesAsASequentialRun() throws IOException {
        Path sources = dir.resolve("in");
        List<Path> images = new SampleGenerator().generate(sources, 8, 0.3, 11);
        ImageProcessor processor = new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT);

        BatchSummary sequential = new BatchRunner(processor)
                .run(jobsInto(sources, dir.resolve("seq")), Runnable::run, 1, BatchListener.NONE);
        BatchSummary parallel;
        try (WorkerPool pool = new WorkerPool(2)) {
            parallel = new BatchRunner(processor).run(jobsInto(sources, dir.resolve("par")), pool, 2, BatchListener.NONE);
        }

        assertThat(sequential.succeeded()).isEqualTo(8);
        assertThat(parallel.succeeded()).isEqualTo(8);
        assertThat(parallel.results()).extracting(ImageResult::worker).allMatch(w -> w.startsWith("thumb-worker-"));
        for (Path image : images) {
            Path name = image.getFileName();
            assertThat(Files.readAllBytes(dir.resolve("par").resolve(name)))
                    .as(name.toString())
                    .isEqualTo(Files.readAllBytes(dir.resolve("seq").resolve(name)));
        }
    }

    private static List<ImageJob> jobsInto(Path sources, Path out) throws IOException {
        List<ImageJob> jobs = new SourceScanner()
                .scan(new ScanRequest(List.of(sources), Optional.of(out), false, OutputFormat.SAME));
        SourceScanner.prepareOutputFolders(jobs);
        return jobs;
    }
}
