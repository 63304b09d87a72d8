package org.parathumb.core.image.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A WebP's ICC profile as Pillow reads it into {@code info["icc_profile"]} (WebPImagePlugin, through
 * libwebp's demuxer): the payload of the ICCP chunk of an extended WebP (RIFF "WEBP" whose first
 * chunk is VP8X). Pillow's PNG {@code save()} writes it back, so a WebP's PNG thumbnail carries it.
 */
final class WebpIccProfile {

    private static final int RIFF = 0x46464952; // "RIFF", little-endian
    private static final int WEBP = 0x50424557;
    private static final int VP8X = 0x58385056;
    private static final int ICCP = 0x50434349;
    /** Chunks before the image data are read at most this far into the file; the ICCP chunk comes first. */
    private static final int MAX_HEAD = 4 * 1024 * 1024;

    private WebpIccProfile() {
    }

    /** The profile of {@code source}, empty when it is not an extended WebP with an ICCP chunk or cannot be read. */
    static Optional<byte[]> read(Path source) {
        try (InputStream in = Files.newInputStream(source)) {
            return of(in.readNBytes(MAX_HEAD));
        } catch (IOException e) {
            return Optional.empty(); // the decode already read this file; a cut header has nothing to keep
        }
    }

    /** The profile in {@code head}, the first bytes of a file. */
    static Optional<byte[]> of(byte[] head) {
        ByteBuffer in = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (head.length < 12 + 8 || in.getInt() != RIFF) {
            return Optional.empty();
        }
        in.getInt(); // the RIFF size
        if (in.getInt() != WEBP || in.getInt(12) != VP8X) {
            return Optional.empty();
        }
        while (in.remaining() >= 8) {
            int type = in.getInt();
            long size = Integer.toUnsignedLong(in.getInt());
            if (size > in.remaining()) {
                return Optional.empty();
            }
            if (type == ICCP) {
                byte[] profile = new byte[(int) size];
                in.get(profile);
                return size == 0 ? Optional.empty() : Optional.of(profile);
            }
            long next = in.position() + size + (size & 1); // chunks are padded to even sizes
            if (next > head.length) {
                return Optional.empty();
            }
            in.position((int) next);
        }
        return Optional.empty();
    }
}
