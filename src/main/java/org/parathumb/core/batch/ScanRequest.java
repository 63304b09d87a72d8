package org.parathumb.core.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parathumb.core.image.OutputFormat;

/**
 * What to scan: folders and loose image files, where thumbnails go ({@code <folder>/thumbs} when
 * {@code outputFolder} is empty, as the original program), whether to descend into sub-folders
 * (mirrored under the output), the output format, which decides the thumbnails' extensions, and
 * optionally a {@link NameTemplate} that says where each thumbnail goes instead of the folder.
 */
public record ScanRequest(List<Path> inputs, Optional<Path> outputFolder, boolean recursive, OutputFormat format,
        Optional<NameTemplate> template) {

    /** The default output folder's name, inside each scanned folder. */
    public static final String DEFAULT_OUTPUT_NAME = "thumbs";

    public ScanRequest {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(outputFolder, "outputFolder");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(template, "template");
        if (template.isPresent() && outputFolder.isPresent()) {
            throw new IllegalArgumentException("give an output folder or a name template, not both");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to scan: give at least one folder or image");
        }
    }

    /** Thumbnails into {@code outputFolder} (or each folder's {@code thumbs}), named as their sources. */
    public ScanRequest(List<Path> inputs, Optional<Path> outputFolder, boolean recursive, OutputFormat format) {
        this(inputs, outputFolder, recursive, format, Optional.empty());
    }

    /** Scans {@code folder} alone, non-recursively, into its {@code thumbs}, in the input's format. */
    public static ScanRequest of(Path folder) {
        return new ScanRequest(List.of(folder), Optional.empty(), false, OutputFormat.SAME);
    }
}
