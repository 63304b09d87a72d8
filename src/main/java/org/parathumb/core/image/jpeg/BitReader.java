package org.parathumb.core.image.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bit buffer of an unstuffed entropy-coded segment: up to 64 bits, most significant first,
 * topped up eight bytes at a time by its one {@link #refill()}. The data must be followed by
 * {@link JpegHeaders#PAD} zero bytes; past them it reads zeros.
 *
 * <p>The scan keeps one long-lived reader as its state and works, block by block, on a copy of
 * it that it writes back at the end ({@link #BitReader(BitReader)}, {@link #takeFrom}). The copy
 * never leaves the method and every method here is small enough to inline, so the JIT keeps its
 * three fields in registers (escape analysis): a field updated on every symbol of a long-lived
 * object would chain each symbol through memory.
 */
final class BitReader {

    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] data;
    /** The last position an eight-byte read may start at (the data's end plus the padding). */
    private final int limit;
    private long bits;
    private int count;
    private int pos;

    BitReader(byte[] data, int scanEnd) {
        this.data = data;
        this.limit = scanEnd + 8;
    }

    /** A copy of {@code state}, to work on in locals. */
    BitReader(BitReader state) {
        this.data = state.data;
        this.limit = state.limit;
        this.bits = state.bits;
        this.count = state.count;
        this.pos = state.pos;
    }

    /** Takes over the position of {@code copy}, once done with it. */
    void takeFrom(BitReader copy) {
        bits = copy.bits;
        count = copy.count;
        pos = copy.pos;
    }

    /** Starts reading at byte {@code position}, an empty buffer topped up. */
    void seek(int position) {
        pos = position;
        bits = 0;
        count = 0;
        refill();
    }

    /** Tops the buffer up to at least 56 bits (zeros past the data). */
    void refill() {
        if (pos <= limit) {
            bits |= (long) LONG_BE.get(data, pos) >>> count;
            int bytes = (63 - count) >>> 3;
            pos += bytes;
            count += bytes << 3;
        } else {
            count = 63;
        }
    }

    /** Tops the buffer up when it holds fewer than 32 bits: enough for one code and its extra bits. */
    void refillForOneSymbol() {
        if (count < 32) {
            refill();
        }
    }

    /** The next {@code n} bits, not consumed. */
    int peek(int n) {
        return (int) (bits >>> (64 - n));
    }

    void skip(int n) {
        bits <<= n;
        count -= n;
    }

    /** The next {@code size} bits (1 to 15) as a signed value (JPEG's EXTEND). */
    int receiveExtend(int size) {
        int value = peek(size);
        skip(size);
        return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
    }

    /** The next Huffman symbol of {@code table}. */
    int decode(JpegHuffmanTable table) throws UnsupportedJpegException {
        int entry = table.lookup[peek(JpegHuffmanTable.LOOKAHEAD)];
        if (entry != 0) {
            skip(entry >>> 8);
            return entry & 0xFF;
        }
        return decodeLong(table);
    }

    /** A symbol longer than the lookahead. */
    int decodeLong(JpegHuffmanTable table) throws UnsupportedJpegException {
        int code = longCode(table, bits);
        skip(code >>> 8);
        return code & 0xFF;
    }

    /**
     * {@code length << 8 | symbol} of the code longer than the lookahead that starts {@code bits}:
     * static, so the rare call does not make the reader escape.
     */
    private static int longCode(JpegHuffmanTable table, long bits) throws UnsupportedJpegException {
        int length = JpegHuffmanTable.LOOKAHEAD + 1;
        int code = (int) (bits >>> (64 - length));
        while (code > table.maxCode[length]) {
            length++;
            if (length > 16) {
                throw new UnsupportedJpegException("bad Huffman code");
            }
            code = (int) (bits >>> (64 - length));
        }
        return length << 8 | table.symbols[table.valueIndex[length] + code - table.minCode[length]];
    }

    /** The difference a block's DC coefficient codes (its size symbol, then that many bits). */
    int dcDifference(JpegHuffmanTable table) throws UnsupportedJpegException {
        int size = decode(table);
        if (size > 15) {
            throw new UnsupportedJpegException("bad DC size");
        }
        return size == 0 ? 0 : receiveExtend(size);
    }

    /**
     * Skips a block's AC coefficients from zigzag index {@code k} to the block's end, with the
     * table's skip tables: topped up, then two steps, each taking at most 25 bits on its fast
     * paths (the rare long code tops up again itself).
     */
    void skipAc(int k, JpegHuffmanTable ac) throws UnsupportedJpegException {
        int[] skip = ac.skip;
        int[] skipMany = ac.skipMany;
        while (k < 64) {
            refill();
            for (int step = 0; step < 2 && k < 64; step++) {
                int many = skipMany[peek(JpegHuffmanTable.MANY)];
                if (many != 0 && k + (many >>> 7) <= 64) {
                    skip(many & 63);
                    k = (many & JpegHuffmanTable.MANY_ENDS_BLOCK) != 0 ? 64 : k + (many >>> 7);
                    continue;
                }
                int e = skip[peek(JpegHuffmanTable.LOOKAHEAD)];
                if (e != 0) {
                    skip(e & 63);
                    k += e >>> 6;
                    continue;
                }
                int symbol = decodeLong(ac);
                int extra = symbol & 15;
                if (extra == 0) {
                    k += (symbol >>> 4) == 15 ? 16 : JpegHuffmanTable.END_OF_BLOCK;
                } else {
                    skip(extra);
                    k += (symbol >>> 4) + 1;
                }
                refill();
            }
        }
    }

    /** Whether more bytes were consumed than the data holds (beyond a little slack): it was cut. */
    boolean overran(int scanEnd) {
        return pos - (count >> 3) > scanEnd + 2;
    }
}
