package org.parathumb.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Every frame of the window, for measuring it: wall-clock time (epoch ms, to line frames up with a
 * flight recording), the gap since the frame before, the FX thread's CPU time in that gap, and
 * whether a run was active at that frame, and the
 * render thread's CPU time in that gap (painting the frames before).
 * Written as CSV when stopped. Not a test.
 */
final class FrameLog extends AnimationTimer {

    private final Path file;
    private final java.util.function.BooleanSupplier running;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<long[]> frames = new ArrayList<>();
    private long lastNanos = -1;
    private long lastCpu = -1;
    /** Prism's render thread, which paints each frame (in software where there is no OpenGL). */
    private long renderer = -1;
    private long lastRenderCpu = -1;

    /** Logs to {@code file}; {@code running} tells, per frame, whether a run is active (a column). */
    FrameLog(Path file, java.util.function.BooleanSupplier running) {
        this.file = file;
        this.running = running;
    }

    @Override
    public void handle(long now) {
        long cpu = threads.getCurrentThreadCpuTime();
        if (renderer < 0) {
            renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                    .mapToLong(Thread::getId).findFirst().orElse(-1);
        }
        long renderCpu = renderer < 0 ? 0 : threads.getThreadCpuTime(renderer);
        if (lastNanos >= 0) {
            frames.add(new long[] {System.currentTimeMillis(), now - lastNanos, cpu - lastCpu,
                running.getAsBoolean() ? 1 : 0, renderCpu - lastRenderCpu});
        }
        lastNanos = now;
        lastCpu = cpu;
        lastRenderCpu = renderCpu;
    }

    @Override
    public void stop() {
        super.stop();
        List<String> lines = new ArrayList<>();
        lines.add("epochMs,gapMs,fxCpuMs,running,renderCpuMs");
        for (long[] f : frames) {
            lines.add(String.format(Locale.ROOT, "%d,%.2f,%.2f,%d,%.2f", f[0], f[1] / 1e6, f[2] / 1e6, f[3], f[4] / 1e6));
        }
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
