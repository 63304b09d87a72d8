/*
 * Where the native decoders' working memory goes between images (decision 0017). A progressive
 * JPEG's decoder holds every DCT coefficient of the image (libjpeg's whole-image arrays, 2 bytes a
 * sample: 20 to 90 MB for a wallpaper), mallocs it per image and frees it at the end. glibc's
 * defaults give most of it back to the system (a block past the sliding mmap threshold is
 * unmapped when freed, an arena's top past twice that threshold is trimmed), so the next image on
 * the thread faults it in again, page by page, while libjpeg zeroes it: 16 to 26 MB a progressive
 * wallpaper, a third to over half of its time in the fast pipeline. Two settings keep it in the
 * thread's arena for the next image instead: blocks up to 32 MB (glibc's ceiling) come from the
 * arena, and an arena keeps up to 64 MB free at its top, which is what a thread that decodes may
 * hold between images. Someone who tunes malloc themselves (GLIBC_TUNABLES or the MALLOC_*_
 * variables) keeps their settings. Off glibc this does nothing.
 */
#include <stdlib.h>
#include <string.h>
#include "parathumb_native.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/* Largest block the arenas serve and the free top an arena keeps; 32 MB is glibc's maximum. */
#define KEPT_BLOCK (32 << 20)
#define KEPT_TOP (64 << 20)

static int keeps_freed_memory;

#if defined(__GLIBC__)
static int user_tunes_malloc(void) {
    const char *tunables = getenv("GLIBC_TUNABLES");
    return getenv("MALLOC_MMAP_THRESHOLD_") != NULL || getenv("MALLOC_TRIM_THRESHOLD_") != NULL
            || (tunables != NULL && (strstr(tunables, "malloc.mmap_threshold") != NULL
                    || strstr(tunables, "malloc.trim_threshold") != NULL));
}
#endif

void parathumb_keep_freed_memory(void) {
#if defined(__GLIBC__)
    /* Both or neither: setting one turns off glibc's sliding threshold, and alone either faults more. */
    if (!user_tunes_malloc() && mallopt(M_MMAP_THRESHOLD, KEPT_BLOCK) == 1) {
        keeps_freed_memory = mallopt(M_TRIM_THRESHOLD, KEPT_TOP) == 1;
    }
#endif
}

static jboolean JNICALL native_keepsFreedMemory(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return keeps_freed_memory ? JNI_TRUE : JNI_FALSE;
}

int parathumb_register_memory(JNIEnv *env) {
    static const JNINativeMethod methods[] = {
        {"keepsFreedMemory0", "()Z", (void *) native_keepsFreedMemory},
    };
    return parathumb_register(env, "NativeMemory", methods, (int) (sizeof methods / sizeof methods[0]));
}
