/*
 * The native JPEG path's work on one thread and on two (jpeg_two_threads.c), for counting each
 * thread's instructions with callgrind, which no load on the machine changes. Decodes, blurs and
 * reduces each file (by width / 50) the way jpegBlurReduce does: "one" on this thread alone,
 * "two" as a lent core makes it run (a progressive file's scans split when they pay, else rows
 * blurred by a helper). AVX2 kernel: valgrind runs no AVX-512. Not part of the build (README,
 * "An idle worker now lends its core"):
 *
 *   JH=$(dirname $(dirname $(readlink -f $(command -v javac)))); cd src/main/native
 *   gcc -O3 -std=c11 -DPARATHUMB_SOURCE_SHA256='"count"' -I. -I$JH/include -I$JH/include/linux \
 *       -o /tmp/count ../../test/native/jpeg_two_threads_count.c *.c -ldl -lpthread
 *   valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file=/tmp/cg.one /tmp/count one FILE.jpg
 *   valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file=/tmp/cg.two /tmp/count two FILE.jpg
 *   grep -h '^summary:' /tmp/cg.one-* /tmp/cg.two-*    # instructions per thread
 *
 * Prints the result code, the wall time and a checksum of the block sums (the same both ways).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "jpeg_two_threads.h"

static parathumb_blur_helper *volatile helper;

static double millis(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc != 3 || (strcmp(argv[1], "one") != 0 && strcmp(argv[1], "two") != 0) || !parathumb_jpeg_open()) {
        fprintf(stderr, "usage: count one|two FILE.jpg (needs libjpeg.so.62)\n");
        return 2;
    }
    int two = strcmp(argv[1], "two") == 0;
    FILE *file = fopen(argv[2], "rb");
    if (file == NULL) {
        perror(argv[2]);
        return 2;
    }
    fseek(file, 0, SEEK_END);
    long length = ftell(file);
    rewind(file);
    unsigned char *data = malloc((size_t) length);
    if (data == NULL || fread(data, 1, (size_t) length, file) != (size_t) length) {
        return 2;
    }
    fclose(file);
    double start = millis();
    int stop = 0;
    struct jpeg_decompress_struct cinfo;
    parathumb_jpeg_errors errors;
    parathumb_jpeg_source source;
    parathumb_abort abort = {NULL, 0, &stop};
    uint32_t *volatile blocks = NULL;
    uint8_t *volatile lines = NULL;
    uint16_t *volatile rings = NULL;
    uint32_t *volatile sums = NULL;
    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = parathumb_jpeg_errors_init(&errors);
    if (setjmp(errors.escape)) { /* as jpegBlurReduce's `done`: the helper ends first */
        parathumb_blur_helper_end(helper);
        parathumb_jpeg.destroy_decompress(&cinfo);
        free(blocks);
        free(lines);
        free(rings);
        free(sums);
        free(data);
        printf("declined (an error or warning)\n");
        return 1;
    }
    parathumb_jpeg_begin(&cinfo, &source, data, (size_t) length, &abort);
    parathumb_jpeg.read_header(&cinfo, TRUE);
    int width = (int) cinfo.image_width, height = (int) cinfo.image_height, channels = cinfo.num_components;
    int factor = width / 50 > 1 ? width / 50 : 2;
    int out_width = (width + factor - 1) / factor;
    size_t n = (size_t) width * channels, block_count = (size_t) ((height + factor - 1) / factor) * out_width * channels;
    blocks = calloc(block_count, sizeof(uint32_t));
    lines = malloc(n * 16);
    rings = malloc((size_t) rings_length((int64_t) n) * sizeof(uint16_t));
    sums = calloc(n, sizeof(uint32_t));
    geometry g = {width, height, channels, factor, factor, out_width, blocks, NULL, 0};
    int32_t levels[4] = {0, 0, 0, 0};
    parathumb_blur_state blur = {1, &g, rings, sums, levels, 0};
    int64_t decoding = 0;
    int result = JPEG_SPLIT_NOT_USED;
    if (two && cinfo.progressive_mode && channels == 3) {
        int ids[3] = {cinfo.comp_info[0].component_id, cinfo.comp_info[1].component_id,
                cinfo.comp_info[2].component_id};
        result = parathumb_jpeg_split_decode(data, (size_t) length, ids, &abort, &blur, lines, &decoding);
    }
    if (result == JPEG_SPLIT_NOT_USED) {
        cinfo.out_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
        parathumb_jpeg.start_decompress(&cinfo);
        helper = two ? parathumb_blur_helper_start(&blur) : NULL;
        JSAMPROW rows[16];
        for (int y = 0; y < height;) {
            int want = height - y < 16 ? height - y : 16;
            uint8_t *band = helper != NULL ? parathumb_blur_helper_room(helper, &want, &abort) : lines;
            for (int i = 0; i < want; i++) {
                rows[i] = band + i * n;
            }
            int got = (int) parathumb_jpeg.read_scanlines(&cinfo, rows, (JDIMENSION) want);
            if (helper != NULL) {
                parathumb_blur_helper_push(helper, got);
            } else {
                parathumb_run_rows(1, &g, lines, y, y + got, rings, sums, levels);
            }
            y += got;
        }
        if (helper != NULL) {
            parathumb_blur_helper_drain(helper, &abort);
            parathumb_blur_helper_end(helper);
            helper = NULL;
        }
        result = JPEG_DONE;
    }
    uint64_t checksum = 0;
    for (size_t i = 0; i < block_count; i++) {
        checksum = checksum * 31 + blocks[i];
    }
    printf("%s: result %d, %.1f ms, checksum %016llx\n", argv[1], result, millis() - start,
            (unsigned long long) checksum);
    parathumb_jpeg.destroy_decompress(&cinfo);
    free(blocks);
    free(lines);
    free(rings);
    free(sums);
    free(data);
    return result == JPEG_DONE ? 0 : 1;
}
