/*
 * The kernel's passes, written once for a vector of 16-bit lanes and compiled once per
 * instruction set: blur_reduce.c includes this file with the macros below defined for AVX2
 * (16 lanes) and for AVX-512BW (32 lanes), and picks one at run time.
 *
 *   NAME(f)      the function's name for this instruction set (f##_avx2, ...)
 *   TARGET       the target attribute that lets the compiler use it
 *   VEC, LANES   the vector type and its number of 16-bit lanes
 *   LOAD, STORE, ADD16, SUB16, SLL16, SRL16, SRA16, MULHI16, SET16, ADD32
 *   WIDEN8(p)    LANES bytes at p, zero-extended to 16-bit lanes
 *   LOW32(v), HIGH32(v)  the low and high half of v's lanes, zero-extended to 32 bits
 */

TARGET static inline VEC NAME(box)(VEC s3, VEC s2) {
    VEC s2x3 = ADD16(ADD16(s2, s2), s2);
    VEC below = SRA16(SUB16(s2x3, ADD16(s3, s3)), 15);
    VEC x = ADD16(ADD16(SLL16(s3, 3), s2x3), ADD16(SET16(15), below));
    return MULHI16(SRL16(x, 1), SET16(4370));
}

/* One row pass of n = w * c samples, channels interleaved, edges replicated. */
TARGET static void NAME(row_pass)(const uint16_t *in, uint16_t *out, int w, int c) {
    int n = w * c;
    int k = 2 * c;
    if (w >= 5) {
        int end = n - 2 * c;
        for (; k + LANES <= end; k += LANES) {
            VEC s3 = ADD16(ADD16(LOAD(in + k - c), LOAD(in + k)), LOAD(in + k + c));
            STORE(out + k, NAME(box)(s3, ADD16(LOAD(in + k - 2 * c), LOAD(in + k + 2 * c))));
        }
        for (; k < end; k++) {
            out[k] = box(in[k - c] + in[k] + in[k + c], in[k - 2 * c] + in[k + 2 * c]);
        }
    }
    for (int x = 0; x < w; x++) {
        if (x == 2 && w >= 5) {
            x = w - 2; /* the samples between were computed above */
        }
        for (int ch = 0; ch < c; ch++) {
#define AT(xx) in[((xx) < 0 ? 0 : (xx) >= w ? w - 1 : (xx)) * c + ch]
            out[x * c + ch] = box(AT(x - 1) + AT(x) + AT(x + 1), AT(x - 2) + AT(x + 2));
#undef AT
        }
    }
}

/* One column pass: out = the box of five rows. */
TARGET static void NAME(column_pass)(const uint16_t *m2, const uint16_t *m1, const uint16_t *z,
        const uint16_t *p1, const uint16_t *p2, uint16_t *out, int n) {
    int k = 0;
    for (; k + LANES <= n; k += LANES) {
        VEC s3 = ADD16(ADD16(LOAD(m1 + k), LOAD(z + k)), LOAD(p1 + k));
        STORE(out + k, NAME(box)(s3, ADD16(LOAD(m2 + k), LOAD(p2 + k))));
    }
    for (; k < n; k++) {
        out[k] = box(m1[k] + z[k] + p1[k], m2[k] + p2[k]);
    }
}

/* The last column pass, added into the column sums instead of stored. */
TARGET static void NAME(column_pass_summed)(const uint16_t *m2, const uint16_t *m1, const uint16_t *z,
        const uint16_t *p1, const uint16_t *p2, uint32_t *sums, int n) {
    int k = 0;
    for (; k + LANES <= n; k += LANES) {
        VEC s3 = ADD16(ADD16(LOAD(m1 + k), LOAD(z + k)), LOAD(p1 + k));
        VEC row = NAME(box)(s3, ADD16(LOAD(m2 + k), LOAD(p2 + k)));
        STORE(sums + k, ADD32(LOAD(sums + k), LOW32(row)));
        STORE(sums + k + LANES / 2, ADD32(LOAD(sums + k + LANES / 2), HIGH32(row)));
    }
    for (; k < n; k++) {
        sums[k] += box(m1[k] + z[k] + p1[k], m2[k] + p2[k]);
    }
}

