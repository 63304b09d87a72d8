package org.parathumb.core.image.pixels;

/**
 * Reusable working buffers for one thread: one {@code byte[]} for decoded pixels,
 * {@code int[]}s in numbered slots for kernels and one {@code short[]} for the native kernel's rows.
 * A buffer is reused for anything it is big enough for, smaller images included: a new array is
 * memory the heap has not touched yet (no collection runs between the images of a batch), so each
 * one costs a page fault per 4 KB and the array's zeroing, and so did every image that was smaller
 * than the last (real PNG folder: 139 MB of new arrays for 22 images). What the buffers hold is
 * {@link #heapBytes()}: the batch asks the memory budget to keep that much between images, and
 * drops the buffers when it may not. A cancel does not wait for a big one to be made
 * ({@link BigArrays}). Not thread-safe: give each thread its own.
 */
public final class Scratch {

    private int[][] ints = new int[4][];
    private byte[] bytes;
    private short[] shorts;
    private final java.nio.ByteBuffer[] direct = new java.nio.ByteBuffer[2];
    private Scratch helper;

    /**
     * A byte buffer of at least {@code size} bytes; its contents are undefined.
     *
     * @throws org.parathumb.core.image.CancelledException if the thread is interrupted while a big one is made
     */
    public byte[] bytes(int size) {
        if (!fits(bytes == null ? -1 : bytes.length, size)) {
            bytes = null;
            bytes = BigArrays.bytes(size);
        }
        return bytes;
    }

    /**
     * A direct byte buffer of at least {@code size} bytes, cleared; native code reads it in place.
     * Unlike the others it is not dropped for a smaller size: it holds a file, not an image.
     */
    public java.nio.ByteBuffer direct(int size) {
        return direct(0, size);
    }

    /**
     * A direct byte buffer of at least {@code size} bytes in {@code slot} (0 holds a file, see
     * {@link #direct(int)}; 1 a native decoder's working memory), cleared, contents undefined. Not
     * dropped for a smaller size either: memory native code works in is faulted in once per thread,
     * not once per image.
     */
    public java.nio.ByteBuffer direct(int slot, int size) {
        if (direct[slot] == null || direct[slot].capacity() < size) {
            direct[slot] = null;
            direct[slot] = java.nio.ByteBuffer.allocateDirect(Math.max(size, 1 << 20));
        }
        return direct[slot].clear();
    }

    /** A short buffer of at least {@code size} shorts; its contents are undefined. */
    public short[] shorts(int size) {
        if (!fits(shorts == null ? -1 : shorts.length, size)) {
            shorts = null;
            shorts = new short[size];
        }
        return shorts;
    }

    /** An int buffer of at least {@code size} ints in {@code slot}; its contents are undefined. */
    public int[] ints(int slot, int size) {
        if (slot >= ints.length) {
            ints = java.util.Arrays.copyOf(ints, Math.max(slot + 1, 2 * ints.length));
        }
        int[] buffer = ints[slot];
        if (!fits(buffer == null ? -1 : buffer.length, size)) {
            ints[slot] = null;
            buffer = BigArrays.ints(size);
            ints[slot] = buffer;
        }
        return buffer;
    }

    private static boolean fits(int length, int size) {
        return length >= size;
    }

    /**
     * The buffers of the thread that shares this thread's image (the lower half of a blur split in
     * two): its own, since neither is thread-safe, kept with these. The owner hands them over for
     * the helper's run and waits for its end before it touches them again.
     */
    public Scratch helper() {
        if (helper == null) {
            helper = new Scratch();
        }
        return helper;
    }

    /** The heap bytes the arrays hold, the helper's included (the direct buffers, outside the heap, are not). */
    public long heapBytes() {
        long held = helper == null ? 0 : helper.heapBytes();
        held += bytes == null ? 0 : bytes.length;
        held += shorts == null ? 0 : 2L * shorts.length;
        for (int[] slot : ints) {
            held += slot == null ? 0 : 4L * slot.length;
        }
        return held;
    }
}
