/*
 * Pillow's GaussianBlur(2) followed by the thumbnail's integer box reduce, for opaque 8-bit images
 * of 1 or 3 channels: the faithful pipeline's hot loop, vectorised with AVX2 or AVX-512. The Java side
 * (org.parathumb.core.image.nativecodec.NativeBlurReduce, once NativeLibrary has loaded this library) calls it when it can and falls back to the
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
 * Plain JPEGs can skip the decoded image altogether: the system's libjpeg, opened at run time
 * (libjpeg_runtime.c), decodes them scanline by scanline into the same passes (jpegBlurReduce),
 * on two threads when Java lends one (jpeg_two_threads.c).
 *
 * The passes are in blur_kernel.h, compiled once for AVX2 and once for AVX-512BW; the CPU says
 * which run. Build: src/main/native/build.sh (the library is committed; a test checks it was built
 * from the committed sources).
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <immintrin.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "blur_reduce.h"
#include "jpeg_two_threads.h"

static inline uint16_t box(unsigned s3, unsigned s2) {
    unsigned x = 8 * s3 + 3 * s2 + 15 - (3 * s2 < 2 * s3);
    return (uint16_t) (((x >> 1) * 4370u) >> 16);
}

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
static int cpu_kernels(void) {
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

int parathumb_cpu_runs(int kernel) {
    return (kernel == 1 || kernel == 2) && (cpu_kernels() & (1 << kernel));
}

void parathumb_run_rows(int kernel, const geometry *g, const uint8_t *src, int from, int to,
        uint16_t *rings, uint32_t *sums, int32_t *done) {
    if (kernel == 2) {
        run_rows_avx512(g, src, from, to, rings, sums, done);
    } else {
        run_rows_avx2(g, src, from, to, rings, sums, done);
    }
}

static jint JNICALL native_kernels0(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return cpu_kernels();
}

static jstring JNICALL native_kernelName(JNIEnv *env, jclass cls,
        jint kernel) {
    (void) cls;
    return (*env)->NewStringUTF(env, kernel == 1 || kernel == 2 ? KERNEL_NAMES[kernel] : "");
}

static jint JNICALL native_ringsLength(JNIEnv *env, jclass cls,
        jint width, jint channels) {
    (void) env;
    (void) cls;
    int64_t length = rings_length((int64_t) width * channels);
    return width < 1 || channels < 1 || length > INT32_MAX ? -1 : (jint) length;
}

/*
 * Blurs source rows [from, to) with kernel 1 (AVX2) or 2 (AVX-512); rows holds them from offset on.
 * In mode 0 they are added into the block sums (image is not used). In mode 1 (no reduce: factors
 * 1) the blurred rows are written into image, which may be rows itself (in place: a row is written
 * only once the rows its blur reads are in the rings); mode 2 premultiplies them by their alpha on
 * the way (4 channels). rings, sums and done carry the state from one call to the next: zeroed
 * sums and done before the first call, or, for a band that starts at row y > 0, done = {y - 6,
 * y - 4, y - 2, y} and source rows from y - 6 on (the six rows above that the column passes read).
 * Returns 0, or -1 when the CPU lacks that kernel or an argument does not fit (nothing is touched then).
 */
