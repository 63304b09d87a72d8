package org.parathumb.core.image.jpeg;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.parathumb.core.image.jpeg.ScaledJpegDecoder.Frame;

/**
 * Reads a JPEG's headers into a {@link Frame}: the frame, Huffman and
 * quantization tables, restart interval, JFIF/Adobe/ICC segments and the scan header; then
 * removes the byte stuffing of the entropy-coded data in place, noting where each restart
 * interval begins. Declines, with {@link UnsupportedJpegException}, what the scaled decoder does
 * not handle: any coding but baseline, and any JPEG {@link JpegColour} does not call plain YCbCr
 * or whose ICC profile it does not call ignorable.
 */
final class JpegHeaders {

    /** Zero bytes kept after the entropy-coded data, so the bit reader may read 8 bytes at a time. */
    static final int PAD = 16;

    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private JpegHeaders() {
    }

    private static int u16(byte[] d, int p) {
        return (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF);
    }

    /** Parses the headers in {@code data[0, length)}; {@code data} must have PAD spare bytes after it. */
    static Frame parse(byte[] data, int length) throws UnsupportedJpegException {
        if (length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            throw new UnsupportedJpegException("not a JPEG");
        }
        Frame f = new Frame(data);
        boolean frameSeen = false;
        ByteArrayOutputStream icc = null;
        int p = 2;
        while (true) {
            if (p >= length || (data[p] & 0xFF) != 0xFF) {
                throw new UnsupportedJpegException("no marker where one belongs");
            }
            while (p < length && (data[p] & 0xFF) == 0xFF) {
                p++;
            }
            if (p >= length) {
                throw new UnsupportedJpegException("truncated headers");
            }
            int marker = data[p++] & 0xFF;
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            if (marker == 0xD9 || p + 2 > length) {
                throw new UnsupportedJpegException("no image data");
            }
            int end = p + u16(data, p);
            if (end < p + 2 || end > length) {
                throw new UnsupportedJpegException("truncated segment");
            }
            int q = p + 2;
            switch (marker) {
                case 0xC0, 0xC1 -> {
                    if (frameSeen) {
                        throw new UnsupportedJpegException("two frames");
                    }
                    readFrame(f, data, q, end);
                    frameSeen = true;
                }
                case 0xC4 -> readHuffman(f, data, q, end);
                case 0xDB -> readQuantization(f, data, q, end);
                case 0xDD -> f.restartInterval = end - q >= 2 ? u16(data, q) : 0;
                case 0xDA -> {
                    if (!frameSeen) {
                        throw new UnsupportedJpegException("scan before frame");
                    }
                    JpegColour colour = new JpegColour(8, f.count, Arrays.copyOf(f.ids, f.count), f.jfif,
                            f.adobeTransform, icc == null ? null : icc.toByteArray());
                    if (!colour.isPlainYCbCr()) {
                        throw new UnsupportedJpegException(colour + " JPEG");
                    }
                    if (!colour.iccProfileIsIgnorable()) {
                        throw new UnsupportedJpegException("ICC profile");
                    }
                    readScan(f, data, q, end);
                    unstuff(f, data, end, length);
                    return f;
                }
                case 0xE0 -> f.jfif |= end - q >= JpegColour.JFIF_LENGTH && startsWith(data, q, end, "JFIF\0");
                case 0xE2 -> {
                    if (end - q >= 14 && startsWith(data, q, end, "ICC_PROFILE\0")) {
                        icc = icc == null ? new ByteArrayOutputStream() : icc;
                        icc.write(data, q + 14, end - q - 14); // chunks come in order in practice
                    }
                }
                case 0xEE -> {
                    if (startsWith(data, q, end, "Adobe") && end - q >= JpegColour.ADOBE_LENGTH) {
                        f.adobeTransform = data[q + 11] & 0xFF;
                    }
                }
                default -> {
                    if (marker >= 0xC2 && marker <= 0xCF) {
                        throw new UnsupportedJpegException(String.format("frame type 0x%02X", marker));
                    }
                }
            }
            p = end;
        }
    }

