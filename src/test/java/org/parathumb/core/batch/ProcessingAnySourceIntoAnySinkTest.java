package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.ImageSource;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.Pipelines;

/** What the Spark job relies on: bytes in, a stream out, the same thumbnail as from a local file. */
class ProcessingAnySourceIntoAnySinkTest {

    @TempDir
    Path dir;

    /** A sink in memory that records what was done to it. */
    private static final class MemorySink implements ThumbnailSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<String> calls = new ArrayList<>();
        final boolean failOnCommit;

        MemorySink(boolean failOnCommit) {
            this.failOnCommit = failOnCommit;
        }

        @Override
        public OutputStream open(Path target) {
            calls.add("open");
            return bytes;
        }

        @Override
        public void commit() throws IOException {
            calls.add("commit");
            if (failOnCommit) {
                throw new IOException("rename refused");
            }
        }

        @Override
        public void discard() {
            calls.add("discard");
        }
    }

    @Test
    void bytesAndStreamsGiveEveryPipelineTheThumbnailOfTheFileWithTheSameBytes() throws IOException {
        for (String name : List.of("sample-01-landscape.jpg", "sample-04-alpha.png")) {
            Path image = Path.of("images", name);
            byte[] content = Files.readAllBytes(image);
            for (String pipeline : Pipelines.names()) {
                ImageProcessor processor = new ImageProcessor(Pipelines.byName(pipeline), ThumbnailSpec.DEFAULT);
                Path target = dir.resolve(pipeline + "-" + name);
                assertThat(processor.process(new ImageJob(image, target)).isDone()).isTrue();

                MemorySink fromBytes = new MemorySink(false);
                ImageResult bytes = processor.process(new ImageJob(image, target), ImageSource.of(name, content),
                        fromBytes);
                MemorySink fromStream = new MemorySink(false);
                ImageResult stream = processor.process(new ImageJob(image, target),
                        ImageSource.of(name, content.length, () -> Files.newInputStream(image)), fromStream);

                assertThat(bytes.isDone()).isTrue();
                assertThat(stream.isDone()).isTrue();
                assertThat(fromBytes.bytes.toByteArray()).as(pipeline + " " + name).isEqualTo(Files.readAllBytes(target));
                assertThat(fromStream.bytes.toByteArray()).as(pipeline + " " + name).isEqualTo(Files.readAllBytes(target));
                assertThat(fromBytes.calls).containsExactly("open", "commit");
            }
        }
    }

    @Test
    void aBrokenImageInMemoryIsAFailedResultWithTheFilesReasonAndNothingIsWritten() throws IOException {
        Path broken = TestImages.writeText(dir.resolve("broken.jpg"), "this is text");
        ImageProcessor processor = new ImageProcessor(Pipelines.byName(Pipelines.DEFAULT), ThumbnailSpec.DEFAULT);
        ImageJob job = new ImageJob(broken, dir.resolve("thumb.jpg"));
        String fromFile = processor.process(job).failure();

        MemorySink sink = new MemorySink(false);
        ImageResult result = processor.process(job, ImageSource.of("broken.jpg", Files.readAllBytes(broken)), sink);

        assertThat(result.isFailed()).isTrue();
        assertThat(result.failure()).isEqualTo(fromFile);
        assertThat(sink.calls).containsExactly("discard");
    }

    @Test
    void aSinkThatCannotCommitFailsTheImageAndIsToldToDiscardAndNoTemporaryCopyIsLeft() throws IOException {
        Path image = Path.of("images/sample-06-graphic.png");
        long copiesBefore = temporaryCopies();
        ImageProcessor processor = new ImageProcessor(Pipelines.byName(Pipelines.DEFAULT), ThumbnailSpec.DEFAULT);
        MemorySink sink = new MemorySink(true);

        ImageResult result = processor.process(new ImageJob(image, dir.resolve("t.png")),
                ImageSource.of("graphic.png", Files.readAllBytes(image)), sink);

        assertThat(result.failure()).isEqualTo("rename refused");
        assertThat(sink.calls).containsExactly("open", "commit", "discard");
        assertThat(temporaryCopies()).isEqualTo(copiesBefore);
    }

    private static long temporaryCopies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("parathumb-source-")).count();
        }
    }
}
