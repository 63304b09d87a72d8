package org.parathumb.core.image.nativecodec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.ThumbnailSize;
import org.parathumb.core.image.pillow.BicubicResize;
import org.parathumb.core.image.pillow.PremultiplyAlpha;
import org.parathumb.core.image.pixels.Scratch;
import org.parathumb.core.image.read.ImageDecoder;

/**
 * The thumbnail's RGBA resize, Java against native, for profiling by hand (not a test): per image
 * file given, the thread CPU time of {@link BicubicResize} and of {@link NativeBicubic} on the same
 * premultiplied samples, in turn, {@code rounds} times after 3 warm-up rounds; prints the medians,
 * and stops if the two ever give different bytes. Thread CPU time is steadier than wall time on a
 * busy machine.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.parathumb.core.image.nativecodec.RgbaResizeProfile ROUNDS FILE...</pre>
 */
final class RgbaResizeProfile {

    private RgbaResizeProfile() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int a = 1; a < args.length; a++) {
            BufferedImage premultiplied = new PremultiplyAlpha().apply(
                    new ImageDecoder().decode(Path.of(args[a]), new Scratch()).image());
            int width = premultiplied.getWidth();
            int height = premultiplied.getHeight();
            ThumbnailSize size = ThumbnailSize.fit(width, height, 50, 50).orElseThrow();
            double[] java = new double[rounds];
            double[] nativeMs = new double[rounds];
            for (int r = -3; r < rounds; r++) {
                long t0 = threads.getCurrentThreadCpuTime();
                byte[] fromJava = PixelLayout.samples(
                        new BicubicResize(size.width(), size.height()).apply(premultiplied));
                long t1 = threads.getCurrentThreadCpuTime();
                byte[] fromNative = NativeBicubic.resizeRgba(PixelLayout.samples(premultiplied), width, height, true,
                        size.width(), size.height());
                long t2 = threads.getCurrentThreadCpuTime();
                if (!Arrays.equals(fromJava, fromNative)) {
                    throw new AssertionError(args[a] + ": the native resize differs");
                }
                if (r >= 0) {
                    java[r] = (t1 - t0) / 1e6;
                    nativeMs[r] = (t2 - t1) / 1e6;
                }
            }
            Arrays.sort(java);
            Arrays.sort(nativeMs);
            System.out.printf("%s %dx%d: Java %.1f ms CPU, native %.1f ms CPU, %.1fx%n", Path.of(args[a]).getFileName(),
                    width, height, java[rounds / 2], nativeMs[rounds / 2], java[rounds / 2] / nativeMs[rounds / 2]);
        }
    }
}
