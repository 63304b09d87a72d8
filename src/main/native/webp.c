/*
 * WebP through the system's libwebp (libwebp.so.7, and libwebpdemux.so.2 for animations), opened at
 * run time, as Pillow 9.4 decodes it: Pillow asks WebPGetFeatures whether the file has alpha (RGBA)
 * or not (RGB), and decodes the (first) frame with WebPAnimDecoder into RGBA, whose colour samples
 * are libwebp's default decode (fancy upsampling, no dithering). A still image is decoded here by
 * the incremental decoder (WebPIDecoder) fed a 64th of the file at a time, with a look at the Java thread's
 * interrupt between chunks, so a cancel lands within a chunk's decode; an animation's first frame
 * by WebPAnimDecoder, as Pillow does.
 */
#define _GNU_SOURCE
#include "parathumb_native.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <webp/decode.h>
#include <webp/demux.h>

/* Input per incremental step: a 64th of the file, within [512 B, 256 KiB], so even a small file
   of many pixels (a lossless gradient) is decoded in dozens of steps with a look at the interrupt
   between each. */
#define CHUNKS 64
#define MIN_CHUNK 512
#define MAX_CHUNK (256 * 1024)

static struct {
    int loaded;
    VP8StatusCode (*get_features)(const uint8_t *, size_t, WebPBitstreamFeatures *, int);
    WebPIDecoder *(*new_decoder)(WEBP_CSP_MODE, uint8_t *, size_t, int);
    VP8StatusCode (*append)(WebPIDecoder *, const uint8_t *, size_t);
    uint8_t *(*get_rgb)(const WebPIDecoder *, int *, int *, int *, int *);
    void (*delete_decoder)(WebPIDecoder *);
    int (*get_version)(void);
    int (*init_config)(WebPDecoderConfig *, int);
    WebPIDecoder *(*new_configured)(const uint8_t *, size_t, WebPDecoderConfig *);
    void (*free_buffer)(WebPDecBuffer *);
    /* libwebpdemux, for animations */
    int (*anim_options_init)(WebPAnimDecoderOptions *, int);
    WebPAnimDecoder *(*anim_new)(const WebPData *, const WebPAnimDecoderOptions *, int);
    int (*anim_info)(const WebPAnimDecoder *, WebPAnimInfo *);
    int (*anim_next)(WebPAnimDecoder *, uint8_t **, int *);
    void (*anim_delete)(WebPAnimDecoder *);
} webp;

/* Opens libwebp by the given soname (and libwebpdemux beside it); JNI_FALSE if it is missing. */
static jboolean JNICALL native_open(JNIEnv *env, jclass cls, jstring soname, jstring demux_soname) {
    (void) cls;
    if (webp.loaded) {
        return JNI_TRUE;
    }
    void *library = parathumb_open_library(env, soname);
    if (library == NULL) {
        return JNI_FALSE;
    }
    const parathumb_symbol symbols[] = {
        {"WebPGetFeaturesInternal", (void **) &webp.get_features},
        {"WebPINewRGB", (void **) &webp.new_decoder},
        {"WebPIAppend", (void **) &webp.append},
        {"WebPIDecGetRGB", (void **) &webp.get_rgb},
        {"WebPIDelete", (void **) &webp.delete_decoder},
        {"WebPGetDecoderVersion", (void **) &webp.get_version},
        {"WebPInitDecoderConfigInternal", (void **) &webp.init_config},
        {"WebPIDecode", (void **) &webp.new_configured},
        {"WebPFreeDecBuffer", (void **) &webp.free_buffer},
    };
    if (!parathumb_bind(library, symbols, PARATHUMB_COUNT(symbols))) {
        return JNI_FALSE;
    }
    /* Without libwebpdemux (or with one that lacks a function), no animations: anim_new stays NULL. */
    void *demux = parathumb_open_library(env, demux_soname);
    const parathumb_symbol demux_symbols[] = {
        {"WebPAnimDecoderOptionsInitInternal", (void **) &webp.anim_options_init},
        {"WebPAnimDecoderNewInternal", (void **) &webp.anim_new},
        {"WebPAnimDecoderGetInfo", (void **) &webp.anim_info},
        {"WebPAnimDecoderGetNext", (void **) &webp.anim_next},
        {"WebPAnimDecoderDelete", (void **) &webp.anim_delete},
    };
    if (demux != NULL && !parathumb_bind(demux, demux_symbols, PARATHUMB_COUNT(demux_symbols))) {
        webp.anim_new = NULL;
    }
    webp.loaded = 1;
    return JNI_TRUE;
}

