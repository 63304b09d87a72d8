package org.parathumb.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One file of the input, as the driver listed it: its path relative to the input folder, its
 * size and modification time, the path of its thumbnail relative to the output folder, and
 * whether its name says it is an image (one whose name does not is still processed when its
 * first bytes say it is one, as content decides everywhere in Parathumb).
 */
record SourceFile(String relative, long size, long modified, String target, boolean namedAsImage)
        implements Serializable {

    SourceFile {
        Objects.requireNonNull(relative, "relative");
        Objects.requireNonNull(target, "target");
        if (relative.isEmpty() || relative.startsWith("/") || target.isEmpty() || target.startsWith("/")) {
            throw new IllegalArgumentException("paths are relative to their folder: " + relative + " -> " + target);
        }
        if (size < 0) {
            throw new IllegalArgumentException("a size is never negative: " + size);
        }
    }
}
