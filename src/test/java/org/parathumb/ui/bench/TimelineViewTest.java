package org.parathumb.ui.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.StageTimes;
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

    /**
     * Three workers (threads of a grown pool), seven images back to back (ms): one straggler, one idle
     * lane; img-2 is read back for 20 ms before its worker starts img-3.
     */
    private static List<ImageResult> results() {
        List<ImageResult> results = new ArrayList<>();
        long[][] spans = {{7, 0, 300}, {7, 300, 900}, {3, 10, 180}, {3, 200, 400}, {3, 400, 650}, {12, 20, 250},
                {12, 250, 380}};
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

    private void showRun(FxRobot robot) {
        List<TimelineModel.Entry> entries = results().stream()
                .map(r -> new TimelineModel.Entry(r, r.job().source().toString().equals("img-2.jpg") ? 20_000_000 : 0))
                .toList();
        robot.interact(() -> view.show(TimelineModel.of("Last run: 7 images on 3 workers", entries)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node bar(String name) {
        return view.lookupAll(".timeline-bar").stream()
                .filter(n -> ((TimelineModel.Bar) n.getUserData()).result().job().source().toString().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void itIsTitledWithTheRunsWorkersAndNamesLanesWorkerOneToN(FxRobot robot) {
        showRun(robot);

        assertThat(((Label) view.lookup(".timeline-title")).getText()).isEqualTo("Last run: 7 images on 3 workers");
        assertThat(view.lookupAll(".timeline-lane-label")).map(n -> ((Label) n).getText())
                .containsExactly("Worker 1", "Worker 2", "Worker 3");
    }

    @Test
    void oneLanePerWorkerAndOneBarPerImageWithNoOverlapWithinALane(FxRobot robot) {
        showRun(robot);

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
    void barsAreAsLongAsTheirImagesTookAndTheReadBackShowsAsItsOwnStage(FxRobot robot) {
        showRun(robot);

        Node straggler = bar("img-1.jpg");
        Node withReadBack = bar("img-2.jpg"); // 170 ms of work, 20 ms read back
        assertThat(straggler.getBoundsInParent().getWidth() / withReadBack.getBoundsInParent().getWidth())
                .isCloseTo(600.0 / 190, org.assertj.core.data.Offset.offset(0.1));
        assertThat(straggler.lookupAll(".timeline-stage")).hasSize(4)
                .allSatisfy(stage -> assertThat(stage.getBoundsInParent().getWidth()).isGreaterThan(10));
        assertThat(straggler.lookupAll(".stage-read-back")).isEmpty();
        Node readBack = withReadBack.lookup(".stage-read-back");
        assertThat(readBack.getBoundsInParent().getMaxX()).isCloseTo(withReadBack.getLayoutBounds().getWidth(),
                org.assertj.core.data.Offset.offset(1.5));
    }

    @Test
    void zoomingNarrowsTheVisibleTimeAndWidensTheBars(FxRobot robot) {
        showRun(robot);
        double width = bar("img-2.jpg").getBoundsInParent().getWidth();
        double span = view.model().viewSpanNanos();

        robot.clickOn("#timeline-zoom-in").clickOn("#timeline-zoom-in");

        assertThat(view.model().viewSpanNanos()).isCloseTo(span / 1.5625, org.assertj.core.data.Offset.offset(1.0));
        assertThat(bar("img-2.jpg").getBoundsInParent().getWidth()).isGreaterThan(width * 1.5);

        robot.clickOn("#timeline-reset");
        assertThat(view.model().viewSpanNanos()).isEqualTo(span);
    }

    @Test
    void theWheelZoomsAroundTheCursorAndKeysPanAndReset(FxRobot robot) {
        showRun(robot);
        Node plot = view.lookup(".timeline-plot");
        double plotWidth = plot.getLayoutBounds().getWidth() - TimelineView.LABEL_WIDTH - 10;
        double x = TimelineView.LABEL_WIDTH + plotWidth * 0.75;
        double at = view.model().viewStartNanos() + 0.75 * view.model().viewSpanNanos();

        // the wheel rolled away from the user three notches over three quarters of the plot (JavaFX: deltaY > 0)
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> javafx.event.Event.fireEvent(plot, new javafx.scene.input.ScrollEvent(
                    javafx.scene.input.ScrollEvent.SCROLL, x, 10, 0, 0, false, false, false, false, false, false, 0,
                    40, 0, 40, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        }

        assertThat(view.model().viewSpanNanos()).isLessThan(view.model().spanNanos() * 0.8);
        assertThat(view.model().viewStartNanos() + 0.75 * view.model().viewSpanNanos())
                .isCloseTo(at, org.assertj.core.data.Offset.offset(view.model().spanNanos() * 0.01));

        double start = view.model().viewStartNanos();
        robot.clickOn(plot, MouseButton.PRIMARY).type(KeyCode.LEFT);
        assertThat(view.model().viewStartNanos()).isLessThan(start);
        robot.type(KeyCode.DIGIT0);
        assertThat(view.model().isReset()).isTrue();
        robot.type(KeyCode.EQUALS);
        assertThat(view.model().isReset()).isFalse();
    }

    @Test
    void exportWritesTheRunShownAsAChromeTrace(FxRobot robot, @TempDir Path dir) throws Exception {
        showRun(robot);
        Path file = dir.resolve("trace.json");

        boolean[] written = new boolean[1];
        robot.interact(() -> written[0] = view.exportTo(file));

        assertThat(written[0]).isTrue();
        var events = JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonArray("traceEvents");
        List<String> images = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        for (JsonElement e : events) {
            var event = e.getAsJsonObject();
            if (event.get("ph").getAsString().equals("X") && event.get("cat").getAsString().equals("image")) {
                images.add(event.get("name").getAsString());
            }
            if (event.get("name").getAsString().equals("thread_name")) {
                threads.add(event.getAsJsonObject("args").get("name").getAsString());
            }
        }
        assertThat(images).hasSize(7);
        assertThat(threads).containsExactlyInAnyOrder("Worker 1", "Worker 2", "Worker 3");
        assertThat(robot.lookup(".timeline-export-line").queryAs(Label.class).getText()).isEqualTo("Wrote trace.json");
    }

    @Test
    void theTooltipNamesTheImageItsWorkerAndItsStageTimes() {
        TimelineModel model = TimelineModel.of("run", TimelineModel.entries(results()));

        String text = TimelineView.tooltipText(model.lanes().get(0).bars().get(1));

        assertThat(text).startsWith("img-1.jpg\n0.600 s on Worker 1 (from 0.300 s to 0.900 s)")
                .contains("decode 120 ms \u00b7 blur 120 ms \u00b7 resize 120 ms \u00b7 encode 120 ms")
                .contains("waiting 120 ms").contains("4000\u00d73000 \u2192 50\u00d738");
    }

    @Test
    void withoutPerImageResultsItSaysWhy(FxRobot robot) {
        robot.interact(() -> view.show(List.of(), "cpu-loop"));

        assertThat(view.lookupAll(".timeline-bar")).isEmpty();
        assertThat(view.lookup(".timeline-empty")).isNotNull();
        assertThat(view.lookup("#timeline-export").isDisabled()).isTrue();
    }
}
