/*
 * A PNG thumbnail's row filters, chosen as Pillow 9.4's ZipEncode.c chooses them (PillowPng.java
 * has the same in Java, for images this file is not given): none, then Up, then Sub, then Paeth,
 * each kept only if the sum of its bytes' distances from zero (a byte read as signed: 200 counts
 * 56) is strictly smaller than the best so far. The rows of a 4096x2304 RGBA thumbnail took the
 * Java loops 0.35 s under C1, the launcher's compiler. The arrays are held a band of rows at a
 * time, and a cancel is asked for between bands.
 */
#include <stdlib.h>
#include <string.h>
#include "parathumb_native.h"

#define FILTER_BAND_ROWS 64
enum { FILTER_DONE = 0, FILTER_CANCELLED = 2, FILTER_BAD_ARGUMENTS = -1 };
enum { NONE = 0, SUB = 1, UP = 2, PAETH = 4 };

static inline int distance(int8_t b) {
    return b < 0 ? -(int) b : b;
}

static int sum_none(const uint8_t *row, size_t n) {
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        sum += distance((int8_t) row[i]);
    }
    return sum;
}

static int filter_up(const uint8_t *row, const uint8_t *above, size_t n, uint8_t *into) {
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        into[i] = (uint8_t) (row[i] - above[i]);
        sum += distance((int8_t) into[i]);
    }
    return sum;
}

static int filter_sub(const uint8_t *row, size_t n, size_t bpp, uint8_t *into) {
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        into[i] = (uint8_t) (row[i] - (i >= bpp ? row[i - bpp] : 0));
        sum += distance((int8_t) into[i]);
    }
    return sum;
}

static int filter_paeth(const uint8_t *row, const uint8_t *above, size_t n, size_t bpp, uint8_t *into) {
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        int a = i >= bpp ? row[i - bpp] : 0;
        int b = above[i];
        int c = i >= bpp ? above[i - bpp] : 0;
        int pa = abs(b - c);
        int pb = abs(a - c);
        int pc = abs(a + b - 2 * c);
        int predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        into[i] = (uint8_t) (row[i] - predictor);
        sum += distance((int8_t) into[i]);
    }
    return sum;
}

/* Writes row y of samples (n bytes a row) behind its filter type at out + y * (n + 1). */
static void filter_row(const uint8_t *samples, size_t n, size_t bpp, int y, uint8_t *zeros, uint8_t *candidate,
        uint8_t *out) {
    const uint8_t *row = samples + (size_t) y * n;
    const uint8_t *above = y > 0 ? row - n : zeros;
    uint8_t *at = out + (size_t) y * (n + 1);
    int filter = NONE;
    int best = sum_none(row, n);
    memcpy(at + 1, row, n);
    static const int tried[] = {UP, SUB, PAETH};
    for (int t = 0; t < 3 && best != 0; t++) {
        int s = tried[t] == UP ? filter_up(row, above, n, candidate)
                : tried[t] == SUB ? filter_sub(row, n, bpp, candidate)
                : filter_paeth(row, above, n, bpp, candidate);
        if (s < best) {
            filter = tried[t];
            best = s;
            memcpy(at + 1, candidate, n);
        }
    }
    at[0] = (uint8_t) filter;
}

static jint JNICALL native_filter(JNIEnv *env, jclass cls, jbyteArray samples, jint width, jint height, jint bpp,
        jbyteArray out) {
    (void) cls;
    if (width < 1 || height < 1 || bpp < 1 || bpp > 8) {
        return FILTER_BAD_ARGUMENTS;
    }
    size_t n = (size_t) width * (size_t) bpp;
    if ((*env)->GetArrayLength(env, samples) < (jlong) n * height
            || (*env)->GetArrayLength(env, out) < (jlong) (n + 1) * height) {
        return FILTER_BAD_ARGUMENTS;
    }
    uint8_t *zeros = calloc(1, n);
    uint8_t *candidate = malloc(n);
    jint result = FILTER_DONE;
    if (zeros == NULL || candidate == NULL) {
        result = FILTER_BAD_ARGUMENTS;
        goto done;
    }
    parathumb_abort abort = {env, 0, NULL};
    for (int first = 0; first < height; first += FILTER_BAND_ROWS) {
        if (parathumb_abort_requested(&abort)) {
            result = FILTER_CANCELLED;
            break;
        }
        int end = height - first < FILTER_BAND_ROWS ? height : first + FILTER_BAND_ROWS;
        uint8_t *in = (*env)->GetPrimitiveArrayCritical(env, samples, NULL);
        uint8_t *to = in == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, out, NULL);
        if (to != NULL) {
            for (int y = first; y < end; y++) {
                filter_row(in, n, (size_t) bpp, y, zeros, candidate, to);
            }
            (*env)->ReleasePrimitiveArrayCritical(env, out, to, 0);
        }
        if (in != NULL) {
            (*env)->ReleasePrimitiveArrayCritical(env, samples, in, JNI_ABORT);
        }
        if (to == NULL) {
            result = FILTER_BAD_ARGUMENTS;
            break;
        }
    }
done:
    free(zeros);
    free(candidate);
    return result;
}

int parathumb_register_png_filter(JNIEnv *env) {
    static const JNINativeMethod methods[] = {
        {"filter0", "([BIII[B)I", (void *) native_filter},
    };
    return parathumb_register(env, "NativePngFilter", methods, (int) (sizeof methods / sizeof methods[0]));
}
