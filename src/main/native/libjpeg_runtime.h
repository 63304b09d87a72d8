/*
 * The system's libjpeg (libjpeg.so.62: the libjpeg-turbo the JDK's JPEG reader and Pillow use on
 * Debian), opened at run time and shared by the JPEG paths: blur_reduce.c (faithful) and
 * jpeg_scaled.c (fast). Without it neither is offered and Java decodes.
 */
#ifndef PARATHUMB_LIBJPEG_RUNTIME_H
#define PARATHUMB_LIBJPEG_RUNTIME_H

#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <jpeglib.h>
#include "parathumb_native.h"

typedef struct {
    int loaded;
    struct jpeg_error_mgr *(*std_error)(struct jpeg_error_mgr *);
    void (*create_decompress)(j_decompress_ptr, int, size_t);
    void (*destroy_decompress)(j_decompress_ptr);
    int (*read_header)(j_decompress_ptr, boolean);
    void (*save_markers)(j_decompress_ptr, int, unsigned int);
    boolean (*start_decompress)(j_decompress_ptr);
    JDIMENSION (*read_scanlines)(j_decompress_ptr, JSAMPARRAY, JDIMENSION);
    boolean (*resync_to_restart)(j_decompress_ptr, int);
    void (*calc_output_dimensions)(j_decompress_ptr); /* NULL if the library lacks it */
} parathumb_libjpeg;

extern parathumb_libjpeg parathumb_jpeg;

/* Whether libjpeg.so.62 is open (opens it on the first call). */
int parathumb_jpeg_open(void);

/*
 * Any error or warning ends a decode with a longjmp to `escape`: the caller then hands the file
 * to Java, which says what is wrong with it in its own words. `cancelled` tells a cancel apart.
 */
typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf escape;
    int cancelled;
} parathumb_jpeg_errors;

/*
 * The file in memory, fed to libjpeg a chunk at a time so that the abort is checked between
 * chunks as well as between bands of rows: a progressive JPEG reads all its scans inside
 * jpeg_start_decompress, which no row loop would interrupt.
 */
typedef struct {
    size_t start, end;
} parathumb_byte_range;

/* The file's bytes fed are those of `ranges`, in order: the whole file, or the parts of it one
   thread of a split decode reads (jpeg_two_threads.c). */
typedef struct {
    struct jpeg_source_mgr base;
    const unsigned char *data;
    const parathumb_byte_range *ranges;
    int range_count, range;
    size_t offset; /* the next byte to feed, within ranges[range] */
    parathumb_byte_range whole;
    parathumb_abort *abort;
} parathumb_jpeg_source;

/* The error manager to put in a zeroed cinfo's err, before setjmp. */
struct jpeg_error_mgr *parathumb_jpeg_errors_init(parathumb_jpeg_errors *errors);

/* Creates the decompressor and gives it the chunked source. Call after setjmp. */
void parathumb_jpeg_begin(j_decompress_ptr cinfo, parathumb_jpeg_source *source,
        const unsigned char *data, size_t length, parathumb_abort *abort);

/* As parathumb_jpeg_begin, fed only the bytes of `ranges` (which must outlive the decode). */
void parathumb_jpeg_begin_ranges(j_decompress_ptr cinfo, parathumb_jpeg_source *source,
        const unsigned char *data, const parathumb_byte_range *ranges, int range_count, parathumb_abort *abort);

/* Checks the abort; on a cancel, ends the decode through the error manager's longjmp. */
void parathumb_jpeg_check_abort(j_decompress_ptr cinfo, parathumb_abort *abort);

/* Whether libjpeg's samples are the ones the JDK's reader gives: 8-bit gray, or YCbCr it can name.
   The C twin of JpegColour.isPlainYCbCr() (JpegColourAgreementTest holds them together). */
int parathumb_jpeg_plain(const struct jpeg_decompress_struct *c);

/* Whether the header holds an ICC profile (an APP2 segment named ICC_PROFILE; save APP2 markers). */
int parathumb_jpeg_has_icc_profile(const struct jpeg_decompress_struct *c);

#endif
