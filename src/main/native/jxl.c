/*
 * JPEG XL with the system's libjxl (libjxl.so.0.7), opened at run time: the first (coalesced)
 * frame, upright (libjxl applies the orientation in the codestream unless asked not to), 8 bits
 * per sample (libjxl rounds higher depths), gray as gray, alpha kept as RGBA (gray with alpha too).
 * The input goes in a 64th of the file at a time, with a look at the Java thread's interrupt
 * between steps: libjxl decodes the groups each step completes. One thread per image: Parathumb's
 * workers already run one image per core, so libjxl_threads would only oversubscribe them.
 */
#define _GNU_SOURCE
#include "parathumb_native.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <jxl/decode.h>

#define CHUNKS 64
#define MIN_CHUNK 1024
#define MAX_CHUNK (256 * 1024)

static struct {
    int loaded;
    uint32_t (*version)(void);
    JxlDecoder *(*create)(const JxlMemoryManager *);
    void (*destroy)(JxlDecoder *);
    JxlDecoderStatus (*subscribe)(JxlDecoder *, int);
    JxlDecoderStatus (*set_input)(JxlDecoder *, const uint8_t *, size_t);
    size_t (*release_input)(JxlDecoder *);
    void (*close_input)(JxlDecoder *);
    JxlDecoderStatus (*process)(JxlDecoder *);
    JxlDecoderStatus (*basic_info)(const JxlDecoder *, JxlBasicInfo *);
    JxlDecoderStatus (*out_size)(const JxlDecoder *, const JxlPixelFormat *, size_t *);
    JxlDecoderStatus (*set_out)(JxlDecoder *, const JxlPixelFormat *, void *, size_t);
} jxl;

static jboolean JNICALL native_open(JNIEnv *env, jclass cls, jstring soname) {
    (void) cls;
    if (jxl.loaded) {
        return JNI_TRUE;
    }
    void *library = parathumb_open_library(env, soname);
    if (library == NULL) {
        return JNI_FALSE;
    }
    const parathumb_symbol symbols[] = {
        {"JxlDecoderVersion", (void **) &jxl.version},
        {"JxlDecoderCreate", (void **) &jxl.create},
        {"JxlDecoderDestroy", (void **) &jxl.destroy},
        {"JxlDecoderSubscribeEvents", (void **) &jxl.subscribe},
        {"JxlDecoderSetInput", (void **) &jxl.set_input},
        {"JxlDecoderReleaseInput", (void **) &jxl.release_input},
        {"JxlDecoderCloseInput", (void **) &jxl.close_input},
        {"JxlDecoderProcessInput", (void **) &jxl.process},
        {"JxlDecoderGetBasicInfo", (void **) &jxl.basic_info},
        {"JxlDecoderImageOutBufferSize", (void **) &jxl.out_size},
        {"JxlDecoderSetImageOutBuffer", (void **) &jxl.set_out},
    };
    if (!parathumb_bind(library, symbols, PARATHUMB_COUNT(symbols))) {
        return JNI_FALSE;
    }
    jxl.loaded = 1;
    return JNI_TRUE;
}

static jstring JNICALL native_version(JNIEnv *env, jclass cls) {
    (void) cls;
    if (!jxl.loaded) {
        return NULL;
    }
    char text[32];
    uint32_t v = jxl.version();
    snprintf(text, sizeof text, "%u.%u.%u", v / 1000000, v / 1000 % 1000, v % 1000);
    return (*env)->NewStringUTF(env, text);
}

/* Channels Parathumb asks for: gray 1, colour 3, either with alpha 4. */
static int channels_of(const JxlBasicInfo *info) {
    return info->alpha_bits > 0 ? 4 : info->num_color_channels == 1 ? 1 : 3;
}

/*
 * Runs the decoder over data[0, length), feeding it a chunk at a time, until the events in
 * `until` have all come (BASIC_INFO for the header; FULL_IMAGE for the pixels into out). info
 * gets {width, height (both upright), channels, bits per sample}.
 */