/* "1.2.4", or "1.2.4 (no animations)" without libwebpdemux. */
static jstring JNICALL native_version(JNIEnv *env, jclass cls) {
    (void) cls;
    if (!webp.loaded) {
        return NULL;
    }
    char text[64];
    int v = webp.get_version();
    snprintf(text, sizeof text, "%d.%d.%d%s", v >> 16, (v >> 8) & 0xFF, v & 0xFF,
            webp.anim_new ? "" : " (no animations: libwebpdemux2 missing)");
    return (*env)->NewStringUTF(env, text);
}

static int status_result(VP8StatusCode status) {
    switch (status) {
        case VP8_STATUS_OK: return CODEC_DONE;
        case VP8_STATUS_NOT_ENOUGH_DATA:
        case VP8_STATUS_SUSPENDED: return CODEC_TRUNCATED;
        case VP8_STATUS_OUT_OF_MEMORY: return CODEC_NO_MEMORY;
        case VP8_STATUS_UNSUPPORTED_FEATURE: return CODEC_UNSUPPORTED;
        default: return CODEC_CORRUPT;
    }
}

/*
 * The features of the WebP in data[0, length): info = {width, height, has_alpha, has_animation}.
 * For an animation the size is the canvas's, as WebPAnimDecoder reports it.
 */
static jint JNICALL native_features(JNIEnv *env, jclass cls, jobject data, jint length, jintArray info) {
    (void) cls;
    const uint8_t *bytes = (*env)->GetDirectBufferAddress(env, data);
    if (!webp.loaded) {
        return CODEC_NO_LIBRARY;
    }
    if (bytes == NULL || length < 0 || (*env)->GetDirectBufferCapacity(env, data) < length
            || (*env)->GetArrayLength(env, info) < 4) {
        return CODEC_BAD_ARGUMENTS;
    }
    WebPBitstreamFeatures features;
    VP8StatusCode status = webp.get_features(bytes, (size_t) length, &features, WEBP_DECODER_ABI_VERSION);
    if (status != VP8_STATUS_OK) {
        return status_result(status);
    }
    jint values[4] = {features.width, features.height, features.has_alpha != 0, features.has_animation != 0};
    (*env)->SetIntArrayRegion(env, info, 0, 4, values);
    return CODEC_DONE;
}

/* Copies rows [from, to) of a decoded buffer into out, channels bytes per pixel. */
static void copy_rows(JNIEnv *env, jbyteArray out, const uint8_t *rgb, int stride, int width, int channels,
        int from, int to) {
    size_t row = (size_t) width * channels;
    if (stride == (int) row) {
        (*env)->SetByteArrayRegion(env, out, (jsize) (row * from), (jsize) (row * (to - from)),
                (const jbyte *) rgb + (size_t) stride * from);
        return;
    }
    for (int y = from; y < to; y++) {
        (*env)->SetByteArrayRegion(env, out, (jsize) (row * y), (jsize) row, (const jbyte *) rgb + (size_t) stride * y);
    }
}

