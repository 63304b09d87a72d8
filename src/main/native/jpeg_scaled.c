/*
 * The fast pipeline's JPEG decode: libjpeg-turbo's DCT scaling (scale_denom 2, 4 or 8), which
 * reconstructs each 8x8 block straight at 4x4, 2x2 or 1x1 (its DC coefficient alone), for
 * baseline and progressive JPEGs alike. At 1/8 a progressive JPEG is given to libjpeg without the
 * scans that carry only AC coefficients of components it reconstructs from their DC alone: those
 * scans are most of the file and of its decoding, and change none of the samples at that size.
 * The scaled rows go to Java a band at a time; the box reduce, blur and resize that follow work
 * on an image 4 to 64 times smaller.
 */
#include <stdlib.h>
#include <string.h>
#include "libjpeg_runtime.h"

enum { SCALED_DONE = 0, SCALED_DECLINED = 1, SCALED_CANCELLED = 2, SCALED_BAD_ARGUMENTS = -1 };

#define BAND_ROWS 16
#define MARKER_SOI 0xD8
#define MARKER_EOI 0xD9
#define MARKER_SOS 0xDA

/* Whether libjpeg reconstructs the component with this id from its DC coefficient alone. */
static int dc_only(const struct jpeg_decompress_struct *cinfo, int id) {
    for (int i = 0; i < cinfo->num_components; i++) {
        if (cinfo->comp_info[i].component_id == id) {
            return cinfo->comp_info[i].DCT_scaled_size == 1;
        }
    }
    return 0;
}

/* Whether a marker may end a scan: the next scan, tables, restart interval, metadata, the end. */
static int may_follow_a_scan(int marker) {
    return marker == MARKER_SOS || marker == MARKER_EOI || marker == 0xC4 /* DHT */ || marker == 0xCC /* DAC */
            || marker == 0xDB /* DQT */ || marker == 0xDC /* DNL */ || marker == 0xDD /* DRI */
            || (marker >= 0xE0 && marker <= 0xEF) /* APPn */ || marker == 0xFE /* COM */ || marker == 0xFF;
}

/*
 * Copies the JPEG in data into kept, leaving out every scan of AC coefficients (Ss > 0) whose
 * components all are DC-only (cinfo: its header read and its output dimensions calculated).
 * Returns the length kept, or 0 when the file is not laid out as expected (stray bytes between
 * segments, no end-of-image marker: a truncated or damaged file), so libjpeg reads all of it
 * and says what is wrong.
 */
static size_t without_ac_scans(const uint8_t *data, size_t length, const struct jpeg_decompress_struct *cinfo,
        uint8_t *kept) {
    if (length < 4 || data[0] != 0xFF || data[1] != MARKER_SOI) {
        return 0;
    }
    size_t at = 2;
    size_t out = 0;
    memcpy(kept, data, 2);
    out = 2;
    while (at + 1 < length) {
        if (data[at] != 0xFF) {
            return 0;
        }
        size_t start = at;
        while (at < length && data[at] == 0xFF) {
            at++; /* fill bytes */
        }
        if (at >= length) {
            return 0;
        }
        int marker = data[at++];
        if (marker == MARKER_EOI) {
            kept[out++] = 0xFF;
            kept[out++] = MARKER_EOI;
            return out;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == MARKER_SOI || at + 2 > length) {
            return 0; /* not where a segment belongs */
        }
        size_t end = at + ((size_t) data[at] << 8 | data[at + 1]);
        if (end > length || end < at + 2) {
            return 0;
        }
        int keep = 1;
        if (marker == MARKER_SOS) {
            int count = at + 2 < end ? data[at + 2] : 0;
            if (count < 1 || at + 3 + 2 * (size_t) count + 3 > end) {
                return 0;
            }
            int spectral_start = data[at + 3 + 2 * count];
            keep = spectral_start == 0;
            for (int i = 0; i < count && !keep; i++) {
                keep = !dc_only(cinfo, data[at + 3 + 2 * i]);
            }
            /* the entropy-coded data runs to the next marker: 0xFF not followed by 0 (a stuffed
               byte) nor by a restart marker */
            for (;;) {
                const uint8_t *ff = end < length ? memchr(data + end, 0xFF, length - end) : NULL;
                if (ff == NULL || (size_t) (ff - data) + 1 >= length) {
                    return 0;
                }
                size_t next = (size_t) (ff - data) + 1;
                if (data[next] != 0 && (data[next] < 0xD0 || data[next] > 0xD7)) {
                    if (!may_follow_a_scan(data[next])) {
                        return 0; /* damage: libjpeg reads the whole file and says so */
                    }
                    end = next - 1;
                    break;
                }
                end = next + 1;
            }
        }
        if (keep) {
            memcpy(kept + out, data + start, end - start);
            out += end - start;
        }
        at = end;
    }
    return 0;
}