static int run(JNIEnv *env, const uint8_t *bytes, jint length, int until, jint *info, jbyteArray out) {
    JxlDecoder *decoder = jxl.create(NULL);
    if (decoder == NULL) {
        return CODEC_NO_MEMORY;
    }
    parathumb_abort abort = {env, 0, NULL};
    int result = CODEC_CORRUPT;
    uint8_t *pixels = NULL;
    size_t pixels_size = 0;
    JxlBasicInfo basic;
    JxlPixelFormat format = {3, JXL_TYPE_UINT8, JXL_NATIVE_ENDIAN, 0};
    if (jxl.subscribe(decoder, until) != JXL_DEC_SUCCESS) {
        goto done;
    }
    jint chunk = length / CHUNKS < MIN_CHUNK ? MIN_CHUNK : length / CHUNKS > MAX_CHUNK ? MAX_CHUNK : length / CHUNKS;
    jint fed = length < chunk ? length : chunk;
    jxl.set_input(decoder, bytes, (size_t) fed);
    if (fed == length) {
        jxl.close_input(decoder);
    }
    for (;;) {
        JxlDecoderStatus status = jxl.process(decoder);
        if (status == JXL_DEC_ERROR) {
            result = CODEC_CORRUPT;
            break;
        }
        if (status == JXL_DEC_NEED_MORE_INPUT) {
            if (fed == length) {
                result = CODEC_TRUNCATED;
                break;
            }
            if (parathumb_abort_requested(&abort)) {
                result = CODEC_CANCELLED;
                break;
            }
            size_t unread = jxl.release_input(decoder);
            jint next = length - fed < chunk ? length : fed + chunk;
            jxl.set_input(decoder, bytes + fed - unread, (size_t) (next - fed) + unread);
            fed = next;
            if (fed == length) {
                jxl.close_input(decoder);
            }
            continue;
        }
        if (status == JXL_DEC_BASIC_INFO) {
            if (jxl.basic_info(decoder, &basic) != JXL_DEC_SUCCESS) {
                break;
            }
            int swap = basic.orientation > 4; /* xsize and ysize are before the orientation */
            info[0] = (jint) (swap ? basic.ysize : basic.xsize);
            info[1] = (jint) (swap ? basic.xsize : basic.ysize);
            info[2] = channels_of(&basic);
            info[3] = (jint) basic.bits_per_sample;
            if (until == JXL_DEC_BASIC_INFO) {
                result = CODEC_DONE;
                break;
            }
            continue;
        }
        if (status == JXL_DEC_NEED_IMAGE_OUT_BUFFER) {
            format.num_channels = (uint32_t) info[2];
            if (jxl.out_size(decoder, &format, &pixels_size) != JXL_DEC_SUCCESS
                    || pixels_size != (size_t) info[0] * info[1] * info[2]
                    || (int64_t) (*env)->GetArrayLength(env, out) < (int64_t) pixels_size) {
                break;
            }
            pixels = malloc(pixels_size);
            if (pixels == NULL) {
                result = CODEC_NO_MEMORY;
                break;
            }
            if (jxl.set_out(decoder, &format, pixels, pixels_size) != JXL_DEC_SUCCESS) {
                break;
            }
            continue;
        }
        if (status == JXL_DEC_FULL_IMAGE) {
            if (pixels == NULL) {
                break;
            }
            (*env)->SetByteArrayRegion(env, out, 0, (jsize) pixels_size, (const jbyte *) pixels);
            result = CODEC_DONE;
            break;
        }
        if (status == JXL_DEC_SUCCESS) {
            break; /* the stream ended without the events asked for */
        }
    }
done:
    free(pixels);
    jxl.destroy(decoder);
    return result;
}

static jint JNICALL native_info(JNIEnv *env, jclass cls, jobject data, jint length, jintArray info) {
    (void) cls;
    const uint8_t *bytes = (*env)->GetDirectBufferAddress(env, data);
    if (!jxl.loaded) {
        return CODEC_NO_LIBRARY;
    }
    if (bytes == NULL || length < 0 || (*env)->GetDirectBufferCapacity(env, data) < length
            || (*env)->GetArrayLength(env, info) < 4) {
        return CODEC_BAD_ARGUMENTS;
    }
    jint values[4] = {0, 0, 0, 0};
    int result = run(env, bytes, length, JXL_DEC_BASIC_INFO, values, NULL);
    (*env)->SetIntArrayRegion(env, info, 0, 4, values);
    return result;
}

/* Decodes into out: width x height x channels, as info said. */
static jint JNICALL native_decode(JNIEnv *env, jclass cls, jobject data, jint length, jint width, jint height,
        jint channels, jbyteArray out) {
    (void) cls;
    const uint8_t *bytes = (*env)->GetDirectBufferAddress(env, data);
    if (!jxl.loaded) {
        return CODEC_NO_LIBRARY;
    }
    if (bytes == NULL || length < 0 || (*env)->GetDirectBufferCapacity(env, data) < length || width < 1
            || height < 1 || (channels != 1 && channels != 3 && channels != 4)
            || (int64_t) (*env)->GetArrayLength(env, out) < (int64_t) width * height * channels) {
        return CODEC_BAD_ARGUMENTS;
    }
    jint values[4] = {0, 0, 0, 0};
    int result = run(env, bytes, length, JXL_DEC_BASIC_INFO | JXL_DEC_FULL_IMAGE, values, out);
    if (result == CODEC_DONE && (values[0] != width || values[1] != height || values[2] != channels)) {
        result = CODEC_CORRUPT;
    }
    return result;
}

static const JNINativeMethod METHODS[] = {
    {"open", "(Ljava/lang/String;)Z", (void *) native_open},
    {"version", "()Ljava/lang/String;", (void *) native_version},
    {"info", "(Ljava/nio/ByteBuffer;I[I)I", (void *) native_info},
    {"decode", "(Ljava/nio/ByteBuffer;IIII[B)I", (void *) native_decode},
};

int parathumb_register_jxl(JNIEnv *env) {
    return parathumb_register(env, "NativeJxl", METHODS, (int) (sizeof METHODS / sizeof METHODS[0]));
}
