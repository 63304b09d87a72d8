/*
 * HEIF/HEIC (HEVC, through libde265) and AVIF (AV1, through libaom or dav1d) with the system's
 * libheif (libheif.so.1), opened at run time. As the Pillow plugin (pillow-heif) reads them: the
 * primary image, libheif's transformations applied (irot, imir, clap: the pixels come upright, so
 * the caller applies no EXIF orientation on top), 10- and 12-bit samples brought to 8 bits by
 * libheif (convert_hdr_to_8bit), alpha kept as RGBA.
 *
 * libheif 1.15 cannot stop a decode once started (no cancel hook), so the interrupt is checked
 * between parsing and decoding and before the copy out, and the Java side (HeifDecoder) runs
 * the decode on a thread of its own that a cancel can walk away from.
 */
#define _GNU_SOURCE
#include "parathumb_native.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <libheif/heif.h>

static struct {
    int loaded;
    const char *(*get_version)(void);
    struct heif_error (*init)(struct heif_init_params *);
    struct heif_context *(*context_alloc)(void);
    void (*context_free)(struct heif_context *);
    struct heif_error (*read_memory)(struct heif_context *, const void *, size_t, const struct heif_reading_options *);
    struct heif_error (*primary_handle)(struct heif_context *, struct heif_image_handle **);
    void (*handle_release)(const struct heif_image_handle *);
    int (*handle_width)(const struct heif_image_handle *);
    int (*handle_height)(const struct heif_image_handle *);
    int (*handle_alpha)(const struct heif_image_handle *);
    int (*handle_luma_bits)(const struct heif_image_handle *);
    struct heif_decoding_options *(*options_alloc)(void);
    void (*options_free)(struct heif_decoding_options *);
    struct heif_error (*decode_image)(const struct heif_image_handle *, struct heif_image **, enum heif_colorspace,
            enum heif_chroma, const struct heif_decoding_options *);
    int (*image_width)(const struct heif_image *, enum heif_channel);
    int (*image_height)(const struct heif_image *, enum heif_channel);
    const uint8_t *(*plane)(const struct heif_image *, enum heif_channel, int *);
    void (*image_release)(const struct heif_image *);
    int (*have_decoder)(enum heif_compression_format);
} heif;

static jboolean JNICALL native_open(JNIEnv *env, jclass cls, jstring soname) {
    (void) cls;
    if (heif.loaded) {
        return JNI_TRUE;
    }
    void *library = parathumb_open_library(env, soname);
    if (library == NULL) {
        return JNI_FALSE;
    }
    const parathumb_symbol symbols[] = {
        {"heif_get_version", (void **) &heif.get_version},
        {"heif_context_alloc", (void **) &heif.context_alloc},
        {"heif_context_free", (void **) &heif.context_free},
        {"heif_context_read_from_memory_without_copy", (void **) &heif.read_memory},
        {"heif_context_get_primary_image_handle", (void **) &heif.primary_handle},
        {"heif_image_handle_release", (void **) &heif.handle_release},
        {"heif_image_handle_get_width", (void **) &heif.handle_width},
        {"heif_image_handle_get_height", (void **) &heif.handle_height},
        {"heif_image_handle_has_alpha_channel", (void **) &heif.handle_alpha},
        {"heif_image_handle_get_luma_bits_per_pixel", (void **) &heif.handle_luma_bits},
        {"heif_decoding_options_alloc", (void **) &heif.options_alloc},
        {"heif_decoding_options_free", (void **) &heif.options_free},
        {"heif_decode_image", (void **) &heif.decode_image},
        {"heif_image_get_width", (void **) &heif.image_width},
        {"heif_image_get_height", (void **) &heif.image_height},
        {"heif_image_get_plane_readonly", (void **) &heif.plane},
        {"heif_image_release", (void **) &heif.image_release},
        {"heif_have_decoder_for_format", (void **) &heif.have_decoder},
    };
    if (!parathumb_bind(library, symbols, PARATHUMB_COUNT(symbols))) {
        return JNI_FALSE;
    }
    *(void **) &heif.init = dlsym(library, "heif_init"); /* optional: older libheif has none */
    if (heif.init != NULL) {
        heif.init(NULL); /* loads decoder plugins where libheif has them; once, never undone */
    }
    heif.loaded = 1;
    return JNI_TRUE;
}

/* "1.15.1 HEVC AV1": the version and the codecs libheif can decode here. */
static jstring JNICALL native_version(JNIEnv *env, jclass cls) {
    (void) cls;
    if (!heif.loaded) {
        return NULL;
    }
    char text[96];
    snprintf(text, sizeof text, "%s%s%s", heif.get_version(),
            heif.have_decoder(heif_compression_HEVC) ? " HEVC" : "", heif.have_decoder(heif_compression_AV1) ? " AV1" : "");
    return (*env)->NewStringUTF(env, text);
}

static int error_result(JNIEnv *env, struct heif_error error, jobjectArray detail) {
    if (detail != NULL && (*env)->GetArrayLength(env, detail) > 0 && error.message != NULL) {
        jstring message = (*env)->NewStringUTF(env, error.message);
        if (message != NULL) {
            (*env)->SetObjectArrayElement(env, detail, 0, message);
        }
    }
    if (error.subcode == heif_suberror_End_of_data) {
        return CODEC_TRUNCATED;
    }
    switch (error.code) {
        case heif_error_Ok: return CODEC_DONE;
        case heif_error_Memory_allocation_error: return CODEC_NO_MEMORY;
        case heif_error_Unsupported_feature:
        case heif_error_Unsupported_filetype: return CODEC_UNSUPPORTED;
        default: return CODEC_CORRUPT;
    }
}

