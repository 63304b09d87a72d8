package org.parathumb.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.StageListener;

/**
 * What each worker of one run is doing now: the file, since when, and the stage. Written by the
 * workers (a map put per stage, no FX call), read by the FX thread once per frame through
 * {@link #snapshot}. Workers are numbered "Worker 1..N" in the order they first take an image of
 * the run, and keep their number for the whole run.
 */
final class WorkerActivity implements StageListener {

    /** The stage shown while the written thumbnail is read back for the grid (not a core stage). */
    static final String PREVIEW = "preview";

    /** One worker's current image. */
    record Row(int worker, String file, long elapsedNanos, String stage) {

        /** {@code Worker 2 · IMG_0042.jpg · 3.4 s · decode · blur · resize}. */
        String line() {
            return String.format(Locale.ROOT, "Worker %d · %s · %.1f s · %s", worker, file, elapsedNanos / 1e9, stage);
        }
    }

    private record Current(int worker, String file, long startNanos, String stage) {
    }

    private final Map<Thread, Integer> numbers = new ConcurrentHashMap<>();
    private final AtomicInteger nextNumber = new AtomicInteger(1);
    private final Map<Thread, Current> current = new ConcurrentHashMap<>();

    /** The calling worker took {@code job}, at {@code nowNanos}. */
    void started(ImageJob job, long nowNanos) {
        Thread self = Thread.currentThread();
        int number = numbers.computeIfAbsent(self, thread -> nextNumber.getAndIncrement());
        current.put(self, new Current(number, job.source().getFileName().toString(), nowNanos, "starting"));
    }

    @Override
    public void onStage(ImageJob job, Stage stage) {
        stage(stage.label());
    }

    /** The calling worker's number in this run (1..N), or 0 if it has not taken an image of it. */
    int number() {
        return numbers.getOrDefault(Thread.currentThread(), 0);
    }

    /** The calling worker's image entered {@code stage}. */
    void stage(String stage) {
        current.computeIfPresent(Thread.currentThread(),
                (thread, now) -> new Current(now.worker(), now.file(), now.startNanos(), stage));
    }

    /** The calling worker is done with its image. */
    void ended() {
        current.remove(Thread.currentThread());
    }

    /**
     * The live row's text: one line per worker, {@code workers} of them at least (more if more are
     * busy), "Worker 2 · idle" for one between two images. The row keeps its height: were an idle
     * worker's line left out, the row would shrink and grow back whenever a worker is between two
     * small images, and the grid above it be laid out and painted again whole each time.
     */
    static String lines(List<Row> rows, int workers) {
        int count = Math.max(workers, rows.stream().mapToInt(Row::worker).max().orElse(0));
        String[] lines = new String[count];
        for (Row row : rows) {
            lines[row.worker() - 1] = row.line();
        }
        for (int i = 0; i < count; i++) {
            if (lines[i] == null) {
                lines[i] = "Worker " + (i + 1) + " · idle";
            }
        }
        return String.join("\n", lines);
    }

    /** Every busy worker's image, by worker number, with its time so far at {@code nowNanos}. */
    List<Row> snapshot(long nowNanos) {
        List<Row> rows = new ArrayList<>();
        for (Current now : current.values()) {
            rows.add(new Row(now.worker(), now.file(), Math.max(0, nowNanos - now.startNanos()), now.stage()));
        }
        rows.sort(java.util.Comparator.comparingInt(Row::worker));
        return rows;
    }
}
