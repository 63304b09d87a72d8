package org.parathumb.core.batch;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.parathumb.core.image.ImageHeader;

/**
 * One image to process: where it is read from, the final path of its thumbnail, and its header
 * once read ({@code null} until then; see {@link ImageProcessor#withHeaders}), so that ordering
 * the jobs and processing them read it once between them.
 */
public record ImageJob(Path source, Path target, ImageHeader header) {

    public ImageJob {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("a thumbnail must never replace its source: " + source);
        }
    }

    /** A job whose header is not read yet. */
    public ImageJob(Path source, Path target) {
        this(source, target, null);
    }

    /** The header, if it was read. */
    public Optional<ImageHeader> knownHeader() {
        return Optional.ofNullable(header);
    }

    /** This job with its header read. */
    public ImageJob withHeader(ImageHeader read) {
        return new ImageJob(source, target, Objects.requireNonNull(read, "header"));
    }

    /** This job writing to {@code otherTarget}, its header kept. */
    public ImageJob withTarget(Path otherTarget) {
        return new ImageJob(source, otherTarget, header);
    }
}