/* The primary image of the file in data[0, length), in a new context; the caller frees both. */
static int open_primary(JNIEnv *env, const uint8_t *bytes, jint length, struct heif_context **context,
        struct heif_image_handle **handle, jobjectArray detail) {
    *handle = NULL;
    *context = heif.context_alloc();
    if (*context == NULL) {
        return CODEC_NO_MEMORY;
    }
    struct heif_error error = heif.read_memory(*context, bytes, (size_t) length, NULL);
    if (error.code == heif_error_Ok) {
        error = heif.primary_handle(*context, handle);
    }
    return error_result(env, error, detail);
}

/* info = {width, height (both upright: after irot), has_alpha, luma bits}. */
static jint JNICALL native_info(JNIEnv *env, jclass cls, jobject data, jint length, jintArray info,
        jobjectArray detail) {
    (void) cls;
    const uint8_t *bytes = (*env)->GetDirectBufferAddress(env, data);
    if (!heif.loaded) {
        return CODEC_NO_LIBRARY;
    }
    if (bytes == NULL || length < 0 || (*env)->GetDirectBufferCapacity(env, data) < length
            || (*env)->GetArrayLength(env, info) < 4) {
        return CODEC_BAD_ARGUMENTS;
    }
    struct heif_context *context;
    struct heif_image_handle *handle;
    int result = open_primary(env, bytes, length, &context, &handle, detail);
    if (result == CODEC_DONE) {
        jint values[4] = {heif.handle_width(handle), heif.handle_height(handle), heif.handle_alpha(handle) != 0,
                heif.handle_luma_bits(handle)};
        (*env)->SetIntArrayRegion(env, info, 0, 4, values);
    }
    if (handle != NULL) {
        heif.handle_release(handle);
    }
    heif.context_free(context);
    return result;
}

/*
 * Decodes the primary image of data[0, length) into out: width x height x channels (3: RGB, 4:
 * RGBA), 8 bits per sample, transformations applied.
 */
static jint JNICALL native_decode(JNIEnv *env, jclass cls, jobject data, jint length, jint width, jint height,
        jint channels, jbyteArray out, jobjectArray detail) {
    (void) cls;
    const uint8_t *bytes = (*env)->GetDirectBufferAddress(env, data);
    if (!heif.loaded) {
        return CODEC_NO_LIBRARY;
    }
    if (bytes == NULL || length < 0 || (*env)->GetDirectBufferCapacity(env, data) < length || width < 1
            || height < 1 || (channels != 3 && channels != 4)
            || (int64_t) (*env)->GetArrayLength(env, out) < (int64_t) width * height * channels) {
        return CODEC_BAD_ARGUMENTS;
    }
    struct heif_context *context;
    struct heif_image_handle *handle;
    struct heif_image *image = NULL;
    struct heif_decoding_options *options = NULL;
    parathumb_abort abort = {env, 0, NULL};
    int result = open_primary(env, bytes, length, &context, &handle, detail);
    if (result != CODEC_DONE) {
        goto done;
    }
    if (parathumb_abort_requested(&abort)) {
        result = CODEC_CANCELLED;
        goto done;
    }
    options = heif.options_alloc();
    if (options == NULL) {
        result = CODEC_NO_MEMORY;
        goto done;
    }
    options->ignore_transformations = 0;
    if (options->version >= 2) {
        options->convert_hdr_to_8bit = 1;
    }
    struct heif_error error = heif.decode_image(handle, &image, heif_colorspace_RGB,
            channels == 4 ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, options);
    if (error.code != heif_error_Ok) {
        result = error_result(env, error, detail);
        goto done;
    }
    if (parathumb_abort_requested(&abort)) {
        result = CODEC_CANCELLED;
        goto done;
    }
    int stride = 0;
    const uint8_t *plane = heif.plane(image, heif_channel_interleaved, &stride);
    if (plane == NULL || heif.image_width(image, heif_channel_interleaved) != width
            || heif.image_height(image, heif_channel_interleaved) != height) {
        result = CODEC_CORRUPT; /* the decoded image is not the size the header promised */
        goto done;
    }
    size_t row = (size_t) width * channels;
    for (int y = 0; y < height; y++) {
        (*env)->SetByteArrayRegion(env, out, (jsize) (row * y), (jsize) row, (const jbyte *) plane + (size_t) stride * y);
    }
    result = CODEC_DONE;
done:
    if (image != NULL) {
        heif.image_release(image);
    }
    if (options != NULL) {
        heif.options_free(options);
    }
    if (handle != NULL) {
        heif.handle_release(handle);
    }
    heif.context_free(context);
    return result;
}

static const JNINativeMethod METHODS[] = {
    {"open", "(Ljava/lang/String;)Z", (void *) native_open},
    {"version", "()Ljava/lang/String;", (void *) native_version},
    {"info", "(Ljava/nio/ByteBuffer;I[I[Ljava/lang/String;)I", (void *) native_info},
    {"decode", "(Ljava/nio/ByteBuffer;IIII[B[Ljava/lang/String;)I", (void *) native_decode},
};

int parathumb_register_heif(JNIEnv *env) {
    return parathumb_register(env, "NativeHeif", METHODS, (int) (sizeof METHODS / sizeof METHODS[0]));
}
