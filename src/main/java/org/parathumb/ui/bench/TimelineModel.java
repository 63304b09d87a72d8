package org.parathumb.ui.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parathumb.core.batch.ImageResult;
import org.parathumb.core.batch.StageTimes;
import org.parathumb.core.trace.ChromeTrace;

/**
 * What the timeline shows, without JavaFX: one lane per worker of the run, named "Worker 1".."Worker N"
 * in the order the run's threads first started an image (pool threads are renamed as a pool grows,
 * so their names mean nothing to a user); one bar per image with its stages placed in time; the
 * visible window of time (zoom and pan); and the run as a Chrome trace.
 *
 * <p>Stages are measured as durations: read is placed at the image's start, decode to write back to
 * back ending where the image's result ends (as {@link ChromeTrace} places them), and the window's
 * read-back of the written thumbnail (done by the same worker right after) from there on. Whatever
 * is left of a bar is waiting (for memory) or unmeasured file work.
 */
public final class TimelineModel {

    /** The stages drawn, in the order they run. */
    public enum Stage {
        READ("read"), DECODE("decode"), BLUR("blur"), RESIZE("resize"), ENCODE("encode"), WRITE("write"),
        READ_BACK("read-back");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        /** Its name in the legend, tooltips and the trace. */
        public String label() {
            return label;
        }

        /** The CSS class of its colour (read and write share one: file I/O). */
        public String styleClass() {
            return this == READ || this == WRITE ? "stage-file" : "stage-" + label;
        }
    }

    /**
     * One image of the run, how long the window took to read its thumbnail back (0 if it did not),
     * and the number the window gave its worker during the run (0 if none): given, the lane takes
     * that name, so the timeline, the live row and the tile all say the same "Worker 2".
     */
    public record Entry(ImageResult result, long readBackNanos, int worker) {
        public Entry {
            Objects.requireNonNull(result, "result");
            if (readBackNanos < 0) {
                throw new IllegalArgumentException("read-back time must not be negative");
            }
            if (worker < 0) {
                throw new IllegalArgumentException("a worker's number is positive, or 0 when not known");
            }
        }

        /** An image whose worker the window did not number: lanes are numbered by first start. */
        public Entry(ImageResult result, long readBackNanos) {
            this(result, readBackNanos, 0);
        }
    }

    /** One stage of one image, in nanoseconds from the run's start. */
    public record Segment(Stage stage, long startNanos, long endNanos) {
        public long durationNanos() {
            return endNanos - startNanos;
        }
    }

    /** One image on its lane, from {@code startNanos} to {@code endNanos} after the run began, read-back included. */
    public record Bar(Entry entry, String lane, long startNanos, long endNanos, List<Segment> segments) {
        public Bar {
            segments = List.copyOf(segments);
        }

        public ImageResult result() {
            return entry.result();
        }

        public long durationNanos() {
            return endNanos - startNanos;
        }
    }

    /** One worker's images in start order; {@code thread} is the pool thread's own name. */
    public record Lane(String name, String thread, List<Bar> bars) {
        public Lane {
            bars = List.copyOf(bars);
        }

        public long busyNanos() {
            return bars.stream().mapToLong(Bar::durationNanos).sum();
        }
    }

    /** The narrowest view, in nanoseconds: a microsecond, or a hundred-thousandth of the run. */
    static final long MIN_VIEW_NANOS = 1_000;

    private final String caption;
    private final List<Lane> lanes;
    private final long originNanos;
    private final long spanNanos;
    private double viewStart;
    private double viewSpan;

    private TimelineModel(String caption, List<Lane> lanes, long originNanos, long spanNanos) {
        this.caption = Objects.requireNonNull(caption, "caption");
        this.lanes = List.copyOf(lanes);
        this.originNanos = originNanos;
        this.spanNanos = spanNanos;
        reset();
    }

    /** A run's results with no read-back (a benchmark pass, or a CLI run). */
    public static List<Entry> entries(List<ImageResult> results) {
        return results.stream().map(r -> new Entry(r, 0)).toList();
    }