/* The first frame of an animation, as Pillow's WebPAnimDecoder gets it: RGBA on the canvas. */
static int decode_animation(JNIEnv *env, const uint8_t *bytes, jint length, jint channels, jbyteArray out,
        jint width, jint height, jintArray rows) {
    if (webp.anim_new == NULL) {
        return CODEC_UNSUPPORTED;
    }
    WebPAnimDecoderOptions options;
    if (!webp.anim_options_init(&options, WEBP_DEMUX_ABI_VERSION)) {
        return CODEC_BAD_ARGUMENTS;
    }
    options.color_mode = MODE_RGBA;
    WebPData source = {bytes, (size_t) length};
    WebPAnimDecoder *decoder = webp.anim_new(&source, &options, WEBP_DEMUX_ABI_VERSION);
    if (decoder == NULL) {
        return CODEC_CORRUPT;
    }
    parathumb_abort abort = {env, 0, NULL};
    int result = CODEC_CORRUPT;
    WebPAnimInfo info;
    uint8_t *canvas;
    int timestamp;
    if (!webp.anim_info(decoder, &info) || (int) info.canvas_width != width || (int) info.canvas_height != height) {
        goto done;
    }
    if (parathumb_abort_requested(&abort)) {
        result = CODEC_CANCELLED;
        goto done;
    }
    if (!webp.anim_next(decoder, &canvas, &timestamp)) {
        goto done;
    }
    if (channels == 4) {
        copy_rows(env, out, canvas, width * 4, width, 4, 0, height);
    } else {
        uint8_t *row = malloc((size_t) width * 3);
        if (row == NULL) {
            result = CODEC_NO_MEMORY;
            goto done;
        }
        for (int y = 0; y < height; y++) {
            const uint8_t *in = canvas + (size_t) y * width * 4;
            for (int x = 0; x < width; x++) {
                memcpy(row + 3 * x, in + 4 * x, 3);
            }
            (*env)->SetByteArrayRegion(env, out, (jsize) ((size_t) y * width * 3), width * 3, (const jbyte *) row);
        }
        free(row);
    }
    (*env)->SetIntArrayRegion(env, rows, 0, 1, &height);
    result = CODEC_DONE;
done:
    webp.anim_delete(decoder);
    return result;
}

/*
 * data's bytes, when libwebp is open and the arguments hold a width x height decode of channels
 * (3 or 4) from data[0, length) into out, with rows[0] to report in; else NULL, with *result
 * CODEC_NO_LIBRARY or CODEC_BAD_ARGUMENTS. The checks both decodes make first.
 */
static const uint8_t *decode_input(JNIEnv *env, jobject data, jint length, jint width, jint height, jint channels,
        jbyteArray out, jintArray rows, jint *result) {
    const uint8_t *bytes = (*env)->GetDirectBufferAddress(env, data);
    if (!webp.loaded) {
        *result = CODEC_NO_LIBRARY;
        return NULL;
    }
    if (bytes == NULL || length < 0 || (*env)->GetDirectBufferCapacity(env, data) < length || width < 1
            || height < 1 || (channels != 3 && channels != 4) || (*env)->GetArrayLength(env, rows) < 1
            || (int64_t) (*env)->GetArrayLength(env, out) < (int64_t) width * height * channels) {
        *result = CODEC_BAD_ARGUMENTS;
        return NULL;
    }
    return bytes;
}

/*
 * Feeds data[0, length) to the incremental decoder a 64th of the file at a time, copying each
 * batch of complete rows (width x height x channels: what the decoder outputs) into out, and
 * checking the interrupt between chunks. *done_rows gets the rows copied (all of them unless the
 * data ends early). Returns a CODEC_ result.
 */
static int feed(JNIEnv *env, WebPIDecoder *decoder, const uint8_t *bytes, jint length, jint width, jint height,
        jint channels, jbyteArray out, int *done_rows) {
    parathumb_abort abort = {env, 0, NULL};
    jint chunk = length / CHUNKS < MIN_CHUNK ? MIN_CHUNK : length / CHUNKS > MAX_CHUNK ? MAX_CHUNK : length / CHUNKS;
    for (jint at = 0; at < length; ) {
        jint n = length - at < chunk ? length - at : chunk;
        VP8StatusCode status = webp.append(decoder, bytes + at, (size_t) n);
        at += n;
        int last_y = 0, w = 0, h = 0, stride = 0;
        const uint8_t *rgb = webp.get_rgb(decoder, &last_y, &w, &h, &stride);
        if (rgb != NULL && (w != width || h != height)) {
            return CODEC_CORRUPT; /* the bitstream's size is not the header's */
        }
        if (rgb != NULL && last_y > *done_rows) {
            copy_rows(env, out, rgb, stride, width, channels, *done_rows, last_y);
            *done_rows = last_y;
        }
        if (status == VP8_STATUS_OK) {
            return *done_rows == height ? CODEC_DONE : CODEC_CORRUPT;
        }
        if (status != VP8_STATUS_SUSPENDED) {
            return status_result(status);
        }
        if (parathumb_abort_requested(&abort)) {
            return CODEC_CANCELLED;
        }
    }
    return CODEC_TRUNCATED;
}

