/*
 * PNG through the system's libdeflate (libdeflate.so.0, opened at run time) for the PNGs real
 * folders hold: 8 bits a sample, not interlaced; gray, RGB, RGBA, gray with alpha, or a palette
 * with or without tRNS. The chunks are walked here, the IDAT data inflated in one libdeflate call
 * into the exact size IHDR names, the five filters undone here (Sub, Average and Paeth with SSE2
 * for 3 and 4 bytes a pixel) and the rows written in png_decode.c's layouts: gray, RGB, RGBA, gray
 * with alpha as RGBA, a palette as RGB (RGBA with a tRNS chunk). zlib's inflate, which libspng,
 * libpng and ImageIO all use, is about half of a PNG's decode; libdeflate's is about twice as fast.
 *
 * Two kinds of no. The header query (out == NULL) takes only what this file decodes; the rest is
 * left to png_decode.c (libspng), which decides as before: other depths, interlacing, gray or RGB
 * with tRNS, chunks cut short, out of order or repeated, critical chunks it does not know, a zlib
 * window smaller than the image data (zlib would check its distances, libdeflate does not), and on
 * a palette image any ancillary chunk whose parsing might fail ImageIO's reader (which parses them
 * all on palette images). Once taken, what the decode finds damaged (a CRC wrong, inflated data
 * not exactly the image's size or with data after it, a wrong Adler-32, a filter type beyond 4, a
 * palette index beyond the palette) is declined, and ImageIO decodes the file and names what is
 * wrong, as it does for png_decode.c's declines. The abort is checked before the inflate and every
 * band of rows after it. libdeflate's inflate is one call nothing can stop: 47 ms of CPU for the
 * largest corpus PNG (59 MB of rows), more for a first image's fresh memory, about 0.2 s for a 59
 * MP RGBA PNG and three times that at the default pixel limit, all the while holding the output
 * array (and so the collector). So rows over STREAMED_ABOVE bytes are inflated by zlib's streaming
 * inflate instead, STEP bytes at a time, the abort asked and the array let go between steps; the
 * decode then takes about twice as long, on those files alone (decision 0013).
 */
#include <stdlib.h>
#include <string.h>
#include <emmintrin.h>
#include "parathumb_native.h"

/* The few declarations of libdeflate.h (libdeflate-dev) this file needs. */
struct libdeflate_decompressor;
enum { LIBDEFLATE_SUCCESS = 0 };

static struct {
    int loaded;
    struct libdeflate_decompressor *(*alloc_decompressor)(void);
    int (*zlib_decompress_ex)(struct libdeflate_decompressor *, const void *, size_t, void *, size_t, size_t *,
            size_t *);
    void (*free_decompressor)(struct libdeflate_decompressor *);
    uint32_t (*crc32)(uint32_t, const void *, size_t);
} deflate;

enum { PNG_DONE = 0, PNG_DECLINED = 1, PNG_CANCELLED = 2, PNG_BAD_ARGUMENTS = -1 };
enum { GRAY = 0, RGB = 2, PALETTE = 3, GRAY_ALPHA = 4, RGBA = 6 };

#define BAND_ROWS 16
#define STREAMED_ABOVE ((size_t) 64 << 20)
#define STEP ((size_t) 4 << 20)
#define SLACK 16 /* bytes past a buffer's end that 4-byte pixel loads and stores may touch */

/* A PNG this file decodes, as its chunks describe it. */
typedef struct {
    uint32_t width;
    uint32_t height;
    int color;
    int bpp;      /* bytes a pixel in the file */
    int channels; /* of the layout */
    unsigned palette_entries;
    uint32_t palette[256]; /* RGBA, little-endian: red in the low byte */
    size_t idat_first;     /* offset of the first IDAT chunk */
    size_t idat_bytes;     /* the data of all IDAT chunks */
    int idat_chunks;
} png_walk;

