package org.parathumb.core.image.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;

/**
 * What every {@link ThumbnailPipeline} promises, whatever its pixels: its name finds it again,
 * it reads the format from the content, leaves its source alone, is safe from many threads,
 * stops on interrupt, and fails on bad files with a one-line {@link IOException}. Each
 * pipeline's test class extends this one.
 */
abstract class ThumbnailPipelineContract {

    @TempDir
    Path dir;

    /** A new pipeline under test. */
    abstract ThumbnailPipeline pipeline();

    @Test
    void itsNameFindsItInTheRegistry() {
        ThumbnailPipeline pipeline = pipeline();

        assertThat(Pipelines.names()).contains(pipeline.name());
        assertThat(Pipelines.byName(pipeline.name())).isInstanceOf(pipeline.getClass());
    }

    @Test
    void renderReportsTheSourceAndItsFormatFromTheContent() throws IOException {
        Path disguised = dir.resolve("really-a-png.jpg");
        Files.copy(Samples.resourcePath("input/small.png"), disguised);

        Thumbnail thumbnail = pipeline().render(disguised, ThumbnailSpec.DEFAULT);

        assertThat(thumbnail.sourceFormat()).isEqualTo(ImageFormat.PNG);
        assertThat(thumbnail.sourceWidth()).isEqualTo(120);
        assertThat(thumbnail.sourceHeight()).isEqualTo(80);
        assertThat(thumbnail.width()).isEqualTo(50);
        assertThat(thumbnail.height()).isEqualTo(33);
    }

    @Test
    void renderLeavesTheSourceFileAsItWas() throws IOException {
        Path jpeg = FaithfulPipelineTest.writeNoiseJpeg(dir.resolve("photo.jpg"), 900, 700, 3);
        byte[] before = Files.readAllBytes(jpeg);

        pipeline().render(jpeg, ThumbnailSpec.DEFAULT);

        assertThat(Files.readAllBytes(jpeg)).isEqualTo(before);
    }

    @Test
    void twoThreadsRenderingAtOnceGiveTheSamePixelsAsOneThread() throws Exception {
        Path big = FaithfulPipelineTest.writeNoiseJpeg(dir.resolve("big.jpg"), 1400, 1000, 1);
        Path other = Samples.resourcePath("input/small.png");
        Path gray = Samples.resourcePath("input/gray.jpg");
        List<Path> order = List.of(big, other, gray);
        List<Samples> alone = new ArrayList<>();
        for (Path path : order) {
            alone.add(Samples.of(pipeline().render(path, ThumbnailSpec.DEFAULT).image()));
        }
        ThumbnailPipeline shared = pipeline();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<List<Samples>> first = pool.submit(() -> renderRepeatedly(shared, start, order, 0));
            Future<List<Samples>> second = pool.submit(() -> renderRepeatedly(shared, start, order, 1));
            start.countDown();
            List<Samples> a = first.get(60, TimeUnit.SECONDS);
            List<Samples> b = second.get(60, TimeUnit.SECONDS);

            for (int i = 0; i < a.size(); i++) {
                Samples expectedA = alone.get(i % 3);
                Samples expectedB = alone.get((i + 1) % 3);
                assertThat(a.get(i).identical(expectedA)).as(a.get(i).describe(expectedA)).isTrue();
                assertThat(b.get(i).identical(expectedB)).as(b.get(i).describe(expectedB)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Samples> renderRepeatedly(ThumbnailPipeline pipeline, CountDownLatch start,
                                                  List<Path> order, int shift) throws Exception {
        start.await();
        List<Samples> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path path = order.get((i + shift) % order.size());
            results.add(Samples.of(pipeline.render(path, ThumbnailSpec.DEFAULT).image()));
        }
        return results;
    }

    @Test
    void anInterruptedRenderEndsWithCancelledExceptionAndKeepsTheFlag() throws Exception {
        Path big = FaithfulPipelineTest.writeNoiseJpeg(dir.resolve("big.jpg"), 4000, 3000, 2);
        ThumbnailPipeline pipeline = pipeline();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        CountDownLatch firstRendered = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                // Renders back to back: once the first is done, the interrupt lands inside one.
                for (int i = 0; i < 10_000; i++) {
                    pipeline.render(big, ThumbnailSpec.DEFAULT);
                    firstRendered.countDown();
                }
            } catch (Throwable t) {
                thrown.set(t);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        worker.start();
        assertThat(firstRendered.await(60, TimeUnit.SECONDS)).as("the first render ended").isTrue();

        worker.interrupt();
        // Not a timing assertion: 10,000 uncancelled renders of 12 MP would take hours.
        worker.join(Duration.ofSeconds(60).toMillis());

        assertThat(worker.isAlive()).as("the loop was cancelled").isFalse();
        assertThat(thrown.get()).isInstanceOf(CancelledException.class);
        assertThat(flagAfter.get()).isTrue();
    }

    @Test
    void renderOnAnAlreadyInterruptedThreadThrowsCancelledException() throws IOException {
        Path jpeg = FaithfulPipelineTest.writeNoiseJpeg(dir.resolve("photo.jpg"), 900, 700, 3);
        for (Path source : List.of(jpeg, Samples.resourcePath("input/small.png"))) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> pipeline().render(source, ThumbnailSpec.DEFAULT))
                        .isInstanceOf(CancelledException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void pngOutputKeepsThePixelsAndTheAlpha() throws IOException {
        ThumbnailPipeline pipeline = pipeline();
        Thumbnail thumbnail = pipeline.render(Samples.resourcePath("input/alpha.png"), ThumbnailSpec.DEFAULT);
        var out = new ByteArrayOutputStream();

        pipeline.write(thumbnail, ImageFormat.PNG, out);

        BufferedImage read = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(Samples.of(read).identical(Samples.of(thumbnail.image()))).isTrue();
        assertThat(read.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void grayStaysOneChannelInJpeg() throws IOException {
        ThumbnailPipeline pipeline = pipeline();
        Thumbnail thumbnail = pipeline.render(Samples.resourcePath("input/gray.jpg"), ThumbnailSpec.DEFAULT);
        var out = new ByteArrayOutputStream();

        pipeline.write(thumbnail, ImageFormat.JPEG, out);

        BufferedImage read = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.getRaster().getNumBands()).isEqualTo(1);
    }

    @Test
    void unreadableContentFailsWithAClearOneLineMessage() throws IOException {
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "this is not a picture");

        assertThatThrownBy(() -> pipeline().render(text, ThumbnailSpec.DEFAULT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not an image (unrecognised content)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aTruncatedJpegFailsWithIOException() throws IOException {
        byte[] whole = Files.readAllBytes(Samples.resourcePath("input/landscape.jpg"));
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, java.util.Arrays.copyOf(whole, 300));

        assertThatThrownBy(() -> pipeline().render(cut, ThumbnailSpec.DEFAULT)).isInstanceOf(IOException.class);
    }

    @Test
    void aMissingFileFailsWithIOException() {
        assertThatThrownBy(() -> pipeline().render(dir.resolve("gone.jpg"), ThumbnailSpec.DEFAULT))
                .isInstanceOf(IOException.class);
    }
}