/*
 * Decodes the WebP in data[0, length) into out (width x height x channels, RGB or RGBA), feeding
 * the incremental decoder a 64th of the file at a time and checking the interrupt between chunks.
 * rows[0] gets the number of complete rows decoded (all of them unless the data ends early).
 */
static jint JNICALL native_decode(JNIEnv *env, jclass cls, jobject data, jint length, jint width, jint height,
        jint channels, jboolean animated, jbyteArray out, jintArray rows) {
    (void) cls;
    jint result;
    const uint8_t *bytes = decode_input(env, data, length, width, height, channels, out, rows, &result);
    if (bytes == NULL) {
        return result;
    }
    if (animated) {
        return decode_animation(env, bytes, length, channels, out, width, height, rows);
    }
    /* libwebp allocates the output itself (no copy into a caller's buffer at the end); its
       default options are Pillow's: fancy upsampling, no dithering. */
    WebPIDecoder *decoder = webp.new_decoder(channels == 4 ? MODE_RGBA : MODE_RGB, NULL, 0, 0);
    if (decoder == NULL) {
        return CODEC_NO_MEMORY;
    }
    int done_rows = 0;
    result = feed(env, decoder, bytes, length, width, height, channels, out, &done_rows);
    webp.delete_decoder(decoder);
    (*env)->SetIntArrayRegion(env, rows, 0, 1, &done_rows);
    return result;
}

/*
 * Decodes the still WebP in data[0, length) as RGB scaled by libwebp to width x height (its
 * rescaler averages the source pixels each output pixel covers, rows as they come): the fast
 * pipeline's decode, which never holds the full-size image. out, rows and the result as
 * native_decode's, with channels 3.
 */
static jint JNICALL native_decodeScaled(JNIEnv *env, jclass cls, jobject data, jint length, jint width,
        jint height, jbyteArray out, jintArray rows) {
    (void) cls;
    const int channels = 3;
    jint result;
    const uint8_t *bytes = decode_input(env, data, length, width, height, channels, out, rows, &result);
    if (bytes == NULL) {
        return result;
    }
    WebPDecoderConfig config;
    if (!webp.init_config(&config, WEBP_DECODER_ABI_VERSION)) {
        return CODEC_UNSUPPORTED; /* a libwebp of another ABI */
    }
    config.options.use_scaling = 1;
    config.options.scaled_width = width;
    config.options.scaled_height = height;
    config.output.colorspace = MODE_RGB;
    WebPIDecoder *decoder = webp.new_configured(NULL, 0, &config);
    if (decoder == NULL) {
        return CODEC_NO_MEMORY;
    }
    int done_rows = 0;
    result = feed(env, decoder, bytes, length, width, height, channels, out, &done_rows);
    webp.delete_decoder(decoder);
    webp.free_buffer(&config.output);
    (*env)->SetIntArrayRegion(env, rows, 0, 1, &done_rows);
    return result;
}

static const JNINativeMethod METHODS[] = {
    {"open", "(Ljava/lang/String;Ljava/lang/String;)Z", (void *) native_open},
    {"version", "()Ljava/lang/String;", (void *) native_version},
    {"features", "(Ljava/nio/ByteBuffer;I[I)I", (void *) native_features},
    {"decode", "(Ljava/nio/ByteBuffer;IIIIZ[B[I)I", (void *) native_decode},
    {"decodeScaled", "(Ljava/nio/ByteBuffer;III[B[I)I", (void *) native_decodeScaled},
};

int parathumb_register_webp(JNIEnv *env) {
    return parathumb_register(env, "NativeWebp", METHODS, (int) (sizeof METHODS / sizeof METHODS[0]));
}
