package org.parathumb.core.image.read;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;
import org.parathumb.core.image.pixels.LayoutConversion;
import org.parathumb.core.image.pixels.Scratch;

/**
 * Decoding a 12 MP JPEG and the colour/layout conversions around it: {@link ImageDecoder} into a
 * reused buffer in the pipeline's layout, plain {@code ImageIO.read} (a fresh BGR image each time)
 * and the {@link LayoutConversion} such an image then needs, and the whole faithful render.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {

    @Param({"RGB", "GRAY"})
    public PixelLayout layout;

    private Path file;
    private BufferedImage standard;
    private final Scratch scratch = new Scratch();
    private final ImageDecoder decoder = new ImageDecoder();
    private final FaithfulPipeline pipeline = new FaithfulPipeline();

    @Setup
    public void setUp() throws IOException {
        file = BenchmarkImages.jpeg(layout);
        standard = ImageIO.read(file.toFile());
    }

    @Benchmark
    public BufferedImage decodeIntoReusedBuffer() throws IOException {
        return decoder.decode(file, scratch).image();
    }

    @Benchmark
    public BufferedImage imageIoReadDefault() throws IOException {
        return ImageIO.read(file.toFile());
    }

    @Benchmark
    public BufferedImage layoutConversionOfImageIoResult() {
        return LayoutConversion.toLayout(standard);
    }

    @Benchmark
    public Thumbnail wholeFaithfulRender() throws IOException {
        return pipeline.render(file, ThumbnailSpec.DEFAULT);
    }
}
