/*
 * The faithful JPEG path (blur_reduce.c's jpegBlurReduce) on two threads, when the worker pool
 * lends the core of a worker that has no job (NativeBlurReduce, decision record 0014). The bytes
 * are the same as on one thread; only who does what changes. Two ways, by the file's layout:
 *
 * - A progressive JPEG spends most of its time in jpeg_start_decompress, decoding every scan
 *   before the first row exists, so handing rows to another thread would save little. But its AC
 *   scans each carry one component (the standard requires it): the luma's scans and the chroma's
 *   are independent streams. Each thread runs its own libjpeg on the file with the other's AC
 *   scans left out (split_scans: byte ranges of the one file, no copy). This thread asks for
 *   grey (the luma alone: libjpeg then skips the chroma's IDCT); the helper asks for YCbCr and
 *   turns its chroma into what it adds to R, G and B by libjpeg's own fixed-point tables
 *   (jdcolor.c); this thread adds its luma to those, clamped as libjpeg clamps, and blurs the
 *   rows. Each component's coefficients are complete in the stream that keeps it, so its
 *   samples are those of the whole file (a test compares every sample with one thread's).
 *
 * - Any other plain JPEG (baseline, grey, a progressive file laid out otherwise): this thread
 *   decodes rows into a ring and the helper thread blurs them as they come.
 *
 * A helper thread never calls Java: this thread asks NativeAbort as ever and, to stop the helper,
 * sets the ring's `stop`, which the helper's libjpeg reads every 64 KB of input and every band
 * of rows. Whatever ends the job (done, declined, cancelled), the helper is stopped and joined
 * before any buffer it uses is freed.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, pthreads */
#include <immintrin.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "jpeg_two_threads.h"

/* Bind the versions glibc 2.2.5 to 2.33 export too, so the library still loads there (see
   parathumb_native.h for dlopen). */
__asm__(".symver pthread_create,pthread_create@GLIBC_2.2.5");
__asm__(".symver pthread_join,pthread_join@GLIBC_2.2.5");

#define BAND_ROWS 16
#define RING_ROWS 64 /* a ring's rows: four bands */
#define WAIT_NANOS 10000000 /* how often a wait on this thread asks Java whether to stop */

static int64_t nanos(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t) t.tv_sec * 1000000000 + t.tv_nsec;
}

/* Rows passed from one thread to the other, RING_ROWS at a time. */
typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    uint8_t *rows; /* RING_ROWS rows of n bytes */
    size_t n;
    int produced, consumed; /* rows, from the image's top; produced - consumed <= RING_ROWS */
    int stop;   /* the job ends: whoever waits gives up; read unlocked by a helper's abort check */
    int ended;  /* the producer made its last row, or gave up (failed) */
    int failed;
} row_ring;

static int ring_init(row_ring *ring, size_t n) {
    memset(ring, 0, sizeof *ring);
    ring->n = n;
    ring->rows = malloc(n * RING_ROWS);
    if (ring->rows == NULL) {
        return -1;
    }
    if (pthread_mutex_init(&ring->lock, NULL) != 0) {
        free(ring->rows);
        return -1;
    }
    if (pthread_cond_init(&ring->changed, NULL) != 0) {
        pthread_mutex_destroy(&ring->lock);
        free(ring->rows);
        return -1;
    }
    return 0;
}

static void ring_free(row_ring *ring) {
    pthread_cond_destroy(&ring->changed);
    pthread_mutex_destroy(&ring->lock);
    free(ring->rows);
}

static void ring_stop(row_ring *ring) {
    pthread_mutex_lock(&ring->lock);
    __atomic_store_n(&ring->stop, 1, __ATOMIC_RELEASE);
    pthread_cond_broadcast(&ring->changed);
    pthread_mutex_unlock(&ring->lock);
}

/* Waits (the lock held) for a change, at most WAIT_NANOS. */
static void ring_wait_briefly(row_ring *ring) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += WAIT_NANOS;
    if (until.tv_nsec >= 1000000000) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000;
    }
    pthread_cond_timedwait(&ring->changed, &ring->lock, &until);
}

