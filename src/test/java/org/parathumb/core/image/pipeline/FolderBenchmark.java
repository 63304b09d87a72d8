package org.parathumb.core.image.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;

/**
 * A pipeline's whole work on every image of a folder, as {@code run} does it on one thread but for
 * the file it writes: read the header, render at 50x50 with blur 2, encode in the source's format
 * (as {@code run} names it for those Parathumb does not write). One operation is the whole folder, so the score divided
 * by the folder's image count is the time per image. The folder defaults to the bundled images;
 * any other, such as a corpus of real photos, with {@code -p folder=DIR}:
 * {@code mvn -o -Pjmh test-compile exec:exec -Djmh.args="FolderBenchmark -p folder=DIR -f 1 -wi 1 -i 3 -r 10s"}.
 * The setup prints how many images the folder holds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FolderBenchmark {

    @Param("images")
    public String folder;

    @Param({"fast", "faithful"})
    public String pipeline;

    private List<Path> images;
    private ThumbnailPipeline chosen;

    @Setup(Level.Trial)
    public void listFolder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            images = files.filter(Files::isRegularFile).sorted().toList();
        }
        if (images.isEmpty()) {
            throw new IllegalStateException("no files in " + folder);
        }
        chosen = pipeline.equals(FastPipeline.NAME) ? new FastPipeline() : new FaithfulPipeline();
        System.out.println(images.size() + " images in " + folder + ", " + chosen.name() + " pipeline");
    }

    @Benchmark
    public void wholeFolder(Blackhole sink) throws IOException {
        for (Path image : images) {
            ImageHeader header = chosen.readHeader(image);
            Thumbnail thumbnail = chosen.render(image, ThumbnailSpec.DEFAULT);
            ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
            ImageFormat source = thumbnail.sourceFormat();
            ImageFormat format = source.isWritable() ? source
                    : source.thumbnailFormat(PixelLayout.of(thumbnail.image()).orElseThrow().hasAlpha());
            chosen.write(thumbnail, format, out);
            sink.consume(header);
            sink.consume(out.size());
        }
    }
}
