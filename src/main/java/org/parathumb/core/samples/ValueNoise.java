package org.parathumb.core.samples;

/**
 * Fractal value noise: octaves of smoothly interpolated lattice values, each half the size of the
 * one before and weighted by {@code persistence}, down to pixel-sized detail, as in natural
 * textures (clouds, foliage, grain).
 */
final class ValueNoise {

    /** Octaves stop at this cell size in pixels: below it, detail is grain. */
    private static final double FINEST_CELL = 1.5;
    private static final int LATTICE = 256;

    private final float[] lattice = new float[LATTICE * LATTICE];
    private final double baseCell;
    private final float persistence;

    ValueNoise(long seed, double baseCell, float persistence) {
        this.persistence = persistence;
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = (float) random.nextDouble();
        }
        this.baseCell = Math.max(2, baseCell);
    }

    /** Fills {@code out} with the noise of row {@code y}, values in [0, 1]. */
    void row(int y, float[] out) {
        java.util.Arrays.fill(out, 0f);
        double cell = baseCell;
        float weight = 0.5f;
        float total = 0;
        for (int octave = 0; cell >= FINEST_CELL; octave++) {
            double fy = y / cell + octave * 17.3;
            int y0 = (int) Math.floor(fy);
            float ty = fade((float) (fy - y0));
            int row0 = Math.floorMod(y0, LATTICE) * LATTICE;
            int row1 = Math.floorMod(y0 + 1, LATTICE) * LATTICE;
            for (int x = 0; x < out.length; x++) {
                double fx = x / cell + octave * 31.7;
                int x0 = (int) Math.floor(fx);
                float tx = fade((float) (fx - x0));
                int c0 = Math.floorMod(x0, LATTICE);
                int c1 = Math.floorMod(x0 + 1, LATTICE);
                float top = lattice[row0 + c0] + (lattice[row0 + c1] - lattice[row0 + c0]) * tx;
                float bottom = lattice[row1 + c0] + (lattice[row1 + c1] - lattice[row1 + c0]) * tx;
                out[x] += weight * (top + (bottom - top) * ty);
            }
            total += weight;
            weight *= persistence;
            cell /= 2;
        }
        for (int x = 0; x < out.length; x++) {
            out[x] /= total;
        }
    }

    private static float fade(float t) {
        return t * t * (3 - 2 * t);
    }
}
