package org.parathumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.samples.SampleGenerator;
import org.parathumb.core.trace.ChromeTrace;

/** {@code --trace}: a Chrome trace-event file that Perfetto opens, checked against the format's rules. */
class TraceOptionTest {

    @TempDir
    Path dir;

    private int run(String... args) {
        return ParathumbCommand.execute(new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), args);
    }

    @Test
    void runWritesAValidTraceWithOneEventPerImageAndStageAndNoOverlapWithinATrack() throws IOException {
        new SampleGenerator().generate(dir, 5, 0.05, 1);
        Path file = dir.resolve("out/trace.json");

        assertThat(run("run", dir.toString(), "--workers", "2", "--trace", file.toString())).isEqualTo(0);

        List<JsonObject> events = validTraceEvents(file);
        List<JsonObject> images = events.stream().filter(e -> "image".equals(string(e, "cat"))).toList();
        assertThat(images).hasSize(5);
        assertThat(images.stream().map(e -> string(e, "name")).distinct()).hasSize(5);
        Set<Integer> namedTracks = new HashSet<>();
        events.stream().filter(e -> "thread_name".equals(string(e, "name")))
                .forEach(e -> namedTracks.add(e.get("tid").getAsInt()));
        Map<Integer, List<JsonObject>> byTrack = new HashMap<>();
        for (JsonObject image : images) {
            assertThat(namedTracks).contains(image.get("tid").getAsInt());
            byTrack.computeIfAbsent(image.get("tid").getAsInt(), t -> new ArrayList<>()).add(image);
            List<JsonObject> stages = events.stream().filter(e -> "stage".equals(string(e, "cat"))
                    && e.get("tid").getAsInt() == image.get("tid").getAsInt()
                    && ts(e) >= ts(image) && end(e) <= end(image) + 1e-3).toList();
            assertThat(stages.stream().map(e -> string(e, "name")).toList())
                    .as("stages of %s", string(image, "name")).containsExactlyElementsOf(ChromeTrace.STAGES);
            assertNoOverlap(stages);
        }
        byTrack.values().forEach(TraceOptionTest::assertNoOverlap);
        assertThat(events).anyMatch(e -> "C".equals(string(e, "ph")) && "queue".equals(string(e, "name")))
                .anyMatch(e -> "C".equals(string(e, "ph")) && "memory budget".equals(string(e, "name")));
    }

    @Test
    void benchWritesATraceOfEachConfigurationsLastPass() throws IOException {
        new SampleGenerator().generate(dir, 2, 0.02, 1);
        Path file = dir.resolve("bench.json");

        assertThat(run("bench", dir.toString(), "--workers", "1", "--repeat", "1", "--warmup", "0",
                "--trace", file.toString())).isEqualTo(0);

        List<JsonObject> events = validTraceEvents(file);
        assertThat(events.stream().filter(e -> "process_name".equals(string(e, "name")))).hasSize(2);
        assertThat(events.stream().filter(e -> "image".equals(string(e, "cat")))).hasSize(4);
    }

    /** The trace-event format's rules for the events we write: M, X and C, with their required fields. */
    static List<JsonObject> validTraceEvents(Path file) throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        List<JsonObject> events = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray("traceEvents")) {
            JsonObject e = element.getAsJsonObject();
            assertThat(e.get("name").getAsString()).isNotBlank();
            assertThat(e.get("pid").getAsInt()).isPositive();
            switch (string(e, "ph")) {
                case "M" -> {
                    assertThat(string(e, "name")).isIn("process_name", "thread_name", "thread_sort_index");
                    assertThat(e.get("tid").getAsInt()).isNotNegative();
                    assertThat(e.getAsJsonObject("args").size()).isEqualTo(1);
                }
                case "X" -> {
                    assertThat(e.get("tid").getAsInt()).isPositive();
                    assertThat(e.get("ts").getAsDouble()).isNotNegative();
                    assertThat(e.get("dur").getAsDouble()).isNotNegative();
                }
                case "C" -> {
                    assertThat(e.get("ts").getAsDouble()).isNotNegative();
                    assertThat(e.getAsJsonObject("args").entrySet())
                            .allSatisfy(a -> assertThat(a.getValue().getAsJsonPrimitive().isNumber()).isTrue());
                }
                default -> throw new AssertionError("unexpected phase in " + e);
            }
            events.add(e);
        }
        return events;
    }

    private static void assertNoOverlap(List<JsonObject> events) {
        List<JsonObject> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(TraceOptionTest::ts));
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(ts(sorted.get(i))).as("%s after %s", sorted.get(i), sorted.get(i - 1))
                    .isGreaterThanOrEqualTo(end(sorted.get(i - 1)) - 1e-3);
        }
    }

    private static String string(JsonObject e, String name) {
        return e.has(name) && !e.get(name).isJsonNull() ? e.get(name).getAsString() : null;
    }

    private static double ts(JsonObject e) {
        return e.get("ts").getAsDouble();
    }

    private static double end(JsonObject e) {
        return ts(e) + e.get("dur").getAsDouble();
    }
}
