package org.parathumb.core.image.write;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.PngCompression;
import org.parathumb.core.image.nativecodec.NativeDeflate;
import org.parathumb.core.image.nativecodec.NativePngFilter;

/**
 * A PNG as Pillow 9.4's {@code save()} writes it at its defaults (PngImagePlugin and ZipEncode.c),
 * byte for byte (decision 0018): IHDR; the ICC profile, if any, in an iCCP chunk named "ICC
 * Profile", zlib at the default level; the transparent colour of a gray or RGB image, if any, in
 * a tRNS chunk; the rows filtered as Pillow filters them; the zlib stream of level 6, memory
 * level 9 and {@code Z_FILTERED} cut into IDAT chunks of {@code max(65536, 4 x width)} bytes
 * (ImageFile._save's buffer); IEND.
 *
 * <p>Pillow picks each row's filter as libpng's heuristic does: none, then Up, then Sub, then
 * Paeth (Average only when optimising), each kept only if the sum of the bytes' distances from
 * zero (a byte of 200 counts 56) is strictly smaller than the best so far. The memory level needs
 * the system's zlib ({@link NativeDeflate}); without the native library the JDK's Deflater
 * (memory level 8) makes a stream of the same pixels whose bytes may differ.
 *
 * <p>For 8-bit gray, gray with alpha, RGB and RGBA images ({@link #writes}). A big image takes
 * long (1.3 s for a 4096x2304 RGBA thumbnail at Pillow's level, 1.6 s in Pillow), so a cancel is asked
 * for at every row filtered and at every band deflated: the thread's interrupt ends the write with
 * {@link CancelledException}, before its first IDAT chunk.
 */
