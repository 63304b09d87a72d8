package org.parathumb.core.image.jpeg;

import static org.parathumb.core.image.jpeg.ByteSamples.clamp;

/**
 * libjpeg's integer YCbCr to RGB conversion. Whether a JPEG is YCbCr at all is {@link JpegColour}'s
 * to say.
 */
final class YCbCrColour {

    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        // jdcolor.c, build_ycc_rgb_table: 16-bit fixed point, rounded.
        int half = 1 << 15;
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + half) >> 16;
            CB_B[i] = (fix(1.77200) * x + half) >> 16;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + half;
        }
    }

    private YCbCrColour() {
    }

    private static int fix(double x) {
        return (int) (x * 65536 + 0.5);
    }

    /**
     * libjpeg's ycc_rgb_convert, per output sample; a chroma plane with a shift of 1 holds one
     * sample for two output samples along that axis, and each is used for both.
     */
    static void toRgb(byte[][] planes, int[] widths, int[] shiftX, int[] shiftY, byte[] out, int width, int height) {
        byte[] yp = planes[0];
        byte[] cbp = planes[1];
        byte[] crp = planes[2];
        int cbShift = shiftX[1];
        int crShift = shiftX[2];
        for (int y = 0; y < height; y++) {
            int i = y * widths[0];
            int cbRow = (y >> shiftY[1]) * widths[1];
            int crRow = (y >> shiftY[2]) * widths[2];
            int o = y * width * 3;
            for (int x = 0; x < width; x++, o += 3) {
                int luma = yp[i + x] & 0xFF;
                int cb = cbp[cbRow + (x >> cbShift)] & 0xFF;
                int cr = crp[crRow + (x >> crShift)] & 0xFF;
                out[o] = clamp(luma + CR_R[cr]);
                out[o + 1] = clamp(luma + ((CB_G[cb] + CR_G[cr]) >> 16));
                out[o + 2] = clamp(luma + CB_B[cb]);
            }
        }
    }
}
