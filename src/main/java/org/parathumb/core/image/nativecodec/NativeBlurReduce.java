package org.parathumb.core.image.nativecodec;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.pillow.ExtendedBox;
import org.parathumb.core.image.pillow.ReducingSink;
import org.parathumb.core.image.pixels.Scratch;

/**
 * The faithful pipeline's hot loop in native code: Pillow's GaussianBlur(2) and the thumbnail's
 * integer reduce on an opaque 8-bit gray or RGB image, vectorised with AVX-512 or AVX2
 * ({@code src/main/native/blur_reduce.c}, decision record 0009). It gives the same bytes as
 * {@link org.parathumb.core.image.pillow.BlurStream} into a {@link ReducingSink}, in about half the time.
 * The same passes blur any image of 1 to 4 channels in place ({@link #blurInPlace}), RGBA
 * premultiplied on the way as Pillow's resize needs it; the reduce runs alone too ({@link #reduce}).
 *
 * <p>Optional by design: it runs only where {@link NativeLibrary#available()}; anywhere else
 * {@link NativeLibrary#status()} says why, and the pure-Java stream runs.
 */
public final class NativeBlurReduce {

    /** The only box the kernel knows: Pillow's for GaussianBlur(2). */
    public static final ExtendedBox BOX = new ExtendedBox(1, 4473924, 1677722);

    /** Source rows per native call; the interrupt is checked between calls. */
    private static final int BAND = 128;

    /** The rows past a band's edge that the kernel's three column passes read (two each). */
    private static final int HALO = 6;

    /** The fewest rows whose blur is split between two threads when a core is lent. */
    static final int SPLIT_FROM_ROWS = 256;

    private NativeBlurReduce() {
    }

    /** True when the kernel can blur and reduce an image of {@code channels} with {@code box}. */
    public static boolean supports(ExtendedBox box, int channels) {
        return BOX.equals(box) && (channels == 1 || channels == 3);
    }

    /**
     * Blurs {@code samples} ({@code width x height}, {@code channels} interleaved) with
     * {@link #BOX} and box-reduces the result by {@code factorX x factorY}; returns the reduced
     * samples, as {@link ReducingSink#samples()} would. Checks the interrupt every {@value #BAND}
     * rows.
     *
     * @throws IllegalStateException if the kernel is not {@link NativeLibrary#available()}
     */
    public static byte[] blurAndReduce(byte[] samples, int width, int height, int channels, int factorX, int factorY,
            Scratch scratch) {
        return blurAndReduce(samples, width, height, channels, factorX, factorY, scratch, 1);
    }

    /**
     * As {@link #blurAndReduce(byte[], int, int, int, int, int, Scratch)}; with {@code threads} 2
     * and at least {@value #SPLIT_FROM_ROWS} rows, a second thread blurs and reduces the lower half
     * (same bytes).
     */
    public static byte[] blurAndReduce(byte[] samples, int width, int height, int channels, int factorX, int factorY,
            Scratch scratch, int threads) {
        if (!NativeLibrary.available()) {
            throw new IllegalStateException("the native kernel is not loaded: " + NativeLibrary.status());
        }
        return blurAndReduce(samples, width, height, channels, factorX, factorY, scratch, NativeLibrary.kernel(),
                threads);
    }

