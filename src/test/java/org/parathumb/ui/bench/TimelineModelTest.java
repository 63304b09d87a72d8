package org.parathumb.ui.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.StageTimes;
import org.parathumb.core.trace.ChromeTrace;
import org.parathumb.ui.bench.TimelineModel.Stage;

class TimelineModelTest {

    private static final long MS = 1_000_000;
    private static final long T0 = 7_000 * MS;

    /** An image on {@code thread} from {@code from} to {@code to} ms, 10 ms per stage, read-back {@code readBack} ms. */
    static TimelineModel.Entry entry(String name, String thread, long from, long to, long readBack) {
        ImageResult r = new ImageResult(new ImageJob(Path.of(name), Path.of("thumbs", name)), ImageResult.Status.DONE,
                4000, 3000, 50, 38, new StageTimes(10 * MS, 10 * MS, 10 * MS, 10 * MS, 10 * MS, 10 * MS), null, thread,
                T0 + from * MS, T0 + to * MS, "faithful");
        return new TimelineModel.Entry(r, readBack * MS);
    }

    /** Threads named as a grown pool names them, started out of name order; worker-3 runs two images. */
    static List<TimelineModel.Entry> run() {
        return List.of(entry("a.jpg", "worker-6", 0, 100, 5), entry("b.jpg", "worker-3", 20, 400, 5),
                entry("c.jpg", "worker-9", 40, 90, 0), entry("d.jpg", "worker-6", 105, 300, 7),
                entry("e.jpg", "worker-9", 95, 960, 40));
    }

    @Test
    void lanesAreWorkersOneToNInTheOrderTheirThreadsFirstStarted() {
        TimelineModel model = TimelineModel.of("run", run());

        assertThat(model.lanes()).extracting(TimelineModel.Lane::name)
                .containsExactly("Worker 1", "Worker 2", "Worker 3");
        assertThat(model.lanes()).extracting(TimelineModel.Lane::thread)
                .containsExactly("worker-6", "worker-3", "worker-9");
        assertThat(model.lanes().get(0).bars()).extracting(b -> b.result().job().source().toString())
                .containsExactly("a.jpg", "d.jpg");
    }

    @Test
    void lanesTakeTheNumbersTheWindowGaveItsWorkersDuringTheRun() {
        // The live row numbered worker-3 first (it took an image first) though worker-6 started its
        // image's clock a moment earlier: the timeline names them as the row and the tiles did.
        List<TimelineModel.Entry> entries = new ArrayList<>();
        for (TimelineModel.Entry e : run()) {
            int number = switch (e.result().worker()) {
                case "worker-3" -> 1;
                case "worker-6" -> 2;
                default -> 3;
            };
            entries.add(new TimelineModel.Entry(e.result(), e.readBackNanos(), number));
        }

        TimelineModel model = TimelineModel.of("run", entries);

        assertThat(model.lanes()).extracting(TimelineModel.Lane::name)
                .containsExactly("Worker 1", "Worker 2", "Worker 3");
        assertThat(model.lanes()).extracting(TimelineModel.Lane::thread)
                .containsExactly("worker-3", "worker-6", "worker-9");
    }

    @Test
    void theReadBackIsItsOwnStageAfterTheImageAndTheBarIncludesIt() {
        TimelineModel model = TimelineModel.of("run", run());
        TimelineModel.Bar last = model.lanes().get(2).bars().get(1);

        assertThat(last.endNanos()).isEqualTo(1000 * MS);
        assertThat(model.spanNanos()).isEqualTo(1000 * MS);
        TimelineModel.Segment readBack = last.segments().get(last.segments().size() - 1);
        assertThat(readBack.stage()).isEqualTo(Stage.READ_BACK);
        assertThat(readBack.startNanos()).isEqualTo(960 * MS);
        assertThat(readBack.endNanos()).isEqualTo(1000 * MS);
        assertThat(last.segments()).extracting(TimelineModel.Segment::stage).containsExactly(Stage.READ, Stage.DECODE,
                Stage.BLUR, Stage.RESIZE, Stage.ENCODE, Stage.WRITE, Stage.READ_BACK);
        // read at the start, decode..write back to back ending where the image ended: the gap is waiting
        assertThat(last.segments().get(0).startNanos()).isEqualTo(95 * MS);
        assertThat(last.segments().get(1).startNanos()).isEqualTo(910 * MS);
        assertThat(last.segments().get(5).endNanos()).isEqualTo(960 * MS);
    }

    @Test
    void stageColoursAreDistinctButReadAndWriteShareTheFileColour() {
        assertThat(List.of(Stage.DECODE, Stage.BLUR, Stage.RESIZE, Stage.ENCODE, Stage.READ_BACK, Stage.READ))
                .extracting(Stage::styleClass).doesNotHaveDuplicates();
        assertThat(Stage.WRITE.styleClass()).isEqualTo(Stage.READ.styleClass());
    }