static uint32_t big_endian(const uint8_t *p) {
    return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

static int is_type(const uint8_t *type, const char *name) {
    return memcmp(type, name, 4) == 0;
}

/*
 * Whether ImageIO's reader, which parses every chunk of a palette image, parses this one without a
 * chance to fail: a fixed-size chunk of its size, or a tEXt chunk whose keyword ends within the
 * chunk and its 80 bytes (and is not "Creation Time", whose text ImageIO parses as a date).
 */
static int imageio_parses_safely(const uint8_t *type, const uint8_t *body, uint32_t n) {
    if (is_type(type, "tEXt")) {
        const uint8_t *end = memchr(body, 0, n < 80 ? n : 80);
        return end != NULL && !(end - body == 13 && memcmp(body, "Creation Time", 13) == 0);
    }
    static const struct {
        char type[5];
        uint32_t length;
    } SAFE[] = {{"bKGD", 1}, {"cHRM", 32}, {"gAMA", 4}, {"pHYs", 9}, {"sBIT", 3}, {"sRGB", 1}, {"tIME", 7}};
    for (size_t i = 0; i < sizeof SAFE / sizeof SAFE[0]; i++) {
        if (is_type(type, SAFE[i].type)) {
            return n == SAFE[i].length;
        }
    }
    return 0;
}

/*
 * Walks the chunks of the PNG in bytes: 1 when this file decodes it and every chunk is whole and
 * in order up to an IEND (with check_crcs, every CRC right too), with png filled in; else 0.
 */
static int walk(const uint8_t *bytes, size_t length, int check_crcs, png_walk *png) {
    static const uint8_t SIGNATURE[8] = {137, 'P', 'N', 'G', 13, 10, 26, 10};
    memset(png, 0, sizeof *png);
    if (length < 8 + 25 || memcmp(bytes, SIGNATURE, 8) != 0 || big_endian(bytes + 8) != 13
            || !is_type(bytes + 12, "IHDR")) {
        return 0;
    }
    const uint8_t *ihdr = bytes + 16;
    png->width = big_endian(ihdr);
    png->height = big_endian(ihdr + 4);
    png->color = ihdr[9];
    if (png->width == 0 || png->height == 0 || png->width > INT32_MAX || png->height > INT32_MAX || ihdr[8] != 8
            || ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] != 0) {
        return 0;
    }
    switch (png->color) {
    case GRAY: png->bpp = 1; png->channels = 1; break;
    case RGB: png->bpp = 3; png->channels = 3; break;
    case PALETTE: png->bpp = 1; png->channels = 3; break;
    case GRAY_ALPHA: png->bpp = 2; png->channels = 4; break;
    case RGBA: png->bpp = 4; png->channels = 4; break;
    default: return 0;
    }
    if (check_crcs && deflate.crc32(0, bytes + 12, 17) != big_endian(bytes + 29)) {
        return 0;
    }
    int seen_plte = 0, seen_trns = 0, idat_ended = 0;
    for (size_t at = 8 + 25; at + 12 <= length;) {
        uint32_t n = big_endian(bytes + at);
        if (n > INT32_MAX || n > length - at - 12) {
            return 0;
        }
        const uint8_t *type = bytes + at + 4;
        const uint8_t *body = type + 4;
        for (int i = 0; i < 4; i++) {
            if (!((type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z'))) {
                return 0;
            }
        }
        if (check_crcs && deflate.crc32(0, type, (size_t) n + 4) != big_endian(body + n)) {
            return 0;
        }
        int idat = is_type(type, "IDAT");
        if (png->idat_chunks > 0 && !idat) {
            idat_ended = 1;
        }
        if (idat) {
            if (idat_ended || (png->color == PALETTE && !seen_plte)) {
                return 0;
            }
            if (png->idat_chunks++ == 0) {
                png->idat_first = at;
            }
            png->idat_bytes += n;
        } else if (is_type(type, "IEND")) {
            return n == 0 && png->idat_chunks > 0 && png->idat_bytes > 0;
        } else if (is_type(type, "PLTE")) {
            if (png->idat_chunks > 0 || seen_plte || seen_trns || png->color == GRAY || png->color == GRAY_ALPHA
                    || n % 3 != 0 || n == 0 || n > 768) {
                return 0;
            }
            seen_plte = 1;
            png->palette_entries = n / 3;
            for (unsigned i = 0; i < png->palette_entries; i++) {
                png->palette[i] = body[3 * i] | (uint32_t) body[3 * i + 1] << 8 | (uint32_t) body[3 * i + 2] << 16
                        | 0xFF000000u;
            }
        } else if (is_type(type, "tRNS")) {
            /* On gray or RGB it is a transparent colour, which ImageIO reads its own way. */
            if (png->idat_chunks > 0 || seen_trns || png->color != PALETTE || !seen_plte || n > png->palette_entries) {
                return 0;
            }
            seen_trns = 1;
            png->channels = 4;
            for (uint32_t i = 0; i < n; i++) {
                png->palette[i] = (png->palette[i] & 0x00FFFFFFu) | (uint32_t) body[i] << 24;
            }
        } else if (!(type[0] & 0x20) || (png->color == PALETTE && !imageio_parses_safely(type, body, n))) {
            return 0; /* a critical chunk this file does not know, or one ImageIO might refuse */
        }
        at += 12 + (size_t) n;
    }
    return 0; /* no IEND */
}

/* Whether zlib would check the stream's distances against a window smaller than the data. */
static int window_too_small(const uint8_t *bytes, const png_walk *png, size_t raw_size) {
    const uint8_t *first = bytes + png->idat_first + 8;
    if (big_endian(bytes + png->idat_first) == 0) {
        return 1; /* the stream's header in a later chunk: not worth the search */
    }
    int cinfo = first[0] >> 4;
    return cinfo < 7 && raw_size > (size_t) 1 << (cinfo + 8);
}

/* The IDAT data as one run: in place when there is one chunk, else copied into run. */
static const uint8_t *gather_idat(const uint8_t *bytes, const png_walk *png, uint8_t *run) {
    if (png->idat_chunks == 1) {
        return bytes + png->idat_first + 8;
    }
    size_t filled = 0;
    for (size_t at = png->idat_first; filled < png->idat_bytes;) {
        uint32_t n = big_endian(bytes + at);
        memcpy(run + filled, bytes + at + 8, n);
        filled += n;
        at += 12 + (size_t) n;
    }
    return run;
}

static inline __m128i load_pixel(const uint8_t *p) {
    int32_t v;
    memcpy(&v, p, 4);
    return _mm_unpacklo_epi8(_mm_cvtsi32_si128(v), _mm_setzero_si128());
}

/* Stores four bytes: with 3 bytes a pixel the fourth lands on the next pixel, written after it. */
static inline void store_pixel(uint8_t *p, __m128i v) {
    int32_t out = _mm_cvtsi128_si32(_mm_packus_epi16(v, v));
    memcpy(p, &out, 4);
}

/* Sub, 3 or 4 bytes a pixel: each pixel adds the one before, 4 lanes at once. */
static void sub_sse2(const uint8_t *src, uint8_t *dst, size_t n, int bpp) {
    __m128i a = _mm_setzero_si128();
    for (size_t i = 0; i < n; i += (size_t) bpp) {
        int32_t v;
        memcpy(&v, src + i, 4);
        a = _mm_add_epi8(_mm_cvtsi32_si128(v), a);
        v = _mm_cvtsi128_si32(a);
        memcpy(dst + i, &v, 4);
    }
}

/* Average, 3 or 4 bytes a pixel, in 16-bit lanes. */
static void average_sse2(const uint8_t *src, uint8_t *dst, const uint8_t *prev, size_t n, int bpp) {
    const __m128i low = _mm_set1_epi16(0xFF);
    __m128i a = _mm_setzero_si128();
    for (size_t i = 0; i < n; i += (size_t) bpp) {
        __m128i b = load_pixel(prev + i);
        a = _mm_and_si128(_mm_add_epi16(load_pixel(src + i), _mm_srli_epi16(_mm_add_epi16(a, b), 1)), low);
        store_pixel(dst + i, a);
    }
}

/*
 * Paeth, 3 or 4 bytes a pixel, in 16-bit lanes, branch-free in the form stb_image uses (the same
 * choice as the specification's, with a shorter chain from one pixel to the next): with
 * t = 3c - a - b, the predictor is max(a, b) if t <= min(a, b), else c if max(a, b) > t, else min(a, b).
 */
static void paeth_sse2(const uint8_t *src, uint8_t *dst, const uint8_t *prev, size_t n, int bpp) {
    const __m128i low = _mm_set1_epi16(0xFF);
    __m128i a = _mm_setzero_si128();
    __m128i c = _mm_setzero_si128();
    for (size_t i = 0; i < n; i += (size_t) bpp) {
        __m128i b = load_pixel(prev + i);
        __m128i lo = _mm_min_epi16(a, b);
        __m128i hi = _mm_max_epi16(a, b);
        __m128i t = _mm_sub_epi16(_mm_add_epi16(_mm_add_epi16(c, c), c), _mm_add_epi16(a, b));
        __m128i beyond = _mm_cmpgt_epi16(hi, t);
        __m128i inner = _mm_or_si128(_mm_and_si128(beyond, c), _mm_andnot_si128(beyond, lo));
        __m128i above = _mm_cmpgt_epi16(t, lo);
        __m128i predictor = _mm_or_si128(_mm_and_si128(above, inner), _mm_andnot_si128(above, hi));
        a = _mm_and_si128(_mm_add_epi16(load_pixel(src + i), predictor), low);
        store_pixel(dst + i, a);
        c = b;
    }
}

static inline int paeth(int a, int b, int c) {
    int t = 3 * c - a - b;
    int lo = a < b ? a : b;
    int hi = a < b ? b : a;
    return t <= lo ? hi : hi <= t ? lo : c;
}

/*
 * Undoes one row's filter from src (the row as inflated, after its filter byte) into dst, with
 * prev the row above, undone (zeros above the first). n bytes, bpp bytes a pixel. 0 for a filter
 * type beyond 4. dst and prev have SLACK bytes after them.
 */
static int unfilter(int filter, const uint8_t *restrict src, uint8_t *restrict dst, const uint8_t *restrict prev,
        size_t n, int bpp) {
    int wide = bpp >= 3;
    switch (filter) {
    case 0:
        memcpy(dst, src, n);
        return 1;
    case 1:
        if (wide) {
            sub_sse2(src, dst, n, bpp);
        } else {
            memcpy(dst, src, (size_t) bpp);
            for (size_t i = (size_t) bpp; i < n; i++) {
                dst[i] = (uint8_t) (src[i] + dst[i - bpp]);
            }
        }
        return 1;
    case 2:
        for (size_t i = 0; i < n; i++) {
            dst[i] = (uint8_t) (src[i] + prev[i]);
        }
        return 1;
    case 3:
        if (wide) {
            average_sse2(src, dst, prev, n, bpp);
        } else {
            for (size_t i = 0; i < (size_t) bpp; i++) {
                dst[i] = (uint8_t) (src[i] + (prev[i] >> 1));
            }
            for (size_t i = (size_t) bpp; i < n; i++) {
                dst[i] = (uint8_t) (src[i] + ((dst[i - bpp] + prev[i]) >> 1));
            }
        }
        return 1;
    case 4:
        if (wide) {
            paeth_sse2(src, dst, prev, n, bpp);
        } else {
            for (size_t i = 0; i < (size_t) bpp; i++) {
                dst[i] = (uint8_t) (src[i] + prev[i]);
            }
            for (size_t i = (size_t) bpp; i < n; i++) {
                dst[i] = (uint8_t) (src[i] + paeth(dst[i - bpp], prev[i], prev[i - bpp]));
            }
        }
        return 1;
    default:
        return 0;
    }
}

/* Rows of the file's samples into the layout, for gray with alpha and palettes; 0 for an index beyond the palette. */
static int convert_rows(const png_walk *png, const uint8_t *in, uint8_t *out, size_t pixels) {
    if (png->color == GRAY_ALPHA) {
        for (size_t x = 0; x < pixels; x++) {
            uint32_t l = in[2 * x];
            uint32_t rgba = l | l << 8 | l << 16 | (uint32_t) in[2 * x + 1] << 24;
            memcpy(out + 4 * x, &rgba, 4);
        }
        return 1;
    }
    size_t c = (size_t) png->channels;
    uint8_t bad = 0;
    for (size_t x = 0; x < pixels; x++) {
        unsigned index = in[x];
        bad |= index >= png->palette_entries;
        memcpy(out + c * x, &png->palette[index], 4); /* with 3 channels the fourth byte is the next pixel's */
    }
    return !bad;
}

/*
 * Where the decode's memory lies. The inflated rows, filter bytes and all, are image-sized: when a
 * row's bytes are the layout's (gray, RGB, RGBA) they are inflated into the output array itself and
 * undone band by band over the rows already done, which each band's rows in the file follow (row y
 * is written at y * n, read from y * (n + 1)); otherwise (a palette, gray with alpha) into the
 * caller's direct buffer. The rest is a few rows. Nothing is allocated per image: both buffers are
 * the thread's, reused, so that no second image's worth of memory is mapped and faulted in.
 */
typedef struct {
    int in_output; /* whether the inflated rows lie in the output array */
    size_t raw;       /* the inflated rows in the direct buffer, when not in the output array */
    size_t rows;      /* a band of undone rows after the row above it */
    size_t converted; /* the band in the layout, when it is not the file's */
    size_t idat;      /* the IDAT data gathered into one run, when there are several chunks */
    size_t total;     /* bytes of the direct buffer */
    size_t output;    /* bytes of the output array */
} png_work;

static png_work work_layout(const png_walk *png, int64_t n) {
    size_t row_bytes = (size_t) png->width * (size_t) png->bpp;
    size_t raw_size = (row_bytes + 1) * png->height;
    png_work w;
    w.in_output = png->color == GRAY || png->color == RGB || png->color == RGBA;
    w.raw = 0;
    w.rows = w.in_output ? 0 : raw_size + SLACK;
    w.converted = w.rows + (BAND_ROWS + 1) * row_bytes + SLACK;
    w.idat = w.converted + (w.in_output ? 0 : (size_t) n * BAND_ROWS + SLACK);
    w.total = w.idat + (png->idat_chunks > 1 ? png->idat_bytes : 0);
    w.output = w.in_output ? raw_size + SLACK : (size_t) n * png->height;
    return w;
}

/*
 * libdeflate's inflate of the zlib stream `compressed` into exactly raw_size bytes, in one call:
 * into `raw`, or when raw is NULL into the array `out`, held only while nothing but this call runs.
 * 1 when the stream ends exactly there, with nothing after it.
 */
static int inflate_at_once(JNIEnv *env, const uint8_t *compressed, size_t size, jbyteArray out, uint8_t *raw,
        size_t raw_size) {
    struct libdeflate_decompressor *decompressor = deflate.alloc_decompressor();
    if (decompressor == NULL) {
        return 0;
    }
    uint8_t *into = raw != NULL ? raw : (*env)->GetPrimitiveArrayCritical(env, out, NULL);
    size_t consumed = 0, produced = 0;
    int inflated = into != NULL
            && deflate.zlib_decompress_ex(decompressor, compressed, size, into, raw_size, &consumed, &produced)
                    == LIBDEFLATE_SUCCESS
            && consumed == size && produced == raw_size;
    if (raw == NULL && into != NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, out, into, 0);
    }
    deflate.free_decompressor(decompressor);
    return inflated;
}

/*
 * Decodes the PNG in the direct buffer `data` (length bytes), when it is one this file takes. With
 * out == NULL only reads its header: info = {width, height, channels of the layout, bytes of work
 * memory, bytes of the output array}. Otherwise decodes in `work` (a direct buffer of at least that
 * many bytes) and `out` (an array of at least that many), leaves the layout's samples at the
 * start of out, and sets info[5] to 1 when every alpha is 255 (or there is no alpha), else 0.
 * Returns PNG_DONE, PNG_DECLINED, PNG_CANCELLED or PNG_BAD_ARGUMENTS.
 */
static jint JNICALL native_inflate(JNIEnv *env, jclass cls, jobject data, jint length, jobject work,
        jbyteArray out, jintArray info) {
    (void) cls;
    const uint8_t *bytes = (*env)->GetDirectBufferAddress(env, data);
    if (!deflate.loaded || bytes == NULL || length < 8 || (*env)->GetDirectBufferCapacity(env, data) < length
            || (*env)->GetArrayLength(env, info) < (out == NULL ? 5 : 6)) {
        return PNG_BAD_ARGUMENTS;
    }
    png_walk *png = malloc(sizeof *png);
    if (png == NULL) {
        return PNG_DECLINED;
    }
    parathumb_abort abort = {env, 0, NULL};
    jint result = PNG_DECLINED;
    if (!walk(bytes, (size_t) length, out != NULL, png)) {
        goto done;
    }
    int width = (int) png->width;
    int height = (int) png->height;
    int64_t n = (int64_t) width * png->channels;
    size_t row_bytes = (size_t) width * (size_t) png->bpp;
    size_t raw_size = (row_bytes + 1) * (size_t) height;
    png_work layout = work_layout(png, n);
    if (n * height > INT32_MAX - 8 || layout.total > INT32_MAX - 8 || layout.output > INT32_MAX - 8
            || window_too_small(bytes, png, raw_size)) {
        goto done;
    }
    jint header[5] = {width, height, png->channels, (jint) layout.total, (jint) layout.output};
    if (out == NULL) {
        (*env)->SetIntArrayRegion(env, info, 0, 5, header);
        result = PNG_DONE;
        goto done;
    }
    uint8_t *memory = work == NULL ? NULL : (*env)->GetDirectBufferAddress(env, work);
    if ((*env)->GetArrayLength(env, out) < (jsize) layout.output || memory == NULL
            || (*env)->GetDirectBufferCapacity(env, work) < (jlong) layout.total) {
        result = PNG_BAD_ARGUMENTS;
        goto done;
    }
    if (parathumb_abort_requested(&abort)) {
        result = PNG_CANCELLED;
        goto done;
    }
    uint8_t *rows = memory + layout.rows;
    uint8_t *converted = memory + layout.converted;
    const uint8_t *compressed = gather_idat(bytes, png, memory + layout.idat);
    uint8_t *raw = layout.in_output ? NULL : memory + layout.raw;
    int streamed = raw_size > STREAMED_ABOVE
            ? parathumb_zlib_inflate(env, &abort, compressed, png->idat_bytes, out, raw, raw_size, STEP)
            : ZLIB_ABSENT;
    if (streamed == ZLIB_CANCELLED) {
        result = PNG_CANCELLED;
        goto done;
    }
    if (streamed == ZLIB_REFUSED
            || (streamed == ZLIB_ABSENT && !inflate_at_once(env, compressed, png->idat_bytes, out, raw, raw_size))) {
        goto done;
    }
    uint8_t *array = NULL;
    memset(rows, 0, row_bytes + SLACK);
    uint32_t alpha = 0xFFFFFFFFu;
    for (int first = 0; first < height; first += BAND_ROWS) {
        if (parathumb_abort_requested(&abort)) {
            result = PNG_CANCELLED;
            goto done;
        }
        int count = height - first < BAND_ROWS ? height - first : BAND_ROWS;
        if (layout.in_output) {
            array = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
            if (array == NULL) {
                goto done;
            }
            raw = array;
        }
        int undone = 1;
        for (int k = 0; k < count && undone; k++) {
            const uint8_t *src = raw + (size_t) (first + k) * (row_bytes + 1);
            undone = unfilter(src[0], src + 1, rows + (size_t) (k + 1) * row_bytes, rows + (size_t) k * row_bytes,
                    row_bytes, png->bpp);
        }
        const uint8_t *band = rows + row_bytes;
        if (layout.in_output) {
            if (undone) {
                /* Over rows this band and the ones before were inflated in, all read by now. */
                memcpy(array + (size_t) first * (size_t) n, band, (size_t) count * (size_t) n);
            }
            (*env)->ReleasePrimitiveArrayCritical(env, out, array, 0);
        } else if (undone) {
            undone = convert_rows(png, band, converted, (size_t) width * (size_t) count);
            band = converted;
            if (undone) {
                (*env)->SetByteArrayRegion(env, out, (jsize) (first * n), (jsize) (count * n),
                        (const jbyte *) converted);
            }
        }
        if (undone && png->channels == 4) {
            alpha = parathumb_alpha_and(band, (size_t) width * (size_t) count, alpha);
        }
        if (!undone) {
            goto done;
        }
        memcpy(rows, rows + (size_t) count * row_bytes, row_bytes);
    }
    jint opaque = alpha >> 24 == 0xFF;
    (*env)->SetIntArrayRegion(env, info, 0, 5, header);
    (*env)->SetIntArrayRegion(env, info, 5, 1, &opaque);
    result = PNG_DONE;
done:
    free(png);
    return result;
}

static jboolean JNICALL native_openLibdeflate(JNIEnv *env, jclass cls, jstring soname) {
    (void) cls;
    if (deflate.loaded) {
        return JNI_TRUE;
    }
    void *library = parathumb_open_library(env, soname);
    if (library == NULL) {
        return JNI_FALSE;
    }
    const parathumb_symbol symbols[] = {
        {"libdeflate_alloc_decompressor", (void **) &deflate.alloc_decompressor},
        {"libdeflate_zlib_decompress_ex", (void **) &deflate.zlib_decompress_ex},
        {"libdeflate_free_decompressor", (void **) &deflate.free_decompressor},
        {"libdeflate_crc32", (void **) &deflate.crc32},
    };
    if (!parathumb_bind(library, symbols, PARATHUMB_COUNT(symbols))) {
        return JNI_FALSE;
    }
    deflate.loaded = 1;
    return JNI_TRUE;
}

int parathumb_register_png_inflate(JNIEnv *env) {
    static const JNINativeMethod methods[] = {
        {"openLibdeflate", "(Ljava/lang/String;)Z", (void *) native_openLibdeflate},
        {"inflate", "(Ljava/nio/ByteBuffer;ILjava/nio/ByteBuffer;[B[I)I", (void *) native_inflate},
    };
    return parathumb_register(env, "NativePng", methods, 2);
}