/* The decoding parameters, set after each jpeg_read_header. */
static void configure(struct jpeg_decompress_struct *cinfo, int scale) {
    cinfo->out_color_space = cinfo->num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
    cinfo->scale_num = 1;
    cinfo->scale_denom = (unsigned int) scale;
    cinfo->do_fancy_upsampling = TRUE; /* as Pillow and ImageIO decode: without it, 4:1:1 and small images lose 2 dB */
    cinfo->do_block_smoothing = FALSE;
    cinfo->dct_method = JDCT_ISLOW;
}

static jint JNICALL native_decodeScaled(JNIEnv *env, jclass cls,
        jobject data, jint length, jint scale, jboolean every_scan, jbyteArray out, jintArray size) {
    (void) cls;
    const unsigned char *bytes = (*env)->GetDirectBufferAddress(env, data);
    if (!parathumb_jpeg.loaded || bytes == NULL || length < 2 || (*env)->GetDirectBufferCapacity(env, data) < length
            || (scale != 1 && scale != 2 && scale != 4 && scale != 8) || (*env)->GetArrayLength(env, size) < 4) {
        return SCALED_BAD_ARGUMENTS;
    }
    parathumb_abort abort = {env, 0, NULL};
    struct jpeg_decompress_struct cinfo;
    parathumb_jpeg_errors errors;
    parathumb_jpeg_source source;
    uint8_t *volatile lines = NULL;
    uint8_t *volatile kept = NULL;
    volatile size_t given = (size_t) length;
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
    configure(&cinfo, scale);
    if (cinfo.progressive_mode && scale == 8 && !every_scan && parathumb_jpeg.calc_output_dimensions != NULL) {
        parathumb_jpeg.calc_output_dimensions(&cinfo);
        kept = malloc((size_t) length);
        size_t kept_length = kept == NULL ? 0 : without_ac_scans(bytes, (size_t) length, &cinfo, kept);
        if (kept_length > 0 && kept_length < (size_t) length) {
            /* the same header again, from the shorter stream */
            parathumb_jpeg.destroy_decompress(&cinfo);
            parathumb_jpeg_begin(&cinfo, &source, kept, kept_length, &abort);
            parathumb_jpeg.read_header(&cinfo, TRUE);
            configure(&cinfo, scale);
            given = kept_length;
        }
    }
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
    jint dimensions[4] = {width, height, channels, (jint) given};
    (*env)->SetIntArrayRegion(env, size, 0, 4, dimensions);
    result = SCALED_DONE;
done:
    parathumb_jpeg.destroy_decompress(&cinfo);
    free(lines);
    free(kept);
    return result;
}

int parathumb_register_jpeg_scaled(JNIEnv *env) {
    static const JNINativeMethod methods[] = {
        {"decodeScaled", "(Ljava/nio/ByteBuffer;IIZ[B[I)I", (void *) native_decodeScaled},
    };
    return parathumb_register(env, "NativeScaledJpeg", methods, 1);
}
