package org.parathumb.core.image.jpeg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.PixelLayout;

/**
 * A pure-Java decoder for baseline JPEGs at 1/2, 1/4 or 1/8 of their size, as libjpeg's DCT
 * scaling does: every block is entropy-decoded, but only the coefficients the scale needs are
 * kept and only a small inverse DCT runs (none at all for 1/8: a block's DC coefficient is its
 * mean). Each component is reconstructed straight at the output size (a 4:2:0 chroma block gives
 * 2x2 samples at 1/8), then YCbCr turns into RGB with libjpeg's integer tables.
 *
 * <p>It handles 8-bit baseline and extended Huffman JPEGs with one scan of gray or YCbCr in any
 * usual subsampling, restart markers, and APPn segments. It declines, with
 * {@link UnsupportedJpegException}, everything else: progressive, arithmetic, lossless, 12-bit,
 * CMYK or RGB JPEGs, several scans, an embedded ICC profile (colour management is
 * {@link org.parathumb.core.image.read.ImageDecoder}'s), and data it finds corrupt or truncated. Like ImageDecoder, it gives
 * the pixels as stored: EXIF orientation is for whoever shows the result to apply. Not thread-safe: it
 * reuses its buffers, so give each thread its own.
 */
public final class ScaledJpegDecoder {

    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Zero bytes kept after the entropy-coded data, so the bit reader may read 8 bytes at a time. */
    private static final int PAD = 16;
    private static final int CANCEL_CHECK_ROWS = 4;
    private static final long MAX_FILE = Integer.MAX_VALUE - 64;
    private static final long MAX_PIXELS = 1L << 28;