/*
 * On the thread Java called (the lock held): waits until ready(ring, arg) or stop, asking Java
 * about a cancel every WAIT_NANOS with the lock released. Returns 0 when ready, -1 otherwise.
 */
static int ring_await(row_ring *ring, int (*ready)(const row_ring *, int), int arg, parathumb_abort *abort) {
    while (!ready(ring, arg) && !ring->stop) {
        ring_wait_briefly(ring);
        if (!ready(ring, arg)) {
            pthread_mutex_unlock(&ring->lock);
            int cancel = parathumb_abort_requested(abort);
            pthread_mutex_lock(&ring->lock);
            if (cancel) {
                return -1;
            }
        }
    }
    return ready(ring, arg) ? 0 : -1;
}

static int has_room(const row_ring *ring, int unused) {
    (void) unused;
    return ring->produced - ring->consumed < RING_ROWS;
}

static int has_rows_to(const row_ring *ring, int y) {
    return ring->produced >= y || ring->ended;
}

static int all_consumed(const row_ring *ring, int unused) {
    (void) unused;
    return ring->consumed >= ring->produced;
}

/* ---- Any plain JPEG: this thread decodes, the helper blurs. ---- */

struct parathumb_blur_helper {
    row_ring ring;
    parathumb_blur_state *blur;
    pthread_t thread;
};

static void *blur_rows(void *arg) {
    parathumb_blur_helper *h = arg;
    row_ring *ring = &h->ring;
    pthread_mutex_lock(&ring->lock);
    for (;;) {
        while (ring->produced == ring->consumed && !ring->ended && !ring->stop) {
            pthread_cond_wait(&ring->changed, &ring->lock);
        }
        if (ring->stop || ring->produced == ring->consumed) {
            break;
        }
        int from = ring->consumed;
        int slot = from % RING_ROWS;
        int count = ring->produced - from < RING_ROWS - slot ? ring->produced - from : RING_ROWS - slot;
        pthread_mutex_unlock(&ring->lock);
        int64_t t0 = nanos();
        parathumb_blur_state *b = h->blur;
        parathumb_run_rows(b->kernel, b->g, ring->rows + (size_t) slot * ring->n, from, from + count,
                b->rings, b->sums, b->levels);
        b->blurring += nanos() - t0;
        pthread_mutex_lock(&ring->lock);
        ring->consumed = from + count;
        pthread_cond_broadcast(&ring->changed);
    }
    pthread_mutex_unlock(&ring->lock);
    return NULL;
}

parathumb_blur_helper *parathumb_blur_helper_start(parathumb_blur_state *blur) {
    parathumb_blur_helper *h = malloc(sizeof *h);
    if (h == NULL) {
        return NULL;
    }
    if (ring_init(&h->ring, (size_t) blur->g->width * blur->g->channels) != 0) {
        free(h);
        return NULL;
    }
    h->blur = blur;
    if (pthread_create(&h->thread, NULL, blur_rows, h) != 0) {
        ring_free(&h->ring);
        free(h);
        return NULL;
    }
    return h;
}

uint8_t *parathumb_blur_helper_room(parathumb_blur_helper *h, int *rows, parathumb_abort *abort) {
    row_ring *ring = &h->ring;
    pthread_mutex_lock(&ring->lock);
    if (ring_await(ring, has_room, 0, abort) != 0) {
        pthread_mutex_unlock(&ring->lock);
        return NULL;
    }
    int slot = ring->produced % RING_ROWS;
    int free_rows = RING_ROWS - (ring->produced - ring->consumed);
    int contiguous = RING_ROWS - slot < free_rows ? RING_ROWS - slot : free_rows;
    pthread_mutex_unlock(&ring->lock);
    if (*rows > contiguous) {
        *rows = contiguous;
    }
    return ring->rows + (size_t) slot * ring->n;
}