    /**
     * Box-reduces {@code samples} ({@code width x height}, 1 to 4 channels interleaved, alpha as
     * it is; may be longer) by {@code factorX x factorY} without blurring them: the samples Pillow's
     * {@code reduce()} gives, as {@link org.parathumb.core.image.pillow.BoxReduce} computes them,
     * in one pass over the image. The fast pipeline's step for an image decoded at full size.
     * Checks the interrupt every {@value #BAND} rows.
     *
     * @throws IllegalStateException if the kernel is not {@link NativeLibrary#available()}
     */
    public static byte[] reduce(byte[] samples, int width, int height, int channels, int factorX, int factorY,
            Scratch scratch) {
        if (!NativeLibrary.available()) {
            throw new IllegalStateException("the native kernel is not loaded: " + NativeLibrary.status());
        }
        if (channels < 1 || channels > 4 || factorX < 1 || factorY < 1 || width < 1 || height < 1) {
            throw new IllegalArgumentException("unsupported image: " + width + "x" + height + "x" + channels
                    + " reduced by " + factorX + "x" + factorY);
        }
        int n = Math.multiplyExact(width, channels);
        if ((long) n * height > samples.length) {
            throw new IllegalArgumentException("samples hold fewer than " + width + "x" + height + "x" + channels);
        }
        int[] sums = Bands.zeroed(scratch.ints(0, n), n);
        int[] blocks = new int[Math.multiplyExact(Math.multiplyExact((height + factorY - 1) / factorY,
                (width + factorX - 1) / factorX), channels)];
        for (int y = 0; y < height; y += BAND) {
            CancelledException.checkInterrupt();
            if (reduceRows(samples, width, height, channels, factorX, factorY, y, Math.min(height, y + BAND), sums,
                    blocks) != 0) {
                throw new IllegalStateException("the native reduce refused its arguments");
            }
        }
        return rounded(blocks, width, height, channels, factorX, factorY);
    }

    /**
     * Blurs {@code samples} ({@code width x height}, 1 to 4 channels interleaved) with {@link #BOX}
     * in place, as {@link org.parathumb.core.image.pillow.PillowGaussianBlur} does (RGBA without
     * premultiplying, as Pillow's BoxBlur.c), and with {@code premultiply} (RGBA only) turns the
     * blurred rows into Pillow's "RGBa" on the way, as its resize would next. Checks the interrupt
     * every {@value #BAND} rows.
     *
     * @throws IllegalStateException if the kernel is not {@link NativeLibrary#available()}
     */
    public static void blurInPlace(byte[] samples, int width, int height, int channels, boolean premultiply,
            Scratch scratch) {
        blurInPlace(samples, width, height, channels, premultiply, scratch, 1);
    }

    /**
     * As {@link #blurInPlace(byte[], int, int, int, boolean, Scratch)}; with {@code threads} 2 and
     * at least {@value #SPLIT_FROM_ROWS} rows, a second thread blurs the lower half (same bytes).
     */
    public static void blurInPlace(byte[] samples, int width, int height, int channels, boolean premultiply,
            Scratch scratch, int threads) {
        if (!NativeLibrary.available()) {
            throw new IllegalStateException("the native kernel is not loaded: " + NativeLibrary.status());
        }
        blurInPlace(samples, width, height, channels, premultiply, scratch, NativeLibrary.kernel(), threads);
    }

    /** As {@link #blurInPlace(byte[], int, int, int, boolean, Scratch, int)}, with the given kernel. */
    static void blurInPlace(byte[] samples, int width, int height, int channels, boolean premultiply,
            Scratch scratch, int kernel, int threads) {
        if (channels < 1 || channels > 4 || premultiply && channels != 4 || width < 1 || height < 1) {
            throw new IllegalArgumentException("unsupported image: " + width + "x" + height + "x" + channels
                    + (premultiply ? " premultiplied" : ""));
        }
        int n = Math.multiplyExact(width, channels);
        if ((long) n * height > samples.length) {
            throw new IllegalArgumentException("samples hold fewer than " + width + "x" + height + "x" + channels);
        }
        int ringsLength = ringsLength(width, channels);
        if (ringsLength < 0) {
            throw new IllegalArgumentException("rows of " + width + " pixels are too long for the native kernel");
        }
        new Bands(samples, samples, width, height, channels, 1, 1, new int[0],
                premultiply ? IN_PLACE_PREMULTIPLIED : IN_PLACE, kernel, ringsLength).run(scratch, threads);
    }

    /** The kernels this CPU runs, widest last; empty when the library is not loaded. */
    static List<Integer> kernels() {
        if (!NativeLibrary.available()) {
            return List.of();
        }
        int bits = kernels0();
        return IntStream.of(NativeLibrary.AVX2, NativeLibrary.AVX512).filter(k -> (bits & 1 << k) != 0).boxed()
                .toList();
    }

