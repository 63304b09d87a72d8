package org.parathumb.core.image.jpeg;

import static org.parathumb.core.image.jpeg.ByteSamples.clamp;

/**
 * The reduced inverse DCT of libjpeg's DCT scaling: an n x m block of samples (n, m in 1, 2, 4,
 * 8) from the n x m lowest frequencies of an 8 x 8 block. Not thread-safe (one work buffer).
 */
final class ReducedIdct {

    /** In the row mask given to {@link #inverse}: some AC coefficient was stored. */
    static final int AC_STORED = 1 << 8;

    /** {@code IDCT[n][x * n + u]}: weight of frequency u at output sample x of an n-point reduced IDCT. */
    private static final float[][] IDCT = new float[9][];

    static {
        for (int n : new int[] {1, 2, 4, 8}) {
            float[] m = new float[n * n];
            for (int x = 0; x < n; x++) {
                for (int u = 0; u < n; u++) {
                    double c = u == 0 ? Math.sqrt(0.5) : 1.0;
                    m[x * n + u] = (float) (0.5 * c * Math.cos((2 * x + 1) * u * Math.PI / (2 * n)));
                }
            }
            IDCT[n] = m;
        }
    }

    private final float[] temp = new float[64];

    /**
     * An n x m reduced IDCT of the block's low frequencies, written at {@code offset};
     * {@code rows} has bit v set when row v of the coefficients may hold a non-zero value, and
     * {@link #AC_STORED} when any coefficient but the DC was stored; {@code columns} likewise
     * for columns.
     */
    void inverse(float[] coef, int rows, int columns, int n, int m, byte[] plane, int offset, int planeWidth) {
        if ((rows & AC_STORED) == 0) {
            // DC only (most chroma blocks): a flat block at its mean.
            byte flat = clamp((int) (coef[0] * 0.125f + 128.5f));
            for (int y = 0; y < m; y++) {
                int row = offset + y * planeWidth;
                for (int x = 0; x < n; x++) {
                    plane[row + x] = flat;
                }
            }
            return;
        }
        if (n == 2 && m == 2) {
            // Both 2-point bases are +-sqrt(1/8): each output is (F00 +- F01 +- F10 +- F11) / 8.
            float a = coef[0] + coef[1];
            float b = coef[0] - coef[1];
            float c = coef[8] + coef[9];
            float e = coef[8] - coef[9];
            plane[offset] = clamp((int) ((a + c) * 0.125f + 128.5f));
            plane[offset + 1] = clamp((int) ((b + e) * 0.125f + 128.5f));
            plane[offset + planeWidth] = clamp((int) ((a - c) * 0.125f + 128.5f));
            plane[offset + planeWidth + 1] = clamp((int) ((b - e) * 0.125f + 128.5f));
            return;
        }
        // Truncation is floor here: anything below zero clamps to 0 either way.
        float[] mx = IDCT[n];
        float[] my = IDCT[m];
        float[] t = temp;
        int usedColumns = Math.min(n, 32 - Integer.numberOfLeadingZeros(columns));
        int usedRows = Math.min(m, 32 - Integer.numberOfLeadingZeros(rows & 0xFF));
        for (int v = 0; v < usedRows; v++) {
            if ((rows & 1 << v) == 0) {
                for (int x = 0; x < n; x++) {
                    t[v * n + x] = 0;
                }
                continue;
            }
            for (int x = 0; x < n; x++) {
                float sum = 0;
                for (int u = 0; u < usedColumns; u++) {
                    sum += coef[v * 8 + u] * mx[x * n + u];
                }
                t[v * n + x] = sum;
            }
        }
        for (int y = 0; y < m; y++) {
            int row = offset + y * planeWidth;
            for (int x = 0; x < n; x++) {
                float sum = 128.5f;
                for (int v = 0; v < usedRows; v++) {
                    sum += my[y * m + v] * t[v * n + x];
                }
                plane[row + x] = clamp((int) sum);
            }
        }
    }
}
