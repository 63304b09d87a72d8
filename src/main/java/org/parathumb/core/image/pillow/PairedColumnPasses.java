package org.parathumb.core.image.pillow;

import org.parathumb.core.image.pixels.Scratch;

/**
 * The three radius-1 column passes of a {@link BlurStream}, on rows packed in pairs: rows
 * {@code 2q} and {@code 2q + 1} share one int per sample, the even row in the low 16 bits. Every
 * pass rounds to 8 bits, so a pair fits, and a 5-tap column pass for two rows then reads three
 * pair rows instead of ten rows. Unpacked, each pass streamed five 50 KB rows from L2 per output
 * row (12 MP RGB) and was bound by that; packed it reads 1.5 and writes 0.5 per output row, for
 * about the same arithmetic. The arithmetic per sample is unchanged, so the result is too.
 *
 * <p>Edges: Pillow replicates the edge rows in every pass. Pair {@code q} below 0 is therefore
 * (row 0, row 0) and pairs past the end are (last row, last row), kept per pass in their own
 * arrays; with an odd height the last pair's high half is the last row again.
 */
final class PairedColumnPasses {

    /** Pair rows per pass: a pass needs pairs q - 1 to q + 1, and the pass below writes q + 2. */
    private static final int RING = 3;

    private final BlurStream stream;
    private final BlurStream.RowSink sink;
    private final int height;
    private final int pairs;
    private final int length;
    private final int w1;
    private final int w2;
    /** rings[level][q % RING]: pair q after column pass {@code level} (0: the row passes). */
    private final int[][][] rings;
    private final int[][] top;
    private final int[][] bottom;
    private final int[] evenRow;
    private final int[] oddRow;
    private final int[] out;
    private final int[] produced = new int[ExtendedBox.PASSES + 1];

    PairedColumnPasses(BlurStream stream, BlurStream.RowSink sink, ExtendedBox box, int height, int length,
            Scratch scratch, int firstSlot) {
        this.stream = stream;
        this.sink = sink;
        this.height = height;
        this.pairs = (height + 1) / 2;
        this.length = length;
        this.w1 = box.innerWeight();
        this.w2 = box.edgeWeight();
        int slot = firstSlot;
        this.rings = new int[ExtendedBox.PASSES][RING][];
        this.top = new int[ExtendedBox.PASSES][];
        this.bottom = new int[ExtendedBox.PASSES][];
        for (int level = 0; level < ExtendedBox.PASSES; level++) {
            for (int i = 0; i < RING; i++) {
                rings[level][i] = scratch.ints(slot++, length);
            }
            top[level] = scratch.ints(slot++, length);
            bottom[level] = scratch.ints(slot++, length);
        }
        this.evenRow = scratch.ints(slot++, length);
        this.oddRow = scratch.ints(slot++, length);
        this.out = scratch.ints(slot, length);
    }

    /** Where the row passes should put row {@code y}. */
    int[] rowFor(int y) {
        return (y & 1) == 0 ? evenRow : oddRow;
    }

    /** Row {@code y} is in {@link #rowFor}; runs every column pass that has its input. */
    void rowDone(int y) {
        boolean lastRow = y == height - 1;
        if ((y & 1) == 0 && !lastRow) {
            return;
        }
        int q = y / 2;
        int[] dst = rings[0][q % RING];
        int[] even = evenRow;
        int[] odd = (y & 1) == 0 ? evenRow : oddRow;
        for (int k = 0; k < length; k++) {
            dst[k] = even[k] | odd[k] << 16;
        }
        finished(0, q, dst);
        drain();
    }

    /** The latest pass first, so a pass refills a ring slot only once no later pass needs it. */
    private void drain() {
        int level = ExtendedBox.PASSES;
        while (level >= 1) {
            int next = produced[level];
            int available = produced[level - 1];
            if (next < pairs && (available == pairs || next + 1 < available)) {
                column(level, next);
                level = ExtendedBox.PASSES;
            } else {
                level--;
            }
        }
    }

    private int[] pair(int level, int q) {
        if (q < 0) {
            return top[level];
        }
        return q >= pairs ? bottom[level] : rings[level][q % RING];
    }

