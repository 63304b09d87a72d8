package org.parathumb.core.batch;

import java.nio.file.Path;
import java.util.Objects;

/** One image to process: where it is read from, and the final path of its thumbnail. */
public record ImageJob(Path source, Path target) {

    public ImageJob {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("a thumbnail must never replace its source: " + source);
        }
    }
}
