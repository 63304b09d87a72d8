package org.parathumb.core.image.jpeg;

import static org.parathumb.core.image.jpeg.ByteSamples.clamp;

import java.util.Arrays;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.jpeg.ScaledJpegDecoder.Frame;

/**
 * Walks the one scan of a baseline JPEG, block by block: every block is entropy-decoded, but only
 * the coefficients the scale needs are kept, and each block is reconstructed straight at its
 * reduced size into its component's plane ({@link ReducedIdct}; a DC-only block is its mean).
 * Checks the interrupt every few rows of blocks.
 */
final class EntropyScan {

    /** The natural (row-major) index of each zigzag position. */
    static final int[] NATURAL = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private static final int CANCEL_CHECK_ROWS = 4;

    private final Frame f;
    private final byte[][] planes;
    private final int[] widths;
    private final int[] nx;
    private final int[] ny;
    private final int[] predictors = new int[3];
    /** Per component: zigzag index -> natural index in its coefficient block, or -1 if unused. */
    private final int[][] wanted = new int[3][];
    private final int[] lastWanted = new int[3];
    private final float[] coefficients = new float[64];
    private final ReducedIdct idct = new ReducedIdct();
    /** Where the scan stands between blocks; each block works on a copy of it. */
    private final BitReader state;
    private int segment;
    private int untilRestart;

    /**
     * A scan of {@code f} into {@code planes} (rows {@code widths} samples apart), component c
     * giving {@code nx[c] x ny[c]} samples per block.
     */
    EntropyScan(Frame f, byte[][] planes, int[] widths, int[] nx, int[] ny) {
        this.f = f;
        this.planes = planes;
        this.widths = widths;
        this.nx = nx;
        this.ny = ny;
        this.state = new BitReader(f.data(), f.scanEnd);
        for (int c = 0; c < f.count; c++) {
            int[] map = new int[64];
            int last = 0;
            for (int k = 0; k < 64; k++) {
                int natural = NATURAL[k];
                int row = natural >> 3;
                int column = natural & 7;
                if (row < ny[c] && column < nx[c]) {
                    map[k] = row * 8 + column;
                    last = k;
                } else {
                    map[k] = -1;
                }
            }
            wanted[c] = map;
            lastWanted[c] = last;
        }
    }

    /** Decodes {@code blocksX x blocksY} MCUs. */
    void run(int blocksX, int blocksY) throws UnsupportedJpegException {
        boolean dcOnly = true;
        for (int c = 0; c < f.count; c++) {
            dcOnly &= nx[c] == 1 && ny[c] == 1;
        }
        segment = 0;
        untilRestart = f.restartInterval;
        state.seek(f.segments[0]);
        for (int my = 0; my < blocksY; my++) {
            if (my % CANCEL_CHECK_ROWS == 0) {
                CancelledException.checkInterrupt();
            }
            if (dcOnly) {
                dcOnlyRow(my, blocksX);
            } else {
                row(my, blocksX);
            }
            if (state.overran(f.scanEnd)) {
                throw new UnsupportedJpegException("truncated image data");
            }
        }
    }

    /** Moves to the next restart interval when the current one is used up. */
    private void countRestart() throws UnsupportedJpegException {
        int interval = f.restartInterval;
        if (interval == 0) {
            return;
        }
        if (untilRestart == 0) {
            segment++;
            if (segment >= f.segmentCount) {
                throw new UnsupportedJpegException("missing restart marker");
            }
            state.seek(f.segments[segment]);
            Arrays.fill(predictors, 0);
            untilRestart = interval;
        }
        untilRestart--;
    }

    private void row(int my, int blocksX) throws UnsupportedJpegException {
        for (int mx = 0; mx < blocksX; mx++) {
            countRestart();
            for (int c = 0; c < f.count; c++) {
                int hc = f.h[c];
                int vc = f.v[c];
                for (int by = 0; by < vc; by++) {
                    for (int bx = 0; bx < hc; bx++) {
                        int x0 = (mx * hc + bx) * nx[c];
                        int y0 = (my * vc + by) * ny[c];
                        block(c, planes[c], y0 * widths[c] + x0);
                    }
                }
            }
        }
    }

    /**
     * One MCU row when every block gives one sample (1/8 scale): the DC of each block, its AC
     * coefficients skipped. A method per row, so the JIT compiles it as a method, not only as a
     * loop it entered once.
     */
    private void dcOnlyRow(int my, int blocksX) throws UnsupportedJpegException {
        for (int mx = 0; mx < blocksX; mx++) {
            countRestart();
            BitReader bits = new BitReader(state);
            for (int c = 0; c < f.count; c++) {
                int hc = f.h[c];
                int vc = f.v[c];
                byte[] plane = planes[c];
                int width = widths[c];
                JpegHuffmanTable dcTable = f.dc[f.td[c]];
                JpegHuffmanTable ac = f.ac[f.ta[c]];
                int dcQuant = f.quant[f.tq[c]][0];
                for (int by = 0; by < vc; by++) {
                    for (int bx = 0; bx < hc; bx++) {
                        bits.refill();
                        int dc = predictors[c] + bits.dcDifference(dcTable);
                        predictors[c] = dc;
                        bits.skipAc(1, ac);
                        int x = mx * hc + bx;
                        int y = my * vc + by;
                        plane[y * width + x] = clamp(((dc * dcQuant + 4) >> 3) + 128);
                    }
                }
            }
            state.takeFrom(bits);
        }
    }

    private void block(int c, byte[] plane, int offset) throws UnsupportedJpegException {
        BitReader bits = new BitReader(state);
        bits.refillForOneSymbol();
        int dc = predictors[c] + bits.dcDifference(f.dc[f.td[c]]);
        predictors[c] = dc;
        int[] quant = f.quant[f.tq[c]];
        JpegHuffmanTable ac = f.ac[f.ta[c]];
        int w = nx[c];
        int h = ny[c];
        int k = 1;
        int rows = 0;
        int columns = 1;
        boolean reconstruct = w > 1 || h > 1;
        float[] coef = coefficients;
        if (reconstruct) {
            for (int v = 0; v < h; v++) {
                for (int u = 0; u < w; u++) {
                    coef[v * 8 + u] = 0;
                }
            }
            coef[0] = dc * quant[0];
            rows = 1;
            int[] map = wanted[c];
            int last = lastWanted[c];
            while (k <= last) {
                bits.refillForOneSymbol();
                int symbol = bits.decode(ac);
                int run = symbol >>> 4;
                int extra = symbol & 15;
                if (extra == 0) {
                    k = run == 15 ? k + 16 : JpegHuffmanTable.END_OF_BLOCK;
                    continue;
                }
                k += run;
                int value = bits.receiveExtend(extra);
                if (k < 64 && map[k] >= 0) {
                    coef[map[k]] = value * quant[k];
                    rows |= 1 << (map[k] >> 3) | ReducedIdct.AC_STORED;
                    columns |= 1 << (map[k] & 7);
                }
                k++;
            }
        }
        bits.skipAc(k, ac);
        state.takeFrom(bits);
        if (reconstruct) {
            idct.inverse(coef, rows, columns, w, h, plane, offset, widths[c]);
        } else {
            plane[offset] = clamp(((dc * quant[0] + 4) >> 3) + 128);
        }
    }
}
