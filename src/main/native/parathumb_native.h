/*
 * What every C file of the native library shares: JNI, dlopen at glibc 2.17's symbol versions and
 * the helpers that open a system library and take its functions, the registration function each file exports for
 * JNI_OnLoad (jni_onload.c) with the one helper that registers, the abort check every decoder
 * makes once per band of rows, and the result codes of the codecs, which the Java side
 * (org.parathumb.core.image.nativecodec.NativeImages) turns into a failure or a cancel.
 */
#ifndef PARATHUMB_NATIVE_H
#define PARATHUMB_NATIVE_H

#include <jni.h>
#include <dlfcn.h>
#include <stdint.h>

/* glibc 2.34 moved dlopen and friends into libc under a new version; binding the old versions
   (still exported, through libdl) lets the library load on glibc 2.17 and later, not only 2.34+. */
__asm__(".symver dlopen,dlopen@GLIBC_2.2.5");
__asm__(".symver dlsym,dlsym@GLIBC_2.2.5");
__asm__(".symver dlclose,dlclose@GLIBC_2.2.5");

/* The Java package every native class lives in, named once. */
#define PARATHUMB_PACKAGE "org/parathumb/core/image/nativecodec/"

/*
 * Each C file registers its own methods on its own Java class and returns 0, or non-zero with a
 * Java exception pending. jni_onload.c calls them all; a new file adds one line to its table.
 */
int parathumb_register_blur_reduce(JNIEnv *env);
int parathumb_register_libjpeg(JNIEnv *env);
int parathumb_register_jpeg_scaled(JNIEnv *env);
int parathumb_register_png_decode(JNIEnv *env);
int parathumb_register_png_inflate(JNIEnv *env);
int parathumb_register_resample(JNIEnv *env);
int parathumb_register_webp(JNIEnv *env);
int parathumb_register_heif(JNIEnv *env);
int parathumb_register_jxl(JNIEnv *env);
int parathumb_register_memory(JNIEnv *env);
int parathumb_register_zlib_deflate(JNIEnv *env);
int parathumb_register_png_filter(JNIEnv *env);

/* Keeps the memory decoders free between images in their thread's arena (memory.c); JNI_OnLoad calls it first. */
void parathumb_keep_freed_memory(void);

/* Registers methods on PARATHUMB_PACKAGE + simple_name. */
int parathumb_register(JNIEnv *env, const char *simple_name, const JNINativeMethod *methods, int count);

/*
 * A cancel seen from native code: NativeAbort.requested() (the thread's interrupt, and a hook
 * for tests) asked once per band of rows. Decoders return their CANCELLED code when it says so.
 * A helper thread, which has no JNIEnv, has env NULL and reads `stop` instead: a flag the
 * thread that called from Java sets (jpeg_two_threads.c).
 */
typedef struct {
    JNIEnv *env;
    int requested;
    const int *stop;
} parathumb_abort;

/* Asks Java (or reads stop) once; remembers a yes (or a pending exception) for good. */
int parathumb_abort_requested(parathumb_abort *abort);

/*
 * zlib's streaming inflate (zlib_deflate.c, through the system's libz.so.1) of the zlib stream
 * `compressed` into exactly raw_size bytes, `step` at a time, asking for the abort before each
 * step: into `raw`, or when raw is NULL into the array `out`, held only during each step (the
 * collector may move it between them; zlib keeps its own window). For a PNG too big to inflate in
 * one uninterruptible call (png_inflate.c).
 */
enum { ZLIB_INFLATED = 0, ZLIB_CANCELLED = 1, ZLIB_REFUSED = 2, ZLIB_ABSENT = 3 };
int parathumb_zlib_inflate(JNIEnv *env, parathumb_abort *abort, const uint8_t *compressed, size_t size, jbyteArray out,
        uint8_t *raw, size_t raw_size, size_t step);

/* Result codes of the codecs' decodes (webp.c, heif.c, jxl.c), the same numbers as NativeImages's. */
enum {
    CODEC_DONE = 0,
    CODEC_TRUNCATED = 1,   /* the data ended before the image did */
    CODEC_CANCELLED = 2,   /* parathumb_abort_requested said so */
    CODEC_CORRUPT = 3,     /* the library rejected the data */
    CODEC_UNSUPPORTED = 4, /* a feature or codec the library lacks */
    CODEC_NO_MEMORY = 5,
    CODEC_NO_LIBRARY = 6,  /* the system library is not there */
    CODEC_BAD_ARGUMENTS = -1
};

/*
 * acc ANDed with each of `pixels` RGBA pixels read as a little-endian word: its top byte stays 255
 * only while every alpha is. The PNG decoders run it on each band while it is in the cache, and
 * tell Java whether the image is opaque.
 */
static inline uint32_t parathumb_alpha_and(const uint8_t *rgba, size_t pixels, uint32_t acc) {
    for (size_t i = 0; i < pixels; i++) {
        uint32_t pixel;
        __builtin_memcpy(&pixel, rgba + 4 * i, 4);
        acc &= pixel;
    }
    return acc;
}

/* dlopen of the library Java names in soname (RTLD_NOW, local); NULL when it is not there. */
static inline void *parathumb_open_library(JNIEnv *env, jstring soname) {
    const char *name = soname == NULL ? NULL : (*env)->GetStringUTFChars(env, soname, NULL);
    if (name == NULL) {
        return NULL;
    }
    void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    (*env)->ReleaseStringUTFChars(env, soname, name);
    return library;
}

/* A function taken from a system library: its name there, and where its address goes. */
typedef struct {
    const char *name;
    void **address;
} parathumb_symbol;

#define PARATHUMB_COUNT(array) (sizeof(array) / sizeof((array)[0]))

/*
 * Looks up every one of symbols in library (opened by dlopen) and stores its address; 1 when all
 * were there. Otherwise closes library and returns 0: the caller then stays unloaded, and the
 * addresses are not to be used. Symbols a caller can do without are looked up on their own.
 */
static inline int parathumb_bind(void *library, const parathumb_symbol *symbols, size_t count) {
    for (size_t i = 0; i < count; i++) {
        *symbols[i].address = dlsym(library, symbols[i].name);
        if (*symbols[i].address == NULL) {
            dlclose(library);
            return 0;
        }
    }
    return 1;
}

/* The kernels (blur_reduce.c): 1 = AVX2, 2 = AVX-512BW, if this CPU runs it. */
int parathumb_cpu_runs(int kernel);

#endif
