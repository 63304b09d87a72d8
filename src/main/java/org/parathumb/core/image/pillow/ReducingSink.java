package org.parathumb.core.image.pillow;

/**
 * {@link BoxReduce} fed row by row by a {@link BlurStream}: the stream's last pass adds each
 * blurred row into per-column sums (in its lane layout, in the same vectorised loop), and once a
 * block row is complete its column sums are gathered into blocks and rounded as Pillow's
 * Reduce.c does. The blurred rows are never stored: only the reduced image is.
 */
public final class ReducingSink implements BlurStream.RowSink {

    private final int factorX;
    private final int factorY;
    private final int width;
    private final int height;
    private final int channels;
    private final int outWidth;
    private final byte[] out;
    private final int[] blockSums;
    private int[] columnSums;

    public ReducingSink(int width, int height, int channels, int factorX, int factorY) {
        if (factorX < 1 || factorY < 1) {
            throw new IllegalArgumentException("factors must be positive, got " + factorX + "x" + factorY);
        }
        this.factorX = factorX;
        this.factorY = factorY;
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.outWidth = (width + factorX - 1) / factorX;
        int outHeight = (height + factorY - 1) / factorY;
        this.out = new byte[Math.multiplyExact(Math.multiplyExact(outWidth, outHeight), channels)];
        this.blockSums = new int[outWidth * channels];
    }

    /** The reduced samples, complete once every row was accepted. */
    public byte[] samples() {
        return out;
    }

    public int outWidth() {
        return outWidth;
    }

    public int outHeight() {
        return (height + factorY - 1) / factorY;
    }

    /** The column sums of the current block row, zeroed when row {@code y} starts a new one. */
    @Override
    public int[] sumsFor(int y, int length) {
        if (columnSums == null || columnSums.length != length) {
            columnSums = new int[length];
        } else if (y % factorY == 0) {
            java.util.Arrays.fill(columnSums, 0);
        }
        return columnSums;
    }

    /** Row {@code y} was added into the column sums; emits the block row it completes, if any. */
    @Override
    public void accept(int y, int[] sums, BlurStream stream) {
        if (y % factorY == factorY - 1 || y == height - 1) {
            emit(y / factorY, y % factorY + 1, stream);
        }
    }

    /** Block row {@code oy} from column sums over {@code rows} rows. */
    private void emit(int oy, int rows, BlurStream stream) {
        int c = channels;
        int[] sums = columnSums;
        if (sums == null) {
            throw new IllegalStateException("no row was added");
        }
        int[] blocks = blockSums;
        java.util.Arrays.fill(blocks, 0);
        for (int x = 0, block = 0, inBlock = 0; x < width; x++) {
            for (int ch = 0; ch < c; ch++) {
                blocks[block + ch] += sums[stream.indexOf(x * c + ch)];
            }
            if (++inBlock == factorX) {
                inBlock = 0;
                block += c;
            }
        }
        roundBlockRow(blocks, 0, width, factorX, rows, c, out, oy * outWidth * c);
    }

    /**
     * One row of reduced samples from its block sums ({@code channels} per block, from
     * {@code blocksFrom}) over {@code rows} rows, rounded as Reduce.c does: full blocks divide by
     * {@code factorX * rows}, the narrower last column of blocks by its own area.
     */
    public static void roundBlockRow(int[] blocks, int blocksFrom, int width, int factorX, int rows, int channels,
            byte[] out, int outFrom) {
        int outWidth = (width + factorX - 1) / factorX;
        int fullColumns = width / factorX;
        long fullMultiplier = BoxReduce.multiplier(factorX * rows);
        int fullAmend = factorX * rows / 2;
        int fullEnd = fullColumns * channels;
        for (int i = 0; i < fullEnd; i++) {
            out[outFrom + i] = (byte) BoxReduce.mean(blocks[blocksFrom + i], fullAmend, fullMultiplier);
        }
        if (fullColumns < outWidth) {
            int scale = (width - fullColumns * factorX) * rows;
            long edgeMultiplier = BoxReduce.multiplier(scale);
            int edgeAmend = scale / 2;
            for (int i = fullEnd; i < outWidth * channels; i++) {
                out[outFrom + i] = (byte) BoxReduce.mean(blocks[blocksFrom + i], edgeAmend, edgeMultiplier);
            }
        }
    }
}
