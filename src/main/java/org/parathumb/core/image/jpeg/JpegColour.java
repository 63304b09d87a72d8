package org.parathumb.core.image.jpeg;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The colour facts of a JPEG's header, and the one owner of each rule made on them: which colour
 * space libjpeg (and so Pillow) reads the samples in, which JPEGs are plain for each kind of
 * decoder, and whether an embedded ICC profile may be ignored. Every path asks here: the JDK
 * reader's choice ({@code read.ReaderChoice}), the pure-Java scaled decoder ({@link JpegHeaders})
 * and the native routes (whose C twin, {@code parathumb_jpeg_plain}, a test holds to
 * {@link #isPlainYCbCr()}).
 *
 * @param precision      bits per sample of the frame
 * @param components     the frame's component count
 * @param componentIds   the frame's component ids, in order
 * @param jfif           whether a JFIF APP0 segment came before the frame
 * @param adobeTransform the Adobe APP14 segment's transform, or {@link #NO_ADOBE}
 * @param iccProfile     the embedded ICC profile, its APP2 chunks joined, or null
 */
public record JpegColour(int precision, int components, int[] componentIds, boolean jfif, int adobeTransform,
        byte[] iccProfile) {

    /** No Adobe APP14 segment. */
    public static final int NO_ADOBE = -1;

    /** The payload an APP0 segment needs for libjpeg to count it as JFIF ({@code APP0_DATA_LEN}). */
    public static final int JFIF_LENGTH = 14;

    /** The payload an APP14 segment needs for libjpeg to read its transform ({@code APP14_DATA_LEN}). */
    public static final int ADOBE_LENGTH = 12;

    /** The colour space libjpeg-turbo reads a JPEG's samples in. */
    public enum Space { GRAY, YCBCR, RGB, CMYK, YCCK, UNKNOWN }

    public JpegColour {
        componentIds = componentIds.clone();
    }

    /**
     * The space libjpeg-turbo reads, as its {@code default_decompress_parms} decides: one component
     * is gray; three are YCbCr under JFIF, RGB under Adobe transform 0, else by their ids ('R', 'G',
     * 'B' is RGB), else YCbCr; four are YCCK under Adobe transform 2 (or any but 0), else CMYK.
     */
    public Space space() {
        return switch (components) {
            case 1 -> Space.GRAY;
            case 3 -> {
                if (jfif) {
                    yield Space.YCBCR;
                }
                if (adobeTransform != NO_ADOBE) {
                    yield adobeTransform == 0 ? Space.RGB : Space.YCBCR;
                }
                yield idsAre('R', 'G', 'B') ? Space.RGB : Space.YCBCR;
            }
            case 4 -> adobeTransform == NO_ADOBE || adobeTransform == 0 ? Space.CMYK : Space.YCCK;
            default -> Space.UNKNOWN;
        };
    }

    /**
     * Whether the space is stated rather than guessed: gray, or three components under JFIF, an
     * Adobe transform of 0 or 1, or ids 1, 2, 3 or 'R', 'G', 'B'. Readers agree on a stated space;
     * on a guessed one they do not (libjpeg and Pillow guess YCbCr, the JDK's reader RGB when no
     * component is subsampled).
     */
    public boolean isStated() {
        return switch (components) {
            case 1 -> true;
            case 3 -> jfif || adobeTransform == 0 || adobeTransform == 1
                    || (adobeTransform == NO_ADOBE && (idsAre(1, 2, 3) || idsAre('R', 'G', 'B')));
            case 4 -> adobeTransform == 0 || adobeTransform == 2;
            default -> false;
        };
    }

    /**
     * Whether libjpeg, through the JDK's reader, decodes this file to the samples Pillow gets:
     * 8-bit gray, or three components (YCbCr, or RGB when the header says so). CMYK and YCCK are
     * not: they go to a reader that converts them.
     */
    public boolean isPlain() {
        return precision == 8 && (space() == Space.GRAY || space() == Space.YCBCR || space() == Space.RGB);
    }

    /**
     * The "plain YCbCr" rule of the fast decoders (the native header and scaled decode, and
     * {@link ScaledJpegDecoder}): 8-bit gray, or 8-bit YCbCr that is {@link #isStated() stated}, so
     * that a decline leaves the file to the JDK's reader and no reader names its colours otherwise.
     */
    public boolean isPlainYCbCr() {
        return precision == 8 && (space() == Space.GRAY || space() == Space.YCBCR && isStated());
    }

    public boolean hasIccProfile() {
        return iccProfile != null;
    }

    /**
     * The one ICC policy: whether the embedded profile can be ignored without changing a colour. So
     * it can for a gray image (whose samples Pillow and we keep as they are), an unreadable profile
     * (the JDK's reader ignores it too), or a profile with sRGB's primaries and tone curve. Such a
     * profile is then skipped, which spares the JDK's reader a colour conversion per scanline and
     * lets the fast decoders take the file; any other profile sends it to the JDK's reader, which
     * converts the pixels to sRGB.
     */
    public boolean iccProfileIsIgnorable() {
        if (!hasIccProfile() || components == 1) {
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
            return true;
        }
    }

    private boolean idsAre(int first, int second, int third) {
        return componentIds.length >= 3 && componentIds[0] == first && componentIds[1] == second
                && componentIds[2] == third;
    }

    private static boolean describesSrgb(ICC_Profile profile) {
        byte[] desc = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
        if (desc == null) {
            return false;
        }
        String text = new String(desc, StandardCharsets.ISO_8859_1).replace("\0", "");
        return text.contains("sRGB") && !text.toLowerCase(Locale.ROOT).contains("linear");
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

    @Override
    public boolean equals(Object other) {
        return other instanceof JpegColour o && precision == o.precision && components == o.components
                && Arrays.equals(componentIds, o.componentIds) && jfif == o.jfif && adobeTransform == o.adobeTransform
                && Arrays.equals(iccProfile, o.iccProfile);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(componentIds) * 31 + Arrays.hashCode(iccProfile) + precision + components;
    }

    @Override
    public String toString() {
        return precision + "-bit " + space() + (isStated() ? "" : " (guessed)") + (hasIccProfile() ? " with ICC" : "");
    }
}
