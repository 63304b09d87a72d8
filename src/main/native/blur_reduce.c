/*
 * Pillow's GaussianBlur(2) followed by the thumbnail's integer box reduce, for opaque 8-bit images
 * of 1 or 3 channels: the faithful pipeline's hot loop, vectorised with AVX2 or AVX-512. The Java side
 * (org.parathumb.core.image.NativeBlurReduce) loads this library when it can and falls back to the
 * pure-Java BlurStream otherwise; both give the same bytes, which the tests prove.
 *
 * Pillow blurs with three passes of its "extended box" per direction, each rounded to 8 bits:
 *   out = (4473924 * (in[-1] + in[0] + in[1]) + 1677722 * (in[-2] + in[2]) + 2^23) >> 24
 * For those two weights (and only those) that is exactly
 *   out = ((8 * s3 + 3 * s2 + 15 - (3 * s2 < 2 * s3)) >> 1) / 15
 * with s3 the inner sum and s2 the outer one (decision record 0009 derives it; a test checks all
 * 391,426 pairs), which fits 16-bit lanes: 16 samples per AVX2 instruction and 32 per AVX-512 one,
 * against 8 and 16 for the 32-bit arithmetic Pillow does.
 *
 * Rows stream through rings of RING rows per level: a source row gets its three row passes at
 * once, each column pass runs as soon as the rows it reads exist, and the last one adds its row
 * into per-column sums that become block sums every factorY rows; Java rounds those as Reduce.c
 * does. The caller owns every buffer, so a call may cover any band of rows and the next call goes
 * on where it stopped (Java checks for cancellation between bands).
 *
 * The passes are in blur_kernel.h, compiled once for AVX2 and once for AVX-512BW; the CPU says
 * which run. Build: src/main/native/build.sh (the library is committed; a test checks it was built
 * from these two files).
 */
#include <jni.h>
#include <immintrin.h>
#include <stdint.h>
#include <string.h>

#define RING 8 /* a power of two, at least the 5 rows a column pass reads */

#ifndef PARATHUMB_SOURCE_SHA256
#error "build with build.sh, which compiles in the SHA-256 of the sources"
#endif

static inline uint16_t box(unsigned s3, unsigned s2) {
    unsigned x = 8 * s3 + 3 * s2 + 15 - (3 * s2 < 2 * s3);
    return (uint16_t) (((x >> 1) * 4370u) >> 16);
}

typedef struct {
    int width, height, channels, factor_x, factor_y, out_width;
    uint32_t *blocks; /* out_height x out_width x channels block sums */
} geometry;

/* Adds the column sums into block row y / factor_y and clears them. */
static void emit_block_row(const geometry *g, int y, uint32_t *sums) {
    int c = g->channels;
    uint32_t *row = g->blocks + (size_t) (y / g->factor_y) * g->out_width * c;
    for (int bx = 0, x = 0; bx < g->out_width; bx++) {
        int end = x + g->factor_x < g->width ? x + g->factor_x : g->width;
        for (; x < end; x++) {
            for (int ch = 0; ch < c; ch++) {
                row[bx * c + ch] += sums[x * c + ch];
            }
        }
    }
    memset(sums, 0, (size_t) g->width * c * sizeof(uint32_t));
}

static inline uint16_t *ring_row(uint16_t *rings, int level, int y, int n) {
    return rings + ((size_t) level * RING + (y & (RING - 1))) * n;
}

/* The shorts the rings and two work rows take for rows of n samples. */
static int64_t rings_length(int64_t n) {
    return (3 * RING + 2) * n;
}

#define NAME(f) f##_avx2
#define TARGET __attribute__((target("avx2")))
#define VEC __m256i
#define LANES 16
#define LOAD(p) _mm256_loadu_si256((const __m256i *) (p))
#define STORE(p, v) _mm256_storeu_si256((__m256i *) (p), (v))
#define ADD16 _mm256_add_epi16
#define SUB16 _mm256_sub_epi16
#define SLL16 _mm256_slli_epi16
#define SRL16 _mm256_srli_epi16
#define SRA16 _mm256_srai_epi16
#define MULHI16 _mm256_mulhi_epu16
#define SET16 _mm256_set1_epi16
#define ADD32 _mm256_add_epi32
#define WIDEN8(p) _mm256_cvtepu8_epi16(_mm_loadu_si128((const __m128i *) (p)))
#define LOW32(v) _mm256_cvtepu16_epi32(_mm256_castsi256_si128(v))
#define HIGH32(v) _mm256_cvtepu16_epi32(_mm256_extracti128_si256((v), 1))
#include "blur_kernel.h"
#undef NAME
#undef TARGET
#undef VEC
#undef LANES
#undef LOAD
#undef STORE
#undef ADD16
#undef SUB16
#undef SLL16
#undef SRL16
#undef SRA16
#undef MULHI16
#undef SET16
#undef ADD32
#undef WIDEN8
#undef LOW32
#undef HIGH32

