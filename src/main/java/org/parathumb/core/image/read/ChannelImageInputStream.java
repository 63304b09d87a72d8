package org.parathumb.core.image.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An {@code ImageInputStream} on a file opened through its {@link Path}: it reaches files whose
 * name {@code java.io.File} cannot spell (bytes that are not valid in the file-name encoding),
 * which {@code FileImageInputStream} needs. Reads through a small buffer, and asks for a cancel at
 * every read as {@link CancellableFileImageInputStream} does.
 */
final class ChannelImageInputStream extends ImageInputStreamImpl {

    private final SeekableByteChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long bufferStart;

    ChannelImageInputStream(Path file) throws IOException {
        this.channel = Files.newByteChannel(file);
        buffer.limit(0);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        CancellableFileImageInputStream.check();
        if (len == 0) {
            return 0;
        }
        bitOffset = 0;
        long inBuffer = streamPos - bufferStart;
        if (inBuffer < 0 || inBuffer >= buffer.limit()) {
            buffer.clear();
            channel.position(streamPos);
            int n = channel.read(buffer);
            buffer.flip();
            bufferStart = streamPos;
            if (n <= 0) {
                buffer.limit(0);
                return -1;
            }
            inBuffer = 0;
        }
        int n = Math.min(len, buffer.limit() - (int) inBuffer);
        buffer.get((int) inBuffer, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        super.close();
        channel.close();
    }
}
