/*
 * The floor a PNG decoder is measured against: libpng's own decode of each file (its native layout,
 * no transforms), and the share of it that is zlib's inflate, beside libdeflate's inflate of the
 * same IDAT data. CPU time of this process, the file already in memory, the median of N rounds.
 * Not part of the build (README, "On real files"):
 *
 *   gcc -O2 -o png_floor src/test/native/png_floor.c -lpng16 -lz -ldl
 *   ./png_floor 5 FOLDER_OF_PNGS/NAME.png ...
 *
 * Prints per file: libpng decode, zlib inflate, libdeflate inflate (ms); then the totals.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

typedef struct {
    const unsigned char *data;
    size_t length;
    size_t at;
} source;

static double cpu_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void read_from_memory(png_structp png, png_bytep out, png_size_t n) {
    source *s = png_get_io_ptr(png);
    if (s->at + n > s->length) {
        png_error(png, "read past the end");
    }
    memcpy(out, s->data + s->at, n);
    s->at += n;
}

/* libpng's decode of the whole image, in the file's own layout (8-bit here: no transforms). */
static int libpng_decode(const unsigned char *data, size_t length) {
    source s = {data, length, 0};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    unsigned char *pixels = NULL;
    png_bytep *rows = NULL;
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, NULL);
        free(pixels);
        free(rows);
        return 0;
    }
    png_set_read_fn(png, &s, read_from_memory);
    png_read_info(png, info);
    png_uint_32 height = png_get_image_height(png, info);
    size_t row_bytes = png_get_rowbytes(png, info);
    pixels = malloc(row_bytes * height);
    rows = malloc(sizeof *rows * height);
    for (png_uint_32 y = 0; y < height; y++) {
        rows[y] = pixels + y * row_bytes;
    }
    png_read_image(png, rows);
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    free(pixels);
    free(rows);
    return 1;
}

static uint32_t be32(const unsigned char *p) {
    return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

/* The IDAT data as one run, and the size it inflates to (filter bytes included). */
static unsigned char *idat(const unsigned char *data, size_t length, size_t *n, size_t *raw) {
    unsigned char *run = malloc(length);
    *n = 0;
    *raw = 0;
    for (size_t at = 8; at + 12 <= length;) {
        uint32_t size = be32(data + at);
        if (memcmp(data + at + 4, "IHDR", 4) == 0) {
            static const int channels[] = {1, 0, 3, 1, 2, 0, 4};
            uint32_t w = be32(data + at + 8), h = be32(data + at + 12);
            int depth = data[at + 16], color = data[at + 17];
            *raw = ((size_t) w * channels[color] * depth + 7) / 8 * h + h;
        } else if (memcmp(data + at + 4, "IDAT", 4) == 0) {
            memcpy(run + *n, data + at + 8, size);
            *n += size;
        }
        at += 12 + (size_t) size;
    }
    return run;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    qsort(v, (size_t) n, sizeof *v, compare);
    return v[n / 2];
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s ROUNDS FILE.png...\n", argv[0]);
        return 2;
    }
    int rounds = atoi(argv[1]);
    void *libdeflate = dlopen("libdeflate.so.0", RTLD_NOW);
    void *(*alloc_decompressor)(void) = libdeflate ? dlsym(libdeflate, "libdeflate_alloc_decompressor") : NULL;
    int (*zlib_decompress)(void *, const void *, size_t, void *, size_t, size_t *) =
            libdeflate ? dlsym(libdeflate, "libdeflate_zlib_decompress") : NULL;
    void *decompressor = alloc_decompressor ? alloc_decompressor() : NULL;
    double total[3] = {0, 0, 0};
    double *times = malloc(sizeof *times * (size_t) rounds * 3);
    for (int f = 2; f < argc; f++) {
        FILE *in = fopen(argv[f], "rb");
        if (in == NULL) {
            perror(argv[f]);
            continue;
        }
        fseek(in, 0, SEEK_END);
        size_t length = (size_t) ftell(in);
        fseek(in, 0, SEEK_SET);
        unsigned char *data = malloc(length);
        if (fread(data, 1, length, in) != length) {
            perror(argv[f]);
        }
        fclose(in);
        size_t n, raw_size;
        unsigned char *compressed = idat(data, length, &n, &raw_size);
        unsigned char *raw = malloc(raw_size);
        for (int r = 0; r < rounds; r++) {
            double t0 = cpu_ms();
            int ok = libpng_decode(data, length);
            double t1 = cpu_ms();
            uLongf out = raw_size;
            ok &= uncompress(raw, &out, compressed, n) == Z_OK && out == raw_size;
            double t2 = cpu_ms();
            ok &= decompressor == NULL || zlib_decompress(decompressor, compressed, n, raw, raw_size, NULL) == 0;
            double t3 = cpu_ms();
            if (!ok) {
                fprintf(stderr, "%s: failed\n", argv[f]);
            }
            times[r] = t1 - t0;
            times[rounds + r] = t2 - t1;
            times[2 * rounds + r] = t3 - t2;
        }
        double m[3];
        for (int k = 0; k < 3; k++) {
            m[k] = median(times + k * rounds, rounds);
            total[k] += m[k];
        }
        const char *name = strrchr(argv[f], '/');
        printf("%-60s %8.1f %8.1f %8.1f\n", name ? name + 1 : argv[f], m[0], m[1], m[2]);
        free(data);
        free(compressed);
        free(raw);
    }
    printf("%-60s %8.1f %8.1f %8.1f\n", "TOTAL (ms: libpng decode, zlib inflate, libdeflate inflate)", total[0],
            total[1], total[2]);
    return 0;
}