void parathumb_blur_helper_push(parathumb_blur_helper *h, int rows) {
    pthread_mutex_lock(&h->ring.lock);
    h->ring.produced += rows;
    pthread_cond_broadcast(&h->ring.changed);
    pthread_mutex_unlock(&h->ring.lock);
}

int parathumb_blur_helper_drain(parathumb_blur_helper *h, parathumb_abort *abort) {
    row_ring *ring = &h->ring;
    pthread_mutex_lock(&ring->lock);
    ring->ended = 1;
    pthread_cond_broadcast(&ring->changed);
    int result = ring_await(ring, all_consumed, 0, abort);
    pthread_mutex_unlock(&ring->lock);
    return result;
}

void parathumb_blur_helper_end(parathumb_blur_helper *h) {
    if (h == NULL) {
        return;
    }
    ring_stop(&h->ring);
    pthread_join(h->thread, NULL);
    ring_free(&h->ring);
    free(h);
}

/* ---- A progressive YCbCr JPEG: the luma's scans here, the chroma's on the helper. ---- */

#define MAX_RANGES 128

typedef struct {
    parathumb_byte_range range[MAX_RANGES];
    int count;
} range_list;

static int add_range(range_list *list, size_t start, size_t end) {
    if (list->count > 0 && list->range[list->count - 1].end == start) {
        list->range[list->count - 1].end = end;
        return 1;
    }
    if (list->count == MAX_RANGES) {
        return 0;
    }
    list->range[list->count++] = (parathumb_byte_range) {start, end};
    return 1;
}

/*
 * Splits the file into the bytes the luma's decoder reads (every segment but the scans, and the
 * scans with component ids[0]) and those the chroma's reads (every segment, and the scans with
 * ids[1] or ids[2]). Returns 1 when the split pays: the chroma's own scans hold at least 3 bytes
 * for every 10 of the luma's (below that the luma's thread has nearly all the work, and blurring
 * beside one decoding thread does better: measured by instruction counts on the 24 progressive
 * photos of the corpus, 0.71 of one thread's critical path against 0.75 for always splitting).
 * Returns 0 then, and when the file is not a clean sequence of segments from SOI to EOI (any
 * stray byte, a missing EOI, an unknown component): one thread decodes it as ever, and says
 * what is wrong the same way.
 */
static int split_scans(const uint8_t *d, size_t length, const int ids[3], range_list *luma, range_list *chroma) {
    luma->count = 0;
    chroma->count = 0;
    if (length < 4 || d[0] != 0xFF || d[1] != 0xD8) {
        return 0;
    }
    add_range(luma, 0, 2);
    add_range(chroma, 0, 2);
    size_t luma_alone = 0; /* bytes of the scans of one side only */
    size_t chroma_alone = 0;
    size_t pos = 2;
    for (;;) {
        size_t at = pos;
        if (pos >= length || d[pos] != 0xFF) {
            return 0;
        }
        while (pos + 1 < length && d[pos + 1] == 0xFF) {
            pos++; /* fill bytes */
        }
        if (pos + 1 >= length) {
            return 0;
        }
        int marker = d[pos + 1];
        if (marker == 0xD9) {
            return add_range(luma, at, pos + 2) && add_range(chroma, at, pos + 2) && luma_alone > 0
                    && chroma_alone > 0 && 10 * chroma_alone >= 3 * luma_alone;
        }
        if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8) || pos + 4 > length) {
            return 0;
        }
        size_t end = pos + 2 + ((size_t) d[pos + 2] << 8 | d[pos + 3]);
        if (end > length || end < pos + 4) {
            return 0;
        }
        if (marker != 0xDA) {
            if (!add_range(luma, at, end) || !add_range(chroma, at, end)) {
                return 0;
            }
            pos = end;
            continue;
        }
        int count = d[pos + 4];
        if (count < 1 || end - pos != 2 + 6 + 2 * (size_t) count) {
            return 0;
        }
        int has_luma = 0;
        int has_chroma = 0;
        for (int i = 0; i < count; i++) {
            int id = d[pos + 5 + 2 * i];
            if (id == ids[0]) {
                has_luma = 1;
            } else if (id == ids[1] || id == ids[2]) {
                has_chroma = 1;
            } else {
                return 0;
            }
        }
        size_t e = end; /* the entropy-coded data runs to the first marker but RSTn */
        for (;;) {
            const uint8_t *ff = memchr(d + e, 0xFF, length - e);
            if (ff == NULL || (size_t) (ff - d) + 1 >= length) {
                return 0;
            }
            e = (size_t) (ff - d);
            int next = d[e + 1];
            if (next != 0x00 && (next < 0xD0 || next > 0xD7)) {
                break;
            }
            e += 2;
        }
        if ((has_luma && !add_range(luma, at, e)) || (has_chroma && !add_range(chroma, at, e))) {
            return 0;
        }
        luma_alone += has_luma && !has_chroma ? e - at : 0;
        chroma_alone += has_chroma && !has_luma ? e - at : 0;
        pos = e;
    }
}