    /** Pair {@code q} of pass {@code level} from pairs q - 1 to q + 1 of the pass before. */
    private void column(int level, int q) {
        int[] a = pair(level - 1, q - 1);
        int[] b = pair(level - 1, q);
        int[] c = pair(level - 1, q + 1);
        if (level == ExtendedBox.PASSES) {
            produced[level] = q + 1;
            toSink(2 * q, a, b, c);
            if (2 * q + 1 < height) {
                toSink(2 * q + 1, a, b, c);
            }
            return;
        }
        int[] dst = rings[level][q % RING];
        int p = w1;
        int e = w2;
        int half = ExtendedBox.HALF;
        // Written out in full, each half from the loads, and joined with + and * 65536: with
        // shared temporaries or low | high << 16, HotSpot 17 left this loop scalar (4x slower).
        for (int k = 0; k < length; k++) {
            int av = a[k];
            int bv = b[k];
            int cv = c[k];
            int low = (p * ((av >>> 16) + (bv & 0xFFFF) + (bv >>> 16)) + e * ((av & 0xFFFF) + (cv & 0xFFFF))
                    + half) >>> 24;
            int high = (p * ((bv & 0xFFFF) + (bv >>> 16) + (cv & 0xFFFF)) + e * ((av >>> 16) + (cv >>> 16))
                    + half) >>> 24;
            dst[k] = low + high * 65536;
        }
        if ((height & 1) == 1 && q == pairs - 1) {
            for (int k = 0; k < length; k++) {
                dst[k] = (dst[k] & 0xFFFF) * 0x10001;
            }
        }
        finished(level, q, dst);
    }

    /** Records pair {@code q} of {@code level} and keeps the edge pairs the next pass reads. */
    private void finished(int level, int q, int[] pair) {
        produced[level] = q + 1;
        if (q == 0) {
            int[] t = top[level];
            for (int k = 0; k < length; k++) {
                t[k] = (pair[k] & 0xFFFF) * 0x10001;
            }
        }
        if (q == pairs - 1) {
            int[] bt = bottom[level];
            for (int k = 0; k < length; k++) {
                bt[k] = (pair[k] >>> 16) * 0x10001;
            }
        }
    }

    /** Row {@code y} of the last pass, added into the sink's sums or handed over as it is. */
    private void toSink(int y, int[] a, int[] b, int[] c) {
        int[] sums = sink.sumsFor(y, length);
        boolean high = (y & 1) == 1;
        if (sums != null) {
            if (high) {
                highRowAddedInto(a, b, c, sums);
            } else {
                lowRowAddedInto(a, b, c, sums);
            }
            sink.accept(y, sums, stream);
        } else {
            java.util.Arrays.fill(out, 0, length, 0);
            if (high) {
                highRowAddedInto(a, b, c, out);
            } else {
                lowRowAddedInto(a, b, c, out);
            }
            sink.accept(y, out, stream);
        }
    }

    /** The even row of a pair: rows 2q - 2 to 2q + 2 are a's halves, b's halves, c's low half. */
    private void lowRowAddedInto(int[] a, int[] b, int[] c, int[] dst) {
        int p = w1;
        int e = w2;
        int half = ExtendedBox.HALF;
        for (int k = 0; k < length; k++) {
            int av = a[k];
            int bv = b[k];
            dst[k] += (p * ((av >>> 16) + (bv & 0xFFFF) + (bv >>> 16)) + e * ((av & 0xFFFF) + (c[k] & 0xFFFF))
                    + half) >>> 24;
        }
    }

    /** The odd row of a pair: rows 2q - 1 to 2q + 3 are a's high half, b's halves, c's halves. */
    private void highRowAddedInto(int[] a, int[] b, int[] c, int[] dst) {
        int p = w1;
        int e = w2;
        int half = ExtendedBox.HALF;
        for (int k = 0; k < length; k++) {
            int bv = b[k];
            int cv = c[k];
            dst[k] += (p * ((bv & 0xFFFF) + (bv >>> 16) + (cv & 0xFFFF)) + e * ((a[k] >>> 16) + (cv >>> 16))
                    + half) >>> 24;
        }
    }
}