static jint JNICALL native_blurRows(JNIEnv *env, jclass cls,
        jbyteArray rows, jint offset, jbyteArray image, jint width, jint height, jint channels, jint factorX,
        jint factorY, jint from, jint to, jshortArray rings, jintArray sums, jintArray blocks, jintArray done,
        jint kernel, jint mode) {
    int64_t n = (int64_t) width * channels;
    (void) cls;
    if (!parathumb_cpu_runs(kernel) || mode < 0 || mode > 2 || (mode == 2 && channels != 4)
            || (mode != 0 && (image == NULL || factorX != 1 || factorY != 1
                    || (*env)->GetArrayLength(env, image) < n * height))
            || width < 1 || height < 1 || channels < 1 || channels > 4 || factorX < 1 || factorY < 1
            || from < 0 || to > height || from > to || offset < 0
            || (*env)->GetArrayLength(env, rows) - (int64_t) offset < n * (to - from)
            || (*env)->GetArrayLength(env, rings) < rings_length(n)
            || (*env)->GetArrayLength(env, sums) < n
            || (mode == 0 && (*env)->GetArrayLength(env, blocks) < (int64_t) ((height + factorY - 1) / factorY)
                    * ((width + factorX - 1) / factorX) * channels)
            || (*env)->GetArrayLength(env, done) < 4) {
        return -1;
    }
    uint8_t *s = (*env)->GetPrimitiveArrayCritical(env, rows, NULL);
    uint8_t *o = mode == 0 ? NULL : (*env)->GetPrimitiveArrayCritical(env, image, NULL);
    uint16_t *r = (*env)->GetPrimitiveArrayCritical(env, rings, NULL);
    uint32_t *m = (*env)->GetPrimitiveArrayCritical(env, sums, NULL);
    uint32_t *b = (*env)->GetPrimitiveArrayCritical(env, blocks, NULL);
    int32_t *d = (*env)->GetPrimitiveArrayCritical(env, done, NULL);
    jint result = -1;
    if (s != NULL && (mode == 0 || o != NULL) && r != NULL && m != NULL && b != NULL && d != NULL) {
        geometry g = {width, height, channels, factorX, factorY, (width + factorX - 1) / factorX, b, o, mode == 2};
        parathumb_run_rows(kernel, &g, s + offset, from, to, r, m, d);
        result = 0;
    }
    if (d != NULL) (*env)->ReleasePrimitiveArrayCritical(env, done, d, 0);
    if (b != NULL) (*env)->ReleasePrimitiveArrayCritical(env, blocks, b, 0);
    if (m != NULL) (*env)->ReleasePrimitiveArrayCritical(env, sums, m, 0);
    if (r != NULL) (*env)->ReleasePrimitiveArrayCritical(env, rings, r, 0);
    if (o != NULL) (*env)->ReleasePrimitiveArrayCritical(env, image, o, 0);
    if (s != NULL) (*env)->ReleasePrimitiveArrayCritical(env, rows, s, JNI_ABORT);
    return result;
}

/*
 * The reduce alone, without the blur (the fast pipeline's step for a decoded PNG): source rows
 * [from, to) of samples added into the per-column sums, which become block sums every factorY
 * rows and at the last row, as the blurred rows do in the passes above. sums (n ints) start zeroed
 * and carry the rows of an unfinished block row from one call to the next. Returns 0, or -1 when
 * an argument does not fit (nothing is touched then).
 */
static jint JNICALL native_reduceRows(JNIEnv *env, jclass cls,
        jbyteArray samples, jint width, jint height, jint channels, jint factorX, jint factorY, jint from, jint to,
        jintArray sums, jintArray blocks) {
    (void) cls;
    int64_t n = (int64_t) width * channels;
    if (width < 1 || height < 1 || channels < 1 || channels > 4 || factorX < 1 || factorY < 1
            || from < 0 || to > height || from > to
            || (*env)->GetArrayLength(env, samples) < n * height
            || (*env)->GetArrayLength(env, sums) < n
            || (*env)->GetArrayLength(env, blocks) < (int64_t) ((height + factorY - 1) / factorY)
                    * ((width + factorX - 1) / factorX) * channels) {
        return -1;
    }
    uint8_t *s = (*env)->GetPrimitiveArrayCritical(env, samples, NULL);
    uint32_t *m = (*env)->GetPrimitiveArrayCritical(env, sums, NULL);
    uint32_t *b = (*env)->GetPrimitiveArrayCritical(env, blocks, NULL);
    jint result = -1;
    if (s != NULL && m != NULL && b != NULL) {
        geometry g = {width, height, channels, factorX, factorY, (width + factorX - 1) / factorX, b, NULL, 0};
        for (int y = from; y < to; y++) {
            const uint8_t *row = s + (size_t) y * (size_t) n;
            for (int64_t i = 0; i < n; i++) {
                m[i] += row[i];
            }
            if ((y + 1) % factorY == 0 || y == height - 1) {
                emit_block_row(&g, y, m);
            }
        }
        result = 0;
    }
    if (b != NULL) (*env)->ReleasePrimitiveArrayCritical(env, blocks, b, 0);
    if (m != NULL) (*env)->ReleasePrimitiveArrayCritical(env, sums, m, 0);
    if (s != NULL) (*env)->ReleasePrimitiveArrayCritical(env, samples, s, JNI_ABORT);
    return result;
}

/*
 * The JPEG path: the system's libjpeg (libjpeg_runtime.c) decodes scanlines straight into the
 * kernel, so the full image is never stored and each row is blurred while it is in the cache.
 */