/* libjpeg's YCbCr to RGB (jdcolor.c, build_ycc_rgb_table), 16-bit fixed point. */
typedef struct {
    int cr_r[256], cb_b[256], cr_g[256], cb_g[256];
} ycc_tables;

static void ycc_tables_init(ycc_tables *t) {
    for (int i = 0, x = -128; i < 256; i++, x++) {
        t->cr_r[i] = (int) ((91881 * x + 32768) >> 16);   /* FIX(1.40200) */
        t->cb_b[i] = (int) ((116130 * x + 32768) >> 16);  /* FIX(1.77200) */
        t->cr_g[i] = -46802 * x;                          /* -FIX(0.71414) */
        t->cb_g[i] = -22554 * x + 32768;                  /* -FIX(0.34414), plus a half */
    }
}

static inline uint8_t clamp(int v) {
    return (uint8_t) (v < 0 ? 0 : v > 255 ? 255 : v);
}

/*
 * The helper's half of the conversion: what each pixel's chroma adds to its luma in R, G and B
 * (libjpeg's R = range_limit[y + Cr_r_tab[cr]], and so on), from a row of YCbCr.
 */
static void chroma_terms(const ycc_tables *t, const uint8_t *ycc, int16_t *terms, int width) {
    for (int x = 0; x < 3 * width; x += 3) {
        int cb = ycc[x + 1];
        int cr = ycc[x + 2];
        terms[x] = (int16_t) t->cr_r[cr];
        terms[x + 1] = (int16_t) ((t->cb_g[cb] + t->cr_g[cr]) >> 16);
        terms[x + 2] = (int16_t) t->cb_b[cb];
    }
}

/* This thread's half: rgb = y + term, clamped to 0..255 (packus saturates as range_limit does). */
__attribute__((target("avx2")))
static void add_luma(const uint8_t *luma, const int16_t *terms, uint8_t *rgb, int width) {
    const __m128i thrice[3] = {
        _mm_setr_epi8(0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5),
        _mm_setr_epi8(5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10),
        _mm_setr_epi8(10, 11, 11, 11, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15)};
    int x = 0;
    for (; x + 16 <= width; x += 16) {
        __m128i y = _mm_loadu_si128((const __m128i *) (luma + x));
        for (int k = 0; k < 3; k++) {
            __m128i y3 = _mm_shuffle_epi8(y, thrice[k]); /* each luma three times, as R, G, B */
            const int16_t *t = terms + 3 * x + 16 * k;
            __m128i low = _mm_add_epi16(_mm_cvtepu8_epi16(y3), _mm_loadu_si128((const __m128i *) t));
            __m128i high = _mm_add_epi16(_mm_cvtepu8_epi16(_mm_srli_si128(y3, 8)),
                    _mm_loadu_si128((const __m128i *) (t + 8)));
            _mm_storeu_si128((__m128i *) (rgb + 3 * x + 16 * k), _mm_packus_epi16(low, high));
        }
    }
    for (; x < width; x++) {
        for (int c = 0; c < 3; c++) {
            rgb[3 * x + c] = clamp(luma[x] + terms[3 * x + c]);
        }
    }
}

