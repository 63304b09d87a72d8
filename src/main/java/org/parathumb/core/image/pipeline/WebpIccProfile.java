package org.parathumb.core.image.pipeline;

import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
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

    private WebpIccProfile() {
    }

    /**
     * The profile of {@code source}, empty when it is not an extended WebP with an ICCP chunk or
     * cannot be read. Only the chunks' headers are read up to the profile (the file stream skips
     * by seeking): the decode has read the image already.
     */
    static Optional<byte[]> read(Path source) {
        try (InputStream in = new FileInputStream(source.toFile())) {
            return of(in);
        } catch (IOException e) {
            return Optional.empty(); // the decode already read this file; a cut header has nothing to keep
        }
    }

    /** The profile in the WebP {@code in} reads from its first byte. */
    static Optional<byte[]> of(InputStream in) throws IOException {
        try {
            if (int32(in) != RIFF) {
                return Optional.empty();
            }
            int32(in); // the RIFF size
            if (int32(in) != WEBP) {
                return Optional.empty();
            }
            boolean first = true;
            while (true) {
                int type = int32(in);
                long size = Integer.toUnsignedLong(int32(in));
                if (first && type != VP8X) {
                    return Optional.empty();
                }
                first = false;
                if (type == ICCP) {
                    if (size == 0 || size > Integer.MAX_VALUE - 8) {
                        return Optional.empty();
                    }
                    byte[] profile = in.readNBytes((int) size);
                    return profile.length == size ? Optional.of(profile) : Optional.empty();
                }
                in.skipNBytes(size + (size & 1)); // chunks are padded to even sizes
            }
        } catch (EOFException e) {
            return Optional.empty();
        }
    }

    /** Four bytes, little-endian. */
    private static int int32(InputStream in) throws IOException {
        byte[] four = in.readNBytes(4);
        if (four.length < 4) {
            throw new EOFException();
        }
        return (four[0] & 0xFF) | (four[1] & 0xFF) << 8 | (four[2] & 0xFF) << 16 | (four[3] & 0xFF) << 24;
    }
}