    /** The natural (row-major) index of each zigzag position. */
    static final int[] NATURAL = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    /** {@code IDCT[n][x * n + u]}: weight of frequency u at output sample x of an n-point reduced IDCT. */
    private static final float[][] IDCT = new float[9][];

    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

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
        // jdcolor.c, build_ycc_rgb_table: 16-bit fixed point, rounded.
        int half = 1 << 15;
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + half) >> 16;
            CB_B[i] = (fix(1.77200) * x + half) >> 16;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + half;
        }
    }

    private static int fix(double x) {
        return (int) (x * 65536 + 0.5);
    }

    private byte[] buffer = new byte[0];
    private final byte[][] planes = new byte[3][];

    /** The headers of one JPEG, read by {@link #open}, and where its entropy-coded data lies. */
    public static final class Frame {
        private final byte[] data;
        int width;
        int height;
        int count;
        final int[] ids = new int[3];
        final int[] h = new int[3];
        final int[] v = new int[3];
        final int[] tq = new int[3];
        final int[] td = new int[3];
        final int[] ta = new int[3];
        int hmax;
        int vmax;
        final int[][] quant = new int[4][];
        final JpegHuffmanTable[] dc = new JpegHuffmanTable[4];
        final JpegHuffmanTable[] ac = new JpegHuffmanTable[4];
        int restartInterval;
        boolean jfif;
        int adobeTransform = -1;
        int scanEnd;
        int[] segments = new int[16];
        int segmentCount;

        private Frame(byte[] data) {
            this.data = data;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        /** The layout a decode gives: gray or RGB. */
        PixelLayout layout() {
            return count == 1 ? PixelLayout.GRAY : PixelLayout.RGB;
        }
    }

    /** Reads {@code file} and its headers, up to the start of its image data. */
    public Frame open(Path file) throws IOException, UnsupportedJpegException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer magic = ByteBuffer.allocate(2);
            channel.read(magic, 0);
            if (magic.position() < 2 || (magic.get(0) & 0xFF) != 0xFF || (magic.get(1) & 0xFF) != 0xD8) {
                throw new UnsupportedJpegException("not a JPEG");
            }
            if (size > MAX_FILE) {
                throw new UnsupportedJpegException("file too large");
            }
            int length = (int) size;
            if (buffer.length < length + PAD || buffer.length > 2L * (length + PAD) + (1 << 20)) {
                buffer = null;
                buffer = new byte[length + PAD];
            }
            ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
            while (target.hasRemaining()) {
                if (channel.read(target) < 0) {
                    break;
                }
            }
            return parse(buffer, target.position());
        }
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
                    readScan(f, data, q, end);
                    unstuff(f, data, end, length);
                    return f;
                }
                case 0xE0 -> f.jfif |= startsWith(data, q, end, "JFIF\0");
                case 0xE2 -> {
                    if (startsWith(data, q, end, "ICC_PROFILE\0")) {
                        throw new UnsupportedJpegException("ICC profile");
                    }
                }
                case 0xEE -> {
                    if (startsWith(data, q, end, "Adobe") && end - q >= 12) {
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

    /** Decodes {@code frame} at {@code 1 / scale} of its size (rounded up), scale 2, 4 or 8. */
    public BufferedImage decode(Frame frame, int scale) throws UnsupportedJpegException {
        return decode(frame, scale, false);
    }

    /**
     * As {@link #decode(Frame, int)}; with {@code coarseChroma} at scale 8, subsampled chroma
     * (4:2:0, 4:2:2) keeps its own resolution, one DC for two output samples, so every block takes
     * the DC-only path (about 20% faster). For callers that go on averaging at least 2x2 output
     * samples together, which hides the difference.
     */
    public BufferedImage decode(Frame frame, int scale, boolean coarseChroma) throws UnsupportedJpegException {
        if (scale != 2 && scale != 4 && scale != 8) {
            throw new IllegalArgumentException("scale must be 2, 4 or 8, got " + scale);
        }
        Frame f = frame;
        if (f.count == 3 && (f.adobeTransform == 0
                || (!f.jfif && f.adobeTransform < 0 && f.ids[0] == 'R' && f.ids[1] == 'G' && f.ids[2] == 'B'))) {
            throw new UnsupportedJpegException("RGB JPEG");
        }
        if ((long) f.width * f.height > MAX_PIXELS * scale * scale) {
            throw new UnsupportedJpegException("image too large");
        }
        int[] nx = new int[f.count];
        int[] ny = new int[f.count];
        int[] shiftX = new int[f.count];
        int[] shiftY = new int[f.count];
        for (int c = 0; c < f.count; c++) {
            nx[c] = samplesPerBlock(f.hmax, f.h[c], scale);
            ny[c] = samplesPerBlock(f.vmax, f.v[c], scale);
            if (coarseChroma && scale == 8 && c > 0) {
                if (nx[c] == 2) {
                    nx[c] = 1;
                    shiftX[c] = 1;
                }
                if (ny[c] == 2) {
                    ny[c] = 1;
                    shiftY[c] = 1;
                }
            }
        }
        int blocksX;
        int blocksY;
        if (f.count == 1) {
            blocksX = (f.width + 7) / 8;
            blocksY = (f.height + 7) / 8;
        } else {
            blocksX = (f.width + 8 * f.hmax - 1) / (8 * f.hmax);
            blocksY = (f.height + 8 * f.vmax - 1) / (8 * f.vmax);
        }
        int[] widths = new int[f.count];
        for (int c = 0; c < f.count; c++) {
            widths[c] = blocksX * f.h[c] * nx[c];
            int size = widths[c] * blocksY * f.v[c] * ny[c];
            if (planes[c] == null || planes[c].length < size || planes[c].length > 2 * size + (1 << 16)) {
                planes[c] = null;
                planes[c] = new byte[size];
            }
        }
        new Scan(f, planes, widths, nx, ny).run(blocksX, blocksY);
        int outWidth = (f.width + scale - 1) / scale;
        int outHeight = (f.height + scale - 1) / scale;
        BufferedImage image = frame.layout().create(outWidth, outHeight);
        byte[] out = PixelLayout.samples(image);
        if (f.count == 1) {
            for (int y = 0; y < outHeight; y++) {
                System.arraycopy(planes[0], y * widths[0], out, y * outWidth, outWidth);
            }
        } else {
            toRgb(planes, widths, shiftX, shiftY, out, outWidth, outHeight);
        }
        return image;
    }

    /** Output samples per block side for a component sampled {@code factor} of {@code max}. */
    private static int samplesPerBlock(int max, int factor, int scale) throws UnsupportedJpegException {
        int ratio = max / factor;
        if (max % factor != 0 || Integer.bitCount(ratio) != 1 || 8 * ratio / scale > 8) {
            throw new UnsupportedJpegException("subsampling " + max + "/" + factor + " at 1/" + scale);
        }
        return 8 * ratio / scale;
    }

    /**
     * libjpeg's ycc_rgb_convert, per output sample; a chroma plane with a shift of 1 holds one
     * sample for two output samples along that axis, and each is used for both.
     */
    private static void toRgb(byte[][] planes, int[] widths, int[] shiftX, int[] shiftY,
                              byte[] out, int width, int height) {
        byte[] yp = planes[0];
        byte[] cbp = planes[1];
        byte[] crp = planes[2];
        int cbShift = shiftX[1];
        int crShift = shiftX[2];
        for (int y = 0; y < height; y++) {
            int i = y * widths[0];
            int cbRow = (y >> shiftY[1]) * widths[1];
            int crRow = (y >> shiftY[2]) * widths[2];
            int o = y * width * 3;
            for (int x = 0; x < width; x++, o += 3) {
                int luma = yp[i + x] & 0xFF;
                int cb = cbp[cbRow + (x >> cbShift)] & 0xFF;
                int cr = crp[crRow + (x >> crShift)] & 0xFF;
                out[o] = clamp(luma + CR_R[cr]);
                out[o + 1] = clamp(luma + ((CB_G[cb] + CR_G[cr]) >> 16));
                out[o + 2] = clamp(luma + CB_B[cb]);
            }
        }
    }

    private static byte clamp(int value) {
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }

    /** The entropy decoder's state while it walks one scan. */
    private static final class Scan {
        /** In the row mask given to inverseDct: some AC coefficient was stored. */
        private static final int AC_STORED = 1 << 8;

        private final Frame f;
        private final byte[] data;
        private final byte[][] planes;
        private final int[] widths;
        private final int[] nx;
        private final int[] ny;
        private final int[] predictors = new int[3];
        /** Per component: zigzag index -> natural index in its coefficient block, or -1 if unused. */
        private final int[][] wanted = new int[3][];
        private final int[] lastWanted = new int[3];
        private final float[] coefficients = new float[64];
        private final float[] temp = new float[64];
        private long bits;
        private int count;
        private int pos;
        private int segment;
        private int untilRestart;
        private JpegHuffmanTable[] dcTables;
        private JpegHuffmanTable[] acTables;
        private int[] dcQuant;

        Scan(Frame f, byte[][] planes, int[] widths, int[] nx, int[] ny) {
            this.f = f;
            this.data = f.data;
            this.planes = planes;
            this.widths = widths;
            this.nx = nx;
            this.ny = ny;
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

        void run(int blocksX, int blocksY) throws UnsupportedJpegException {
            boolean dcOnly = true;
            for (int c = 0; c < f.count; c++) {
                dcOnly &= nx[c] == 1 && ny[c] == 1;
            }
            if (dcOnly) {
                runDcOnly(blocksX, blocksY);
                return;
            }
            int interval = f.restartInterval;
            int segment = 0;
            int untilRestart = interval;
            seek(f.segments[0]);
            for (int my = 0; my < blocksY; my++) {
                if (my % CANCEL_CHECK_ROWS == 0) {
                    CancelledException.checkInterrupt();
                }
                for (int mx = 0; mx < blocksX; mx++) {
                    if (interval > 0) {
                        if (untilRestart == 0) {
                            segment++;
                            if (segment >= f.segmentCount) {
                                throw new UnsupportedJpegException("missing restart marker");
                            }
                            seek(f.segments[segment]);
                            Arrays.fill(predictors, 0);
                            untilRestart = interval;
                        }
                        untilRestart--;
                    }
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
                if (pos - (count >> 3) > f.scanEnd + 2) {
                    throw new UnsupportedJpegException("truncated image data");
                }
            }
        }

        /**
         * {@link #run} when every block gives one sample (1/8 scale): the same decoding, one MCU row
         * per call (so the JIT compiles it as a method, not only as a loop it entered once), with
         * the bit buffer in locals from block to block.
         */
        private void runDcOnly(int blocksX, int blocksY) throws UnsupportedJpegException {
            int components = f.count;
            dcTables = new JpegHuffmanTable[components];
            acTables = new JpegHuffmanTable[components];
            dcQuant = new int[components];
            for (int c = 0; c < components; c++) {
                dcTables[c] = f.dc[f.td[c]];
                acTables[c] = f.ac[f.ta[c]];
                dcQuant[c] = f.quant[f.tq[c]][0];
            }
            segment = 0;
            untilRestart = f.restartInterval;
            seek(f.segments[0]);
            for (int my = 0; my < blocksY; my++) {
                if (my % CANCEL_CHECK_ROWS == 0) {
                    CancelledException.checkInterrupt();
                }
                dcOnlyRow(my, blocksX);
                if (pos - (count >> 3) > f.scanEnd + 2) {
                    throw new UnsupportedJpegException("truncated image data");
                }
            }
        }

        private void dcOnlyRow(int my, int blocksX) throws UnsupportedJpegException {
            final byte[] d = data;
            final int limit = f.scanEnd + 8;
            final int components = f.count;
            final int interval = f.restartInterval;
            long b = bits;
            int n = count;
            int p = pos;
            for (int mx = 0; mx < blocksX; mx++) {
                if (interval > 0) {
                    if (untilRestart == 0) {
                        segment++;
                        if (segment >= f.segmentCount) {
                            throw new UnsupportedJpegException("missing restart marker");
                        }
                        seek(f.segments[segment]);
                        b = bits;
                        n = count;
                        p = pos;
                        Arrays.fill(predictors, 0);
                        untilRestart = interval;
                    }
                    untilRestart--;
                }
                for (int c = 0; c < components; c++) {
                    int hc = f.h[c];
                    int vc = f.v[c];
                    byte[] plane = planes[c];
                    int width = widths[c];
                    JpegHuffmanTable dcTable = dcTables[c];
                    JpegHuffmanTable ac = acTables[c];
                    int[] skip = ac.skip;
                    int[] skipMany = ac.skipMany;
                    for (int by = 0; by < vc; by++) {
                        for (int bx = 0; bx < hc; bx++) {
                            if (p <= limit) {
                                b |= (long) LONG_BE.get(d, p) >>> n;
                                int bytes = (63 - n) >>> 3;
                                p += bytes;
                                n += bytes << 3;
                            } else {
                                n = 63;
                            }
                            int entry = dcTable.lookup[(int) (b >>> (64 - JpegHuffmanTable.LOOKAHEAD))];
                            int size;
                            if (entry != 0) {
                                int length = entry >>> 8;
                                b <<= length;
                                n -= length;
                                size = entry & 0xFF;
                            } else {
                                bits = b;
                                count = n;
                                size = decodeLong(dcTable);
                                b = bits;
                                n = count;
                            }
                            if (size > 15) {
                                throw new UnsupportedJpegException("bad DC size");
                            }
                            int dc = predictors[c];
                            if (size != 0) {
                                int value = (int) (b >>> (64 - size));
                                b <<= size;
                                n -= size;
                                dc += value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
                                predictors[c] = dc;
                            }
                            int k = 1;
                            while (k < 64) {
                                if (p <= limit) {
                                    b |= (long) LONG_BE.get(d, p) >>> n;
                                    int bytes = (63 - n) >>> 3;
                                    p += bytes;
                                    n += bytes << 3;
                                } else {
                                    n = 63;
                                }
                                for (int step = 0; step < 2 && k < 64; step++) {
                                    int many = skipMany[(int) (b >>> (64 - JpegHuffmanTable.MANY))];
                                    if (many != 0 && k + (many >>> 7) <= 64) {
                                        int length = many & 63;
                                        b <<= length;
                                        n -= length;
                                        k = (many & JpegHuffmanTable.MANY_ENDS_BLOCK) != 0 ? 64 : k + (many >>> 7);
                                        continue;
                                    }
                                    int e = skip[(int) (b >>> (64 - JpegHuffmanTable.LOOKAHEAD))];
                                    if (e != 0) {
                                        int length = e & 63;
                                        b <<= length;
                                        n -= length;
                                        k += e >>> 6;
                                        continue;
                                    }
                                    bits = b;
                                    count = n;
                                    int symbol = decodeLong(ac);
                                    b = bits;
                                    n = count;
                                    int extra = symbol & 15;
                                    if (extra == 0) {
                                        k += (symbol >>> 4) == 15 ? 16 : JpegHuffmanTable.END_OF_BLOCK;
                                    } else {
                                        b <<= extra;
                                        n -= extra;
                                        k += (symbol >>> 4) + 1;
                                    }
                                    if (p <= limit) {
                                        b |= (long) LONG_BE.get(d, p) >>> n;
                                        int bytes = (63 - n) >>> 3;
                                        p += bytes;
                                        n += bytes << 3;
                                    } else {
                                        n = 63;
                                    }
                                }
                            }
                            int x = mx * hc + bx;
                            int y = my * vc + by;
                            plane[y * width + x] = clamp(((dc * dcQuant[c] + 4) >> 3) + 128);
                        }
                    }
                }
            }
            bits = b;
            count = n;
            pos = p;
        }

        private void seek(int position) {
            pos = position;
            bits = 0;
            count = 0;
            refill();
        }

        /** Tops the bit buffer up to at least 56 bits (zeros past the data). */
        private void refill() {
            if (pos <= f.scanEnd + 8) {
                long next = (long) LONG_BE.get(data, pos);
                bits |= next >>> count;
                int bytes = (63 - count) >>> 3;
                pos += bytes;
                count += bytes << 3;
            } else {
                count = 63;
            }
        }

        /** Decodes a symbol longer than the lookahead, from the bit buffer's state. */
        private int decodeLong(JpegHuffmanTable table) throws UnsupportedJpegException {
            int length = JpegHuffmanTable.LOOKAHEAD + 1;
            int code = (int) (bits >>> (64 - length));
            while (code > table.maxCode[length]) {
                length++;
                if (length > 16) {
                    throw new UnsupportedJpegException("bad Huffman code");
                }
                code = (int) (bits >>> (64 - length));
            }
            bits <<= length;
            count -= length;
            return table.symbols[table.valueIndex[length] + code - table.minCode[length]];
        }

        /*
         * The hot loops below keep the bit buffer in locals (b, n, p) and store it back only around
         * the rare long codes: a field updated on every symbol would chain each one through memory.
         */

        private void block(int c, byte[] plane, int offset) throws UnsupportedJpegException {
            final byte[] d = data;
            final int limit = f.scanEnd + 8;
            long b = bits;
            int n = count;
            int p = pos;
            if (n < 32) {
                if (p <= limit) {
                    b |= (long) LONG_BE.get(d, p) >>> n;
                    int bytes = (63 - n) >>> 3;
                    p += bytes;
                    n += bytes << 3;
                } else {
                    n = 63;
                }
            }
            JpegHuffmanTable dcTable = f.dc[f.td[c]];
            int entry = dcTable.lookup[(int) (b >>> (64 - JpegHuffmanTable.LOOKAHEAD))];
            int size;
            if (entry != 0) {
                int length = entry >>> 8;
                b <<= length;
                n -= length;
                size = entry & 0xFF;
            } else {
                bits = b;
                count = n;
                size = decodeLong(dcTable);
                b = bits;
                n = count;
            }
            if (size > 15) {
                throw new UnsupportedJpegException("bad DC size");
            }
            int diff = 0;
            if (size != 0) {
                int value = (int) (b >>> (64 - size));
                b <<= size;
                n -= size;
                diff = value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
            }
            int dc = predictors[c] + diff;
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
                int[] lookup = ac.lookup;
                while (k <= last) {
                    if (n < 32) {
                        if (p <= limit) {
                            b |= (long) LONG_BE.get(d, p) >>> n;
                            int bytes = (63 - n) >>> 3;
                            p += bytes;
                            n += bytes << 3;
                        } else {
                            n = 63;
                        }
                    }
                    int e = lookup[(int) (b >>> (64 - JpegHuffmanTable.LOOKAHEAD))];
                    int symbol;
                    if (e != 0) {
                        int length = e >>> 8;
                        b <<= length;
                        n -= length;
                        symbol = e & 0xFF;
                    } else {
                        bits = b;
                        count = n;
                        symbol = decodeLong(ac);
                        b = bits;
                        n = count;
                    }
                    int run = symbol >>> 4;
                    int extra = symbol & 15;
                    if (extra == 0) {
                        k = run == 15 ? k + 16 : JpegHuffmanTable.END_OF_BLOCK;
                        continue;
                    }
                    k += run;
                    int value = (int) (b >>> (64 - extra));
                    b <<= extra;
                    n -= extra;
                    if (value < 1 << (extra - 1)) {
                        value += 1 - (1 << extra);
                    }
                    if (k < 64 && map[k] >= 0) {
                        coef[map[k]] = value * quant[k];
                        rows |= 1 << (map[k] >> 3) | AC_STORED;
                        columns |= 1 << (map[k] & 7);
                    }
                    k++;
                }
            }
            int[] skip = ac.skip;
            int[] skipMany = ac.skipMany;
            while (k < 64) {
                // Topped up without a branch, then two steps: each takes at most 25 bits on its fast
                // paths, and the rare long code tops up again itself.
                if (p <= limit) {
                    b |= (long) LONG_BE.get(d, p) >>> n;
                    int bytes = (63 - n) >>> 3;
                    p += bytes;
                    n += bytes << 3;
                } else {
                    n = 63;
                }
                for (int step = 0; step < 2 && k < 64; step++) {
                    int many = skipMany[(int) (b >>> (64 - JpegHuffmanTable.MANY))];
                    if (many != 0 && k + (many >>> 7) <= 64) {
                        int length = many & 63;
                        b <<= length;
                        n -= length;
                        k = (many & JpegHuffmanTable.MANY_ENDS_BLOCK) != 0 ? 64 : k + (many >>> 7);
                        continue;
                    }
                    int e = skip[(int) (b >>> (64 - JpegHuffmanTable.LOOKAHEAD))];
                    if (e != 0) {
                        int length = e & 63;
                        b <<= length;
                        n -= length;
                        k += e >>> 6;
                        continue;
                    }
                    bits = b;
                    count = n;
                    int symbol = decodeLong(ac);
                    b = bits;
                    n = count;
                    int extra = symbol & 15;
                    if (extra == 0) {
                        k += (symbol >>> 4) == 15 ? 16 : JpegHuffmanTable.END_OF_BLOCK;
                    } else {
                        b <<= extra;
                        n -= extra;
                        k += (symbol >>> 4) + 1;
                    }
                    if (p <= limit) {
                        b |= (long) LONG_BE.get(d, p) >>> n;
                        int bytes = (63 - n) >>> 3;
                        p += bytes;
                        n += bytes << 3;
                    } else {
                        n = 63;
                    }
                }
            }
            bits = b;
            count = n;
            pos = p;
            if (reconstruct) {
                inverseDct(coef, rows, columns, w, h, plane, offset, widths[c]);
            } else {
                plane[offset] = clamp(((dc * quant[0] + 4) >> 3) + 128);
            }
        }

        /**
         * An n x m reduced IDCT of the block's low frequencies, written at {@code offset};
         * {@code rows} has bit v set when row v of the coefficients may hold a non-zero value, and
         * {@link #AC_STORED} when any coefficient but the DC was stored; {@code columns} likewise
         * for columns.
         */
        private void inverseDct(float[] coef, int rows, int columns, int n, int m, byte[] plane, int offset,
                                int planeWidth) {
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
}
