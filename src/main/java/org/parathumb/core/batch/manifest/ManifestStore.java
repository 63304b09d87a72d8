package org.parathumb.core.batch.manifest;

import java.io.IOException;
import java.util.Optional;

/**
 * Where manifests live and how their files are looked at: the local disk ({@link #LOCAL}) for the
 * command line and the window, any other file system (the Spark job's Hadoop ones) through an
 * implementation of its own. A location is a path or URI as text, its parts separated by '/'
 * (or the platform's separator, locally).
 */
public interface ManifestStore {

    /** The local file system, through {@code java.nio.file}; times in nanoseconds. */
    ManifestStore LOCAL = new LocalManifestStore();

    /** A regular file's size in bytes and modification time, in the store's own unit. */
    record Stamp(long size, long time) {
        public Stamp {
            if (size < 0) {
                throw new IllegalArgumentException("a size is never negative: " + size);
            }
        }
    }

    /** The stamp of the regular file at {@code location}; empty when there is none or it cannot be read. */
    Optional<Stamp> stat(String location);

    /** The whole content of the file at {@code location}; throws when it is missing or unreadable. */
    byte[] read(String location) throws IOException;

    /**
     * Replaces the file at {@code location} with {@code bytes} in one step as far as the store
     * allows: written whole under a temporary name beside it, then renamed over it.
     */
    void replace(String location, byte[] bytes) throws IOException;

    /** The location of {@code name} inside the folder at {@code folder}. */
    String child(String folder, String name);
}
