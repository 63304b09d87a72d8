/*
 * Pillow's bicubic resize (Resample.c, ImagingResample) of an RGBA image, for the thumbnail of an
 * image with alpha: Image.resize premultiplies it ("RGBa") and resizes the full-size image with no
 * integer reduce first, so this loop reads every source sample about four times. The Java side
 * (org.parathumb.core.image.nativecodec.NativeBicubic) computes Pillow's coefficients, in double
 * then 22-bit fixed point, with the same code as the Java BicubicResize, and passes them here;
 * this file does only the integer passes, with the same sums as Pillow:
 *
 *   horizontal: h = clip8(2^21 + sum over the window of pixel * weight), per channel
 *   vertical:   out = clip8(2^21 + sum over the window of h * weight)
 *
 * The sums are 32-bit and wrap as Java's and Pillow's do (unsigned here, so wrapping is defined);
 * integer addition does not care about order, so the vector sums are exact. Pillow resamples
 * horizontally first and the result is only out_width samples wide, so rows stream: each source
 * row (premultiplied on the way when asked, with Pillow's MULDIV255) becomes one short row, which
 * is added at once into the sums of every output row whose window holds it. Neither a premultiplied
 * copy nor the out_width x height intermediate is ever stored. Java calls a band of rows at a time
 * and checks for cancellation between bands, then clips the sums to 8 bits.
 *
 * The horizontal pass is AVX2 (two taps of four channels per multiply); both kernel numbers run it.
 */
#include <immintrin.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "parathumb_native.h"

#define PRECISION_BITS (32 - 8 - 2)

/* Pillow's MULDIV255: a * b / 255, rounded, without a division. */
static inline uint8_t muldiv255(unsigned a, unsigned b) {
    unsigned tmp = a * b + 128;
    return (uint8_t) (((tmp >> 8) + tmp) >> 8);
}

/* Convert.c's rgbA2rgba on one row: colour times alpha; opaque pixels as they are. */
static void premultiply_row(const uint8_t *in, uint8_t *out, int width) {
    for (int x = 0; x < width; x++, in += 4, out += 4) {
        unsigned alpha = in[3];
        if (alpha == 255) {
            memcpy(out, in, 4);
        } else {
            out[0] = muldiv255(in[0], alpha);
            out[1] = muldiv255(in[1], alpha);
            out[2] = muldiv255(in[2], alpha);
            out[3] = (uint8_t) alpha;
        }
    }
}

/*
 * One row of 4-channel pixels resampled to out_width pixels: for output xx, the bounds[2 xx + 1]
 * pixels from bounds[2 xx] on, weighted by fixed[xx * size ...], rounded and clipped to 8 bits.
 */
__attribute__((target("avx2")))
static void horizontal_avx2(const uint8_t *row, const int32_t *bounds, const int32_t *fixed, int size,
        int out_width, uint8_t *out) {
    const __m256i spread = _mm256_setr_epi32(0, 0, 0, 0, 1, 1, 1, 1);
    const __m128i half = _mm_set1_epi32(1 << (PRECISION_BITS - 1));
    for (int xx = 0; xx < out_width; xx++) {
        int count = bounds[2 * xx + 1];
        const uint8_t *p = row + (size_t) bounds[2 * xx] * 4;
        const int32_t *k = fixed + (size_t) xx * size;
        __m256i even = _mm256_setzero_si256();
        __m256i odd = _mm256_setzero_si256();
        int x = 0;
        for (; x + 4 <= count; x += 4) {
            __m256i p01 = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *) (p + 4 * x)));
            __m256i p23 = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *) (p + 4 * x + 8)));
            __m256i w01 = _mm256_permutevar8x32_epi32(
                    _mm256_castsi128_si256(_mm_loadl_epi64((const __m128i *) (k + x))), spread);
            __m256i w23 = _mm256_permutevar8x32_epi32(
                    _mm256_castsi128_si256(_mm_loadl_epi64((const __m128i *) (k + x + 2))), spread);
            even = _mm256_add_epi32(even, _mm256_mullo_epi32(p01, w01));
            odd = _mm256_add_epi32(odd, _mm256_mullo_epi32(p23, w23));
        }
        __m256i both = _mm256_add_epi32(even, odd);
        __m128i sum = _mm_add_epi32(_mm_add_epi32(_mm256_castsi256_si128(both), _mm256_extracti128_si256(both, 1)),
                half);
        for (; x < count; x++) {
            int32_t pixel;
            memcpy(&pixel, p + 4 * x, 4);
            sum = _mm_add_epi32(sum, _mm_mullo_epi32(_mm_cvtepu8_epi32(_mm_cvtsi32_si128(pixel)),
                    _mm_set1_epi32(k[x])));
        }
        /* clip8: the sum shifted down (at most 10 bits with sign) then saturated to 0..255 */
        __m128i value = _mm_srai_epi32(sum, PRECISION_BITS);
        value = _mm_packus_epi16(_mm_packs_epi32(value, value), value);
        int32_t packed = _mm_cvtsi128_si32(value);
        memcpy(out + 4 * xx, &packed, 4);
    }
}

/* Adds weight * short row into one output row's sums. */
__attribute__((target("avx2")))
static void accumulate_avx2(uint32_t *sums, const uint8_t *row, int n, uint32_t weight) {
    for (int i = 0; i < n; i++) {
        sums[i] += row[i] * weight;
    }
}

