package org.parathumb.ui;

import java.util.List;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;

/** Opens the launcher's timed probe to the benchmark window's demo. */
public final class BenchmarkLauncherProbe {

    private BenchmarkLauncherProbe() {
    }

    public static double nanosPerWork(ImageProcessor processor, List<ImageJob> jobs) {
        return BenchmarkLauncher.nanosPerWork(processor, jobs);
    }
}