    /** As {@link #blurAndReduce(byte[], int, int, int, int, int, Scratch, int)}, with the given kernel. */
    static byte[] blurAndReduce(byte[] samples, int width, int height, int channels, int factorX, int factorY,
            Scratch scratch, int kernel, int threads) {
        if (!(channels == 1 || channels == 3) || factorX < 1 || factorY < 1 || width < 1 || height < 1) {
            throw new IllegalArgumentException("unsupported image: " + width + "x" + height + "x" + channels
                    + " reduced by " + factorX + "x" + factorY);
        }
        int n = Math.multiplyExact(width, channels);
        if ((long) n * height > samples.length) {
            throw new IllegalArgumentException("samples hold fewer than " + width + "x" + height + "x" + channels);
        }
        int outWidth = (width + factorX - 1) / factorX;
        int outHeight = (height + factorY - 1) / factorY;
        int ringsLength = ringsLength(width, channels);
        if (ringsLength < 0) {
            throw new IllegalArgumentException("rows of " + width + " pixels are too long for the native kernel");
        }
        int[] blocks = new int[Math.multiplyExact(Math.multiplyExact(outWidth, outHeight), channels)];
        new Bands(samples, null, width, height, channels, factorX, factorY, blocks, REDUCE, kernel, ringsLength)
                .run(scratch, threads);
        return rounded(blocks, width, height, channels, factorX, factorY);
    }

    /**
     * One image's blur through the kernel, {@value #BAND} source rows a call with the interrupt
     * checked between calls, on the calling thread alone or split in two at a row near the middle
     * (a multiple of the reduce's factor): the caller blurs the rows above it, a helper thread those
     * below. Each half has its own rings and sums; the kernel's column passes read {@value #HALO}
     * rows past a half's edge, which are copied aside first, since blurring in place overwrites
     * them. The helper stops at its next band when the caller is interrupted or fails, and the call
     * returns only once it has ended. The lower half's block sums go into their own array, added
     * in after; in place, the halves write disjoint rows of the image, which both threads hold
     * through JNI's critical access (HotSpot pins the array, it never copies it).
     */
    private record Bands(byte[] samples, byte[] out, int width, int height, int channels, int factorX, int factorY,
            int[] blocks, int mode, int kernel, int ringsLength) {

        void run(Scratch scratch, int threads) {
            int n = width * channels;
            int split = threads > 1 ? splitRow(height, factorY) : -1;
            if (split < 0) {
                alone(scratch);
                return;
            }
            byte[] halo = Arrays.copyOfRange(samples, (split - HALO) * n, (split + HALO) * n);
            Scratch helperScratch = scratch.helper();
            short[] helperRings = helperScratch.shorts(ringsLength);
            int[] helperSums = zeroed(helperScratch.ints(0, n), n);
            int[] helperBlocks = mode == REDUCE ? new int[blocks.length] : blocks;
            Thread caller = Thread.currentThread();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread helper = new Thread(() -> {
                try {
                    int[] done = {split - HALO, split - HALO + 2, split - 2, split};
                    call(halo, 0, split - HALO, split, helperRings, helperSums, helperBlocks, done);
                    rows(samples, split * n, split, height, helperRings, helperSums, helperBlocks, done,
                            () -> stop.get() || caller.isInterrupted());
                } catch (RuntimeException | Error e) {
                    failure.set(e);
                }
            }, caller.getName() + " (lower half)");
            helper.setDaemon(true);
            try {
                helper.start();
            } catch (OutOfMemoryError e) {
                alone(scratch); // no thread to be had: the image is blurred all the same, on one
                return;
            }
            try {
                int[] done = new int[4];
                short[] rings = scratch.shorts(ringsLength);
                int[] sums = zeroed(scratch.ints(0, n), n);
                rows(samples, 0, 0, split, rings, sums, blocks, done, null);
                call(halo, HALO * n, split, split + HALO, rings, sums, blocks, done);
            } catch (RuntimeException | Error e) {
                stop.set(true); // a cancel, or the kernel refused: the lower half is not wanted either
                throw e;
            } finally {
                joinUninterruptibly(helper, stop);
            }
            if (failure.get() instanceof RuntimeException e) {
                throw e;
            }
            if (failure.get() instanceof Error e) {
                throw e;
            }
            CancelledException.checkInterrupt(); // the helper may have stopped short for it
            if (mode == REDUCE) {
                for (int i = split / factorY * ((width + factorX - 1) / factorX) * channels; i < blocks.length; i++) {
                    blocks[i] += helperBlocks[i];
                }
            }
        }

        /** The whole image on the calling thread. */
        private void alone(Scratch scratch) {
            int n = width * channels;
            rows(samples, 0, 0, height, scratch.shorts(ringsLength), zeroed(scratch.ints(0, n), n), blocks, new int[4],
                    null);
        }

        /** Source rows [from, to), in calls of BAND rows; checks the interrupt, or {@code stopped}, before each. */
        private void rows(byte[] rows, int offset, int from, int to, short[] rings, int[] sums, int[] sink,
                int[] done, BooleanSupplier stopped) {
            int n = width * channels;
            for (int y = from; y < to; y += BAND) {
                if (stopped == null) {
                    CancelledException.checkInterrupt();
                } else if (stopped.getAsBoolean()) {
                    return;
                }
                call(rows, offset + (y - from) * n, y, Math.min(to, y + BAND), rings, sums, sink, done);
            }
        }

        private void call(byte[] rows, int offset, int from, int to, short[] rings, int[] sums, int[] sink,
                int[] done) {
            if (blurRows(rows, offset, out, width, height, channels, factorX, factorY, from, to, rings, sums, sink,
                    done, kernel, mode) != 0) {
                throw new IllegalStateException("the native kernel refused its arguments");
            }
        }

        private static int[] zeroed(int[] sums, int n) {
            Arrays.fill(sums, 0, n, 0);
            return sums;
        }
    }