typedef struct {
    int width;
    int height;
    int out_width;
    int out_height;
    int h_size;
    int v_size;
} shape;

/* Whether every window lies in the image and in its row of weights. */
static int bounds_fit(const int32_t *bounds, int count, int size, int extent) {
    for (int i = 0; i < count; i++) {
        int32_t start = bounds[2 * i];
        int32_t length = bounds[2 * i + 1];
        if (start < 0 || length < 0 || length > size || start > extent - length) {
            return 0;
        }
    }
    return 1;
}

/*
 * Source rows [from, to) of image (width x height RGBA, premultiplied already or, with premultiply,
 * premultiplied here) resampled into sums (out_width x out_height x 4, set to 2^21 by the caller
 * before the first band). Returns 0, or -1 when an argument does not fit (nothing is touched then),
 * -2 when memory runs out.
 */
static jint JNICALL native_resampleRows(JNIEnv *env, jclass cls,
        jbyteArray image, jint width, jint height, jboolean premultiply, jint from, jint to,
        jintArray hBounds, jintArray hFixed, jint hSize, jint outWidth,
        jintArray vBounds, jintArray vFixed, jint vSize, jint outHeight, jintArray sums, jint kernel) {
    (void) cls;
    if (!parathumb_cpu_runs(kernel) || width < 1 || height < 1 || outWidth < 1 || outHeight < 1
            || hSize < 1 || vSize < 1 || from < 0 || from > to || to > height
            || (*env)->GetArrayLength(env, image) < (int64_t) width * height * 4
            || (*env)->GetArrayLength(env, hBounds) < (int64_t) outWidth * 2
            || (*env)->GetArrayLength(env, vBounds) < (int64_t) outHeight * 2
            || (*env)->GetArrayLength(env, hFixed) < (int64_t) outWidth * hSize
            || (*env)->GetArrayLength(env, vFixed) < (int64_t) outHeight * vSize
            || (*env)->GetArrayLength(env, sums) < (int64_t) outWidth * outHeight * 4) {
        return -1;
    }
    int32_t *hb = malloc((size_t) outWidth * 2 * sizeof(int32_t));
    int32_t *vb = malloc((size_t) outHeight * 2 * sizeof(int32_t));
    uint8_t *premultiplied = premultiply ? malloc((size_t) width * 4) : NULL;
    uint8_t *short_row = malloc((size_t) outWidth * 4);
    jint result = -2;
    if (hb == NULL || vb == NULL || (premultiply && premultiplied == NULL) || short_row == NULL) {
        goto done;
    }
    (*env)->GetIntArrayRegion(env, hBounds, 0, outWidth * 2, hb);
    (*env)->GetIntArrayRegion(env, vBounds, 0, outHeight * 2, vb);
    if (!bounds_fit(hb, outWidth, hSize, width) || !bounds_fit(vb, outHeight, vSize, height)) {
        result = -1;
        goto done;
    }
    const uint8_t *src = (*env)->GetPrimitiveArrayCritical(env, image, NULL);
    const int32_t *hf = (*env)->GetPrimitiveArrayCritical(env, hFixed, NULL);
    const int32_t *vf = (*env)->GetPrimitiveArrayCritical(env, vFixed, NULL);
    uint32_t *out = (*env)->GetPrimitiveArrayCritical(env, sums, NULL);
    if (src != NULL && hf != NULL && vf != NULL && out != NULL) {
        size_t n = (size_t) outWidth * 4;
        /* vb is ordered: the first output row whose window may still hold row y only moves down */
        int first = 0;
        for (int y = from; y < to; y++) {
            while (first < outHeight && vb[2 * first] + vb[2 * first + 1] <= y) {
                first++;
            }
            if (first == outHeight || vb[2 * first] > y) {
                continue; /* no output row reads this one */
            }
            const uint8_t *row = src + (size_t) y * width * 4;
            if (premultiply) {
                premultiply_row(row, premultiplied, width);
                row = premultiplied;
            }
            horizontal_avx2(row, hb, hf, hSize, outWidth, short_row);
            for (int yy = first; yy < outHeight && vb[2 * yy] <= y; yy++) {
                int offset = y - vb[2 * yy];
                if (offset < vb[2 * yy + 1]) {
                    accumulate_avx2(out + (size_t) yy * n, short_row, (int) n,
                            (uint32_t) vf[(size_t) yy * vSize + offset]);
                }
            }
        }
        result = 0;
    }
    if (out != NULL) (*env)->ReleasePrimitiveArrayCritical(env, sums, out, 0);
    if (vf != NULL) (*env)->ReleasePrimitiveArrayCritical(env, vFixed, (void *) vf, JNI_ABORT);
    if (hf != NULL) (*env)->ReleasePrimitiveArrayCritical(env, hFixed, (void *) hf, JNI_ABORT);
    if (src != NULL) (*env)->ReleasePrimitiveArrayCritical(env, image, (void *) src, JNI_ABORT);
done:
    free(hb);
    free(vb);
    free(premultiplied);
    free(short_row);
    return result;
}

int parathumb_register_resample(JNIEnv *env) {
    static const JNINativeMethod methods[] = {
        {"resampleRows", "([BIIZII[I[III[I[III[II)I", (void *) native_resampleRows},
    };
    return parathumb_register(env, "NativeBicubic", methods, (int) (sizeof methods / sizeof methods[0]));
}