/* The last column pass written out as bytes, premultiplied when asked (Pillow's MULDIV255). */
TARGET static void NAME(column_pass_out)(const uint16_t *m2, const uint16_t *m1, const uint16_t *z,
        const uint16_t *p1, const uint16_t *p2, uint16_t *work, uint8_t *out, int n, int premultiply) {
    NAME(column_pass)(m2, m1, z, p1, p2, work, n);
    if (premultiply) {
        for (int k = 0; k < n; k += 4) {
            unsigned alpha = work[k + 3];
            for (int c = 0; c < 3; c++) {
                unsigned tmp = work[k + c] * alpha + 128;
                out[k + c] = (uint8_t) (((tmp >> 8) + tmp) >> 8);
            }
            out[k + 3] = (uint8_t) alpha;
        }
    } else {
        for (int k = 0; k < n; k++) {
            out[k] = (uint8_t) work[k];
        }
    }
}

TARGET static void NAME(widen)(const uint8_t *in, uint16_t *out, int n) {
    int k = 0;
    for (; k + LANES <= n; k += LANES) {
        STORE(out + k, WIDEN8(in + k));
    }
    for (; k < n; k++) {
        out[k] = in[k];
    }
}

/*
 * Source rows [from, to); src holds them from its start. done[0..3] count the rows each level
 * has produced (level 0 = the three row passes, 1..3 = the column passes; level 3 rows go into
 * the column sums), so the next call goes on where this one stopped.
 */
TARGET static void NAME(run_rows)(const geometry *g, const uint8_t *src, int from, int to,
        uint16_t *rings, uint32_t *sums, int32_t *done) {
    int n = g->width * g->channels;
    int h = g->height;
    uint16_t *a = rings + (size_t) 3 * RING * n;
    uint16_t *b = a + n;
    for (int t = from; t < to; t++) {
        NAME(widen)(src + (size_t) (t - from) * n, a, n);
        NAME(row_pass)(a, b, g->width, g->channels);
        NAME(row_pass)(b, a, g->width, g->channels);
        NAME(row_pass)(a, ring_row(rings, 0, t, n), g->width, g->channels);
        done[0] = t + 1;
        /* One row per level per round, the last pass first: a level is never more than three
           rows ahead of the one reading it, so its ring never overwrites a row still needed. */
        for (int progressed = 1; progressed;) {
            progressed = 0;
            for (int level = 3; level >= 1; level--) {
                int y = done[level];
                int needed = y + 2 < h - 1 ? y + 2 : h - 1;
                if (y >= h || done[level - 1] <= needed) {
                    continue;
                }
                const uint16_t *rows[5];
                for (int j = 0; j < 5; j++) {
                    int yy = y + j - 2;
                    yy = yy < 0 ? 0 : yy >= h ? h - 1 : yy;
                    rows[j] = ring_row(rings, level - 1, yy, n);
                }
                if (level < 3) {
                    NAME(column_pass)(rows[0], rows[1], rows[2], rows[3], rows[4], ring_row(rings, level, y, n), n);
                } else if (g->out != NULL) {
                    /* the work rows are free once the row passes of source row t are in the ring */
                    NAME(column_pass_out)(rows[0], rows[1], rows[2], rows[3], rows[4], a,
                            g->out + (size_t) y * n, n, g->premultiply);
                } else {
                    NAME(column_pass_summed)(rows[0], rows[1], rows[2], rows[3], rows[4], sums, n);
                    if (y % g->factor_y == g->factor_y - 1 || y == h - 1) {
                        emit_block_row(g, y, sums);
                    }
                }
                done[level] = y + 1;
                progressed = 1;
            }
        }
    }
}
