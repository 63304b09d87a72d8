package org.parathumb.core.image;

/**
 * Pillow's GaussianBlur as a stream of rows: source rows go in one at a time, in order, and each
 * blurred row comes out to a {@link RowSink} as soon as the rows it depends on have arrived, so
 * the full-size blurred image need never exist. The arithmetic is {@link ExtendedBox}'s, pass for
 * pass, rounded to 8 bits after every pass, edges replicated: the same integers as
 * {@link PillowGaussianBlur}'s reference loops and as Pillow's BoxBlur.c.
 *
 * <p><b>Why the odd layout.</b> HotSpot 17 vectorises a loop only when all its array accesses sit
 * at the same offset modulo the vector length (16 ints with AVX-512), so a row pass reading
 * {@code in[i - 3] .. in[i + 3]} stays scalar. Each row is therefore cut into {@link #LANES}
 * segments, each with a halo of {@code 3 * (radius + 1)} pixels on both sides, and the segments are
 * interleaved ("lane layout": sample {@code j} of segment {@code s} at {@code j * LANES + s}). A
 * neighbouring pixel is then {@code channels * LANES} ints away, every access of a pass is aligned
 * alike, and the three horizontal passes run 16 lanes wide; the halos absorb the error that creeps
 * in from each segment's ends, one pixel step per tap per pass. Positions outside the image are
 * reset to the edge pixel after every pass, as Pillow replicates edges per pass. The vertical
 * passes are element-wise between rows, layout-blind, and run over rings of {@code 2 * radius + 3}
 * rows per pass. Sinks translate back with {@link #indexOf(int)}.
 *
 * <p>Cost per sample: a byte load, six vectorised passes, the sink's work. Boxes wider than
 * {@link #MAX_RADIUS} use more taps per pass than a running sum would, so callers use the reference
 * loops for them ({@link #supports}). Not thread-safe; one stream per image.
 */
final class BlurStream {

    /**
     * Segments per row: the widest int vector HotSpot uses (AVX-512), a multiple of narrower ones.
     * The five-tap kernels below hard-code it in their pixel steps.
     */
    static final int LANES = 16;

    /** The widest box (integer radius) streamed; wider ones are cheaper with running sums. */
    static final int MAX_RADIUS = 3;

    private static final int CANCEL_CHECK_ROWS = 32;

    private static final int SLOT_ROW_A = 0;
    private static final int SLOT_ROW_B = 1;
    private static final int SLOT_OUT = 2;
    private static final int SLOT_RINGS = 3;

    /** Receives the blurred rows, in order, in lane layout. */
    interface RowSink {
        /**
         * Blurred row {@code y}, in lane layout ({@code stream.indexOf(x)} is sample {@code x});
         * valid only during the call.
         */
        void accept(int y, int[] row, BlurStream stream);

        /**
         * An array the stream should add blurred row {@code y} into (in lane layout, at least
         * {@code length} long) before calling {@link #accept} with that array, or null to be
         * given the row itself. Saves a pass over each row for sinks that only sum rows.
         */
        default int[] sumsFor(int y, int length) {
            return null;
        }
    }

    private final int width;
    private final int height;
    private final int channels;
    private final int r;
    private final int ww;
    private final int fw;
    private final int n;
    /** Samples per segment, not counting halos; a whole number of pixels. */
    private final int segment;
    private final int halo;
    /** Ints in a row in lane layout: (segment + 2 * halo) * LANES. */
    private final int length;
    /** Distance between neighbouring pixels in lane layout. */
    private final int step;
    private final int ringRows;
    private final int[] index;
    /** For each lane-layout index, the sample of the source row it holds (edges repeated). */
    private final int[] gather;
    /** Out-of-image positions and the in-image position each copies (fixTo[i] = row[fixFrom[i]]). */
    private final int[] fixTo;
    private final int[] fixFrom;
    private final byte[] sourceRow;
    private final int[] rowA;
    private final int[] rowB;
    private final int[] out;
    private final int[][][] rings;
    private final int[] produced = new int[ExtendedBox.PASSES + 1];
    private final RowSink sink;

    /** True when {@code box} is narrow enough to stream ({@link #MAX_RADIUS}). */
    static boolean supports(ExtendedBox box) {
        return box.radius() <= MAX_RADIUS;
    }

