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
import org.parathumb.core.image.nativecodec.NativeBlurReduce;
import org.parathumb.core.image.nativecodec.NativeLibrary;
import org.parathumb.core.image.pixels.Scratch;

/**
 * Pillow's GaussianBlur(2) on a decoded 12 MP photo: the streamed lane-layout kernel (what the
 * faithful pipeline runs without the native kernel), the same with the reduce fed row by row (the
 * pipeline's blur stage), the native kernel doing that stage (NaN where it does not load), and the
 * running-sum reference loops they replaced. Run: see README, "Performance".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlurBenchmark {

    @Param({"RGB", "GRAY"})
    public PixelLayout layout;

    private BufferedImage source;
    private byte[] target;
    private final Scratch scratch = new Scratch();
    private final PillowGaussianBlur blur = new PillowGaussianBlur(2);

    @Setup
    public void setUp() {
        source = BenchmarkImages.decoded(layout);
        target = new byte[PixelLayout.samples(source).length];
    }

    @Benchmark
    public byte[] streamedBlur() {
        BufferedImage out = layout.wrap(target, source.getWidth(), source.getHeight());
        blur.blurInto(source, out, scratch);
        return target;
    }

    @Benchmark
    public byte[] streamedBlurIntoReduce() {
        int width = source.getWidth();
        int height = source.getHeight();
        int channels = layout.channels();
        ReducingSink sink = new ReducingSink(width, height, channels,
                PillowThumbnail.reduceFactor(width, 50), PillowThumbnail.reduceFactor(height, 38));
        BlurStream stream = new BlurStream(blur.box(), width, height, channels, scratch, sink);
        byte[] samples = PixelLayout.samples(source);
        for (int y = 0; y < height; y++) {
            stream.push(samples, y * width * channels);
        }
        return sink.samples();
    }

    @Benchmark
    public byte[] nativeBlurIntoReduce() {
        if (!NativeLibrary.available()) {
            throw new IllegalStateException(NativeLibrary.status());
        }
        int width = source.getWidth();
        int height = source.getHeight();
        return NativeBlurReduce.blurAndReduce(PixelLayout.samples(source), width, height, layout.channels(),
                PillowThumbnail.reduceFactor(width, 50), PillowThumbnail.reduceFactor(height, 38), scratch);
    }

    @Benchmark
    public byte[] runningSumsReference() {
        blur.blurByRunningSums(PixelLayout.samples(source), target,
                source.getWidth(), source.getHeight(), layout.channels(), scratch);
        return target;
    }
}
