package org.parathumb.core.image.pillow;

import java.awt.image.BufferedImage;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFilter;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pixels.LayoutConversion;
import org.parathumb.core.image.pixels.Scratch;

/**
 * Pillow's {@code ImageFilter.GaussianBlur(radius)}, exactly: three {@link ExtendedBox} passes
 * along each row, then three down each column, every pass rounded to 8 bits, edges replicated,
 * RGBA blurred without premultiplying (BoxBlur.c).
 *
 * <p>The image streams through once: each source row gets its three horizontal passes while it
 * is in cache, and the vertical passes run row by row over small rings of rows (the few rows
 * each pass needs), so no full-size intermediate image exists. Output row {@code y} is written
 * only after source row {@code y} was read, which lets {@link #blurInto} work in place. Boxes up
 * to {@link BlurStream#MAX_RADIUS} (Gaussian radius 2 and its neighbours) go through
 * {@link BlurStream}, whose lane layout lets HotSpot vectorise every pass; wider ones use the
 * running-sum loops here, which also serve as the reference the stream is tested against.
 */
public final class PillowGaussianBlur implements ImageFilter {

    private static final int CANCEL_CHECK_ROWS = 32;
    private static final int PADDED_A = 0;
    private static final int PADDED_B = 1;
    private static final int RINGS = 2;
    private static final int ACCUMULATORS = 3;

    private final double radius;
    private final ExtendedBox box;

    public PillowGaussianBlur(double radius) {
        if (!(radius >= 0 && radius <= ThumbnailSpec.MAX_BLUR_RADIUS)) {
            throw new IllegalArgumentException(
                    "blur radius must be between 0 and " + ThumbnailSpec.MAX_BLUR_RADIUS + ", got " + radius);
        }
        this.radius = radius;
        this.box = ExtendedBox.forGaussianRadius(radius);
    }

    public double radius() {
        return radius;
    }

    public ExtendedBox box() {
        return box;
    }

    /** A new scratch space for {@link #blurInto}, to be reused by one thread. */
    public static Scratch newScratch() {
        return new Scratch();
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        BufferedImage source = LayoutConversion.toLayout(image);
        PixelLayout layout = PixelLayout.of(source).orElseThrow();
        BufferedImage out = layout.create(source.getWidth(), source.getHeight());
        blurInto(source, out, newScratch());
        return out;
    }

    /**
     * Blurs {@code source} into {@code target}, which has the same size and {@link PixelLayout}
     * and may be {@code source} itself.
     */
    public void blurInto(BufferedImage source, BufferedImage target, Scratch scratch) {
        PixelLayout layout = PixelLayout.of(source)
                .orElseThrow(() -> new IllegalArgumentException("source is not in a PixelLayout"));
        if (PixelLayout.of(target).orElse(null) != layout
                || target.getWidth() != source.getWidth() || target.getHeight() != source.getHeight()) {
            throw new IllegalArgumentException("target must have the source's size and layout");
        }
        byte[] src = PixelLayout.samples(source);
        byte[] dst = PixelLayout.samples(target);
        if (box.isIdentity()) {
            if (src != dst) {
                System.arraycopy(src, 0, dst, 0, source.getWidth() * source.getHeight() * layout.channels());
            }
            return;
        }
        int width = source.getWidth();
        int height = source.getHeight();
        int channels = layout.channels();
        if (BlurStream.supports(box)) {
            BlurStream stream = new BlurStream(box, width, height, channels, scratch, BlurStream.into(dst));
            int n = width * channels;
            for (int y = 0; y < height; y++) {
                stream.push(src, y * n);
            }
            return;
        }
        blurByRunningSums(src, dst, width, height, channels, scratch);
    }

    /**
     * The reference loops: Pillow's running sums over padded int rows, vertical passes over rings
     * of rows. Used for boxes too wide to stream ({@link BlurStream#supports}), and by tests as the
     * reference the streamed blur must equal.
     */
    public void blurByRunningSums(byte[] src, byte[] dst, int width, int height, int channels, Scratch scratch) {
        new Run(src, dst, width, height, channels, scratch).blur();
    }

    /** The state of one blur: the padded row buffers and, per vertical pass, its ring of input rows. */
    private final class Run {
        private final byte[] src;
        private final byte[] dst;
        private final int height;
        private final int channels;
        private final int n;
        private final int r;
        private final int ww;
        private final int fw;
        private final int pad;
        private final int ringRows;
        private final int[] rowA;
        private final int[] rowB;
        /** rings[level] holds level's rows; level 0 is horizontally blurred, 1 and 2 after 1 or 2 vertical passes. */
        private final int[] rings;
        private final int[] accumulators;
        private final int[] produced = new int[ExtendedBox.PASSES + 1];

        Run(byte[] src, byte[] dst, int width, int height, int channels, Scratch scratch) {
            this.src = src;
            this.dst = dst;
            this.height = height;
            this.channels = channels;
            this.n = width * channels;
            this.r = box.radius();
            this.ww = box.innerWeight();
            this.fw = box.edgeWeight();
            this.pad = (r + 1) * channels;
            this.ringRows = Math.min(2 * r + 3, height);
            int paddedLength = Math.addExact(n, 2 * pad);
            this.rowA = scratch.ints(PADDED_A, paddedLength);
            this.rowB = scratch.ints(PADDED_B, paddedLength);
            this.rings = scratch.ints(RINGS, Math.multiplyExact(Math.multiplyExact(ExtendedBox.PASSES, ringRows), n));
            this.accumulators = scratch.ints(ACCUMULATORS, Math.multiplyExact(ExtendedBox.PASSES, n));
        }

