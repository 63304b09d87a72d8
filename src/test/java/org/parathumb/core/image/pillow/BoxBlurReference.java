package org.parathumb.core.image.pillow;

/**
 * A literal, slow port of Pillow's BoxBlur.c ({@code ImagingLineBoxBlur}, the horizontal blur,
 * the transposes), kept in the tests to check the streaming kernel against on shapes and radii
 * the fixtures do not cover.
 */
final class BoxBlurReference {

    private BoxBlurReference() {
    }

    /** Pillow's three horizontal passes, a transpose, three more, and back; samples interleaved. */
    static byte[] gaussianBlur(byte[] pixels, int width, int height, int channels, float radius) {
        float boxRadius = ExtendedBox.boxRadius(radius, 3);
        int[] image = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            image[i] = pixels[i] & 0xFF;
        }
        for (int i = 0; i < 3; i++) {
            image = horizontal(image, width, height, channels, boxRadius);
        }
        int[] transposed = transpose(image, width, height, channels);
        for (int i = 0; i < 3; i++) {
            transposed = horizontal(transposed, height, width, channels, boxRadius);
        }
        image = transpose(transposed, height, width, channels);
        byte[] out = new byte[image.length];
        for (int i = 0; i < image.length; i++) {
            out[i] = (byte) image[i];
        }
        return out;
    }

    private static int[] transpose(int[] in, int width, int height, int channels) {
        int[] out = new int[in.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    out[(x * height + y) * channels + c] = in[(y * width + x) * channels + c];
                }
            }
        }
        return out;
    }

    private static int[] horizontal(int[] in, int width, int height, int channels, float floatRadius) {
        int radius = (int) floatRadius;
        long ww = (long) ((float) (1 << 24) / (floatRadius * 2 + 1));
        long fw = ((1L << 24) - (radius * 2 + 1) * ww) / 2;
        int edgeA = Math.min(radius + 1, width);
        int edgeB = Math.max(width - radius - 1, 0);
        int[] out = new int[in.length];
        int[] line = new int[width];
        int[] result = new int[width];
        for (int y = 0; y < height; y++) {
            for (int c = 0; c < channels; c++) {
                for (int x = 0; x < width; x++) {
                    line[x] = in[(y * width + x) * channels + c];
                }
                lineBlur(result, line, width - 1, radius, edgeA, edgeB, ww, fw);
                for (int x = 0; x < width; x++) {
                    out[(y * width + x) * channels + c] = result[x];
                }
            }
        }
        return out;
    }

    /** ImagingLineBoxBlur8, with UINT32 arithmetic done in longs masked to 32 bits. */
    private static void lineBlur(int[] out, int[] in, int lastx, int radius, int edgeA, int edgeB, long ww, long fw) {
        long acc = (long) in[0] * (radius + 1);
        for (int x = 0; x < edgeA - 1; x++) {
            acc += in[x];
        }
        acc += (long) in[lastx] * (radius - edgeA + 1);
        if (edgeA <= edgeB) {
            for (int x = 0; x < edgeA; x++) {
                acc += in[x + radius] - in[0];
                out[x] = save(acc, in[0] + in[x + radius + 1], ww, fw);
            }
            for (int x = edgeA; x < edgeB; x++) {
                acc += in[x + radius] - in[x - radius - 1];
                out[x] = save(acc, in[x - radius - 1] + in[x + radius + 1], ww, fw);
            }
            for (int x = edgeB; x <= lastx; x++) {
                acc += in[lastx] - in[x - radius - 1];
                out[x] = save(acc, in[x - radius - 1] + in[lastx], ww, fw);
            }
        } else {
            for (int x = 0; x < edgeB; x++) {
                acc += in[x + radius] - in[0];
                out[x] = save(acc, in[0] + in[x + radius + 1], ww, fw);
            }
            for (int x = edgeB; x < edgeA; x++) {
                acc += in[lastx] - in[0];
                out[x] = save(acc, in[0] + in[lastx], ww, fw);
            }
            for (int x = edgeA; x <= lastx; x++) {
                acc += in[lastx] - in[x - radius - 1];
                out[x] = save(acc, in[x - radius - 1] + in[lastx], ww, fw);
            }
        }
    }

    private static int save(long acc, long far, long ww, long fw) {
        long bulk = ((acc & 0xFFFFFFFFL) * ww + far * fw) & 0xFFFFFFFFL;
        return (int) (((bulk + (1 << 23)) & 0xFFFFFFFFL) >>> 24) & 0xFF;
    }
}
