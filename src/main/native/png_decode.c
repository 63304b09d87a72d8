/*
 * PNG through the system's libspng (libspng.so.0, opened at run time), into the layouts the Java
 * path gives (ImageDecoder on ImageIO, then LayoutConversion): gray, RGB or RGBA, 8 bits, alpha
 * not premultiplied. 16-bit samples keep their high byte, gray with alpha becomes RGBA, a palette
 * becomes RGB, or RGBA when it has a tRNS chunk. What the Java path would treat some other way is
 * declined, and ImageIO decodes it: gray below 8 bits (ImageIO reads it as a palette), gray or RGB
 * with a tRNS chunk, interlaced images below 8 bits, palette indices beyond the palette, and any
 * error. ImageIO also refuses files libspng would decode, whose damage lies past the last row: a
 * bad CRC on the last IDAT, a chunk after it running past the end, a missing IEND. So a file is
 * only taken when its chunks are whole, their CRCs right and IEND there; else ImageIO decides.
 * The abort is checked every band of rows.
 */
#include <stdlib.h>
#include <string.h>
#include <spng.h>
#include "parathumb_native.h"

static struct {
    int loaded;
    spng_ctx *(*ctx_new)(int);
    void (*ctx_free)(spng_ctx *);
    int (*set_png_buffer)(spng_ctx *, const void *, size_t);
    int (*set_crc_action)(spng_ctx *, int, int);
    int (*get_ihdr)(spng_ctx *, struct spng_ihdr *);
    int (*get_plte)(spng_ctx *, struct spng_plte *);
    int (*get_trns)(spng_ctx *, struct spng_trns *);
    int (*decoded_image_size)(spng_ctx *, int, size_t *);
    int (*decode_image)(spng_ctx *, void *, size_t, int, int);
    int (*decode_row)(spng_ctx *, void *, size_t);
    int (*get_row_info)(spng_ctx *, struct spng_row_info *);
    unsigned long (*crc32)(unsigned long, const unsigned char *, unsigned int); /* zlib's, which libspng loads */
} spng;

static int open_spng(JNIEnv *env, jstring soname) {
    if (spng.loaded) {
        return 1;
    }
    void *library = parathumb_open_library(env, soname);
    if (library == NULL) {
        return 0;
    }
    const parathumb_symbol symbols[] = {
        {"spng_ctx_new", (void **) &spng.ctx_new},
        {"spng_ctx_free", (void **) &spng.ctx_free},
        {"spng_set_png_buffer", (void **) &spng.set_png_buffer},
        {"spng_set_crc_action", (void **) &spng.set_crc_action},
        {"spng_get_ihdr", (void **) &spng.get_ihdr},
        {"spng_get_plte", (void **) &spng.get_plte},
        {"spng_get_trns", (void **) &spng.get_trns},
        {"spng_decoded_image_size", (void **) &spng.decoded_image_size},
        {"spng_decode_image", (void **) &spng.decode_image},
        {"spng_decode_row", (void **) &spng.decode_row},
        {"spng_get_row_info", (void **) &spng.get_row_info},
    };
    if (!parathumb_bind(library, symbols, PARATHUMB_COUNT(symbols))) {
        return 0;
    }
    void *zlib = dlopen("libz.so.1", RTLD_NOW | RTLD_LOCAL);
    const parathumb_symbol zlib_symbols[] = {{"crc32", (void **) &spng.crc32}};
    if (zlib == NULL || !parathumb_bind(zlib, zlib_symbols, PARATHUMB_COUNT(zlib_symbols))) {
        dlclose(library);
        return 0;
    }
    spng.loaded = 1;
    return 1;
}

enum { PNG_DONE = 0, PNG_DECLINED = 1, PNG_CANCELLED = 2, PNG_BAD_ARGUMENTS = -1 };
enum { GRAY = 0, RGB = 2, PALETTE = 3, GRAY_ALPHA = 4, RGBA = 6 };

#define BAND_ROWS 16

/* What a PNG becomes: the layout's channels, or 0 when the Java path would decode it otherwise. */
typedef struct {
    struct spng_ihdr ihdr;
    struct spng_plte plte;
    int has_trns;
    struct spng_trns trns;
    int channels;
} png_shape;

