package org.parathumb.core.image.jpeg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One JPEG Huffman table (ITU T.81 Annex C), with two lookup tables over the next
 * {@link #LOOKAHEAD} bits of the stream: {@code lookup} gives a short code's length and symbol,
 * {@code skip} gives, for an AC table, how many bits the code and its extra bits take together
 * and how far it moves along the zigzag, so a coefficient nobody needs costs one lookup. Codes
 * longer than the lookahead go through the canonical {@code maxCode} search. Immutable once built.
 */
final class JpegHuffmanTable {

    /**
     * Tables already built, by content: most encoders write the same few tables (ITU T.81 Annex
     * K's, for one) into every file, and building the lookups costs about a millisecond.
     */
    private static final int CACHE_LIMIT = 64;
    private static final ConcurrentMap<List<Integer>, JpegHuffmanTable> CACHE = new ConcurrentHashMap<>();

    static final int LOOKAHEAD = 10;
    /** Bits looked at by {@link #skipMany}. */
    static final int MANY = 12;
    /** In a {@link #skipMany} entry: set when the symbols end with end of block. */
    static final int MANY_ENDS_BLOCK = 64;
    /** A {@code skip} advance that ends the block (end of block). */
    static final int END_OF_BLOCK = 64;

    /** {@code length << 8 | symbol} for codes of at most LOOKAHEAD bits, else 0. */
    final int[] lookup = new int[1 << LOOKAHEAD];
    /** {@code advance << 6 | (length + extra bits)} for codes of at most LOOKAHEAD bits, else 0. */
    final int[] skip = new int[1 << LOOKAHEAD];
    /** Per code length 1..16: the largest code of that length, or -1. */
    /**
     * For an AC table, over the next MANY bits: as many whole symbols (code and extra bits) as fit,
     * stopping after an end of block: {@code reach << 7 | MANY_ENDS_BLOCK if it ended | bits}, where
     * reach is how far along the zigzag the symbols move, plus one for an end of block (which
     * must come before index 64); 0 when not even one symbol fits.
     */
    final int[] skipMany = new int[1 << MANY];
    final int[] maxCode = new int[18];
    final int[] minCode = new int[17];
    final int[] valueIndex = new int[17];
    final int[] symbols;

    /** The table for these counts and symbols, built once and then shared (tables are immutable). */
    static JpegHuffmanTable of(int[] counts, int[] symbols) throws UnsupportedJpegException {
        List<Integer> key = new ArrayList<>(counts.length + symbols.length);
        for (int count : counts) {
            key.add(count);
        }
        for (int symbol : symbols) {
            key.add(symbol);
        }
        JpegHuffmanTable table = CACHE.get(key);
        if (table == null) {
            table = new JpegHuffmanTable(counts, symbols);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(key, table);
        }
        return table;
    }

    /**
     * @param counts number of codes of each length 1..16 ({@code counts[0]} is for length 1)
     * @param symbols the symbols in code order
     */
    JpegHuffmanTable(int[] counts, int[] symbols) throws UnsupportedJpegException {
        this.symbols = symbols.clone();
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            int n = counts[length - 1];
            valueIndex[length] = k;
            minCode[length] = code;
            for (int i = 0; i < n; i++, k++, code++) {
                if (length <= LOOKAHEAD) {
                    int symbol = symbols[k];
                    int run = symbol >>> 4;
                    int extra = symbol & 15;
                    int advance = extra == 0 ? (run == 15 ? 16 : END_OF_BLOCK) : run + 1;
                    int shift = LOOKAHEAD - length;
                    int first = code << shift;
                    for (int j = 0; j < 1 << shift; j++) {
                        lookup[first + j] = length << 8 | symbol;
                        skip[first + j] = advance << 6 | (length + extra);
                    }
                }
            }
            maxCode[length] = n == 0 ? -1 : code - 1;
            if (code > 1 << length) {
                throw new UnsupportedJpegException("bad Huffman table");
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        for (int window = 0; window < 1 << MANY; window++) {
            skipMany[window] = many(window);
        }
    }

    private int many(int window) {
        int used = 0;
        int advance = 0;
        while (true) {
            int symbol = -1;
            int length = 1;
            for (; length <= MANY - used; length++) {
                int code = (window >>> (MANY - used - length)) & ((1 << length) - 1);
                if (maxCode[length] >= 0 && code <= maxCode[length]) {
                    symbol = symbols[valueIndex[length] + code - minCode[length]];
                    break;
                }
            }
            if (symbol < 0 || used + length + (symbol & 15) > MANY) {
                return used == 0 ? 0 : advance << 7 | used;
            }
            used += length + (symbol & 15);
            int run = symbol >>> 4;
            if ((symbol & 15) == 0 && run != 15) {
                return (advance + 1) << 7 | MANY_ENDS_BLOCK | used;
            }
            advance += (symbol & 15) == 0 ? 16 : run + 1;
        }
    }
}
