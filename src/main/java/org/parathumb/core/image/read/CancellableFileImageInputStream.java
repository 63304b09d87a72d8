package org.parathumb.core.image.read;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import javax.imageio.stream.FileImageInputStream;
import org.parathumb.core.image.CancelledException;

/**
 * A file ImageIO's readers read, which asks for a cancel at every read: the JDK's JPEG reader
 * checks its abort flag only between output rows, and a progressive JPEG is read whole before its
 * first row: a cancel then took up to 270 ms on an 8 MP photo, more than the 100 ms it may take.
 * Its reads come 4 KB at a time, so a cancel ends the decode within one. The exception thrown from inside a reader
 * ends its read ({@link ImageIoDecoder} reports any failure of an interrupted thread as a cancel).
 */
final class CancellableFileImageInputStream extends FileImageInputStream {

    /** Tests only: runs at every read, on the reading thread, before the interrupt is read. */
    static volatile Runnable onRead;

    CancellableFileImageInputStream(File file) throws FileNotFoundException, IOException {
        super(file);
    }

    @Override
    public int read() throws IOException {
        check();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        return super.read(b, off, len);
    }

    static void check() {
        Runnable hook = onRead;
        if (hook != null) {
            hook.run();
        }
        CancelledException.checkInterrupt();
    }
}
