package org.parathumb.core.image.pipeline;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What Pillow's {@code save()} takes from a PNG source into its thumbnail, read from the file:
 * whether it is gray with alpha (Pillow's "LA", whose thumbnail it saves as LA, colour type 4),
 * and its ICC profile as Pillow reads it into {@code info["icc_profile"]}, the inflated payload of
 * its iCCP chunk before the image data (compression method 0), which {@code save()} writes back
 * (PngImagePlugin {@code _save}).
 */
record PngSourceInfo(boolean grayWithAlpha, Optional<byte[]> iccProfile) {

    /** What a file that is not a PNG, or cannot be read, gives: nothing to keep. */
    static final PngSourceInfo NONE = new PngSourceInfo(false, Optional.empty());

    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    private static final int ICCP = 0x69434350;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;
    private static final int GRAY_ALPHA = 4;
    /** Pillow's MAX_TEXT_CHUNK: a longer profile is refused (and the file with it). */
    private static final int MAX_PROFILE = 1024 * 1024;

    PngSourceInfo {
        Objects.requireNonNull(iccProfile, "iccProfile");
    }

    /**
     * What {@code source} gives: {@link #NONE} when it is not a PNG or its header cannot be read;
     * no profile when it has no iCCP chunk before its image data, or one Pillow would keep no
     * profile from (empty, another compression, not zlib, too long).
     */
    static PngSourceInfo read(Path source) {
        try (InputStream in = Files.newInputStream(source)) {
            return read(new DataInputStream(new BufferedInputStream(in, 8192)));
        } catch (IOException e) {
            return NONE; // the decode already read this file; a cut header just has nothing to keep
        }
    }

    private static PngSourceInfo read(DataInputStream in) throws IOException {
        boolean grayWithAlpha;
        try {
            if (in.readLong() != SIGNATURE || in.readInt() != 13 || in.readInt() != IHDR) {
                return NONE;
            }
            in.skipNBytes(9); // width, height, bit depth
            grayWithAlpha = in.readUnsignedByte() == GRAY_ALPHA;
            in.skipNBytes(3 + 4L); // the rest of IHDR and its CRC
        } catch (EOFException e) {
            return NONE;
        }
        try {
            while (true) {
                int length = in.readInt();
                int type = in.readInt();
                if (length < 0 || type == IDAT || type == IEND) {
                    return new PngSourceInfo(grayWithAlpha, Optional.empty());
                }
                if (type == ICCP) {
                    return new PngSourceInfo(grayWithAlpha, profile(in.readNBytes(length)));
                }
                in.skipNBytes(length + 4L); // the data and its CRC
            }
        } catch (EOFException e) {
            return new PngSourceInfo(grayWithAlpha, Optional.empty());
        }
    }

    /** The profile in an iCCP chunk's data: a name, a zero, the method (0), the zlib stream. */
    private static Optional<byte[]> profile(byte[] chunk) {
        int zero = 0;
        while (zero < chunk.length && chunk[zero] != 0) {
            zero++;
        }
        if (zero + 1 >= chunk.length || chunk[zero + 1] != 0) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(chunk, zero + 2, chunk.length - zero - 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int got = inflater.inflate(buffer);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break; // a cut stream: Python's decompressobj gives what it has
                }
                out.write(buffer, 0, got);
                if (out.size() > MAX_PROFILE) {
                    return Optional.empty();
                }
            }
            return out.size() == 0 ? Optional.empty() : Optional.of(out.toByteArray());
        } catch (DataFormatException e) {
            return Optional.empty(); // Pillow: zlib.error, icc_profile = None
        } finally {
            inflater.end();
        }
    }
}
