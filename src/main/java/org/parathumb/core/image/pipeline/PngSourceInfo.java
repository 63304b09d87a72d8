package org.parathumb.core.image.pipeline;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What Pillow's {@code save()} takes from a PNG source into its thumbnail, read from the file:
 * whether it is gray with alpha (Pillow's "LA", whose thumbnail it saves as LA, colour type 4);
 * its ICC profile as Pillow reads it into {@code info["icc_profile"]}, the inflated payload of
 * its iCCP chunk before the image data (compression method 0); and the colour a gray or RGB
 * source calls transparent (its tRNS chunk, {@code info["transparency"]}). {@code save()} writes
 * both back (PngImagePlugin {@code _save}).
 */
record PngSourceInfo(boolean grayWithAlpha, Optional<byte[]> iccProfile, Optional<byte[]> transparency) {

    /** What a file that is not a PNG, or cannot be read, gives: nothing to keep. */
    static final PngSourceInfo NONE = new PngSourceInfo(false, Optional.empty(), Optional.empty());

    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    private static final int ICCP = 0x69434350;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;
    private static final int TRNS = 0x74524E53;
    private static final int GRAY = 0;
    private static final int RGB = 2;
    private static final int GRAY_ALPHA = 4;
    /** Pillow's MAX_TEXT_CHUNK: a longer profile is refused (and the file with it). */
    private static final int MAX_PROFILE = 1024 * 1024;

    PngSourceInfo {
        Objects.requireNonNull(iccProfile, "iccProfile");
        Objects.requireNonNull(transparency, "transparency");
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
        int depth;
        int colourType;
        try {
            if (in.readLong() != SIGNATURE || in.readInt() != 13 || in.readInt() != IHDR) {
                return NONE;
            }
            in.skipNBytes(8); // width, height
            depth = in.readUnsignedByte();
            colourType = in.readUnsignedByte();
            in.skipNBytes(3 + 4L); // the rest of IHDR and its CRC
        } catch (EOFException e) {
            return NONE;
        }
        boolean grayWithAlpha = colourType == GRAY_ALPHA;
        Optional<byte[]> profile = Optional.empty();
        Optional<byte[]> transparency = Optional.empty();
        boolean profileSeen = false;
        try {
            while (true) {
                int length = in.readInt();
                int type = in.readInt();
                if (length < 0 || type == IDAT || type == IEND) {
                    break;
                }
                if (type == ICCP && !profileSeen) {
                    profileSeen = true;
                    profile = profile(in.readNBytes(length));
                    in.skipNBytes(4);
                } else if (type == TRNS && transparency.isEmpty()) {
                    transparency = transparency(in.readNBytes(length), colourType, depth);
                    in.skipNBytes(4);
                } else {
                    in.skipNBytes(length + 4L); // the data and its CRC
                }
            }
        } catch (EOFException e) {
            // a header cut before its image data: keep what was read
        }
        return new PngSourceInfo(grayWithAlpha, profile, transparency);
    }

    /**
     * What Pillow reads from a tRNS chunk into {@code info["transparency"]} and writes back as the
     * same bytes: the first 2 (a gray sample) or 6 (red, green, blue) of an 8-bit gray or RGB
     * source. Nothing for other sources: palettes, and depths whose thumbnails were not compared
     * with Pillow's.
     */
    private static Optional<byte[]> transparency(byte[] chunk, int colourType, int depth) {
        if (depth == 8 && colourType == GRAY && chunk.length >= 2) {
            return Optional.of(Arrays.copyOf(chunk, 2));
        }
        if (depth == 8 && colourType == RGB && chunk.length >= 6) {
            return Optional.of(Arrays.copyOf(chunk, 6));
        }
        return Optional.empty();
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
