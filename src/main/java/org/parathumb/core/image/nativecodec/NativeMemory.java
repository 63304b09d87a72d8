package org.parathumb.core.image.nativecodec;

/**
 * Whether the memory the native decoders free at the end of an image is kept for the next one
 * (decision 0017). Loading the native library asks glibc to serve blocks of up to 32 MB from the
 * thread's arena and to keep up to 64 MB free at an arena's top, instead of unmapping them: a
 * progressive JPEG's decoder mallocs every coefficient of its image (tens of MB) and frees them at
 * the end, and with glibc's defaults the next image on the thread faulted that memory in again,
 * page by page. Not asked when the user's environment tunes malloc itself
 * ({@code GLIBC_TUNABLES}, {@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_}), nor
 * off glibc.
 */
public final class NativeMemory {

    private NativeMemory() {
    }

    /** True when glibc keeps what the decoders free for the next image (see the class comment). */
    public static boolean keepsFreedMemory() {
        return NativeLibrary.loaded() && keepsFreedMemory0();
    }

    private static native boolean keepsFreedMemory0();
}
