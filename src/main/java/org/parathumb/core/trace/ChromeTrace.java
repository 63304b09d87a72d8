package org.parathumb.core.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parathumb.core.batch.BatchListener;
import org.parathumb.core.batch.FileReplacement;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.MemoryBudget;
import org.parathumb.core.batch.ResultJson;
import org.parathumb.core.batch.StageTimes;
import org.parathumb.core.json.JsonObject;

/**
 * A batch as Chrome trace-event JSON (the "JSON Object Format" that Perfetto and chrome://tracing
 * open). Each process is a run (or a benchmark configuration); each worker thread a track, named
 * by {@code thread_name} metadata; each image a complete ({@code "ph":"X"}) event on its worker's
 * track, with one nested complete event per stage: read, decode, blur, resize, encode, write.
 * Counters ({@code "ph":"C"}) sample the queue depth and the memory budget each time an image
 * ends. Feed it as a {@link BatchListener}; thread-safe.
 *
 * <p>Stages are measured as durations, not instants: read is placed at the image's start, and
 * decode to write back to back ending at its end; any gap between (waiting for memory) shows as
 * empty space inside the image's event. A worker runs one image at a time, so a track's image
 * events never overlap.
 */
public final class ChromeTrace implements BatchListener {

    /** The stages, in the order they run and are drawn. */
    public static final List<String> STAGES = List.of("read", "decode", "blur", "resize", "encode", "write");

    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

    private final long originNanos;
    private final List<String> events = new ArrayList<>();
    private final Map<String, Integer> processes = new LinkedHashMap<>();
    private final Map<String, Integer> threads = new LinkedHashMap<>();
    private int process;
    private LongSupplier queueDepth;
    private MemoryBudget budget;

    /**
     * An empty trace whose time 0 is {@code originNanos} (a {@link System#nanoTime()} reading,
     * usually the batch's start), with a first process named {@code processName}.
     */
    public ChromeTrace(long originNanos, String processName) {
        this.originNanos = originNanos;
        startProcess(processName);
    }

    /** Samples {@code queueDepth} (jobs not yet started) and {@code budget} whenever an image ends. */
    public synchronized ChromeTrace withCounters(LongSupplier queueDepth, MemoryBudget budget) {
        this.queueDepth = Objects.requireNonNull(queueDepth, "queueDepth");
        this.budget = Objects.requireNonNull(budget, "budget");
        return this;
    }

    /** Later events go to a new process (a new group of tracks), e.g. the next benchmark configuration. */
    public synchronized void startProcess(String name) {
        process = processes.computeIfAbsent(name, n -> processes.size() + 1);
        events.add(new JsonObject().add("name", "process_name").add("ph", "M").add("pid", process).add("tid", 0)
                .add("args", new JsonObject().add("name", name)).toString());
    }

    @Override
    public synchronized void onResult(ImageResult result) {
        int tid = track(result.worker());
        long start = result.startNanos();
        long end = result.endNanos();
        String name = result.job().source().getFileName() == null ? result.job().source().toString()
                : result.job().source().getFileName().toString();
        events.add(complete(name, "image", tid, start, end, new JsonObject()
                .add("source", result.job().source().toString())
                .add("status", ResultJson.status(result.status()))
                .add("reason", result.failure())
                .add("size", result.thumbnailWidth() + "x" + result.thumbnailHeight())));
        if (result.status() != ImageResult.Status.CANCELLED) {
            stages(result, tid, start, end);
        }
        if (queueDepth != null) {
            counter("queue", end, new JsonObject().add("jobs waiting to start", queueDepth.getAsLong()));
            counter("memory budget", end, new JsonObject().add("in use MB", budget.inUse() / 1048576.0)
                    .add("capacity MB", budget.capacity() / 1048576.0));
            counter("waiting for memory", end, new JsonObject().add("jobs", budget.waitingJobs()));
        }
    }

