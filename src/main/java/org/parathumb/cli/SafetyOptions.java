package org.parathumb.cli;

import org.parathumb.core.batch.MemoryBudget;
import org.parathumb.core.batch.ProcessingOptions;
import picocli.CommandLine.Option;

/** How inputs are treated and how much of the machine a run may use: orientation, limits. */
final class SafetyOptions {

    @Option(names = "--no-orientation",
            description = "Ignore EXIF orientation (as Pillow does); by default thumbnails are turned upright.")
    boolean noOrientation;

    @Option(names = "--pixel-limit", paramLabel = "N", defaultValue = "" + ProcessingOptions.DEFAULT_PIXEL_LIMIT,
            description = "Refuse images of more than N pixels, checked from the header (default: ${DEFAULT-VALUE}).")
    long pixelLimit;

    @Option(names = "--memory", paramLabel = "MB",
            description = "Heap the jobs may share, in MB; jobs wait for it (default: half the maximum heap).")
    Long memoryMegabytes;

    ProcessingOptions options() {
        try {
            return new ProcessingOptions(!noOrientation, pixelLimit);
        } catch (IllegalArgumentException e) {
            throw new ParathumbCommand.UsageException("--pixel-limit: " + e.getMessage());
        }
    }

    MemoryBudget budget() {
        if (memoryMegabytes == null) {
            return MemoryBudget.ofHeap();
        }
        if (memoryMegabytes < 16) {
            throw new ParathumbCommand.UsageException("--memory must be at least 16 MB, got " + memoryMegabytes);
        }
        return new MemoryBudget(memoryMegabytes << 20);
    }
}
