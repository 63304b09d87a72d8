/* The system's libjpeg, opened at run time, and what both JPEG paths need around it. */
#include <string.h>
#include "libjpeg_runtime.h"

parathumb_libjpeg parathumb_jpeg;

int parathumb_jpeg_open(void) {
    if (parathumb_jpeg.loaded) {
        return 1;
    }
    void *library = dlopen("libjpeg.so.62", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        return 0;
    }
    parathumb_libjpeg j = {0};
    const parathumb_symbol symbols[] = {
        {"jpeg_std_error", (void **) &j.std_error},
        {"jpeg_CreateDecompress", (void **) &j.create_decompress},
        {"jpeg_destroy_decompress", (void **) &j.destroy_decompress},
        {"jpeg_read_header", (void **) &j.read_header},
        {"jpeg_save_markers", (void **) &j.save_markers},
        {"jpeg_start_decompress", (void **) &j.start_decompress},
        {"jpeg_read_scanlines", (void **) &j.read_scanlines},
        {"jpeg_resync_to_restart", (void **) &j.resync_to_restart},
    };
    if (!parathumb_bind(library, symbols, PARATHUMB_COUNT(symbols))) {
        return 0;
    }
    *(void **) &j.calc_output_dimensions = dlsym(library, "jpeg_calc_output_dimensions");
    j.loaded = 1;
    parathumb_jpeg = j;
    return 1;
}

static void on_error(j_common_ptr cinfo) {
    longjmp(((parathumb_jpeg_errors *) cinfo->err)->escape, 1);
}

static void on_message(j_common_ptr cinfo, int level) {
    if (level < 0) { /* a warning: corrupt or truncated data */
        longjmp(((parathumb_jpeg_errors *) cinfo->err)->escape, 1);
    }
}

#define CHUNK 65536

static void init_source(j_decompress_ptr cinfo) {
    (void) cinfo;
}

static void term_source(j_decompress_ptr cinfo) {
    (void) cinfo;
}

static boolean fill_input_buffer(j_decompress_ptr cinfo) {
    parathumb_jpeg_source *s = (parathumb_jpeg_source *) cinfo->src;
    parathumb_jpeg_check_abort(cinfo, s->abort);
    while (s->range < s->range_count && s->offset >= s->ranges[s->range].end) {
        if (++s->range < s->range_count) {
            s->offset = s->ranges[s->range].start;
        }
    }
    if (s->range >= s->range_count) {
        on_message((j_common_ptr) cinfo, -1); /* the data ended early: truncated */
    }
    size_t left = s->ranges[s->range].end - s->offset;
    size_t n = left < CHUNK ? left : CHUNK;
    s->base.next_input_byte = s->data + s->offset;
    s->base.bytes_in_buffer = n;
    s->offset += n;
    return TRUE;
}

static void skip_input_data(j_decompress_ptr cinfo, long count) {
    parathumb_jpeg_source *s = (parathumb_jpeg_source *) cinfo->src;
    if (count <= 0) {
        return;
    }
    while ((size_t) count > s->base.bytes_in_buffer) {
        count -= (long) s->base.bytes_in_buffer;
        s->base.bytes_in_buffer = 0;
        fill_input_buffer(cinfo);
    }
    s->base.next_input_byte += count;
    s->base.bytes_in_buffer -= (size_t) count;
}

void parathumb_jpeg_begin(j_decompress_ptr cinfo, parathumb_jpeg_source *source,
        const unsigned char *data, size_t length, parathumb_abort *abort) {
    source->whole = (parathumb_byte_range) {0, length};
    parathumb_jpeg_begin_ranges(cinfo, source, data, &source->whole, 1, abort);
}

void parathumb_jpeg_begin_ranges(j_decompress_ptr cinfo, parathumb_jpeg_source *source,
        const unsigned char *data, const parathumb_byte_range *ranges, int range_count, parathumb_abort *abort) {
    parathumb_jpeg.create_decompress(cinfo, JPEG_LIB_VERSION, sizeof(*cinfo));
    source->base.init_source = init_source;
    source->base.fill_input_buffer = fill_input_buffer;
    source->base.skip_input_data = skip_input_data;
    source->base.resync_to_restart = parathumb_jpeg.resync_to_restart;
    source->base.term_source = term_source;
    source->base.next_input_byte = NULL;
    source->base.bytes_in_buffer = 0;
    source->data = data;
    source->ranges = ranges;
    source->range_count = range_count;
    source->range = 0;
    source->offset = range_count > 0 ? ranges[0].start : 0;
    source->abort = abort;
    cinfo->src = &source->base;
}

void parathumb_jpeg_check_abort(j_decompress_ptr cinfo, parathumb_abort *abort) {
    if (parathumb_abort_requested(abort)) {
        parathumb_jpeg_errors *errors = (parathumb_jpeg_errors *) cinfo->err;
        errors->cancelled = 1;
        longjmp(errors->escape, 1);
    }
}

struct jpeg_error_mgr *parathumb_jpeg_errors_init(parathumb_jpeg_errors *errors) {
    struct jpeg_error_mgr *base = parathumb_jpeg.std_error(&errors->base);
    errors->base.error_exit = on_error;
    errors->base.emit_message = on_message;
    errors->cancelled = 0;
    return base;
}

int parathumb_jpeg_plain(const struct jpeg_decompress_struct *c) {
    if (c->data_precision != 8) {
        return 0;
    }
    if (c->num_components == 1) {
        return c->jpeg_color_space == JCS_GRAYSCALE;
    }
    if (c->num_components != 3 || c->jpeg_color_space != JCS_YCbCr) {
        return 0;
    }
    if (c->saw_JFIF_marker) {
        return 1;
    }
    if (c->saw_Adobe_marker) {
        return c->Adobe_transform == 1;
    }
    return c->comp_info[0].component_id == 1 && c->comp_info[1].component_id == 2
            && c->comp_info[2].component_id == 3;
}

int parathumb_jpeg_has_icc_profile(const struct jpeg_decompress_struct *c) {
    for (jpeg_saved_marker_ptr m = c->marker_list; m != NULL; m = m->next) {
        if (m->marker == JPEG_APP0 + 2 && m->data_length >= 12 && memcmp(m->data, "ICC_PROFILE", 12) == 0) {
            return 1;
        }
    }
    return 0;
}

static jboolean JNICALL native_openLibjpeg(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return parathumb_jpeg_open() ? JNI_TRUE : JNI_FALSE;
}

int parathumb_register_libjpeg(JNIEnv *env) {
    static const JNINativeMethod methods[] = {{"openLibjpeg", "()Z", (void *) native_openLibjpeg}};
    return parathumb_register(env, "NativeJpeg", methods, 1);
}