typedef struct {
    row_ring ring;
    const unsigned char *data;
    const range_list *ranges;
    int width, height;
    uint8_t *band; /* BAND_ROWS rows of YCbCr, before they become terms in the ring */
} chroma_job;

/* The helper: decodes the chroma's stream, as YCbCr rows, into the ring. */
static void *decode_chroma(void *arg) {
    chroma_job *job = arg;
    row_ring *ring = &job->ring;
    struct jpeg_decompress_struct cinfo;
    parathumb_jpeg_errors errors;
    parathumb_jpeg_source source;
    parathumb_abort abort = {NULL, 0, &ring->stop};
    volatile int done = 0;
    memset(&cinfo, 0, sizeof(cinfo));
    cinfo.err = parathumb_jpeg_errors_init(&errors);
    if (setjmp(errors.escape)) {
        goto end;
    }
    parathumb_jpeg_begin_ranges(&cinfo, &source, job->data, job->ranges->range, job->ranges->count, &abort);
    parathumb_jpeg.read_header(&cinfo, TRUE);
    cinfo.out_color_space = JCS_YCbCr;
    cinfo.do_block_smoothing = FALSE; /* it changes no complete component; these are */
    parathumb_jpeg.start_decompress(&cinfo);
    if ((int) cinfo.output_width != job->width || (int) cinfo.output_height != job->height
            || cinfo.output_components != 3) {
        goto end;
    }
    ycc_tables tables;
    ycc_tables_init(&tables);
    for (int y = 0; y < job->height;) {
        pthread_mutex_lock(&ring->lock);
        while (!has_room(ring, 0) && !ring->stop) {
            pthread_cond_wait(&ring->changed, &ring->lock);
        }
        int stop = ring->stop;
        int slot = y % RING_ROWS;
        int free_rows = RING_ROWS - (y - ring->consumed);
        pthread_mutex_unlock(&ring->lock);
        if (stop) {
            goto end;
        }
        int want = RING_ROWS - slot < free_rows ? RING_ROWS - slot : free_rows;
        want = want < BAND_ROWS ? want : BAND_ROWS;
        want = want < job->height - y ? want : job->height - y;
        JSAMPROW rows[BAND_ROWS];
        for (int i = 0; i < want; i++) {
            rows[i] = job->band + (size_t) i * 3 * job->width;
        }
        parathumb_jpeg_check_abort(&cinfo, &abort);
        int got = (int) parathumb_jpeg.read_scanlines(&cinfo, rows, (JDIMENSION) want);
        if (got <= 0) {
            goto end;
        }
        for (int i = 0; i < got; i++) {
            chroma_terms(&tables, rows[i], (int16_t *) (ring->rows + (size_t) (slot + i) * ring->n), job->width);
        }
        y += got;
        pthread_mutex_lock(&ring->lock);
        ring->produced = y;
        pthread_cond_broadcast(&ring->changed);
        pthread_mutex_unlock(&ring->lock);
    }
    done = 1;
end:
    parathumb_jpeg.destroy_decompress(&cinfo);
    pthread_mutex_lock(&ring->lock);
    ring->ended = 1;
    ring->failed = !done;
    pthread_cond_broadcast(&ring->changed);
    pthread_mutex_unlock(&ring->lock);
    return NULL;
}