    @Test
    void zoomingKeepsTheInstantUnderTheCursorInPlace() {
        TimelineModel model = TimelineModel.of("run", run());
        double before = model.viewStartNanos() + 0.25 * model.viewSpanNanos();

        model.zoom(4, 0.25);

        assertThat(model.viewSpanNanos()).isCloseTo(250 * MS, within(1.0));
        assertThat(model.viewStartNanos() + 0.25 * model.viewSpanNanos()).isCloseTo(before, within(1.0));
        assertThat(model.isReset()).isFalse();
    }

    @Test
    void panningAndZoomingOutStayWithinTheRun() {
        TimelineModel model = TimelineModel.of("run", run());
        model.zoom(10, 1);
        assertThat(model.viewStartNanos() + model.viewSpanNanos()).isCloseTo(1000 * MS, within(1.0));

        model.pan(5);
        assertThat(model.viewStartNanos()).isCloseTo(900 * MS, within(1.0));
        model.pan(-50);
        assertThat(model.viewStartNanos()).isZero();

        model.zoom(0.001, 0.5);
        assertThat(model.viewSpanNanos()).isEqualTo(1000.0 * MS);
        assertThat(model.isReset()).isTrue();
    }

    @Test
    void zoomStopsAtAMicrosecondAndResetShowsTheWholeRun() {
        TimelineModel model = TimelineModel.of("run", run());
        for (int i = 0; i < 200; i++) {
            model.zoom(2, 0.5);
        }
        assertThat(model.viewSpanNanos()).isEqualTo(10_000.0); // a hundred-thousandth of the 1 s run

        model.reset();

        assertThat(model.viewStartNanos()).isZero();
        assertThat(model.viewSpanNanos()).isEqualTo(1000.0 * MS);
    }

    @Test
    void theExportedTraceHasOneCompleteEventPerImageAndStageAndNoOverlapOnATrack(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("sub/trace.json");

        TimelineModel.of("Last run: 5 images on 3 workers", run()).exportTrace(file);

        JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        List<JsonObject> events = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("traceEvents")) {
            events.add(e.getAsJsonObject());
        }
        List<JsonObject> complete = events.stream().filter(e -> e.get("ph").getAsString().equals("X")).toList();
        List<JsonObject> images = complete.stream().filter(e -> e.get("cat").getAsString().equals("image")).toList();
        assertThat(images).extracting(e -> e.get("name").getAsString())
                .containsExactlyInAnyOrder("a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg");
        Map<String, Long> stages = complete.stream().filter(e -> e.get("cat").getAsString().equals("stage"))
                .collect(Collectors.groupingBy(e -> e.get("name").getAsString(), Collectors.counting()));
        for (String stage : ChromeTrace.STAGES) {
            assertThat(stages).containsEntry(stage, 5L);
        }
        assertThat(stages).containsEntry("read-back", 4L).hasSize(ChromeTrace.STAGES.size() + 1);
        Map<Integer, String> threadNames = new HashMap<>();
        events.stream().filter(e -> e.get("name").getAsString().equals("thread_name"))
                .forEach(e -> threadNames.put(e.get("tid").getAsInt(),
                        e.getAsJsonObject("args").get("name").getAsString()));
        assertThat(threadNames).containsEntry(1, "Worker 1").containsEntry(2, "Worker 2").containsEntry(3, "Worker 3")
                .hasSize(3);
        // images, and stages, never overlap on one track
        for (String category : List.of("image", "stage")) {
            Map<Integer, List<JsonObject>> byTrack = complete.stream()
                    .filter(e -> e.get("cat").getAsString().equals(category))
                    .collect(Collectors.groupingBy(e -> e.get("tid").getAsInt()));
            for (List<JsonObject> track : byTrack.values()) {
                track.sort(Comparator.comparingDouble(e -> e.get("ts").getAsDouble()));
                for (int i = 1; i < track.size(); i++) {
                    JsonObject previous = track.get(i - 1);
                    assertThat(track.get(i).get("ts").getAsDouble()).as(category + " " + track.get(i))
                            .isGreaterThanOrEqualTo(previous.get("ts").getAsDouble()
                                    + previous.get("dur").getAsDouble() - 1e-3);
                }
            }
        }
        JsonObject readBack = complete.stream().filter(e -> e.get("name").getAsString().equals("read-back")
                && e.get("dur").getAsDouble() == 40_000).findFirst().orElseThrow();
        assertThat(readBack.get("ts").getAsDouble()).isEqualTo(960_000);
        assertThat(readBack.get("tid").getAsInt()).isEqualTo(3);
    }
}
