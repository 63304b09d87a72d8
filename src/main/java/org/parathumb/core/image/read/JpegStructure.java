package org.parathumb.core.image.read;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.jpeg.JpegColour;

/**
 * What a JPEG's header says before its first scan: the frame's size and coding, its colour facts
 * (which {@link JpegColour} judges: plain or not, ICC profile ignorable or not), where the ICC
 * profile's segments lie, to cut them out, and the EXIF orientation tag (0 when there is none),
 * so that a plain JPEG's header needs no reader. Reads up to the first SOS marker only.
 */
public record JpegStructure(
        int width,
        int height,
        boolean progressive,
        JpegColour colour,
        long[] iccSegmentStarts,
        long[] iccSegmentEnds,
        int orientationTag) {

    private static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MAX_SEGMENTS = 4096;

    /** Reads the header of the JPEG at the stream's current position (its SOI), then seeks back. */
    public static JpegStructure read(ImageInputStream in) throws IOException {
        long start = in.getStreamPosition();
        try {
            return parse(in);
        } catch (EOFException e) {
            throw new ImageFailure(ImageFailure.Kind.TRUNCATED, "truncated (the file ends inside the JPEG header)", e);
        } finally {
            in.seek(start);
        }
    }

    private static JpegStructure parse(ImageInputStream in) throws IOException {
        if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != 0xD8) {
            throw new ImageFailure(ImageFailure.Kind.NOT_AN_IMAGE, "not an image (unrecognised content)");
        }
        int width = -1;
        int height = -1;
        int components = -1;
        int[] ids = new int[0];
        int precision = 8;
        boolean progressive = false;
        boolean jfif = false;
        int adobe = JpegColour.NO_ADOBE;
        int orientation = 0;
        List<byte[]> iccChunks = new ArrayList<>();
        List<long[]> iccRanges = new ArrayList<>();
        for (int segments = 0; segments < MAX_SEGMENTS; segments++) {
            long markerStart = in.getStreamPosition();
            // Like libjpeg, step over stray bytes before a marker (it only warns about them).
            while (in.readUnsignedByte() != 0xFF) {
                markerStart++;
            }
            int marker = in.readUnsignedByte();
            while (marker == 0xFF) {
                marker = in.readUnsignedByte();
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            if (marker == 0xD9) {
                break;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                throw new ImageFailure(ImageFailure.Kind.CORRUPT, "corrupt image data (bad JPEG segment length)");
            }
            long payloadStart = in.getStreamPosition();
            long segmentEnd = payloadStart + length - 2;
            if (isStartOfFrame(marker) && length >= 8) {
                precision = in.readUnsignedByte();
                height = in.readUnsignedShort();
                width = in.readUnsignedShort();
                components = in.readUnsignedByte();
                ids = new int[Math.min(components, (length - 8) / 3)];
                for (int c = 0; c < ids.length; c++) {
                    ids[c] = in.readUnsignedByte();
                    in.skipBytes(2);
                }
                progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
            } else if (marker == 0xE0 && length >= 2 + JpegColour.JFIF_LENGTH
                    && startsWith(in, "JFIF\0".getBytes(StandardCharsets.ISO_8859_1))) {
                jfif = true;
            } else if (marker == 0xEE && length >= 2 + JpegColour.ADOBE_LENGTH
                    && startsWith(in, "Adobe".getBytes(StandardCharsets.ISO_8859_1))) {
                in.skipBytes(6);
                adobe = in.readUnsignedByte();
            } else if (marker == 0xE2 && length >= 2 + ICC_ID.length + 2 && startsWith(in, ICC_ID)) {
                in.skipBytes(2); // sequence number and count: chunks come in order in practice
                byte[] chunk = new byte[(int) (segmentEnd - in.getStreamPosition())];
                in.readFully(chunk);
                iccChunks.add(chunk);
                iccRanges.add(new long[] {markerStart, segmentEnd});
            } else if (marker == 0xE1 && orientation == 0 && length >= 2 + EXIF_ID.length + 8
                    && startsWith(in, EXIF_ID)) {
                byte[] tiff = new byte[(int) (segmentEnd - in.getStreamPosition())];
                in.readFully(tiff);
                orientation = ExifOrientation.tagOf(tiff);
            } else if (marker == 0xDA) {
                break;
            }
            in.seek(segmentEnd);
        }
        if (width < 0) {
            throw new ImageFailure(ImageFailure.Kind.CORRUPT, "corrupt image data (a JPEG with no frame header)");
        }
        byte[] icc = null;
        if (!iccChunks.isEmpty()) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            iccChunks.forEach(all::writeBytes);
            icc = all.toByteArray();
        }
        long[] starts = iccRanges.stream().mapToLong(r -> r[0]).toArray();
        long[] ends = iccRanges.stream().mapToLong(r -> r[1]).toArray();
        return new JpegStructure(width, height, progressive, new JpegColour(precision, components, ids, jfif, adobe, icc),
                starts, ends, orientation);
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean startsWith(ImageInputStream in, byte[] id) throws IOException {
        byte[] head = new byte[id.length];
        in.readFully(head);
        return java.util.Arrays.equals(head, id);
    }

    /** Reads the header of the JPEG file {@code source}, up to its first scan. */
    public static JpegStructure read(Path source) throws IOException {
        try (ImageInputStream in = new FileImageInputStream(source.toFile())) {
            return read(in);
        }
    }

    /** The embedded ICC profile, or null. */
    byte[] iccProfile() {
        return colour.iccProfile();
    }
}