    BlurStream(ExtendedBox box, int width, int height, int channels, Scratch scratch, RowSink sink) {
        if (!supports(box)) {
            throw new IllegalArgumentException("box radius " + box.radius() + " is wider than " + MAX_RADIUS);
        }
        if (width < 1 || height < 1 || channels < 1) {
            throw new IllegalArgumentException("size and channels must be positive");
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.sink = sink;
        this.r = box.radius();
        this.ww = box.innerWeight();
        this.fw = box.edgeWeight();
        this.n = Math.multiplyExact(width, channels);
        this.segment = ((width + LANES - 1) / LANES) * channels;
        this.halo = ExtendedBox.PASSES * (r + 1) * channels;
        this.length = Math.multiplyExact(segment + 2 * halo, LANES);
        this.step = channels * LANES;
        this.ringRows = 2 * r + 3;
        this.index = new int[n];
        for (int x = 0; x < n; x++) {
            int s = x / segment;
            index[x] = (x - s * segment + halo) * LANES + s;
        }
        this.gather = new int[length];
        int outside = 0;
        for (int k = 0; k < length; k++) {
            int x = positionOf(k);
            boolean inside = x >= 0 && x < n;
            gather[k] = inside ? x : edgeSample(x);
            if (!inside) {
                outside++;
            }
        }
        this.fixTo = new int[outside];
        this.fixFrom = new int[outside];
        for (int k = 0, f = 0; k < length; k++) {
            int x = positionOf(k);
            if (x < 0 || x >= n) {
                fixTo[f] = k;
                fixFrom[f] = index[edgeSample(x)];
                f++;
            }
        }
        this.sourceRow = new byte[n];
        this.rowA = scratch.ints(SLOT_ROW_A, length);
        this.rowB = scratch.ints(SLOT_ROW_B, length);
        this.out = scratch.ints(SLOT_OUT, length);
        this.rings = new int[ExtendedBox.PASSES][ringRows][];
        int slot = SLOT_RINGS;
        for (int level = 0; level < ExtendedBox.PASSES; level++) {
            for (int i = 0; i < ringRows; i++) {
                rings[level][i] = scratch.ints(slot++, length);
            }
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int channels() {
        return channels;
    }

    /** Where sample {@code x} (0 to width * channels - 1) of a row sits in lane layout. */
    int indexOf(int x) {
        return index[x];
    }

    /** How many source rows have been pushed. */
    int rowsPushed() {
        return produced[0];
    }

    /** The row position (sample index, possibly outside the image) of lane-layout index {@code k}. */
    private int positionOf(int k) {
        int s = k % LANES;
        int j = k / LANES;
        return s * segment + j - halo;
    }

    /** The in-image sample whose value an out-of-image position {@code x} repeats. */
    private int edgeSample(int x) {
        int channel = Math.floorMod(x, channels);
        return x < 0 ? channel : n - channels + channel;
    }

    /**
     * Feeds the next source row, {@code width * channels} samples of {@code src} from
     * {@code offset}; blurred rows reach the sink as they become complete, the last ones during
     * the push of the last source row.
     */
    void push(byte[] src, int offset) {
        int y = produced[0];
        if (y >= height) {
            throw new IllegalStateException("all " + height + " rows were already pushed");
        }
        if (y % CANCEL_CHECK_ROWS == 0) {
            CancelledException.checkInterrupt();
        }
        load(src, offset, rowA);
        horizontal(rowA, rowB);
        horizontal(rowB, rowA);
        horizontal(rowA, rings[0][y % ringRows]);
        produced[0] = y + 1;
        drain();
    }

    /**
     * Runs every vertical pass that has its input rows, the latest pass first: a pass refills a
     * ring row only once the pass after it can no longer use any row it would overwrite (a ring
     * of 2r + 3 rows holds everything a pass needs while it lags r + 1 rows behind).
     */
    private void drain() {
        int level = ExtendedBox.PASSES;
        while (level >= 1) {
            int next = produced[level];
            int available = produced[level - 1];
            if (next < height && (available == height || next + r + 1 < available)) {
                vertical(level, next);
                produced[level] = next + 1;
                level = ExtendedBox.PASSES;
            } else {
                level--;
            }
        }
    }

    /**
     * Gathers a byte row into lane layout, halos and edges included. The row is first copied
     * into a small buffer: the gather reads 16 places of the row at once, which is twice as slow
     * from a 36 MB image as from a copy in L1 (one sequential copy the prefetcher handles well).
     */
    private void load(byte[] src, int offset, int[] row) {
        byte[] copy = sourceRow;
        System.arraycopy(src, offset, copy, 0, n);
        int[] map = gather;
        for (int k = 0; k < map.length; k++) {
            row[k] = copy[map[k]] & 0xFF;
        }
    }

    private void fixEdges(int[] row) {
        int[] to = fixTo;
        int[] from = fixFrom;
        for (int i = 0; i < to.length; i++) {
            row[to[i]] = row[from[i]];
        }
    }

    /** One horizontal pass in lane layout; the outermost halo entries are left stale, unused. */
    private void horizontal(int[] in, int[] dst) {
        int p = step;
        int w1 = ww;
        int w2 = fw;
        int half = ExtendedBox.HALF;
        if (r == 1 && channels == 3) {
            fiveTaps48(in, dst, length, w1, w2);
        } else if (r == 1 && channels == 1) {
            fiveTaps16(in, dst, length, w1, w2);
        } else if (r == 1 && channels == 4) {
            fiveTaps64(in, dst, length, w1, w2);
        } else if (r == 1) {
            int p2 = 2 * p;
            int end = length - p2;
            for (int k = p2; k < end; k++) {
                dst[k] = (w1 * (in[k - p] + in[k] + in[k + p]) + w2 * (in[k - p2] + in[k + p2]) + half) >>> 24;
            }
        } else {
            int far = (r + 1) * p;
            int end = length - far;
            for (int k = far; k < end; k++) {
                dst[k] = in[k - far] + in[k + far];
            }
            for (int k = far; k < end; k++) {
                dst[k] = w2 * dst[k] + half;
            }
            for (int t = -r; t <= r; t++) {
                int o = t * p;
                for (int k = far; k < end; k++) {
                    dst[k] += w1 * in[k + o];
                }
            }
            for (int k = far; k < end; k++) {
                dst[k] >>>= 24;
            }
        }
        fixEdges(dst);
    }

    /*
     * The radius-1 horizontal pass with the pixel step as a literal (channels * LANES): with a
     * variable step HotSpot cannot prove the taps share an alignment and leaves the loop scalar,
     * about five times slower.
     */

    private static void fiveTaps16(int[] in, int[] dst, int length, int w1, int w2) {
        int end = length - 32;
        for (int k = 32; k < end; k++) {
            dst[k] = (w1 * (in[k - 16] + in[k] + in[k + 16]) + w2 * (in[k - 32] + in[k + 32])
                    + ExtendedBox.HALF) >>> 24;
        }
    }

    private static void fiveTaps48(int[] in, int[] dst, int length, int w1, int w2) {
        int end = length - 96;
        for (int k = 96; k < end; k++) {
            dst[k] = (w1 * (in[k - 48] + in[k] + in[k + 48]) + w2 * (in[k - 96] + in[k + 96])
                    + ExtendedBox.HALF) >>> 24;
        }
    }

    private static void fiveTaps64(int[] in, int[] dst, int length, int w1, int w2) {
        int end = length - 128;
        for (int k = 128; k < end; k++) {
            dst[k] = (w1 * (in[k - 64] + in[k] + in[k + 64]) + w2 * (in[k - 128] + in[k + 128])
                    + ExtendedBox.HALF) >>> 24;
        }
    }

    /** Row {@code y} of {@code level} from the ring of the level below; level 3 goes to the sink. */
    private void vertical(int level, int y) {
        int[][] in = rings[level - 1];
        boolean last = level == ExtendedBox.PASSES;
        int[] sums = last ? sink.sumsFor(y, length) : null;
        if (sums != null && r == 1) {
            fiveRowsAddedInto(in, y, sums);
            sink.accept(y, sums, this);
            return;
        }
        int[] dst = last ? out : rings[level][y % ringRows];
        int w1 = ww;
        int w2 = fw;
        int half = ExtendedBox.HALF;
        int len = length;
        if (r == 1) {
            int[] m2 = in[clampRow(y - 2) % ringRows];
            int[] m1 = in[clampRow(y - 1) % ringRows];
            int[] z = in[y % ringRows];
            int[] p1 = in[clampRow(y + 1) % ringRows];
            int[] p2 = in[clampRow(y + 2) % ringRows];
            for (int k = 0; k < len; k++) {
                dst[k] = (w1 * (m1[k] + z[k] + p1[k]) + w2 * (m2[k] + p2[k]) + half) >>> 24;
            }
        } else {
            int[] top = in[clampRow(y - r - 1) % ringRows];
            int[] bottom = in[clampRow(y + r + 1) % ringRows];
            for (int k = 0; k < len; k++) {
                dst[k] = w2 * (top[k] + bottom[k]) + half;
            }
            for (int t = -r; t <= r; t++) {
                int[] row = in[clampRow(y + t) % ringRows];
                for (int k = 0; k < len; k++) {
                    dst[k] += w1 * row[k];
                }
            }
            for (int k = 0; k < len; k++) {
                dst[k] >>>= 24;
            }
        }
        if (sums != null) {
            for (int k = 0; k < len; k++) {
                sums[k] += dst[k];
            }
            sink.accept(y, sums, this);
        } else if (last) {
            sink.accept(y, dst, this);
        }
    }

    /** The last radius-1 column pass for row {@code y}, added into {@code sums}. */
    private void fiveRowsAddedInto(int[][] in, int y, int[] sums) {
        int[] m2 = in[clampRow(y - 2) % ringRows];
        int[] m1 = in[clampRow(y - 1) % ringRows];
        int[] z = in[y % ringRows];
        int[] p1 = in[clampRow(y + 1) % ringRows];
        int[] p2 = in[clampRow(y + 2) % ringRows];
        int w1 = ww;
        int w2 = fw;
        int half = ExtendedBox.HALF;
        for (int k = 0; k < length; k++) {
            sums[k] += (w1 * (m1[k] + z[k] + p1[k]) + w2 * (m2[k] + p2[k]) + half) >>> 24;
        }
    }

    private int clampRow(int row) {
        return row < 0 ? 0 : Math.min(row, height - 1);
    }

    /** A sink writing each blurred row as bytes into {@code dst}, rows packed from offset 0. */
    static RowSink into(byte[] dst) {
        return (y, row, stream) -> {
            int n = stream.width * stream.channels;
            int base = y * n;
            int[] map = stream.index;
            for (int x = 0; x < n; x++) {
                dst[base + x] = (byte) row[map[x]];
            }
        };
    }
}
