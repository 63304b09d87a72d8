package org.parathumb.core.image;

/**
 * Reads the orientation tag (0x0112) from the first IFD of an EXIF TIFF block, so the
 * {@link ScaledJpegDecoder} can leave rotated photos to {@link ImageDecoder}.
 */
final class ExifOrientation {

    private static final int ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation (1 to 8) in the TIFF block at {@code data[start, end)}, or 0 if none or unreadable. */
    static int read(byte[] data, int start, int end) {
        if (end - start < 8) {
            return 0;
        }
        boolean little;
        if (data[start] == 'I' && data[start + 1] == 'I') {
            little = true;
        } else if (data[start] == 'M' && data[start + 1] == 'M') {
            little = false;
        } else {
            return 0;
        }
        long ifd = u32(data, start + 4, little);
        if (ifd < 8 || ifd > end - start - 2) {
            return 0;
        }
        int p = start + (int) ifd;
        int entries = u16(data, p, little);
        p += 2;
        for (int i = 0; i < entries && p + 12 <= end; i++, p += 12) {
            if (u16(data, p, little) == ORIENTATION) {
                int value = u16(data, p + 8, little);
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    private static int u16(byte[] d, int p, boolean little) {
        int a = d[p] & 0xFF;
        int b = d[p + 1] & 0xFF;
        return little ? b << 8 | a : a << 8 | b;
    }

    private static long u32(byte[] d, int p, boolean little) {
        long hi = u16(d, little ? p + 2 : p, little);
        long lo = u16(d, little ? p : p + 2, little);
        return hi << 16 | lo;
    }
}