static int read_shape(spng_ctx *ctx, png_shape *shape) {
    memset(shape, 0, sizeof *shape);
    if (spng.get_ihdr(ctx, &shape->ihdr) != 0) {
        return 0;
    }
    shape->has_trns = spng.get_trns(ctx, &shape->trns) == 0;
    int depth = shape->ihdr.bit_depth;
    int interlaced = shape->ihdr.interlace_method != 0;
    switch (shape->ihdr.color_type) {
    case GRAY:
        shape->channels = (depth == 8 || depth == 16) && !shape->has_trns ? 1 : 0;
        break;
    case RGB:
        shape->channels = !shape->has_trns ? 3 : 0;
        break;
    case PALETTE:
        if (spng.get_plte(ctx, &shape->plte) != 0 || (interlaced && depth != 8)) {
            return 0;
        }
        shape->channels = shape->has_trns ? 4 : 3;
        break;
    case GRAY_ALPHA:
    case RGBA:
        shape->channels = 4;
        break;
    default:
        return 0;
    }
    return shape->channels;
}

/* One row of the file's samples (SPNG_FMT_PNG: host-endian 16-bit, packed below 8) into the layout. */
static int convert_row(const png_shape *s, const uint8_t *in, uint8_t *out) {
    int w = (int) s->ihdr.width;
    int depth = s->ihdr.bit_depth;
    int wide = depth == 16;
    const uint16_t *in16 = (const uint16_t *) in;
#define SAMPLE(i) (wide ? (uint8_t) (in16[i] >> 8) : in[i])
    switch (s->ihdr.color_type) {
    case GRAY:
        for (int x = 0; x < w; x++) {
            out[x] = SAMPLE(x);
        }
        break;
    case RGB:
        for (int x = 0; x < 3 * w; x++) {
            out[x] = SAMPLE(x);
        }
        break;
    case RGBA:
        for (int x = 0; x < 4 * w; x++) {
            out[x] = SAMPLE(x);
        }
        break;
    case GRAY_ALPHA:
        for (int x = 0; x < w; x++) {
            uint8_t l = SAMPLE(2 * x);
            out[4 * x] = out[4 * x + 1] = out[4 * x + 2] = l;
            out[4 * x + 3] = SAMPLE(2 * x + 1);
        }
        break;
    case PALETTE: {
        int c = s->channels;
        int mask = (1 << depth) - 1;
        for (int x = 0; x < w; x++) {
            int bit = x * depth;
            unsigned index = depth == 8 ? in[x] : (in[bit >> 3] >> (8 - depth - (bit & 7))) & mask;
            if (index >= s->plte.n_entries) {
                return 0;
            }
            out[c * x] = s->plte.entries[index].red;
            out[c * x + 1] = s->plte.entries[index].green;
            out[c * x + 2] = s->plte.entries[index].blue;
            if (c == 4) {
                out[c * x + 3] = index < s->trns.n_type3_entries ? s->trns.type3_alpha[index] : 255;
            }
        }
        break;
    }
    default:
        return 0;
    }
#undef SAMPLE
    return 1;
}