static int64_t nanos(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t) t.tv_sec * 1000000000 + t.tv_nsec;
}

#define BAND_ROWS 16

/*
 * Decodes the JPEG in the direct buffer `data` (length bytes). With factorX == 0, only reads its
 * header: info = {width, height, components, 1 if it holds an ICC profile else 0}. Otherwise decodes, blurs and reduces it by
 * factorX x factorY into blocks (Java rounds them), with info = {width, height, components,
 * nanoseconds decoding, nanoseconds blurring} and, if info has a sixth place, how the work ran:
 * 1 on this thread, 2 with rows blurred by a helper, 3 with the scans split between two. Asks NativeAbort.requested() every band of rows
 * and every 64 KB of input, and stops if so. With threads 2, a second thread shares the work
 * (jpeg_two_threads.c) and is ended before this returns, whatever the result. Returns JPEG_DONE,
 * JPEG_DECLINED (not a plain 8-bit JPEG, or any error or warning), JPEG_CANCELLED or
 * JPEG_BAD_ARGUMENTS.
 */
static jint JNICALL native_jpegBlurReduce(JNIEnv *env, jclass cls,
        jobject data, jint length, jint factorX, jint factorY, jintArray blocks, jlongArray info, jint kernel,
        jint threads) {
    (void) cls;
    const unsigned char *bytes = (*env)->GetDirectBufferAddress(env, data);
    if (!parathumb_jpeg.loaded || bytes == NULL || length < 2 || (*env)->GetDirectBufferCapacity(env, data) < length
            || factorX < 0 || factorY < 0 || (factorX == 0) != (factorY == 0)
            || (*env)->GetArrayLength(env, info) < 5 || !parathumb_cpu_runs(kernel) || threads < 1 || threads > 2) {
        return JPEG_BAD_ARGUMENTS;
    }
    parathumb_abort abort = {env, 0, NULL};
    struct jpeg_decompress_struct cinfo;
    parathumb_jpeg_errors errors;
    parathumb_jpeg_source source;
    /* volatile: they change between setjmp and a longjmp back to it */
    uint8_t *volatile lines = NULL;
    uint16_t *volatile rings = NULL;
    uint32_t *volatile sums = NULL;
    uint32_t *volatile sums_of_blocks = NULL;
    parathumb_blur_helper *volatile helper = NULL;
    volatile jint result = JPEG_DECLINED;
    memset(&cinfo, 0, sizeof(cinfo)); /* so destroying it is safe whatever fails first */
    cinfo.err = parathumb_jpeg_errors_init(&errors);
    if (setjmp(errors.escape)) {
        if (errors.cancelled) {
            result = JPEG_CANCELLED;
        }
        goto done;
    }
    parathumb_jpeg_begin(&cinfo, &source, bytes, (size_t) length, &abort);
    parathumb_jpeg.save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);
    parathumb_jpeg.read_header(&cinfo, TRUE);
    if (!parathumb_jpeg_plain(&cinfo)) {
        goto done;
    }
    jlong header[5] = {cinfo.image_width, cinfo.image_height, cinfo.num_components,
            parathumb_jpeg_has_icc_profile(&cinfo), 0};
    if (factorX == 0) {
        (*env)->SetLongArrayRegion(env, info, 0, 5, header);
        result = JPEG_DONE;
        goto done;
    }
    int width = (int) cinfo.image_width;
    int height = (int) cinfo.image_height;
    int channels = cinfo.num_components;
    int out_width = (width + factorX - 1) / factorX;
    int64_t block_count = (int64_t) ((height + factorY - 1) / factorY) * out_width * channels;
    int64_t n = (int64_t) width * channels;
    if ((*env)->GetArrayLength(env, blocks) < block_count || rings_length(n) > INT32_MAX) {
        result = JPEG_BAD_ARGUMENTS;
        goto done;
    }
    cinfo.out_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    lines = malloc((size_t) n * BAND_ROWS);
    rings = malloc((size_t) rings_length(n) * sizeof(uint16_t));
    sums = calloc((size_t) n, sizeof(uint32_t));
    sums_of_blocks = calloc((size_t) block_count, sizeof(uint32_t));
    if (lines == NULL || rings == NULL || sums == NULL || sums_of_blocks == NULL) {
        goto done;
    }
    geometry g = {width, height, channels, factorX, factorY, out_width, sums_of_blocks, NULL, 0};
    int32_t levels[4] = {0, 0, 0, 0};
    parathumb_blur_state blur = {kernel, &g, rings, sums, levels, 0};
    int64_t decoding = 0;
    int split = JPEG_SPLIT_NOT_USED;
    int ran_with_helper = 0;
    if (threads == 2 && cinfo.progressive_mode && channels == 3) {
        int ids[3] = {cinfo.comp_info[0].component_id, cinfo.comp_info[1].component_id,
                cinfo.comp_info[2].component_id};
        split = parathumb_jpeg_split_decode(bytes, (size_t) length, ids, &abort, &blur, lines, &decoding);
        if (split != JPEG_DONE && split != JPEG_SPLIT_NOT_USED) {
            result = split;
            goto done;
        }
    }
    if (split == JPEG_SPLIT_NOT_USED) { /* this thread decodes every row */
        parathumb_jpeg.start_decompress(&cinfo);
        helper = threads == 2 ? parathumb_blur_helper_start(&blur) : NULL;
        ran_with_helper = helper != NULL;
        JSAMPROW rows[BAND_ROWS];
        for (int y = 0; y < height;) {
            parathumb_jpeg_check_abort(&cinfo, &abort);
            int64_t t0 = nanos();
            int want = height - y < BAND_ROWS ? height - y : BAND_ROWS;
            uint8_t *band = lines;
            if (helper != NULL) {
                band = parathumb_blur_helper_room(helper, &want, &abort);
                if (band == NULL) {
                    parathumb_jpeg_check_abort(&cinfo, &abort); /* the cancel that stopped the wait */
                }
            }
            for (int i = 0; i < want; i++) {
                rows[i] = band + (size_t) i * n;
            }
            int got = (int) parathumb_jpeg.read_scanlines(&cinfo, rows, (JDIMENSION) want);
            int64_t t1 = nanos();
            if (got <= 0) {
                goto done;
            }
            decoding += t1 - t0;
            if (helper != NULL) {
                parathumb_blur_helper_push(helper, got);
            } else {
                parathumb_run_rows(kernel, &g, lines, y, y + got, rings, sums, levels);
                blur.blurring += nanos() - t1;
            }
            y += got;
        }
        if (helper != NULL) {
            if (parathumb_blur_helper_drain(helper, &abort) != 0) {
                parathumb_jpeg_check_abort(&cinfo, &abort);
            }
            parathumb_blur_helper_end(helper);
            helper = NULL;
        }
    }
    /* The rest of the file is not read: the samples are complete, and ImageIO stops there too. */
    (*env)->SetIntArrayRegion(env, blocks, 0, (jsize) block_count, (const jint *) sums_of_blocks);
    header[3] = decoding;
    header[4] = blur.blurring;
    (*env)->SetLongArrayRegion(env, info, 0, 5, header);
    if ((*env)->GetArrayLength(env, info) > 5) {
        jlong how = split == JPEG_DONE ? 3 : ran_with_helper ? 2 : 1;
        (*env)->SetLongArrayRegion(env, info, 5, 1, &how);
    }
    result = JPEG_DONE;
done:
    parathumb_blur_helper_end(helper); /* before the buffers it uses go */
    parathumb_jpeg.destroy_decompress(&cinfo);
    free(lines);
    free(rings);
    free(sums);
    free(sums_of_blocks);
    return result;
}

int parathumb_register_blur_reduce(JNIEnv *env) {
    static const JNINativeMethod jpeg[] = {
        {"jpegBlurReduce", "(Ljava/nio/ByteBuffer;III[I[JII)I", (void *) native_jpegBlurReduce},
    };
    if (parathumb_register(env, "NativeJpeg", jpeg, 1) != 0) {
        return -1;
    }
    static const JNINativeMethod methods[] = {
        {"kernels0", "()I", (void *) native_kernels0},
        {"kernelName", "(I)Ljava/lang/String;", (void *) native_kernelName},
        {"ringsLength", "(II)I", (void *) native_ringsLength},
        {"blurRows", "([BI[BIIIIIII[S[I[I[III)I", (void *) native_blurRows},
        {"reduceRows", "([BIIIIIII[I[I)I", (void *) native_reduceRows},
    };
    return parathumb_register(env, "NativeBlurReduce", methods, (int) (sizeof methods / sizeof methods[0]));
}
