package org.parathumb.core.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where one thumbnail goes: {@link #open()} a stream to a temporary place, then {@link #commit()}
 * makes it the target in one step (a move or a rename), so a target is either whole or absent.
 * {@link ImageProcessor} writes local files through a hidden temporary file and an atomic move;
 * the Spark job writes through a Hadoop file system the same way.
 */
public interface ThumbnailSink {

    /**
     * A new stream for the thumbnail's bytes, at a temporary place; called at most once.
     * {@code target} is the job's target, whose file name may differ from the one planned when
     * the content decided the format (a HEIF with alpha becomes a .png).
     */
    OutputStream open(Path target) throws IOException;

    /** Puts the written bytes in place of the target (replacing an older one), after the stream is closed. */
    void commit() throws IOException;

    /** Drops whatever was written and not committed; best effort, never throws. */
    void discard();
}