static uint32_t big_endian(const uint8_t *p) {
    return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

/* Whether every chunk after the signature is whole with its CRC right, up to an IEND. */
static int chunks_sound(const uint8_t *bytes, size_t length) {
    for (size_t at = 8; at + 12 <= length;) {
        uint32_t n = big_endian(bytes + at);
        if (n > length - at - 12) {
            return 0;
        }
        const uint8_t *type = bytes + at + 4;
        uint32_t crc = (uint32_t) spng.crc32(spng.crc32(0, NULL, 0), type, n + 4);
        if (crc != big_endian(type + 4 + n)) {
            return 0;
        }
        if (memcmp(type, "IEND", 4) == 0) {
            return 1;
        }
        at += 12 + (size_t) n;
    }
    return 0;
}

/*
 * Decodes the PNG in the direct buffer `data` (length bytes). With out == NULL only reads its
 * header: info = {width, height, channels of the layout}. Otherwise writes the layout's samples
 * into out, and sets info[5] to 1 when every alpha is 255 (or there is no alpha), else 0.
 * Returns PNG_DONE, PNG_DECLINED, PNG_CANCELLED or PNG_BAD_ARGUMENTS.
 */
static jint JNICALL native_decode(JNIEnv *env, jclass cls, jobject data, jint length, jbyteArray out,
        jintArray info) {
    (void) cls;
    const uint8_t *bytes = (*env)->GetDirectBufferAddress(env, data);
    if (!spng.loaded || bytes == NULL || length < 8 || (*env)->GetDirectBufferCapacity(env, data) < length
            || (*env)->GetArrayLength(env, info) < (out == NULL ? 3 : 6)) {
        return PNG_BAD_ARGUMENTS;
    }
    parathumb_abort abort = {env, 0, NULL};
    jint result = PNG_DECLINED;
    uint8_t *raw = NULL;
    uint8_t *band = NULL;
    spng_ctx *ctx = spng.ctx_new(0);
    png_shape shape;
    size_t raw_size;
    if (ctx == NULL || spng.set_crc_action(ctx, SPNG_CRC_ERROR, SPNG_CRC_ERROR) != 0
            || spng.set_png_buffer(ctx, bytes, (size_t) length) != 0 || !read_shape(ctx, &shape)
            || spng.decoded_image_size(ctx, SPNG_FMT_PNG, &raw_size) != 0) {
        goto done;
    }
    int width = (int) shape.ihdr.width;
    int height = (int) shape.ihdr.height;
    int64_t n = (int64_t) width * shape.channels;
    if (n * height > INT32_MAX - 8) {
        goto done;
    }
    if (out == NULL) {
        jint header[3] = {width, height, shape.channels};
        (*env)->SetIntArrayRegion(env, info, 0, 3, header);
        result = PNG_DONE;
        goto done;
    }
    if ((*env)->GetArrayLength(env, out) < n * height) {
        result = PNG_BAD_ARGUMENTS;
        goto done;
    }
    if (!chunks_sound(bytes, (size_t) length)) {
        goto done;
    }
    size_t row_size = raw_size / (size_t) height;
    int interlaced = shape.ihdr.interlace_method != 0;
    /* An interlaced image's passes revisit every row: it is decoded whole, then converted. */
    raw = malloc(interlaced ? raw_size : row_size * BAND_ROWS);
    band = malloc((size_t) n * BAND_ROWS);
    if (raw == NULL || band == NULL || spng.decode_image(ctx, NULL, 0, SPNG_FMT_PNG, SPNG_DECODE_PROGRESSIVE) != 0) {
        goto done;
    }
    int error = 0;
    uint32_t alpha = 0xFFFFFFFFu;
    for (int rows = 0; error == 0; rows++) {
        if (rows % BAND_ROWS == 0 && parathumb_abort_requested(&abort)) {
            result = PNG_CANCELLED;
            goto done;
        }
        struct spng_row_info row;
        if ((error = spng.get_row_info(ctx, &row)) != 0) {
            break;
        }
        uint8_t *target = interlaced ? raw + row.row_num * row_size : raw + (row.row_num % BAND_ROWS) * row_size;
        error = spng.decode_row(ctx, target, row_size);
        if (!interlaced && (error == 0 || error == SPNG_EOI)) {
            int y = (int) row.row_num;
            if (!convert_row(&shape, target, band + (size_t) (y % BAND_ROWS) * n)) {
                goto done;
            }
            if (shape.channels == 4) {
                alpha = parathumb_alpha_and(band + (size_t) (y % BAND_ROWS) * n, (size_t) width, alpha);
            }
            if (y % BAND_ROWS == BAND_ROWS - 1 || y == height - 1) {
                int first = y - y % BAND_ROWS;
                (*env)->SetByteArrayRegion(env, out, (jsize) (first * n), (jsize) ((y - first + 1) * n),
                        (const jbyte *) band);
            }
        }
    }
    if (error != SPNG_EOI) {
        goto done;
    }
    for (int y = 0; interlaced && y < height; y++) {
        if (y % BAND_ROWS == 0 && parathumb_abort_requested(&abort)) {
            result = PNG_CANCELLED;
            goto done;
        }
        if (!convert_row(&shape, raw + (size_t) y * row_size, band)) {
            goto done;
        }
        if (shape.channels == 4) {
            alpha = parathumb_alpha_and(band, (size_t) width, alpha);
        }
        (*env)->SetByteArrayRegion(env, out, (jsize) (y * n), (jsize) n, (const jbyte *) band);
    }
    jint header[3] = {width, height, shape.channels};
    jint opaque = alpha >> 24 == 0xFF;
    (*env)->SetIntArrayRegion(env, info, 0, 3, header);
    (*env)->SetIntArrayRegion(env, info, 5, 1, &opaque);
    result = PNG_DONE;
done:
    if (ctx != NULL) {
        spng.ctx_free(ctx);
    }
    free(raw);
    free(band);
    return result;
}

static jboolean JNICALL native_openLibspng(JNIEnv *env, jclass cls, jstring soname) {
    (void) cls;
    return open_spng(env, soname) ? JNI_TRUE : JNI_FALSE;
}

int parathumb_register_png_decode(JNIEnv *env) {
    static const JNINativeMethod methods[] = {
        {"openLibspng", "(Ljava/lang/String;)Z", (void *) native_openLibspng},
        {"decode", "(Ljava/nio/ByteBuffer;I[B[I)I", (void *) native_decode},
    };
    return parathumb_register(env, "NativePng", methods, 2);
}