public final class PillowPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** ImageFile.MAXBLOCK: the least of the encoder's output buffer, so of an IDAT chunk. */
    private static final int MAX_BLOCK = 65536;
    private static final int LEVEL = 6;
    /**
     * {@link PngCompression#QUICK}'s zlib level: on a 4096x2304 RGBA thumbnail's rows, 10% more
     * bytes than level 6 in a third of its time (366 against 1,130 ms); level 1 took 189 ms for 40%
     * more bytes.
     */
    private static final int QUICK_LEVEL = 4;
    private static final int MEMORY_LEVEL = 9;
    private static final int NONE = 0;
    private static final int SUB = 1;
    private static final int UP = 2;
    private static final int PAETH = 4;
    /** The Java filters cut a row into stretches this long between looks at the sum so far. */
    private static final int STRETCH = 256;
    /** The filters ZipEncode.c tries after none, in its order (Average only when optimising, never here). */
    private static final int[] TRIED = {UP, SUB, PAETH};

    private PillowPng() {
    }

    /** Whether {@code image} has a layout this writer writes: 8-bit gray, gray with alpha, RGB or RGBA. */
    public static boolean writes(BufferedImage image) {
        if (!(image.getColorModel() instanceof ComponentColorModel model)
                || image.getRaster().getTransferType() != DataBuffer.TYPE_BYTE) {
            return false;
        }
        int bands = image.getRaster().getNumBands();
        int colourType = model.getColorSpace().getType();
        boolean alpha = model.hasAlpha();
        for (int bits : model.getComponentSize()) {
            if (bits != 8) {
                return false;
            }
        }
        return colourType == ColorSpace.TYPE_GRAY && bands == (alpha ? 2 : 1)
                || colourType == ColorSpace.TYPE_RGB && bands == (alpha ? 4 : 3);
    }

    /**
     * Writes {@code image} as Pillow would, with {@code iccProfile} (or null for none) in an iCCP
     * chunk and a tRNS chunk after it when {@code transparency} (or null) fits the image, as Pillow
     * writes {@code info["transparency"]} back: 2 bytes (a gray sample) on gray, 6 (red, green,
     * blue) on RGB; ignored on images with alpha. {@code out} stays open.
     *
     * @throws IllegalArgumentException when {@link #writes} says no
     * @throws CancelledException if the thread is interrupted before the pixels are compressed
     */
    public static void write(BufferedImage image, byte[] iccProfile, byte[] transparency, OutputStream out)
            throws IOException {
        write(image, iccProfile, transparency, PngCompression.PILLOW, out);
    }

    /**
     * As {@link #write(BufferedImage, byte[], byte[], OutputStream)}, the rows compressed as
     * {@code compression} says: {@link PngCompression#QUICK} deflates them at zlib's level 4 (the
     * JDK's Deflater), the rest of the file as Pillow writes it.
     */
    public static void write(BufferedImage image, byte[] iccProfile, byte[] transparency, PngCompression compression,
            OutputStream out) throws IOException {
        write(image, iccProfile, transparency, compression, NativeDeflate.available(), out);
    }

    /**
     * As {@link #write(BufferedImage, byte[], byte[], PngCompression, OutputStream)}, Pillow's level
     * through the system's zlib or the JDK's Deflater.
     */
    static void write(BufferedImage image, byte[] iccProfile, byte[] transparency, PngCompression compression,
            boolean systemZlib, OutputStream out) throws IOException {
        if (!writes(image)) {
            throw new IllegalArgumentException("not an 8-bit gray, gray with alpha, RGB or RGBA image: " + image);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int channels = image.getRaster().getNumBands();
        out.write(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8;
        header[9] = (byte) switch (channels) {
            case 1 -> 0;
            case 2 -> 4;
            case 3 -> 2;
            default -> 6;
        };
        chunk(out, "IHDR", header, 0, header.length);
        if (iccProfile != null) {
            ByteArrayOutputStream iccp = new ByteArrayOutputStream();
            iccp.write("ICC Profile".getBytes(StandardCharsets.ISO_8859_1));
            iccp.write(0); // the name's terminator
            iccp.write(0); // compression method: zlib
            iccp.write(zlibCompress(iccProfile));
            byte[] data = iccp.toByteArray();
            chunk(out, "iCCP", data, 0, data.length);
        }
        if (transparency != null
                && (channels == 1 && transparency.length == 2 || channels == 3 && transparency.length == 6)) {
            chunk(out, "tRNS", transparency, 0, transparency.length);
        }
        byte[] filtered = filtered(image, width, height, channels);
        byte[] stream = compressed(filtered, compression, systemZlib);
        int block = Math.max(MAX_BLOCK, 4 * width);
        for (int at = 0; at < stream.length; at += block) {
            chunk(out, "IDAT", stream, at, Math.min(block, stream.length - at));
        }
        chunk(out, "IEND", stream, 0, 0);
    }

    /** The filtered rows as one zlib stream: level 4 for {@code QUICK}, else Pillow's parameters. */
    private static byte[] compressed(byte[] filtered, PngCompression compression, boolean systemZlib) {
        if (compression == PngCompression.QUICK) {
            return javaZlib(filtered, QUICK_LEVEL, Deflater.FILTERED);
        }
        return systemZlib
                ? NativeDeflate.zlibStream(filtered, filtered.length, LEVEL, MEMORY_LEVEL, NativeDeflate.FILTERED)
                : javaZlib(filtered, LEVEL, Deflater.FILTERED);
    }

    /**
     * Each row behind its filter type, as ZipEncode.c filters it: by the native library for an
     * image of packed gray, RGB or RGBA samples, else by {@link #filtered(Raster, int, int, int)}.
     */
    static byte[] filtered(BufferedImage image, int width, int height, int bpp) {
        if (PixelLayout.of(image).isPresent() && NativePngFilter.available()) {
            byte[] out = new byte[(width * bpp + 1) * height];
            NativePngFilter.filter(PixelLayout.samples(image), width, height, bpp, out);
            return out;
        }
        return filtered(image.getRaster(), width, height, bpp);
    }

    /**
     * Each row behind its filter type, as ZipEncode.c filters it, in Java. A trial stops summing once its
     * sum reaches the best so far, as it can then no longer be kept: the choice is Pillow's, for
     * less work (the rows of a big thumbnail are most of its encode's time after zlib's).
     */
    static byte[] filtered(Raster raster, int width, int height, int bpp) {
        int rowBytes = width * bpp;
        byte[] out = new byte[(rowBytes + 1) * height];
        byte[] previous = new byte[rowBytes];
        byte[] row = new byte[rowBytes];
        byte[] candidate = new byte[rowBytes];
        for (int y = 0; y < height; y++) {
            CancelledException.checkInterrupt();
            raster.getDataElements(0, y, width, 1, row);
            int at = y * (rowBytes + 1);
            int filter = NONE;
            int sum = distance(row);
            System.arraycopy(row, 0, out, at + 1, rowBytes);
            for (int type : TRIED) {
                if (sum == 0) {
                    break; // a row of zeros, or one Up or Sub made all zeros: nothing beats it
                }
                int s = apply(type, row, previous, bpp, candidate, sum);
                if (s < sum) {
                    filter = type;
                    sum = s;
                    System.arraycopy(candidate, 0, out, at + 1, rowBytes);
                }
            }
            out[at] = (byte) filter;
            byte[] swap = previous;
            previous = row;
            row = swap;
        }
        return out;
    }

    /**
     * {@code row} through PNG filter {@code type} (Sub, Up or Paeth), given the row above, into
     * {@code into}; returns the sum of the filtered bytes' distances from zero, or any sum of at
     * least {@code best} once it gets there (the rest of {@code into} is then not written).
     */
    private static int apply(int type, byte[] row, byte[] previous, int bpp, byte[] into, int best) {
        return switch (type) {
            case SUB -> sub(row, bpp, into, best);
            case UP -> up(row, previous, into, best);
            default -> paeth(row, previous, bpp, into, best);
        };
    }

    private static int sub(byte[] row, int bpp, byte[] into, int best) {
        int sum = 0;
        int n = Math.min(bpp, row.length);
        for (int i = 0; i < n; i++) {
            into[i] = row[i];
            sum += Math.abs(row[i]);
        }
        for (int from = n; from < row.length && sum < best; from += STRETCH) {
            int to = Math.min(row.length, from + STRETCH);
            for (int i = from; i < to; i++) {
                byte b = (byte) (row[i] - row[i - bpp]);
                into[i] = b;
                sum += Math.abs(b);
            }
        }
        return sum;
    }

    private static int up(byte[] row, byte[] previous, byte[] into, int best) {
        int sum = 0;
        for (int from = 0; from < row.length && sum < best; from += STRETCH) {
            int to = Math.min(row.length, from + STRETCH);
            for (int i = from; i < to; i++) {
                byte b = (byte) (row[i] - previous[i]);
                into[i] = b;
                sum += Math.abs(b);
            }
        }
        return sum;
    }

    private static int paeth(byte[] row, byte[] previous, int bpp, byte[] into, int best) {
        int sum = 0;
        int n = Math.min(bpp, row.length);
        for (int i = 0; i < n; i++) {
            byte b = (byte) (row[i] - previous[i]); // no left neighbours: Paeth predicts the byte above
            into[i] = b;
            sum += Math.abs(b);
        }
        for (int from = n; from < row.length && sum < best; from += STRETCH) {
            int to = Math.min(row.length, from + STRETCH);
            for (int i = from; i < to; i++) {
                int a = row[i - bpp] & 0xFF;
                int b = previous[i] & 0xFF;
                int c = previous[i - bpp] & 0xFF;
                int pa = Math.abs(b - c);
                int pb = Math.abs(a - c);
                int pc = Math.abs(a + b - 2 * c);
                int predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                byte d = (byte) (row[i] - predictor);
                into[i] = d;
                sum += Math.abs(d);
            }
        }
        return sum;
    }

    /** The sum of each byte's distance from zero, a byte read as signed: 200 counts 56. */
    private static int distance(byte[] bytes) {
        int sum = 0;
        for (byte b : bytes) {
            sum += Math.abs(b);
        }
        return sum;
    }

    /** {@code data} as Python's {@code zlib.compress(data)} gives it (an iCCP chunk's profile): the default level. */
    static byte[] zlibCompress(byte[] data) {
        return javaZlib(data, Deflater.DEFAULT_COMPRESSION, Deflater.DEFAULT_STRATEGY);
    }

    private static byte[] javaZlib(byte[] data, int level, int strategy) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setStrategy(strategy);
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                CancelledException.checkInterrupt();
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data, int offset, int length) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, head, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, offset, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(head);
        out.write(data, offset, length);
        out.write(tail);
    }

    private static void putInt(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
    }
}
