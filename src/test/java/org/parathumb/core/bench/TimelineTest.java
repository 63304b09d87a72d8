package org.parathumb.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.batch.BatchListener;
import org.parathumb.core.batch.BatchRunner;
import org.parathumb.core.batch.BatchSummary;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.batch.StageTimes;
import org.parathumb.core.batch.WorkerPool;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;

class TimelineTest {

    @TempDir
    Path dir;

    @Test
    void aParallelRunGivesOneLanePerWorkerAndOneBarPerImageWithNoOverlapInALane() throws IOException {
        List<ImageJob> jobs = BenchImages.folder(dir, 8);
        SourceScanner.prepareOutputFolders(jobs);
        BatchSummary summary;
        try (WorkerPool pool = new WorkerPool(2)) {
            summary = new BatchRunner(new ImageProcessor(new FaithfulPipeline(), ThumbnailSpec.DEFAULT))
                    .run(jobs, pool, 2, BatchListener.NONE);
        }

        Timeline timeline = Timeline.of(summary.results());

        assertThat(timeline.lanes()).extracting(Timeline.Lane::worker)
                .containsExactlyElementsOf(summary.results().stream().map(ImageResult::worker).distinct().sorted().toList());
        assertThat(timeline.barCount()).isEqualTo(8);
        for (Timeline.Lane lane : timeline.lanes()) {
            for (int i = 1; i < lane.bars().size(); i++) {
                assertThat(lane.bars().get(i).startNanos()).isGreaterThanOrEqualTo(lane.bars().get(i - 1).endNanos());
            }
        }
        assertThat(timeline.spanNanos()).isLessThanOrEqualTo(summary.wallNanos());
    }

    @Test
    void lanesComeInNaturalOrderAndTimesFromTheEarliestStart() {
        List<ImageResult> results = List.of(result("thumb-worker-10", 500, 900), result("thumb-worker-2", 100, 400),
                result("thumb-worker-2", 400, 700));

        Timeline timeline = Timeline.of(results);

        assertThat(timeline.lanes()).extracting(Timeline.Lane::worker).containsExactly("thumb-worker-2", "thumb-worker-10");
        assertThat(timeline.lanes().get(0).bars()).extracting(Timeline.Bar::startNanos).containsExactly(0L, 300L);
        assertThat(timeline.lanes().get(0).busyNanos()).isEqualTo(600);
        assertThat(timeline.spanNanos()).isEqualTo(800);
        assertThat(Timeline.of(List.of()).lanes()).isEmpty();
    }

    static ImageResult result(String worker, long start, long end) {
        Path source = Path.of("a-" + start + ".jpg");
        return new ImageResult(new ImageJob(source, Path.of("thumbs").resolve(source)), ImageResult.Status.DONE,
                100, 100, 50, 50, new StageTimes(1, 1, 1, 1), null, worker, start, end, "faithful");
    }
}