#define NAME(f) f##_avx512
#define TARGET __attribute__((target("avx512f,avx512bw")))
#define VEC __m512i
#define LANES 32
#define LOAD(p) _mm512_loadu_si512((const void *) (p))
#define STORE(p, v) _mm512_storeu_si512((void *) (p), (v))
#define ADD16 _mm512_add_epi16
#define SUB16 _mm512_sub_epi16
#define SLL16 _mm512_slli_epi16
#define SRL16 _mm512_srli_epi16
#define SRA16 _mm512_srai_epi16
#define MULHI16 _mm512_mulhi_epu16
#define SET16 _mm512_set1_epi16
#define ADD32 _mm512_add_epi32
#define WIDEN8(p) _mm512_cvtepu8_epi16(_mm256_loadu_si256((const __m256i *) (p)))
#define LOW32(v) _mm512_cvtepu16_epi32(_mm512_castsi512_si256(v))
#define HIGH32(v) _mm512_cvtepu16_epi32(_mm512_extracti64x4_epi64((v), 1))
#include "blur_kernel.h"

/* The kernels, by the number Java passes: 1 = AVX2, 2 = AVX-512 (BW). */
static const char *const KERNEL_NAMES[] = {"", "AVX2", "AVX-512"};

/* A bit per kernel this CPU runs: 1 << 1 for AVX2, 1 << 2 for AVX-512. */
JNIEXPORT jint JNICALL Java_org_parathumb_core_image_NativeBlurReduce_kernels0(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    __builtin_cpu_init();
    int bits = 0;
    if (__builtin_cpu_supports("avx2")) {
        bits |= 1 << 1;
        if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")) {
            bits |= 1 << 2;
        }
    }
    return bits;
}

JNIEXPORT jstring JNICALL Java_org_parathumb_core_image_NativeBlurReduce_kernelName(JNIEnv *env, jclass cls,
        jint kernel) {
    (void) cls;
    return (*env)->NewStringUTF(env, kernel == 1 || kernel == 2 ? KERNEL_NAMES[kernel] : "");
}

JNIEXPORT jstring JNICALL Java_org_parathumb_core_image_NativeBlurReduce_sourceDigest(JNIEnv *env, jclass cls) {
    (void) cls;
    return (*env)->NewStringUTF(env, PARATHUMB_SOURCE_SHA256);
}

JNIEXPORT jint JNICALL Java_org_parathumb_core_image_NativeBlurReduce_ringsLength(JNIEnv *env, jclass cls,
        jint width, jint channels) {
    (void) env;
    (void) cls;
    int64_t length = rings_length((int64_t) width * channels);
    return width < 1 || channels < 1 || length > INT32_MAX ? -1 : (jint) length;
}

/*
 * Blurs source rows [from, to) with kernel 1 (AVX2) or 2 (AVX-512) and adds them into the block
 * sums; image holds those rows from offset on. rings, sums and done carry the state from one call
 * to the next (zeroed sums and done before the first). Returns 0, or -1 when the CPU lacks that
 * kernel or an argument does not fit (nothing is touched then).
 */
JNIEXPORT jint JNICALL Java_org_parathumb_core_image_NativeBlurReduce_blurRows(JNIEnv *env, jclass cls,
        jbyteArray image, jint offset, jint width, jint height, jint channels, jint factorX, jint factorY,
        jint from, jint to, jshortArray rings, jintArray sums, jintArray blocks, jintArray done, jint kernel) {
    int64_t n = (int64_t) width * channels;
    if ((kernel != 1 && kernel != 2) || !(Java_org_parathumb_core_image_NativeBlurReduce_kernels0(env, cls) & (1 << kernel))
            || width < 1 || height < 1 || (channels != 1 && channels != 3) || factorX < 1 || factorY < 1
            || from < 0 || to > height || from > to || offset < 0
            || (*env)->GetArrayLength(env, image) - (int64_t) offset < n * (to - from)
            || (*env)->GetArrayLength(env, rings) < rings_length(n)
            || (*env)->GetArrayLength(env, sums) < n
            || (*env)->GetArrayLength(env, blocks) < (int64_t) ((height + factorY - 1) / factorY)
                    * ((width + factorX - 1) / factorX) * channels
            || (*env)->GetArrayLength(env, done) < 4) {
        return -1;
    }
    uint8_t *s = (*env)->GetPrimitiveArrayCritical(env, image, NULL);
    uint16_t *r = (*env)->GetPrimitiveArrayCritical(env, rings, NULL);
    uint32_t *m = (*env)->GetPrimitiveArrayCritical(env, sums, NULL);
    uint32_t *b = (*env)->GetPrimitiveArrayCritical(env, blocks, NULL);
    int32_t *d = (*env)->GetPrimitiveArrayCritical(env, done, NULL);
    jint result = -1;
    if (s != NULL && r != NULL && m != NULL && b != NULL && d != NULL) {
        geometry g = {width, height, channels, factorX, factorY, (width + factorX - 1) / factorX, b};
        if (kernel == 2) {
            run_rows_avx512(&g, s + offset, from, to, r, m, d);
        } else {
            run_rows_avx2(&g, s + offset, from, to, r, m, d);
        }
        result = 0;
    }
    if (d != NULL) (*env)->ReleasePrimitiveArrayCritical(env, done, d, 0);
    if (b != NULL) (*env)->ReleasePrimitiveArrayCritical(env, blocks, b, 0);
    if (m != NULL) (*env)->ReleasePrimitiveArrayCritical(env, sums, m, 0);
    if (r != NULL) (*env)->ReleasePrimitiveArrayCritical(env, rings, r, 0);
    if (s != NULL) (*env)->ReleasePrimitiveArrayCritical(env, image, s, JNI_ABORT);
    return result;
}
