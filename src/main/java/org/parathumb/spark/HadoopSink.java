package org.parathumb.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.parathumb.core.batch.ThumbnailSink;

/**
 * A thumbnail written through a Hadoop file system as locally: into a hidden temporary file beside
 * the target, then renamed over it. HDFS renames atomically but not over an existing file, so an
 * older thumbnail is deleted first: a reader may find the target missing for a moment, never
 * half-written. On S3 an object appears whole when its upload ends; S3A's rename is a copy, so
 * there the rename costs a copy of a few KB.
 */
final class HadoopSink implements ThumbnailSink {

    private final FileSystem fs;
    private Path target;
    private Path temp;

    /** A sink for the thumbnail planned at {@code target}. */
    HadoopSink(FileSystem fs, Path target) {
        this.fs = fs;
        this.target = target;
    }

    /** Writes beside the planned target, under the name the job ends with (a HEIF with alpha: .png). */
    @Override
    public OutputStream open(java.nio.file.Path finalTarget) throws IOException {
        target = new Path(target.getParent(), new Path(null, null, finalTarget.getFileName().toString()));
        temp = new Path(target.getParent(), ".parathumb-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        return fs.create(temp, false);
    }

    @Override
    public void commit() throws IOException {
        if (fs.exists(target)) {
            fs.delete(target, false);
        }
        if (!fs.rename(temp, target)) {
            throw new IOException("cannot rename the thumbnail into place: " + target);
        }
        temp = null;
    }

    @Override
    public void discard() {
        if (temp == null) {
            return;
        }
        try {
            fs.delete(temp, false);
        } catch (IOException ignored) {
            // Best effort: the name is hidden and temporary, never taken for a thumbnail.
        }
        temp = null;
    }
}
