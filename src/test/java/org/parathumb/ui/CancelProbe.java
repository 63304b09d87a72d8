package org.parathumb.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Measures a cancel in the real window, for {@link WindowDemo}; not a test. {@code after} seconds
 * after the run starts it presses Esc (the scene's accelerator, as the key does) and prints:
 * how long until the window said the run was cancelled (the state and status line, and the next
 * frame that drew them); until the last worker thread stopped using CPU (sampled every 5 ms from
 * each {@code thumb-worker-} thread's CPU clock: busy while it used more than 1 ms of the 5); until
 * the process's CPU, all its threads but the probe's (from {@code /proc/self/task/}, 10 ms ticks,
 * every 50 ms), fell back under a fifth of a core, naming the thread busiest last; and until the
 * window heard the last interrupted image report.
 */
final class CancelProbe {

    private static final long SAMPLE_NANOS = 5_000_000L;
    private static final long BUSY_NANOS = 1_000_000L;
    /** Sampling ends once the workers have used no CPU for this long (or after 30 s). */
    private static final long QUIET_NANOS = 3_000_000_000L;

    private final MainView view;
    private final Runnable done;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile long pressed = -1;
    private volatile long saidCancelled = -1;
    private volatile long drawnCancelled = -1;
    private volatile long lastStoppedReport = -1;
    private volatile String statusAtCancel = "";

    CancelProbe(MainView view, double afterSeconds, Runnable done) {
        this.view = view;
        this.done = done;
        view.model().stateProperty().addListener((obs, old, state) -> {
            if (state == RunState.RUNNING) {
                PauseTransition wait = new PauseTransition(Duration.seconds(afterSeconds));
                wait.setOnFinished(e -> press());
                wait.play();
            } else if (state == RunState.CANCELLED && pressed >= 0 && saidCancelled < 0) {
                saidCancelled = System.nanoTime();
                new javafx.animation.AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        drawnCancelled = System.nanoTime();
                        statusAtCancel = view.model().status();
                        stop();
                    }
                }.start();
            }
        });
    }

    private void press() {
        if (view.model().state() != RunState.RUNNING) {
            return;
        }
        pressed = System.nanoTime();
        view.root().getScene().getAccelerators().get(MainView.CANCEL).run();
        Thread sampler = new Thread(this::sample, "cancel-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        Map<Long, Long> last = new HashMap<>();
        long[] workers = new long[0];
        long workersAt = 0;
        long lastBusy = pressed;
        long lastProcessBusy = pressed;
        String lastBusyThread = "";
        Map<String, Long> processTicks = threadTicks();
        long processAt = System.nanoTime();
        long workerCpuAfter = 0;
        while (true) {
            long now = System.nanoTime();
            if (now - workersAt > 100_000_000L) { // the pool may have started a thread since
                workers = java.util.Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                        .filter(info -> info != null && info.getThreadName().startsWith("thumb-worker-"))
                        .mapToLong(ThreadInfo::getThreadId).toArray();
                workersAt = now;
            }
            for (long id : workers) {
                long cpu = threads.getThreadCpuTime(id);
                Long before = last.put(id, cpu);
                if (before != null && cpu - before > BUSY_NANOS) {
                    lastBusy = now;
                }
                if (before != null && cpu > before) {
                    workerCpuAfter += cpu - before;
                }
            }
            if (now - processAt >= 50_000_000L) {
                Map<String, Long> ticks = threadTicks();
                long used = 0;
                String busiest = "";
                long most = 0;
                for (var entry : ticks.entrySet()) {
                    long delta = entry.getValue() - processTicks.getOrDefault(entry.getKey(), entry.getValue());
                    used += delta;
                    if (delta > most) {
                        most = delta;
                        busiest = entry.getKey();
                    }
                }
                if (used > 1) { // more than 10 ms of CPU in 50 ms: a fifth of a core
                    lastProcessBusy = now;
                    lastBusyThread = busiest;
                }
                processTicks = ticks;
                processAt = now;
            }
            if (view.model().isStopping()) {
                lastStoppedReport = -1;
            } else if (lastStoppedReport < 0) {
                lastStoppedReport = now;
            }
            if ((now - lastBusy > QUIET_NANOS && now - lastProcessBusy > QUIET_NANOS) || now - pressed > 30_000_000_000L) {
                break;
            }
            try {
                Thread.sleep(SAMPLE_NANOS / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        long workersIdle = lastBusy;
        long processIdle = lastProcessBusy;
        long cpuAfter = workerCpuAfter;
        String lastThread = lastBusyThread;
        Platform.runLater(() -> {
            System.out.printf(Locale.ROOT, "cancel: saidCancelledMs=%.1f drawnMs=%.1f workersIdleMs=%.1f"
                    + " processIdleMs=%.1f (last busy: %s) lastStoppedReportedMs=%.1f workerCpuAfterCancelMs=%.1f"
                    + " atCancel=[%s] status=[%s]%n",
                    ms(saidCancelled), ms(drawnCancelled), ms(workersIdle), ms(processIdle), lastThread,
                    ms(lastStoppedReport), cpuAfter / 1e6, statusAtCancel, view.model().status());
            done.run();
        });
    }

    private double ms(long at) {
        return at < 0 ? -1 : (at - pressed) / 1e6;
    }

    /**
     * utime + stime of each of this process's threads but the probe's own, in clock ticks (10 ms),
     * by thread id and name: the JVM's own threads (GC, compilers) count too.
     */
    private static Map<String, Long> threadTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.equals("cancel-probe")) {
                        continue;
                    }
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName() + " " + name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }
}
