/* The blur+reduce kernel as the decoders feed it rows (blur_reduce.c, blur_kernel.h). */
#ifndef PARATHUMB_BLUR_REDUCE_H
#define PARATHUMB_BLUR_REDUCE_H

#include <stdint.h>

#define RING 8 /* a power of two, at least the 5 rows a column pass reads */

typedef struct {
    int width, height, channels, factor_x, factor_y, out_width;
    uint32_t *blocks; /* out_height x out_width x channels block sums */
    /* Instead of reducing: NULL, or where the blurred rows go (row y at out + y * width * channels),
       premultiplied by their alpha (Pillow's RGBA to RGBa) if premultiply is set (4 channels only). */
    uint8_t *out;
    int premultiply;
} geometry;

/* The shorts the rings and two work rows take for rows of n samples. */
static inline int64_t rings_length(int64_t n) {
    return (3 * RING + 2) * n;
}

/*
 * Source rows [from, to) through kernel 1 (AVX2) or 2 (AVX-512); src holds them from its start.
 * rings (rings_length shorts), sums (width * channels, zeroed) and done (4, zeroed) carry the
 * state from one call to the next.
 */
void parathumb_run_rows(int kernel, const geometry *g, const uint8_t *src, int from, int to,
        uint16_t *rings, uint32_t *sums, int32_t *done);

#endif