int parathumb_jpeg_split_decode(const unsigned char *data, size_t length, const int ids[3], parathumb_abort *abort,
        parathumb_blur_state *blur, uint8_t *lines, int64_t *decoding) {
    const geometry *g = blur->g;
    range_list *lists = malloc(2 * sizeof(range_list));
    if (lists == NULL || g->channels != 3 || !split_scans(data, length, ids, &lists[0], &lists[1])) {
        free(lists);
        return JPEG_SPLIT_NOT_USED;
    }
    chroma_job *job = malloc(sizeof *job);
    uint8_t *luma = malloc((size_t) g->width * BAND_ROWS);
    uint8_t *band = malloc((size_t) g->width * 3 * BAND_ROWS);
    if (job == NULL || luma == NULL || band == NULL
            || ring_init(&job->ring, (size_t) g->width * 3 * sizeof(int16_t)) != 0) {
        free(band);
        free(luma);
        free(job);
        free(lists);
        return JPEG_SPLIT_NOT_USED;
    }
    job->band = band;
    job->data = data;
    job->ranges = &lists[1];
    job->width = g->width;
    job->height = g->height;
    pthread_t helper;
    if (pthread_create(&helper, NULL, decode_chroma, job) != 0) {
        free(band);
        free(luma);
        ring_free(&job->ring);
        free(job);
        free(lists);
        return JPEG_SPLIT_NOT_USED;
    }
    /* From here on every way out passes `end`, which stops and joins the helper. */
    row_ring *ring = &job->ring;
    struct jpeg_decompress_struct cinfo;
    parathumb_jpeg_errors errors;
    parathumb_jpeg_source source;
    volatile int result = JPEG_DECLINED;
    volatile int64_t waited_or_decoded = 0;
    memset(&cinfo, 0, sizeof(cinfo));
    cinfo.err = parathumb_jpeg_errors_init(&errors);
    if (setjmp(errors.escape)) {
        if (errors.cancelled) {
            result = JPEG_CANCELLED;
        }
        goto end;
    }
    int64_t t0 = nanos();
    parathumb_jpeg_begin_ranges(&cinfo, &source, data, lists[0].range, lists[0].count, abort);
    parathumb_jpeg.read_header(&cinfo, TRUE);
    /* Grey: the luma as it is, and libjpeg skips the chroma's IDCT and upsampling (jdcolor.c). */
    cinfo.out_color_space = JCS_GRAYSCALE;
    cinfo.do_block_smoothing = FALSE;
    parathumb_jpeg.start_decompress(&cinfo);
    if ((int) cinfo.output_width != g->width || (int) cinfo.output_height != g->height
            || cinfo.output_components != 1) {
        goto end;
    }
    waited_or_decoded += nanos() - t0;
    JSAMPROW rows[BAND_ROWS];
    for (int i = 0; i < BAND_ROWS; i++) {
        rows[i] = luma + (size_t) i * g->width;
    }
    for (int y = 0; y < g->height;) {
        parathumb_jpeg_check_abort(&cinfo, abort);
        int64_t t1 = nanos();
        int want = g->height - y < BAND_ROWS ? g->height - y : BAND_ROWS;
        int got = (int) parathumb_jpeg.read_scanlines(&cinfo, rows, (JDIMENSION) want);
        if (got <= 0) {
            goto end;
        }
        pthread_mutex_lock(&ring->lock);
        int ready = ring_await(ring, has_rows_to, y + got, abort) == 0 && ring->produced >= y + got;
        pthread_mutex_unlock(&ring->lock);
        if (!ready) {
            parathumb_jpeg_check_abort(&cinfo, abort); /* a cancel ends here; else the helper failed */
            goto end;
        }
        for (int i = 0; i < got; i++) {
            add_luma(rows[i], (const int16_t *) (ring->rows + (size_t) ((y + i) % RING_ROWS) * ring->n),
                    lines + (size_t) i * 3 * g->width, g->width);
        }
        pthread_mutex_lock(&ring->lock);
        ring->consumed = y + got;
        pthread_cond_broadcast(&ring->changed);
        pthread_mutex_unlock(&ring->lock);
        int64_t t2 = nanos();
        waited_or_decoded += t2 - t1;
        parathumb_run_rows(blur->kernel, g, lines, y, y + got, blur->rings, blur->sums, blur->levels);
        blur->blurring += nanos() - t2;
        y += got;
    }
    result = JPEG_DONE;
end:
    ring_stop(ring);
    pthread_join(helper, NULL);
    parathumb_jpeg.destroy_decompress(&cinfo);
    ring_free(ring);
    free(band);
    free(luma);
    free(job);
    free(lists);
    *decoding = waited_or_decoded;
    return result;
}