    private static boolean startsWith(byte[] data, int q, int end, String text) {
        if (end - q < text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (data[q + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static void readFrame(Frame f, byte[] data, int q, int end) throws UnsupportedJpegException {
        if (end - q < 6) {
            throw new UnsupportedJpegException("short frame header");
        }
        if ((data[q] & 0xFF) != 8) {
            throw new UnsupportedJpegException("precision " + (data[q] & 0xFF));
        }
        f.height = u16(data, q + 1);
        f.width = u16(data, q + 3);
        f.count = data[q + 5] & 0xFF;
        if (f.width == 0 || f.height == 0) {
            throw new UnsupportedJpegException("height defined later (DNL)");
        }
        if (f.count != 1 && f.count != 3) {
            throw new UnsupportedJpegException(f.count + " components");
        }
        if (end - q < 6 + 3 * f.count) {
            throw new UnsupportedJpegException("short frame header");
        }
        for (int c = 0; c < f.count; c++) {
            int o = q + 6 + 3 * c;
            f.ids[c] = data[o] & 0xFF;
            f.h[c] = (data[o + 1] & 0xFF) >> 4;
            f.v[c] = data[o + 1] & 15;
            f.tq[c] = data[o + 2] & 0xFF;
            if (f.h[c] < 1 || f.h[c] > 4 || f.v[c] < 1 || f.v[c] > 4 || f.tq[c] > 3) {
                throw new UnsupportedJpegException("bad component");
            }
            f.hmax = Math.max(f.hmax, f.h[c]);
            f.vmax = Math.max(f.vmax, f.v[c]);
        }
        if (f.count == 1) {
            f.h[0] = 1;
            f.v[0] = 1;
            f.hmax = 1;
            f.vmax = 1;
        }
    }

    private static void readHuffman(Frame f, byte[] data, int q, int end) throws UnsupportedJpegException {
        while (q < end) {
            if (end - q < 17) {
                throw new UnsupportedJpegException("short Huffman table");
            }
            int kind = (data[q] & 0xFF) >> 4;
            int slot = data[q] & 15;
            if (kind > 1 || slot > 3) {
                throw new UnsupportedJpegException("bad Huffman table");
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = data[q + 1 + i] & 0xFF;
                total += counts[i];
            }
            q += 17;
            if (total > 256 || end - q < total) {
                throw new UnsupportedJpegException("bad Huffman table");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = data[q + i] & 0xFF;
            }
            q += total;
            (kind == 0 ? f.dc : f.ac)[slot] = JpegHuffmanTable.of(counts, symbols);
        }
    }

    private static void readQuantization(Frame f, byte[] data, int q, int end) throws UnsupportedJpegException {
        while (q < end) {
            int precision = (data[q] & 0xFF) >> 4;
            int slot = data[q] & 15;
            int bytes = precision == 0 ? 64 : 128;
            if (precision > 1 || slot > 3 || end - q < 1 + bytes) {
                throw new UnsupportedJpegException("bad quantization table");
            }
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                table[k] = precision == 0 ? data[q + 1 + k] & 0xFF : u16(data, q + 1 + 2 * k);
            }
            f.quant[slot] = table;
            q += 1 + bytes;
        }
    }

    private static void readScan(Frame f, byte[] data, int q, int end) throws UnsupportedJpegException {
        int n = data[q] & 0xFF;
        if (n != f.count) {
            throw new UnsupportedJpegException("several scans");
        }
        if (end - q < 4 + 2 * n) {
            throw new UnsupportedJpegException("short scan header");
        }
        boolean[] seen = new boolean[f.count];
        for (int i = 0; i < n; i++) {
            int id = data[q + 1 + 2 * i] & 0xFF;
            int c = 0;
            while (c < f.count && (f.ids[c] != id || seen[c])) {
                c++;
            }
            if (c == f.count || i != c) {
                throw new UnsupportedJpegException("scan components out of order");
            }
            seen[c] = true;
            f.td[c] = (data[q + 2 + 2 * i] & 0xFF) >> 4;
            f.ta[c] = data[q + 2 + 2 * i] & 15;
            if (f.td[c] > 3 || f.ta[c] > 3 || f.dc[f.td[c]] == null || f.ac[f.ta[c]] == null
                    || f.quant[f.tq[c]] == null) {
                throw new UnsupportedJpegException("missing table");
            }
        }
        int o = q + 1 + 2 * n;
        if ((data[o] & 0xFF) != 0 || (data[o + 1] & 0xFF) != 63 || (data[o + 2] & 0xFF) != 0) {
            throw new UnsupportedJpegException("not a baseline scan");
        }
    }

    /**
     * Removes byte stuffing in place from {@code start}, noting where each restart interval
     * begins, up to the first other marker; zeroes PAD bytes after the data.
     */
    private static void unstuff(Frame f, byte[] data, int start, int length) {
        int r = start;
        int w = start;
        f.segments[0] = w;
        f.segmentCount = 1;
        while (r < length) {
            // Eight bytes at a time while none of them is 0xFF (a zero byte in their complement).
            while (r + 8 <= length) {
                long word = (long) LONG_BE.get(data, r);
                long inverted = ~word;
                if (((inverted - 0x0101010101010101L) & ~inverted & 0x8080808080808080L) != 0) {
                    break;
                }
                if (w != r) {
                    LONG_BE.set(data, w, word);
                }
                r += 8;
                w += 8;
            }
            if (r >= length) {
                break;
            }
            byte b = data[r];
            if (b != (byte) 0xFF) {
                data[w++] = b;
                r++;
                continue;
            }
            if (r + 1 >= length) {
                break;
            }
            int next = data[r + 1] & 0xFF;
            if (next == 0) {
                data[w++] = b;
                r += 2;
            } else if (next == 0xFF) {
                r++;
            } else if (next >= 0xD0 && next <= 0xD7) {
                r += 2;
                if (f.segmentCount == f.segments.length) {
                    f.segments = Arrays.copyOf(f.segments, f.segments.length * 2);
                }
                f.segments[f.segmentCount++] = w;
            } else {
                break;
            }
        }
        f.scanEnd = w;
        Arrays.fill(data, w, w + PAD, (byte) 0);
    }
}