    /** The timeline of {@code entries} (one run or benchmark pass) titled {@code caption}. */
    public static TimelineModel of(String caption, List<Entry> entries) {
        if (entries.isEmpty()) {
            return new TimelineModel(caption, List.of(), 0, 0);
        }
        List<Entry> sorted = entries.stream()
                .sorted(Comparator.comparingLong((Entry e) -> e.result().startNanos())).toList();
        long origin = sorted.get(0).result().startNanos();
        long end = sorted.stream().mapToLong(e -> e.result().endNanos() + e.readBackNanos()).max().orElseThrow();
        Map<String, List<Bar>> byThread = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Entry e : sorted) {
            String thread = e.result().worker();
            String lane = names.computeIfAbsent(thread, t -> "Worker " + (e.worker() > 0 ? e.worker() : names.size() + 1));
            byThread.computeIfAbsent(thread, t -> new ArrayList<>()).add(bar(e, lane, origin));
        }
        List<Lane> lanes = new ArrayList<>();
        byThread.forEach((thread, bars) -> lanes.add(new Lane(names.get(thread), thread, bars)));
        lanes.sort(Comparator.comparingInt((Lane lane) -> Integer.parseInt(lane.name().substring("Worker ".length()))));
        return new TimelineModel(caption, lanes, origin, end - origin);
    }

    private static Bar bar(Entry e, String lane, long origin) {
        ImageResult r = e.result();
        long start = r.startNanos() - origin;
        long end = r.endNanos() - origin;
        List<Segment> segments = new ArrayList<>();
        if (r.status() != ImageResult.Status.CANCELLED) {
            StageTimes t = r.times();
            long readEnd = Math.min(end, start + t.readNanos());
            add(segments, Stage.READ, start, readEnd);
            long[] tail = {t.decodeNanos(), t.blurNanos(), t.resizeNanos(), t.encodeNanos(), t.writeNanos()};
            Stage[] stages = {Stage.DECODE, Stage.BLUR, Stage.RESIZE, Stage.ENCODE, Stage.WRITE};
            long at = Math.max(readEnd, end - java.util.Arrays.stream(tail).sum());
            for (int i = 0; i < tail.length; i++) {
                long stageEnd = Math.min(end, at + tail[i]);
                add(segments, stages[i], at, stageEnd);
                at = stageEnd;
            }
        }
        add(segments, Stage.READ_BACK, end, end + e.readBackNanos());
        return new Bar(e, lane, start, end + e.readBackNanos(), segments);
    }

    private static void add(List<Segment> segments, Stage stage, long start, long end) {
        if (end > start) {
            segments.add(new Segment(stage, start, end));
        }
    }

    /**
     * The title of a timeline of {@code images} images on {@code workers} workers (the run's own
     * count, one lane each) out of {@code cores}: "Last run: 60 images on 2 workers (of 2 cores)".
     */
    public static String caption(String what, int images, int workers, int cores) {
        return String.format(java.util.Locale.ROOT, "%s: %d image%s on %d worker%s (of %d core%s), one lane per worker",
                what, images, images == 1 ? "" : "s", workers, workers == 1 ? "" : "s", cores, cores == 1 ? "" : "s");
    }

    public String caption() {
        return caption;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /** From the first image's start to the last one's end, read-back included. */
    public long spanNanos() {
        return spanNanos;
    }

    public int barCount() {
        return lanes.stream().mapToInt(l -> l.bars().size()).sum();
    }

    // ---- the visible window of time ------------------------------------------------------------

    /** The first visible instant, in nanoseconds from the run's start. */
    public double viewStartNanos() {
        return viewStart;
    }

    /** How much time the plot shows across its width. */
    public double viewSpanNanos() {
        return viewSpan;
    }

    /** Whether the whole run is shown. */
    public boolean isReset() {
        return viewStart == 0 && viewSpan == Math.max(1, spanNanos);
    }

    /** Shows the whole run. */
    public void reset() {
        viewStart = 0;
        viewSpan = Math.max(1, spanNanos);
    }

    /**
     * Zooms by {@code factor} (above 1 zooms in) keeping the instant at {@code fraction} of the plot's
     * width (0 left edge, 1 right edge; the cursor) where it is. Never wider than the run, nor
     * narrower than a microsecond.
     */
    public void zoom(double factor, double fraction) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be positive: " + factor);
        }
        double f = Math.max(0, Math.min(1, fraction));
        double anchor = viewStart + f * viewSpan;
        double full = Math.max(1, spanNanos);
        double narrowest = Math.min(full, Math.max(MIN_VIEW_NANOS, full / 100_000));
        viewSpan = Math.max(narrowest, Math.min(full, viewSpan / factor));
        viewStart = anchor - f * viewSpan;
        clamp();
    }

    /** Moves the view by {@code fraction} of its width (positive: later in time). */
    public void pan(double fraction) {
        viewStart += fraction * viewSpan;
        clamp();
    }

    private void clamp() {
        double full = Math.max(1, spanNanos);
        viewStart = Math.max(0, Math.min(full - viewSpan, viewStart));
    }

    // ---- export ---------------------------------------------------------------------------------

    /**
     * The run as Chrome trace-event JSON, in {@link ChromeTrace}'s format: one track per lane (its
     * thread id the worker's number, named "Worker k"), one complete event per image with its stages
     * nested, and the read-back as its own stage right after the image.
     */
    public ChromeTrace trace() {
        ChromeTrace trace = new ChromeTrace(originNanos, caption);
        for (Lane lane : lanes) {
            for (Bar bar : lane.bars()) {
                ImageResult r = bar.result();
                trace.onResult(new ImageResult(r.job(), r.status(), r.sourceWidth(), r.sourceHeight(),
                        r.thumbnailWidth(), r.thumbnailHeight(), r.times(), r.failure(), lane.name(), r.startNanos(),
                        r.endNanos(), r.pipeline(), r.internalError()));
                if (bar.entry().readBackNanos() > 0) {
                    trace.onStage(lane.name(), Stage.READ_BACK.label(), r.endNanos(),
                            r.endNanos() + bar.entry().readBackNanos());
                }
            }
        }
        return trace;
    }

    /** Writes {@link #trace()} to {@code file} (whole, or not at all). */
    public void exportTrace(Path file) throws IOException {
        trace().write(file);
    }
}
