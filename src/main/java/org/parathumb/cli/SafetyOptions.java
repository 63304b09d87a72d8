package org.parathumb.cli;

import static org.parathumb.cli.OptionBinding.option;

import org.parathumb.core.batch.MemoryBudget;
import org.parathumb.core.batch.ProcessingOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** How inputs are treated and how much of the machine a run may use: orientation, limits. */
final class SafetyOptions {

    boolean noOrientation;
    long pixelLimit;
    Long memoryMegabytes;

    /** These options as a picocli mixin bound to this object's fields, as {@link ThumbnailOptions#mixin} says why. */
    CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.create();
        mixin.addOption(option(OptionSpec.builder("--no-orientation").type(boolean.class)
                .description("Ignore EXIF orientation (as Pillow does); by default thumbnails are turned upright."),
                () -> noOrientation, (Boolean v) -> noOrientation = v));
        mixin.addOption(option(OptionSpec.builder("--pixel-limit").paramLabel("N")
                .defaultValue("" + ProcessingOptions.DEFAULT_PIXEL_LIMIT).type(long.class)
                .description("Refuse images of more than N pixels, checked from the header (default: ${DEFAULT-VALUE})."),
                () -> pixelLimit, (Long v) -> pixelLimit = v));
        mixin.addOption(option(OptionSpec.builder("--memory").paramLabel("MB").type(Long.class)
                .description("Heap the jobs may share, in MB; jobs wait for it (default: half the maximum heap)."),
                () -> memoryMegabytes, v -> memoryMegabytes = v));
        return mixin;
    }

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
