package org.parathumb.core.image.jpeg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.parathumb.core.image.PixelLayout;

/**
 * A pure-Java decoder for baseline JPEGs at 1/2, 1/4 or 1/8 of their size, as libjpeg's DCT
 * scaling does: every block is entropy-decoded, but only the coefficients the scale needs are
 * kept and only a small inverse DCT runs (none at all for 1/8: a block's DC coefficient is its
 * mean). Each component is reconstructed straight at the output size (a 4:2:0 chroma block gives
 * 2x2 samples at 1/8), then YCbCr turns into RGB with libjpeg's integer tables. The work is
 * split by stage: {@link JpegHeaders} (headers, unstuffing), {@link EntropyScan} with its
 * {@link BitReader}, {@link ReducedIdct}, and {@link YCbCrColour}.
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

    private static final long MAX_FILE = Integer.MAX_VALUE - 64;
    private static final long MAX_PIXELS = 1L << 28;

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

        Frame(byte[] data) {
            this.data = data;
        }

        byte[] data() {
            return data;
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
            if (buffer.length < length + JpegHeaders.PAD || buffer.length > 2L * (length + JpegHeaders.PAD) + (1 << 20)) {
                buffer = null;
                buffer = new byte[length + JpegHeaders.PAD];
            }
            ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
            while (target.hasRemaining()) {
                if (channel.read(target) < 0) {
                    break;
                }
            }
            return JpegHeaders.parse(buffer, target.position());
        }
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
        new EntropyScan(f, planes, widths, nx, ny).run(blocksX, blocksY);
        int outWidth = (f.width + scale - 1) / scale;
        int outHeight = (f.height + scale - 1) / scale;
        BufferedImage image = frame.layout().create(outWidth, outHeight);
        byte[] out = PixelLayout.samples(image);
        if (f.count == 1) {
            for (int y = 0; y < outHeight; y++) {
                System.arraycopy(planes[0], y * widths[0], out, y * outWidth, outWidth);
            }
        } else {
            YCbCrColour.toRgb(planes, widths, shiftX, shiftY, out, outWidth, outHeight);
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
}
