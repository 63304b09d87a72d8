/*
 * zlib's deflate through the system's libz.so.1, opened at run time like every codec here, with
 * the memory level java.util.zip.Deflater cannot set (decision 0018): Pillow's PNG encoder
 * (ZipEncode.c) asks for level 6, window 15, memory level 9 and Z_FILTERED, and only the same
 * parameters give its bytes. The input and the output go through a band-sized buffer
 * (Get/SetByteArrayRegion), so no Java array is pinned while zlib works, and a cancel is asked for
 * before each band goes in (a band of 256 KB takes zlib about 10 ms), as the decoders ask. The same
 * library's streaming inflate serves png_inflate.c (parathumb_zlib_inflate).
 */
#include <pthread.h>
#include <stdlib.h>
#include <zlib.h>
#include "parathumb_native.h"

#define BAND (256 * 1024)
#define OUT_TOO_SMALL (-100)
#define CANCELLED (-101)

static struct {
    int loaded;
    int (*deflate_init2)(z_streamp, int, int, int, int, int, const char *, int);
    int (*deflate)(z_streamp, int);
    int (*deflate_end)(z_streamp);
    int (*inflate_init)(z_streamp, const char *, int);
    int (*inflate)(z_streamp, int);
    int (*inflate_end)(z_streamp);
} zlib;

static pthread_once_t zlib_once = PTHREAD_ONCE_INIT;

static void open_zlib(void) {
    void *library = dlopen("libz.so.1", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        return;
    }
    const parathumb_symbol symbols[] = {
        {"deflateInit2_", (void **) &zlib.deflate_init2},
        {"deflate", (void **) &zlib.deflate},
        {"deflateEnd", (void **) &zlib.deflate_end},
        {"inflateInit_", (void **) &zlib.inflate_init},
        {"inflate", (void **) &zlib.inflate},
        {"inflateEnd", (void **) &zlib.inflate_end},
    };
    zlib.loaded = parathumb_bind(library, symbols, PARATHUMB_COUNT(symbols));
}

int parathumb_zlib_inflate(JNIEnv *env, parathumb_abort *abort, const uint8_t *compressed, size_t size, jbyteArray out,
        uint8_t *raw, size_t raw_size, size_t step) {
    pthread_once(&zlib_once, open_zlib);
    if (!zlib.loaded) {
        return ZLIB_ABSENT;
    }
    z_stream stream = {0};
    if (zlib.inflate_init(&stream, ZLIB_VERSION, (int) sizeof stream) != Z_OK) {
        return ZLIB_REFUSED;
    }
    stream.next_in = (Bytef *) compressed;
    stream.avail_in = (uInt) size;
    size_t produced = 0;
    int status = Z_OK;
    int result = ZLIB_REFUSED;
    while (status == Z_OK && produced < raw_size) {
        if (parathumb_abort_requested(abort)) {
            result = ZLIB_CANCELLED;
            break;
        }
        uint8_t *base = raw != NULL ? raw : (*env)->GetPrimitiveArrayCritical(env, out, NULL);
        if (base == NULL) {
            break;
        }
        size_t take = raw_size - produced < step ? raw_size - produced : step;
        stream.next_out = base + produced;
        stream.avail_out = (uInt) take;
        status = zlib.inflate(&stream, Z_NO_FLUSH);
        produced += take - stream.avail_out;
        if (raw == NULL) {
            (*env)->ReleasePrimitiveArrayCritical(env, out, base, 0);
        }
    }
    if (status == Z_OK && produced == raw_size) {
        /* Every row is there; what is left of the stream must be its end alone (an empty block, the Adler-32). */
        uint8_t spare;
        stream.next_out = &spare;
        stream.avail_out = 1;
        status = zlib.inflate(&stream, Z_FINISH);
        if (stream.avail_out == 0) {
            status = Z_DATA_ERROR;
        }
    }
    if (result != ZLIB_CANCELLED && status == Z_STREAM_END && produced == raw_size && stream.avail_in == 0) {
        result = ZLIB_INFLATED;
    }
    zlib.inflate_end(&stream);
    return result;
}

static jboolean JNICALL native_open(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    pthread_once(&zlib_once, open_zlib);
    return zlib.loaded ? JNI_TRUE : JNI_FALSE;
}

static jint JNICALL native_deflate(JNIEnv *env, jclass cls, jbyteArray data, jint length, jbyteArray out,
        jint level, jint mem_level, jint strategy) {
    (void) cls;
    pthread_once(&zlib_once, open_zlib);
    if (!zlib.loaded) {
        return Z_VERSION_ERROR;
    }
    jsize capacity = (*env)->GetArrayLength(env, out);
    unsigned char *in_band = malloc(BAND);
    unsigned char *out_band = malloc(BAND);
    z_stream stream = {0};
    int result = in_band == NULL || out_band == NULL ? Z_MEM_ERROR
            : zlib.deflate_init2(&stream, level, Z_DEFLATED, 15, mem_level, strategy, ZLIB_VERSION,
                    (int) sizeof(z_stream));
    if (result != Z_OK) {
        free(in_band);
        free(out_band);
        return result < 0 ? result : Z_STREAM_ERROR;
    }
    parathumb_abort abort = {env, 0, NULL};
    jint read = 0;
    jint written = 0;
    int status = Z_OK;
    while (status == Z_OK) {
        if (parathumb_abort_requested(&abort)) {
            status = CANCELLED;
            break;
        }
        jint take = length - read < BAND ? length - read : BAND;
        (*env)->GetByteArrayRegion(env, data, read, take, (jbyte *) in_band);
        read += take;
        stream.next_in = in_band;
        stream.avail_in = (uInt) take;
        int flush = read == length ? Z_FINISH : Z_NO_FLUSH;
        do {
            stream.next_out = out_band;
            stream.avail_out = BAND;
            status = zlib.deflate(&stream, flush);
            if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
                break;
            }
            jint produced = BAND - (jint) stream.avail_out;
            if (produced > capacity - written) {
                status = OUT_TOO_SMALL;
                break;
            }
            (*env)->SetByteArrayRegion(env, out, written, produced, (const jbyte *) out_band);
            written += produced;
        } while (stream.avail_out == 0 && status != Z_STREAM_END);
        if (status == Z_BUF_ERROR) {
            status = Z_OK; /* no progress was possible with this band: the next one goes in */
        }
        if (status == Z_OK && flush == Z_FINISH) {
            status = Z_STREAM_ERROR; /* Z_FINISH with room left always ends the stream */
        }
    }
    zlib.deflate_end(&stream);
    free(in_band);
    free(out_band);
    return status == Z_STREAM_END ? written : (status < 0 ? status : Z_STREAM_ERROR);
}

int parathumb_register_zlib_deflate(JNIEnv *env) {
    static const JNINativeMethod methods[] = {
        {"open0", "()Z", (void *) native_open},
        {"deflate0", "([BI[BIII)I", (void *) native_deflate},
    };
    return parathumb_register(env, "NativeDeflate", methods, (int) (sizeof methods / sizeof methods[0]));
}
