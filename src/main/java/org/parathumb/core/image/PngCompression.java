package org.parathumb.core.image;

/**
 * How hard a PNG thumbnail's rows are compressed. Both choose each row's filter as Pillow does; the
 * pixels are the same either way.
 */
public enum PngCompression {

    /**
     * Pillow's own parameters (zlib level 6, memory level 9, {@code Z_FILTERED}): Pillow's very
     * bytes, at Pillow's cost, 1.3 s for a 4096x2304 RGBA thumbnail.
     */
    PILLOW,

    /**
     * zlib's level 4: about 10% more bytes, in a third of level 6's time (366 against 1,130 ms on
     * a 4096x2304 RGBA thumbnail's rows). For a pipeline that promises its pixels, not Pillow's
     * bytes.
     */
    QUICK
}
