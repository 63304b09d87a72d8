package org.parathumb.ui.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.StageTimes;
import org.parathumb.core.bench.Timeline;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {

    private TimelineView view;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        stage.setScene(new Scene(view, 1000, 300));
        stage.show();
    }

    /** Three workers, seven images back to back (ms): worker 1 has a straggler, worker 3 idles. */
    private static List<ImageResult> results() {
        List<ImageResult> results = new ArrayList<>();
        long[][] spans = {{1, 0, 300}, {1, 300, 900}, {2, 0, 200}, {2, 200, 400}, {2, 400, 650}, {3, 0, 250},
                {3, 250, 380}};
        for (int i = 0; i < spans.length; i++) {
            long start = spans[i][1] * 1_000_000 + 5_000_000_000L;
            long end = spans[i][2] * 1_000_000 + 5_000_000_000L;
            long quarter = (end - start) / 5;
            Path source = Path.of("img-" + i + ".jpg");
            results.add(new ImageResult(new ImageJob(source, Path.of("thumbs", "img-" + i + ".jpg")),
                    ImageResult.Status.DONE, 4000, 3000, 50, 38, new StageTimes(quarter, quarter, quarter, quarter),
                    null, "thumb-worker-" + spans[i][0], start, end, "faithful"));
        }
        return results;
    }

    @Test
    void oneLanePerWorkerAndOneBarPerImageWithNoOverlapWithinALane(FxRobot robot) {
        robot.interact(() -> view.show(results(), "last pass"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.lookupAll(".timeline-lane")).hasSize(3);
        List<Node> bars = List.copyOf(view.lookupAll(".timeline-bar"));
        assertThat(bars).hasSize(7);
        Map<Double, List<Bounds>> byLane = bars.stream().map(Node::getBoundsInParent)
                .collect(Collectors.groupingBy(Bounds::getMinY));
        assertThat(byLane).hasSize(3);
        for (List<Bounds> lane : byLane.values()) {
            lane.sort(Comparator.comparingDouble(Bounds::getMinX));
            for (int i = 1; i < lane.size(); i++) {
                assertThat(lane.get(i).getMinX()).isGreaterThanOrEqualTo(lane.get(i - 1).getMaxX() - 0.5);
            }
        }
    }

    @Test
    void barsAreAsLongAsTheirImagesTookAndStagesFillThemInShades(FxRobot robot) {
        robot.interact(() -> view.show(results(), "last pass"));
        WaitForAsyncUtils.waitForFxEvents();

        Node straggler = view.lookupAll(".timeline-bar").stream()
                .filter(n -> ((Timeline.Bar) n.getUserData()).result().job().source().toString().equals("img-1.jpg"))
                .findFirst().orElseThrow();
        Node short1 = view.lookupAll(".timeline-bar").stream()
                .filter(n -> ((Timeline.Bar) n.getUserData()).result().job().source().toString().equals("img-2.jpg"))
                .findFirst().orElseThrow();
        assertThat(straggler.getBoundsInParent().getWidth() / short1.getBoundsInParent().getWidth())
                .isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(straggler.lookupAll(".timeline-stage")).hasSize(4)
                .allSatisfy(stage -> assertThat(stage.getBoundsInParent().getWidth()).isGreaterThan(10));
    }

    @Test
    void theTooltipNamesTheImageItsWorkerAndItsStageTimes() {
        Timeline timeline = Timeline.of(results());

        String text = TimelineView.tooltipText(timeline.lanes().get(0).bars().get(1));

        assertThat(text).startsWith("img-1.jpg\n0.600 s on thumb-worker-1 (from 0.300 s to 0.900 s)")
                .contains("decode 120 ms \u00b7 blur 120 ms \u00b7 resize 120 ms \u00b7 encode 120 ms")
                .contains("other (file I/O, waiting) 120 ms").contains("4000\u00d73000 \u2192 50\u00d738");
    }

    @Test
    void withoutPerImageResultsItSaysWhy(FxRobot robot) {
        robot.interact(() -> view.show(List.of(), "cpu-loop"));

        assertThat(view.lookupAll(".timeline-bar")).isEmpty();
        assertThat(view.lookup(".timeline-empty")).isNotNull();
    }
}
