package org.parathumb.core.image.pipeline;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * The {@code w x h} window of an image with the most detail, measured as libvips' smartcrop
 * "entropy" does: the Shannon entropy of the window's grey-level histogram. The window slides
 * along the one axis where there is room, in up to 64 steps; ties keep the centre-most.
 */
final class EntropyWindow {

    private static final int STEPS = 64;

    private EntropyWindow() {
    }

    /** {x, y} of the best window's top-left corner. */
    static int[] find(BufferedImage image, int w, int h) {
        int[][] grey = grey(image);
        int roomX = image.getWidth() - w;
        int roomY = image.getHeight() - h;
        int room = Math.max(roomX, roomY);
        int best = room / 2;
        double bestEntropy = Double.NEGATIVE_INFINITY;
        int step = Math.max(1, room / STEPS);
        for (int offset = 0; offset <= room; offset += step) {
            double entropy = entropy(grey, roomX > 0 ? offset : 0, roomX > 0 ? 0 : offset, w, h);
            boolean nearer = Math.abs(offset - room / 2) < Math.abs(best - room / 2);
            if (entropy > bestEntropy + 1e-9 || Math.abs(entropy - bestEntropy) <= 1e-9 && nearer) {
                bestEntropy = entropy;
                best = offset;
            }
        }
        return roomX > 0 ? new int[] {best, 0} : new int[] {0, best};
    }

    private static double entropy(int[][] grey, int x0, int y0, int w, int h) {
        int[] histogram = new int[256];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                histogram[grey[y][x]]++;
            }
        }
        double n = (double) w * h;
        double entropy = 0;
        for (int count : histogram) {
            if (count > 0) {
                double p = count / n;
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }

    private static int[][] grey(BufferedImage image) {
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int[][] grey = new int[image.getHeight()][image.getWidth()];
        int[] pixel = new int[bands];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                raster.getPixel(x, y, pixel);
                grey[y][x] = bands < 3 ? pixel[0] : (299 * pixel[0] + 587 * pixel[1] + 114 * pixel[2]) / 1000;
            }
        }
        return grey;
    }
}
