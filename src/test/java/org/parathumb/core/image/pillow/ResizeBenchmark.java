package org.parathumb.core.image.pillow;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parathumb.core.image.BenchmarkImages;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.ThumbnailSize;
import org.parathumb.core.image.nativecodec.NativeBicubic;
import org.parathumb.core.image.pixels.LayoutConversion;

/**
 * Pillow's thumbnail((50, 50)) steps on a 12 MP photo: the integer box reduce of the full image,
 * the bicubic of the reduced image to the thumbnail, and, for the RGBA path, premultiplying
 * and the bicubic of the full image (no reduce there, as in Pillow), in Java and in native code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResizeBenchmark {

    @Param({"RGB", "GRAY"})
    public PixelLayout layout;

    private BufferedImage source;
    private BufferedImage reduced;
    private BufferedImage rgba;
    private ThumbnailSize size;
    private int factorX;
    private int factorY;

    @Setup
    public void setUp() {
        source = BenchmarkImages.decoded(layout);
        size = ThumbnailSize.fit(source.getWidth(), source.getHeight(), 50, 50).orElseThrow();
        factorX = PillowThumbnail.reduceFactor(source.getWidth(), size.width());
        factorY = PillowThumbnail.reduceFactor(source.getHeight(), size.height());
        reduced = new BoxReduce(factorX, factorY).apply(source);
        rgba = LayoutConversion.toLayout(convertToRgba(source));
    }

    private static BufferedImage convertToRgba(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_4BYTE_ABGR);
        out.getGraphics().drawImage(image, 0, 0, null);
        return out;
    }

    @Benchmark
    public BufferedImage boxReduce() {
        return new BoxReduce(factorX, factorY).apply(source);
    }

    @Benchmark
    public BufferedImage bicubicOfReduced() {
        return PillowThumbnail.resizeReduced(reduced, source.getWidth(), source.getHeight(), factorX, factorY, size);
    }

    @Benchmark
    public BufferedImage premultiplyAndBicubicOfFullRgba() {
        BufferedImage premultiplied = new PremultiplyAlpha().apply(rgba);
        return PillowThumbnail.resizePremultiplied(premultiplied, size);
    }

    /** The same bytes as {@link #premultiplyAndBicubicOfFullRgba}, in native code (premultiplied row by row). */
    @Benchmark
    public byte[] nativePremultiplyAndBicubicOfFullRgba() {
        return NativeBicubic.resizeRgba(PixelLayout.samples(rgba), rgba.getWidth(), rgba.getHeight(), false,
                size.width(), size.height());
    }
}
