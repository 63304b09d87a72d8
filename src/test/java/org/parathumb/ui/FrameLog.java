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
 * flight recording), the gap since the frame before and the FX thread's CPU time in that gap.
 * Written as CSV when stopped. Not a test.
 */
final class FrameLog extends AnimationTimer {

    private final Path file;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<long[]> frames = new ArrayList<>();
    private long lastNanos = -1;
    private long lastCpu = -1;

    FrameLog(Path file) {
        this.file = file;
    }

    @Override
    public void handle(long now) {
        long cpu = threads.getCurrentThreadCpuTime();
        if (lastNanos >= 0) {
            frames.add(new long[] {System.currentTimeMillis(), now - lastNanos, cpu - lastCpu});
        }
        lastNanos = now;
        lastCpu = cpu;
    }

    @Override
    public void stop() {
        super.stop();
        List<String> lines = new ArrayList<>();
        lines.add("epochMs,gapMs,fxCpuMs");
        for (long[] f : frames) {
            lines.add(String.format(Locale.ROOT, "%d,%.2f,%.2f", f[0], f[1] / 1e6, f[2] / 1e6));
        }
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
