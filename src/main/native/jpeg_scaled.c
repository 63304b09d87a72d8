/*
 * The fast pipeline's JPEG decode: libjpeg-turbo's DCT scaling (scale_denom 2, 4 or 8), which
 * reconstructs each 8x8 block straight at 4x4, 2x2 or 1x1 (its DC coefficient alone), for
 * baseline and progressive JPEGs alike. The scaled rows go to Java a band at a time; the box
 * reduce, blur and resize that follow work on an image 4 to 64 times smaller.
 */
#include <stdlib.h>
#include <string.h>
#include "libjpeg_runtime.h"

enum { SCALED_DONE = 0, SCALED_DECLINED = 1, SCALED_CANCELLED = 2, SCALED_BAD_ARGUMENTS = -1 };

#define BAND_ROWS 16

/*
 * Decodes the plain JPEG in the direct buffer `data` at 1/scale of its size (scale 1, 2, 4 or 8)
 * into out (gray or RGB, rows packed), and sets size = {width, height, channels} of what it
 * wrote. Asks NativeAbort.requested() every band of rows and every 64 KB of input. Returns
 * SCALED_DONE, SCALED_DECLINED (not plain, out too small, any error or warning: Java decodes
 * then), SCALED_CANCELLED or SCALED_BAD_ARGUMENTS.
 */
static jint JNICALL native_decodeScaled(JNIEnv *env, jclass cls,
        jobject data, jint length, jint scale, jbyteArray out, jintArray size) {
    (void) cls;
    const unsigned char *bytes = (*env)->GetDirectBufferAddress(env, data);
    if (!parathumb_jpeg.loaded || bytes == NULL || length < 2 || (*env)->GetDirectBufferCapacity(env, data) < length
            || (scale != 1 && scale != 2 && scale != 4 && scale != 8) || (*env)->GetArrayLength(env, size) < 3) {
        return SCALED_BAD_ARGUMENTS;
    }
    parathumb_abort abort = {env, 0};
    struct jpeg_decompress_struct cinfo;
    parathumb_jpeg_errors errors;
    parathumb_jpeg_source source;
    uint8_t *volatile lines = NULL;
    volatile jint result = SCALED_DECLINED;
    memset(&cinfo, 0, sizeof(cinfo));
    cinfo.err = parathumb_jpeg_errors_init(&errors);
    if (setjmp(errors.escape)) {
        if (errors.cancelled) {
            result = SCALED_CANCELLED;
        }
        goto done;
    }
    parathumb_jpeg_begin(&cinfo, &source, bytes, (size_t) length, &abort);
    parathumb_jpeg.read_header(&cinfo, TRUE);
    if (!parathumb_jpeg_plain(&cinfo)) {
        goto done;
    }
    for (int i = 1; i < cinfo.num_components; i++) {
        /* libjpeg stretches chroma sampled 4:1 by replication, 2.6 dB under the floor the fast
           pipeline promises on small images; the Java decoder reconstructs it at size instead */
        if (cinfo.max_h_samp_factor > 2 * cinfo.comp_info[i].h_samp_factor
                || cinfo.max_v_samp_factor > 2 * cinfo.comp_info[i].v_samp_factor) {
            goto done;
        }
    }
    int channels = cinfo.num_components;
    cinfo.out_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    cinfo.scale_num = 1;
    cinfo.scale_denom = (unsigned int) scale;
    cinfo.do_fancy_upsampling = TRUE; /* as Pillow and ImageIO decode: without it, 4:1:1 and small images lose 2 dB */
    cinfo.do_block_smoothing = FALSE;
    cinfo.dct_method = JDCT_ISLOW;
    parathumb_jpeg.start_decompress(&cinfo);
    int width = (int) cinfo.output_width;
    int height = (int) cinfo.output_height;
    int64_t n = (int64_t) width * channels;
    if (cinfo.output_components != channels || (*env)->GetArrayLength(env, out) < n * height) {
        goto done;
    }
    lines = malloc((size_t) n * BAND_ROWS);
    if (lines == NULL) {
        goto done;
    }
    JSAMPROW rows[BAND_ROWS];
    for (int i = 0; i < BAND_ROWS; i++) {
        rows[i] = lines + (size_t) i * n;
    }
    for (int y = 0; y < height;) {
        parathumb_jpeg_check_abort(&cinfo, &abort);
        int want = height - y < BAND_ROWS ? height - y : BAND_ROWS;
        int got = 0;
        while (got < want) {
            int read = (int) parathumb_jpeg.read_scanlines(&cinfo, rows + got, (JDIMENSION) (want - got));
            if (read <= 0) {
                goto done;
            }
            got += read;
        }
        (*env)->SetByteArrayRegion(env, out, (jsize) (y * n), (jsize) (got * n), (const jbyte *) lines);
        y += got;
    }
    jint dimensions[3] = {width, height, channels};
    (*env)->SetIntArrayRegion(env, size, 0, 3, dimensions);
    result = SCALED_DONE;
done:
    parathumb_jpeg.destroy_decompress(&cinfo);
    free(lines);
    return result;
}

int parathumb_register_jpeg_scaled(JNIEnv *env) {
    static const JNINativeMethod methods[] = {
        {"decodeScaled", "(Ljava/nio/ByteBuffer;II[B[I)I", (void *) native_decodeScaled},
    };
    return parathumb_register(env, "NativeScaledJpeg", methods, 1);
}
