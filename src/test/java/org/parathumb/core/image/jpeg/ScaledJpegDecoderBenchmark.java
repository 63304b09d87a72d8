package org.parathumb.core.image.jpeg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.parathumb.core.image.JpegVariants;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FastPipeline;
import org.parathumb.core.samples.SampleGenerator;
import org.parathumb.core.samples.SampleKind;

/**
 * The fast pipeline's decoder on a 12 MP photo-like JPEG (q90, 4:2:0, as the sample generator
 * writes them), beside ImageIO's full decode and the whole fast render. Run with
 * {@code mvn -o -Pjmh test-compile exec:exec -Djmh.args="ScaledJpegDecoderBenchmark -f 1 -wi 3 -i 5"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScaledJpegDecoderBenchmark {

    @Param({"8", "4", "2"})
    public int scale;

    private Path file;
    private final ScaledJpegDecoder decoder = new ScaledJpegDecoder();
    private final FastPipeline fast = new FastPipeline();

    @Setup(Level.Trial)
    public void writeJpeg() throws IOException {
        file = Files.createTempFile("parathumb-bench", ".jpg");
        BufferedImage image = new SampleGenerator().render(SampleKind.LANDSCAPE, 4000, 3000, 7);
        JpegVariants.BASELINE_420.write(image, file);
    }

    @TearDown(Level.Trial)
    public void deleteJpeg() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public BufferedImage scaledDecode() throws Exception {
        return decoder.decode(decoder.open(file), scale);
    }

    /** The whole fast render into 50x50 (which decodes at 1/8 whatever the scale parameter). */
    @Benchmark
    public Thumbnail fastRender() throws IOException {
        return fast.render(file, ThumbnailSpec.DEFAULT);
    }

    @Benchmark
    public BufferedImage imageIoFullDecode() throws IOException {
        return ImageIO.read(file.toFile());
    }
}
