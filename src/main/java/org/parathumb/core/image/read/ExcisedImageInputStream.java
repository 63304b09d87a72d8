package org.parathumb.core.image.read;

import java.io.IOException;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A view of a stream with some byte ranges cut out, read in place without copying: used to hand
 * a reader a JPEG without the ICC segments it would otherwise convert every scanline through.
 */
final class ExcisedImageInputStream extends ImageInputStreamImpl {

    private final ImageInputStream source;
    private final long[] cutStarts;
    private final long[] cutEnds;

    /** {@code cutStarts[i]..cutEnds[i]} (end exclusive) are removed; ranges sorted, disjoint. */
    ExcisedImageInputStream(ImageInputStream source, long[] cutStarts, long[] cutEnds) {
        if (cutStarts.length != cutEnds.length) {
            throw new IllegalArgumentException("every cut needs a start and an end");
        }
        for (int i = 0; i < cutStarts.length; i++) {
            if (cutEnds[i] < cutStarts[i] || (i > 0 && cutStarts[i] < cutEnds[i - 1])) {
                throw new IllegalArgumentException("cuts must be sorted and disjoint");
            }
        }
        this.source = source;
        this.cutStarts = cutStarts.clone();
        this.cutEnds = cutEnds.clone();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        bitOffset = 0;
        long physical = streamPos;
        int next = 0;
        while (next < cutStarts.length && physical >= cutStarts[next]) {
            physical += cutEnds[next] - cutStarts[next];
            next++;
        }
        int n = len;
        if (next < cutStarts.length) {
            n = (int) Math.min(n, cutStarts[next] - physical);
        }
        source.seek(physical);
        int read = source.read(b, off, n);
        if (read > 0) {
            streamPos += read;
        }
        return read;
    }

    @Override
    public long length() {
        try {
            long length = source.length();
            if (length < 0) {
                return -1;
            }
            for (int i = 0; i < cutStarts.length; i++) {
                length -= cutEnds[i] - cutStarts[i];
            }
            return length;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        super.close();
        source.close();
    }
}