    /**
     * A stage done outside an image's result on {@code worker}'s track, as a complete event of its own
     * (e.g. the window reading a written thumbnail back right after the image), from {@code startNanos}
     * to {@code endNanos} ({@link System#nanoTime()} readings).
     */
    public synchronized void onStage(String worker, String stage, long startNanos, long endNanos) {
        Objects.requireNonNull(stage, "stage");
        events.add(complete(stage, "stage", track(Objects.requireNonNull(worker, "worker")), startNanos, endNanos,
                null));
    }

    private void stages(ImageResult result, int tid, long start, long end) {
        StageTimes t = result.times();
        long[] durations = {t.readNanos(), t.decodeNanos(), t.blurNanos(), t.resizeNanos(), t.encodeNanos(),
                t.writeNanos()};
        long readEnd = Math.min(end, start + durations[0]);
        long tail = 0;
        for (int i = 1; i < durations.length; i++) {
            tail += durations[i];
        }
        long at = Math.max(readEnd, end - tail);
        boolean done = result.isDone();
        if (done || durations[0] > 0) {
            events.add(complete("read", "stage", tid, start, readEnd, null));
        }
        for (int i = 1; i < durations.length; i++) {
            long stageEnd = Math.min(end, at + durations[i]);
            if (done || durations[i] > 0) {
                events.add(complete(STAGES.get(i), "stage", tid, at, stageEnd, null));
            }
            at = stageEnd;
        }
    }

    private void counter(String name, long nanos, JsonObject values) {
        events.add(new JsonObject().add("name", name).add("ph", "C").add("pid", process)
                .raw("ts", micros(nanos)).add("args", values).toString());
    }

    private String complete(String name, String category, int tid, long startNanos, long endNanos, JsonObject args) {
        JsonObject event = new JsonObject().add("name", name).add("cat", category).add("ph", "X")
                .add("pid", process).add("tid", tid)
                .raw("ts", micros(startNanos)).raw("dur", durationMicros(startNanos, endNanos));
        return (args == null ? event : event.add("args", args)).toString();
    }

    /** The track of {@code worker}: its trailing number ("thumb-worker-3" is 3), else the next free one. */
    private int track(String worker) {
        Integer known = threads.get(process + "/" + worker);
        if (known != null) {
            return known;
        }
        Matcher m = TRAILING_NUMBER.matcher(worker);
        int tid = m.find() && m.group(1).length() < 6 ? Integer.parseInt(m.group(1)) : 1000;
        while (threads.containsKey(process + "#" + tid)) {
            tid++;
        }
        threads.put(process + "/" + worker, tid);
        threads.put(process + "#" + tid, tid);
        events.add(new JsonObject().add("name", "thread_name").add("ph", "M").add("pid", process).add("tid", tid)
                .add("args", new JsonObject().add("name", worker)).toString());
        events.add(new JsonObject().add("name", "thread_sort_index").add("ph", "M").add("pid", process)
                .add("tid", tid).add("args", new JsonObject().add("sort_index", tid)).toString());
        return tid;
    }

    /** Microseconds since the origin, with nanosecond precision (3 decimals). */
    private String micros(long nanos) {
        return fixed3(nanos - originNanos);
    }

    private static String durationMicros(long start, long end) {
        return fixed3(Math.max(0, end - start));
    }

    private static String fixed3(long nanos) {
        String sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        long fraction = abs % 1000;
        return sign + (abs / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    /** The whole trace as one JSON document. */
    public synchronized String toJson() {
        StringBuilder json = new StringBuilder("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
        for (int i = 0; i < events.size(); i++) {
            json.append(events.get(i)).append(i + 1 < events.size() ? ",\n" : "\n");
        }
        return json.append("]}\n").toString();
    }

    /** Writes the trace to {@code file} whole ({@link FileReplacement#replace}), making its folder if need be. */
    public void write(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileReplacement.replace(absolute, toJson().getBytes(StandardCharsets.UTF_8));
    }
}