    /**
     * Where an image of {@code height} rows splits for two threads: the multiple of {@code factorY}
     * nearest below the middle, or -1 when the image is too short to be worth it.
     */
    static int splitRow(int height, int factorY) {
        if (height < SPLIT_FROM_ROWS) {
            return -1;
        }
        int split = height / 2 / factorY * factorY;
        return split - HALO >= 0 && split + HALO + 2 < height ? split : -1;
    }

    /** Waits for {@code thread}; an interrupt meanwhile (which join clears) sets {@code stop}, and is kept. */
    private static void joinUninterruptibly(Thread thread, AtomicBoolean stop) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                stop.set(true);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reduced samples from the kernel's block sums, rounded as Reduce.c does. */
    static byte[] rounded(int[] blocks, int width, int height, int channels, int factorX, int factorY) {
        byte[] out = new byte[blocks.length];
        int rowLength = (width + factorX - 1) / factorX * channels;
        for (int oy = 0, blockRows = (height + factorY - 1) / factorY; oy < blockRows; oy++) {
            int rows = Math.min(factorY, height - oy * factorY);
            ReducingSink.roundBlockRow(blocks, oy * rowLength, width, factorX, rows, channels, out, oy * rowLength);
        }
        return out;
    }

    /** A bit per kernel the CPU runs: {@code 1 << NativeLibrary.AVX2}, {@code 1 << NativeLibrary.AVX512}. */
    static native int kernels0();

    static native String kernelName(int kernel);

    /** The shorts rows of {@code width} pixels need for their rings, or -1 if too many. */
    private static native int ringsLength(int width, int channels);

    /** Adds source rows [from, to) into the column sums, and those into block sums every factorY rows (blur_reduce.c). */
    private static native int reduceRows(byte[] samples, int width, int height, int channels, int factorX,
            int factorY, int from, int to, int[] sums, int[] blocks);

    /** blurRows' modes: block sums for the reduce, rows written back, rows written back premultiplied. */
    private static final int REDUCE = 0;
    private static final int IN_PLACE = 1;
    private static final int IN_PLACE_PREMULTIPLIED = 2;

    private static native int blurRows(byte[] rows, int offset, byte[] image, int width, int height, int channels,
            int factorX, int factorY, int from, int to, short[] rings, int[] sums, int[] blocks, int[] done,
            int kernel, int mode);
}