        void blur() {
            for (int y = 0; y < height; y++) {
                if (y % CANCEL_CHECK_ROWS == 0) {
                    CancelledException.checkInterrupt();
                }
                ensure(ExtendedBox.PASSES, y);
            }
        }

        /** Makes sure rows up to {@code last} of {@code level} exist (level 3 is the output). */
        private void ensure(int level, int last) {
            while (produced[level] <= last) {
                int y = produced[level];
                if (level == 0) {
                    horizontal(y);
                } else {
                    ensure(level - 1, Math.min(height - 1, y + r + 1));
                    vertical(level, y);
                }
                produced[level]++;
            }
        }

        private int ringOffset(int level, int row) {
            return (level * ringRows + row % ringRows) * n;
        }

        private int clampRow(int row) {
            return row < 0 ? 0 : Math.min(row, height - 1);
        }

        private void horizontal(int y) {
            int base = y * n;
            for (int i = 0; i < n; i++) {
                rowA[pad + i] = src[base + i] & 0xFF;
            }
            replicateEdges(rowA);
            horizontalPass(rowA, rowB, pad);
            replicateEdges(rowB);
            horizontalPass(rowB, rowA, pad);
            replicateEdges(rowA);
            horizontalPass(rowA, rings, ringOffset(0, y));
        }

        private void replicateEdges(int[] row) {
            int last = pad + n - channels;
            for (int c = 0; c < channels; c++) {
                int first = row[pad + c];
                int end = row[last + c];
                for (int p = c; p < pad; p += channels) {
                    row[p] = first;
                    row[pad + n + p] = end;
                }
            }
        }

        /** One horizontal pass from a padded row into {@code out} at {@code offset}. */
        private void horizontalPass(int[] in, int[] out, int offset) {
            int c = channels;
            if (r == 1) {
                int c2 = 2 * c;
                for (int i = 0, p = pad; i < n; i++, p++) {
                    out[offset + i] = (ww * (in[p - c] + in[p] + in[p + c])
                            + fw * (in[p - c2] + in[p + c2]) + ExtendedBox.HALF) >>> 24;
                }
                return;
            }
            int near = r * c;
            int far = (r + 1) * c;
            for (int ch = 0; ch < c; ch++) {
                int acc = 0;
                for (int p = pad + ch - near; p <= pad + ch + near; p += c) {
                    acc += in[p];
                }
                for (int i = ch, p = pad + ch; i < n; i += c, p += c) {
                    int left = in[p - far];
                    int right = in[p + far];
                    out[offset + i] = (acc * ww + (left + right) * fw + ExtendedBox.HALF) >>> 24;
                    acc += right - in[p - near];
                }
            }
        }

        /** One vertical pass: row {@code y} of {@code level} from the ring of {@code level - 1}. */
        private void vertical(int level, int y) {
            int[] in = rings;
            boolean last = level == ExtendedBox.PASSES;
            int outOffset = last ? y * n : ringOffset(level, y);
            int below = level - 1;
            if (r == 1) {
                int m2 = ringOffset(below, clampRow(y - 2));
                int m1 = ringOffset(below, clampRow(y - 1));
                int z = ringOffset(below, y);
                int p1 = ringOffset(below, clampRow(y + 1));
                int p2 = ringOffset(below, clampRow(y + 2));
                if (last) {
                    for (int i = 0; i < n; i++) {
                        dst[outOffset + i] = (byte) ((ww * (in[m1 + i] + in[z + i] + in[p1 + i])
                                + fw * (in[m2 + i] + in[p2 + i]) + ExtendedBox.HALF) >>> 24);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        in[outOffset + i] = (ww * (in[m1 + i] + in[z + i] + in[p1 + i])
                                + fw * (in[m2 + i] + in[p2 + i]) + ExtendedBox.HALF) >>> 24;
                    }
                }
                return;
            }
            int[] acc = accumulators;
            int a = below * n;
            if (y == 0) {
                for (int i = 0; i < n; i++) {
                    acc[a + i] = 0;
                }
                for (int t = -r; t <= r; t++) {
                    int row = ringOffset(below, clampRow(t));
                    for (int i = 0; i < n; i++) {
                        acc[a + i] += in[row + i];
                    }
                }
            } else {
                int add = ringOffset(below, clampRow(y + r));
                int sub = ringOffset(below, clampRow(y - r - 1));
                for (int i = 0; i < n; i++) {
                    acc[a + i] += in[add + i] - in[sub + i];
                }
            }
            int left = ringOffset(below, clampRow(y - r - 1));
            int right = ringOffset(below, clampRow(y + r + 1));
            for (int i = 0; i < n; i++) {
                int value = (acc[a + i] * ww + (in[left + i] + in[right + i]) * fw + ExtendedBox.HALF) >>> 24;
                if (last) {
                    dst[outOffset + i] = (byte) value;
                } else {
                    in[outOffset + i] = value;
                }
            }
        }
    }
}
