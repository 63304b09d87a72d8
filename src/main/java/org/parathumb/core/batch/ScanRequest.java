package org.parathumb.core.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parathumb.core.image.OutputFormat;

/**
 * What to scan: folders and loose image files, where thumbnails go ({@code <folder>/thumbs} when
 * {@code outputFolder} is empty, as the original program), whether to descend into sub-folders
 * (mirrored under the output), and the output format, which decides the thumbnails' extensions.
 */
public record ScanRequest(List<Path> inputs, Optional<Path> outputFolder, boolean recursive, OutputFormat format) {

    /** The default output folder's name, inside each scanned folder. */
    public static final String DEFAULT_OUTPUT_NAME = "thumbs";

    public ScanRequest {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(outputFolder, "outputFolder");
        Objects.requireNonNull(format, "format");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to scan: give at least one folder or image");
        }
    }

    /** Scans {@code folder} alone, non-recursively, into its {@code thumbs}, in the input's format. */
    public static ScanRequest of(Path folder) {
        return new ScanRequest(List.of(folder), Optional.empty(), false, OutputFormat.SAME);
    }
}
