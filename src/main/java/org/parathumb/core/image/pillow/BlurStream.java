package org.parathumb.core.image.pillow;

import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.pixels.Scratch;

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
 * reset to the edge pixel after every pass, as Pillow replicates edges per pass. The three row
 * passes advance a chunk at a time so their buffers stay in L1. The vertical passes are
 * element-wise between rows, layout-blind: radius 1 (the default Gaussian 2) runs them on rows
 * packed in pairs ({@link PairedColumnPasses}), wider boxes over rings of {@code 2 * radius + 3}
 * rows per pass. Sinks translate back with {@link #indexOf(int)}.
 *
 * <p>Cost per sample: a byte load, six vectorised passes, the sink's work. Boxes wider than
 * {@link #MAX_RADIUS} use more taps per pass than a running sum would, so callers use the reference
 * loops for them ({@link #supports}). Not thread-safe; one stream per image.
 */
public final class BlurStream {

    /**
     * Segments per row: the widest int vector HotSpot uses (AVX-512), a multiple of narrower ones.
     * The five-tap kernels below hard-code it in their pixel steps.
     */
    static final int LANES = 16;

    /** The widest box (integer radius) streamed; wider ones are cheaper with running sums. */
    static final int MAX_RADIUS = 3;

    private static final int CANCEL_CHECK_ROWS = 32;

    /**
     * Ints of a row the three row passes advance at a time, each a step behind the one before:
     * a 12 MP RGB row in lane layout is about 50 KB, more than L1, so whole-row passes went to L2
     * three times per row; chunks of every buffer together stay in L1.
     */
    private static final int CHUNK = 1024;

    private static final int SLOT_ROW_A = 0;
    private static final int SLOT_ROW_B = 1;
    private static final int SLOT_OUT = 2;
    private static final int SLOT_GATHERED = 3;
    private static final int SLOT_RINGS = 4;

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
    /**
     * Out-of-image positions left of the image and the in-image position each copies
     * (leftTo[i] = row[leftFrom[i]]); likewise right of it.
     */
    private final int[] leftTo;
    private final int[] leftFrom;
    private final int[] rightTo;
    private final int[] rightFrom;
    /** A pass's left edges can be fixed once it has computed every index below this. */
    private final int leftReady;
    /** The first index a right edge fix writes: a pass may read below it before they are fixed. */
    private final int rightFirst;
    /** Ints at each end of a row that a row pass leaves stale (its farthest tap). */
    private final int margin;
    private final int[] gathered;
    /** For each lane-layout index, the sample of the source row it holds (edges repeated). */
    private final int[] gather;
    private final byte[] sourceRow;
    private final int[] rowA;
    private final int[] rowB;
    private final int[] out;
    /** The column passes' rows, unless {@link #paired} runs them (radius 1). */
    private final int[][][] rings;
    private final PairedColumnPasses paired;
    private final int[] produced = new int[ExtendedBox.PASSES + 1];
    private final RowSink sink;

    /** True when {@code box} is narrow enough to stream ({@link #MAX_RADIUS}). */
    public static boolean supports(ExtendedBox box) {
        return box.radius() <= MAX_RADIUS;
    }

    public BlurStream(ExtendedBox box, int width, int height, int channels, Scratch scratch, RowSink sink) {
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
        int left = 0;
        for (int k = 0; k < length; k++) {
            if (positionOf(k) < 0) {
                left++;
            }
        }
        this.leftTo = new int[left];
        this.leftFrom = new int[left];
        this.rightTo = new int[outside - left];
        this.rightFrom = new int[outside - left];
        int ready = 0;
        int first = length;
        for (int k = 0, l = 0, rt = 0; k < length; k++) {
            int x = positionOf(k);
            if (x < 0) {
                leftTo[l] = k;
                leftFrom[l] = index[edgeSample(x)];
                ready = Math.max(ready, leftFrom[l] + 1);
                l++;
            } else if (x >= n) {
                rightTo[rt] = k;
                rightFrom[rt] = index[edgeSample(x)];
                first = Math.min(first, k);
                rt++;
            }
        }
        this.leftReady = ready;
        this.rightFirst = first;
        this.margin = (r + 1) * channels * LANES;
        this.sourceRow = new byte[n];
        this.rowA = scratch.ints(SLOT_ROW_A, length);
        this.rowB = scratch.ints(SLOT_ROW_B, length);
        this.out = scratch.ints(SLOT_OUT, length);
        this.gathered = scratch.ints(SLOT_GATHERED, length);
        if (r == 1) {
            this.rings = null;
            this.paired = new PairedColumnPasses(this, sink, box, height, length, scratch, SLOT_RINGS);
        } else {
            this.paired = null;
            this.rings = new int[ExtendedBox.PASSES][ringRows][];
            int slot = SLOT_RINGS;
            for (int level = 0; level < ExtendedBox.PASSES; level++) {
                for (int i = 0; i < ringRows; i++) {
                    rings[level][i] = scratch.ints(slot++, length);
                }
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
    public void push(byte[] src, int offset) {
        int y = produced[0];
        if (y >= height) {
            throw new IllegalStateException("all " + height + " rows were already pushed");
        }
        if (y % CANCEL_CHECK_ROWS == 0) {
            CancelledException.checkInterrupt();
        }
        System.arraycopy(src, offset, sourceRow, 0, n);
        if (paired != null) {
            rowPasses(paired.rowFor(y));
            produced[0] = y + 1;
            paired.rowDone(y);
            return;
        }
        rowPasses(rings[0][y % ringRows]);
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
     * The gather into lane layout and the three row passes (gathered, rowB, rowA, then
     * {@code last}), advanced a chunk at a time so the working part of every buffer stays in L1.
     * Each pass runs only as far as its input is final: up to its farthest tap behind the pass
     * before, not past a right-edge position before the pass before has finished and fixed its
     * edges, and not at all before that pass has fixed its left edges. Every index is still
     * computed once from the same inputs, so the result equals whole-row passes exactly.
     */
    private void rowPasses(int[] last) {
        int end = length - margin;
        int done1 = margin;
        int done2 = margin;
        int done3 = margin;
        for (int e = Math.min(CHUNK, length), gatheredTo = 0; ; e = Math.min(e + CHUNK, length)) {
            gather(gatheredTo, e);
            gatheredTo = e;
            done1 = advance(gathered, rowB, done1, e - margin, end);
            boolean ready1 = done1 >= leftReady || done1 == end;
            done2 = advance(rowB, rowA, done2, ready1 ? limit(done1, end) : margin, end);
            boolean ready2 = done2 >= leftReady || done2 == end;
            done3 = advance(rowA, last, done3, ready2 ? limit(done2, end) : margin, end);
            if (e == length) {
                return;
            }
        }
    }

    /** How far a pass may run on the output of a pass that has computed up to {@code done}. */
    private int limit(int done, int end) {
        return done == end ? end : Math.min(done, rightFirst) - margin;
    }

    /**
     * Runs a row pass from {@code done} up to {@code limit}, fixing its left edges once their
     * sources are computed and its right edges once it is complete; returns how far it got.
     */
    private int advance(int[] in, int[] dst, int done, int limit, int end) {
        if (limit <= done) {
            return done;
        }
        horizontal(in, dst, done, limit);
        if (done < leftReady && (limit >= leftReady || limit == end)) {
            fixEdges(dst, leftTo, leftFrom);
        }
        if (limit == end) {
            fixEdges(dst, rightTo, rightFrom);
        }
        return limit;
    }

    /**
     * Gathers lane-layout indices {@code from} to {@code to} of the source row, halos and edges
     * included, from the row's copy in {@link #sourceRow}: the gather reads 16 places of the row
     * at once, which is twice as slow from a 36 MB image as from a copy in L1.
     */
    private void gather(int from, int to) {
        byte[] copy = sourceRow;
        int[] map = gather;
        int[] row = gathered;
        for (int k = from; k < to; k++) {
            row[k] = copy[map[k]] & 0xFF;
        }
    }

    private static void fixEdges(int[] row, int[] to, int[] from) {
        for (int i = 0; i < to.length; i++) {
            row[to[i]] = row[from[i]];
        }
    }

    /**
     * One horizontal pass in lane layout over indices {@code from} to {@code to}, within
     * {@link #margin} of the ends (the outermost halo entries are left stale, unused).
     */
    private void horizontal(int[] in, int[] dst, int from, int to) {
        int p = step;
        int w1 = ww;
        int w2 = fw;
        int half = ExtendedBox.HALF;
        if (r == 1 && channels == 3) {
            fiveTaps48(in, dst, from, to, w1, w2);
        } else if (r == 1 && channels == 1) {
            fiveTaps16(in, dst, from, to, w1, w2);
        } else if (r == 1 && channels == 4) {
            fiveTaps64(in, dst, from, to, w1, w2);
        } else if (r == 1) {
            int p2 = 2 * p;
            for (int k = from; k < to; k++) {
                dst[k] = (w1 * (in[k - p] + in[k] + in[k + p]) + w2 * (in[k - p2] + in[k + p2]) + half) >>> 24;
            }
        } else {
            int far = (r + 1) * p;
            for (int k = from; k < to; k++) {
                dst[k] = in[k - far] + in[k + far];
            }
            for (int k = from; k < to; k++) {
                dst[k] = w2 * dst[k] + half;
            }
            for (int t = -r; t <= r; t++) {
                int o = t * p;
                for (int k = from; k < to; k++) {
                    dst[k] += w1 * in[k + o];
                }
            }
            for (int k = from; k < to; k++) {
                dst[k] >>>= 24;
            }
        }
    }

    /*
     * The radius-1 horizontal pass with the pixel step as a literal (channels * LANES): with a
     * variable step HotSpot cannot prove the taps share an alignment and leaves the loop scalar,
     * about five times slower.
     */

    private static void fiveTaps16(int[] in, int[] dst, int from, int to, int w1, int w2) {
        for (int k = from; k < to; k++) {
            dst[k] = (w1 * (in[k - 16] + in[k] + in[k + 16]) + w2 * (in[k - 32] + in[k + 32])
                    + ExtendedBox.HALF) >>> 24;
        }
    }

    private static void fiveTaps48(int[] in, int[] dst, int from, int to, int w1, int w2) {
        for (int k = from; k < to; k++) {
            dst[k] = (w1 * (in[k - 48] + in[k] + in[k + 48]) + w2 * (in[k - 96] + in[k + 96])
                    + ExtendedBox.HALF) >>> 24;
        }
    }

    private static void fiveTaps64(int[] in, int[] dst, int from, int to, int w1, int w2) {
        for (int k = from; k < to; k++) {
            dst[k] = (w1 * (in[k - 64] + in[k] + in[k + 64]) + w2 * (in[k - 128] + in[k + 128])
                    + ExtendedBox.HALF) >>> 24;
        }
    }

    /**
     * Row {@code y} of {@code level} from the ring of the level below; level 3 goes to the sink.
     * Only for boxes wider than radius 1: radius 1 runs its column passes in {@link #paired}.
     */
    private void vertical(int level, int y) {
        int[][] in = rings[level - 1];
        boolean last = level == ExtendedBox.PASSES;
        int[] sums = last ? sink.sumsFor(y, length) : null;
        int[] dst = last ? out : rings[level][y % ringRows];
        int w1 = ww;
        int w2 = fw;
        int half = ExtendedBox.HALF;
        int len = length;
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
        if (sums != null) {
            for (int k = 0; k < len; k++) {
                sums[k] += dst[k];
            }
            sink.accept(y, sums, this);
        } else if (last) {
            sink.accept(y, dst, this);
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
