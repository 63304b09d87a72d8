package org.parathumb.core.image.read;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import org.parathumb.core.image.ImageFailure;

/**
 * What a JPEG's header says before its first scan: the frame's size, components and coding, the
 * Adobe colour transform, the embedded ICC profile with where its segments lie, and the EXIF
 * orientation tag (0 when there is none). Enough to choose a reader, to decide whether the profile
 * can be skipped, and to give a plain JPEG's header without a reader. Reads up to the first SOS
 * marker only.
 */
public record JpegStructure(
        int width,
        int height,
        int components,
        int precision,
        boolean progressive,
        int adobeTransform,
        byte[] iccProfile,
        long[] iccSegmentStarts,
        long[] iccSegmentEnds,
        int orientationTag) {

    /** No Adobe APP14 segment. */
    static final int NO_ADOBE = -1;

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
        int precision = 8;
        boolean progressive = false;
        int adobe = NO_ADOBE;
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
                progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
            } else if (marker == 0xEE && length >= 14 && startsWith(in, "Adobe".getBytes(StandardCharsets.ISO_8859_1))) {
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
        return new JpegStructure(width, height, components, precision, progressive, adobe, icc, starts, ends,
                orientation);
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean startsWith(ImageInputStream in, byte[] id) throws IOException {
        byte[] head = new byte[id.length];
        in.readFully(head);
        return java.util.Arrays.equals(head, id);
    }

    /**
     * Whether libjpeg, through the JDK's reader, decodes this file to the samples Pillow gets: 8-bit
     * gray, or three components (YCbCr, or RGB when Adobe says so). CMYK and YCCK are not.
     */
    boolean isPlain() {
        return precision == 8 && (components == 1 || components == 3);
    }

    boolean hasIccProfile() {
        return iccProfile != null;
    }

    /**
     * Whether the embedded profile can be ignored without changing a colour: a gray image (whose
     * samples Pillow and we keep as they are), or a profile with sRGB's primaries and tone curve. Such
     * a profile is then skipped, which spares the JDK's reader a colour conversion per scanline.
     */
    public boolean iccProfileIsIgnorable() {
        if (!hasIccProfile()) {
            return true;
        }
        if (components == 1) {
            return true;
        }
        try {
            ICC_Profile profile = ICC_Profile.getInstance(iccProfile);
            if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
                return false;
            }
            if (profile.getData(ICC_Profile.icSigRedColorantTag) == null) {
                return describesSrgb(profile); // a table-based profile: trust its name
            }
            return hasSrgbPrimaries(profile);
        } catch (IllegalArgumentException e) {
            return true; // an unreadable profile: the JDK's reader ignores it too
        }
    }

    private static boolean describesSrgb(ICC_Profile profile) {
        byte[] desc = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
        if (desc == null) {
            return false;
        }
        String text = new String(desc, StandardCharsets.ISO_8859_1).replace("\0", "");
        return text.contains("sRGB") && !text.toLowerCase(java.util.Locale.ROOT).contains("linear");
    }

    private static boolean hasSrgbPrimaries(ICC_Profile profile) {
        ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
        int[] tags = {ICC_Profile.icSigRedColorantTag, ICC_Profile.icSigGreenColorantTag,
            ICC_Profile.icSigBlueColorantTag, ICC_Profile.icSigRedTRCTag};
        for (int tag : tags) {
            byte[] mine = profile.getData(tag);
            byte[] theirs = srgb.getData(tag);
            if (mine == null || theirs == null) {
                return false;
            }
            if (tag == ICC_Profile.icSigRedTRCTag) {
                if (!hasSrgbLikeCurve(mine)) {
                    return false;
                }
                continue;
            }
            for (int i = 8; i + 4 <= 20 && i + 4 <= mine.length && i + 4 <= theirs.length; i += 4) {
                if (Math.abs(fixed(mine, i) - fixed(theirs, i)) > 0.003) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether a tone curve is sRGB's or close to it: a gamma between 2.0 and 2.6 ('curv' with one
     * entry, or 'para'), or a sampled curve that maps half input near sRGB's 0.214. A linear
     * curve (no entries, or gamma 1) is not.
     */
    private static boolean hasSrgbLikeCurve(byte[] tag) {
        if (tag.length < 12) {
            return false;
        }
        String type = new String(tag, 0, 4, StandardCharsets.ISO_8859_1);
        if (type.equals("para") && tag.length >= 16) {
            double gamma = fixed(tag, 12);
            return gamma >= 2.0 && gamma <= 2.6;
        }
        if (!type.equals("curv")) {
            return false;
        }
        int count = (tag[8] & 0xFF) << 24 | (tag[9] & 0xFF) << 16 | (tag[10] & 0xFF) << 8 | (tag[11] & 0xFF);
        if (count == 1 && tag.length >= 14) {
            double gamma = ((tag[12] & 0xFF) << 8 | (tag[13] & 0xFF)) / 256.0;
            return gamma >= 2.0 && gamma <= 2.6;
        }
        if (count < 2 || tag.length < 12 + 2 * count) {
            return false;
        }
        int middle = 12 + 2 * ((count - 1) / 2);
        double half = ((tag[middle] & 0xFF) << 8 | (tag[middle + 1] & 0xFF)) / 65535.0;
        return half > 0.17 && half < 0.26;
    }

    private static double fixed(byte[] data, int at) {
        int value = (data[at] << 24) | (data[at + 1] & 0xFF) << 16 | (data[at + 2] & 0xFF) << 8 | (data[at + 3] & 0xFF);
        return value / 65536.0;
    }
}
