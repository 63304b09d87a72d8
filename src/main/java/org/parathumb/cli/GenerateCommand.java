package org.parathumb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parathumb.core.samples.SampleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parathumb generate}: deterministic, photo-like sample images. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes photo-like sample images (gradients, fractal noise, shapes and edges).%n"
                + "Kinds cycle: landscape, portrait, gray JPEG; alpha PNG, wide JPEG, graphic PNG.%n"
                + "PNGs are made at a sixth of the megapixels, to keep sets small.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder to write into (created if missing).")
    Path folder;

    @Option(names = "--count", paramLabel = "N", required = true, description = "How many images.")
    int count;

    @Option(names = "--megapixels", paramLabel = "M", required = true, description = "Size of each photo, in megapixels.")
    double megapixels;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (count < 1 || count > 10_000) {
            throw new ParathumbCommand.UsageException("--count must be between 1 and 10000, got " + count);
        }
        if (!(megapixels > 0 && megapixels <= 200)) {
            throw new ParathumbCommand.UsageException("--megapixels must be above 0 and at most 200, got " + megapixels);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Path> written = new SampleGenerator().generate(folder, count, megapixels, seed);
        long bytes = 0;
        for (Path file : written) {
            long size = Files.size(file);
            bytes += size;
            out.printf(Locale.ROOT, "%s (%.1f MB)%n", Paths.display(file), size / 1e6);
        }
        out.printf(Locale.ROOT, "%d images, %.1f MB%n", written.size(), bytes / 1e6);
        out.flush();
        return ParathumbCommand.OK;
    }
}
