/*
 * The JPEG path of blur_reduce.c on two threads, for when the worker pool lends an idle core
 * (jpeg_two_threads.c): the same bytes as one thread, sooner.
 */
#ifndef PARATHUMB_JPEG_TWO_THREADS_H
#define PARATHUMB_JPEG_TWO_THREADS_H

#include <stdint.h>
#include "blur_reduce.h"
#include "libjpeg_runtime.h"

/* jpegBlurReduce's results, the same numbers as NativeBlurReduce's; SPLIT_NOT_USED is internal. */
enum { JPEG_DONE = 0, JPEG_DECLINED = 1, JPEG_CANCELLED = 2, JPEG_BAD_ARGUMENTS = -1, JPEG_SPLIT_NOT_USED = -2 };

/* The kernel's state for one image: what parathumb_run_rows carries from call to call. */
typedef struct {
    int kernel;
    const geometry *g;
    uint16_t *rings;
    uint32_t *sums;
    int32_t *levels;
    int64_t blurring; /* nanoseconds in the kernel, added up */
} parathumb_blur_state;

/*
 * A progressive 3-component JPEG whose scans split by component: this thread decodes the luma's
 * scans, a helper thread the chroma's, each with its own libjpeg; this thread joins their rows
 * (libjpeg's own YCbCr to RGB arithmetic) and blurs them. `ids` are the components' ids in the
 * frame header, `lines` holds BAND_ROWS rows. Returns JPEG_SPLIT_NOT_USED, with nothing done,
 * when the file is not laid out so (the caller then decodes as usual); else what
 * jpegBlurReduce returns. Any error or warning on either thread declines, as on one thread.
 */
int parathumb_jpeg_split_decode(const unsigned char *data, size_t length, const int ids[3], parathumb_abort *abort,
        parathumb_blur_state *blur, uint8_t *lines, int64_t *decoding);

/*
 * Any other plain JPEG: this thread decodes rows into a ring, a helper thread blurs them.
 * start returns NULL when no thread could be made (the caller blurs itself).
 */
typedef struct parathumb_blur_helper parathumb_blur_helper;

parathumb_blur_helper *parathumb_blur_helper_start(parathumb_blur_state *blur);

/* Room for up to *rows (in: wanted; out: given) contiguous rows; waits for the helper to free
   some. NULL if abort said stop while waiting. */
uint8_t *parathumb_blur_helper_room(parathumb_blur_helper *h, int *rows, parathumb_abort *abort);

/* Hands over the first `rows` rows of the last room. */
void parathumb_blur_helper_push(parathumb_blur_helper *h, int rows);

/* Waits until every row pushed is blurred (cancellable as room), then ends the helper; returns 0,
   or -1 if abort said stop. Either way the helper must still be ended. */
int parathumb_blur_helper_drain(parathumb_blur_helper *h, parathumb_abort *abort);

/* Stops the helper wherever it is, waits for its thread to end and frees it; NULL does nothing. */
void parathumb_blur_helper_end(parathumb_blur_helper *h);

#endif
