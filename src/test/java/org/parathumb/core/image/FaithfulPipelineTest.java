package org.parathumb.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

class FaithfulPipelineTest {

    private static final List<String> INPUTS = List.of(
            "landscape.jpg", "portrait.jpg", "gray.jpg", "edges.png", "small.png", "alpha.png");

    private final FaithfulPipeline pipeline = new FaithfulPipeline();

    @TempDir
    Path dir;

    @Test
    void itIsCalledFaithful() {
        assertThat(pipeline.name()).isEqualTo("faithful");
    }

    @Test
    void renderReportsTheSourceAndItsFormatFromTheContent() throws IOException {
        Path disguised = dir.resolve("really-a-png.jpg");
        Files.copy(Samples.resourcePath("input/small.png"), disguised);

        Thumbnail thumbnail = pipeline.render(disguised, ThumbnailSpec.DEFAULT);

        assertThat(thumbnail.sourceFormat()).isEqualTo(ImageFormat.PNG);
        assertThat(thumbnail.sourceWidth()).isEqualTo(120);
        assertThat(thumbnail.sourceHeight()).isEqualTo(80);
        assertThat(thumbnail.width()).isEqualTo(50);
        assertThat(thumbnail.height()).isEqualTo(33);
    }

    @Test
    void twoThreadsRenderingAtOnceGiveTheSamePixelsAsOneThread() throws Exception {
        Path big = writeNoiseJpeg(dir.resolve("big.jpg"), 1400, 1000, 1);
        Path other = Samples.resourcePath("input/alpha.png");
        Samples bigAlone = Samples.of(new FaithfulPipeline().render(big, ThumbnailSpec.DEFAULT).image());
        Samples otherAlone = Samples.of(new FaithfulPipeline().render(other, ThumbnailSpec.DEFAULT).image());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<List<Samples>> first = pool.submit(() -> renderRepeatedly(start, big, other));
            Future<List<Samples>> second = pool.submit(() -> renderRepeatedly(start, other, big));
            start.countDown();
            List<Samples> a = first.get(60, TimeUnit.SECONDS);
            List<Samples> b = second.get(60, TimeUnit.SECONDS);

            for (int i = 0; i < a.size(); i++) {
                Samples expectedA = i % 2 == 0 ? bigAlone : otherAlone;
                Samples expectedB = i % 2 == 0 ? otherAlone : bigAlone;
                assertThat(a.get(i).identical(expectedA)).as(a.get(i).describe(expectedA)).isTrue();
                assertThat(b.get(i).identical(expectedB)).as(b.get(i).describe(expectedB)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Samples> renderRepeatedly(CountDownLatch start, Path one, Path two) throws Exception {
        start.await();
        var results = new java.util.ArrayList<Samples>();
        for (int i = 0; i < 6; i++) {
            results.add(Samples.of(pipeline.render(i % 2 == 0 ? one : two, ThumbnailSpec.DEFAULT).image()));
        }
        return results;
    }

    @Test
    void anInterruptedRenderEndsPromptlyWithCancelledExceptionAndKeepsTheFlag() throws Exception {
        Path big = writeNoiseJpeg(dir.resolve("big.jpg"), 4000, 3000, 2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            started.countDown();
            try {
                for (int i = 0; i < 50; i++) {
                    pipeline.render(big, ThumbnailSpec.DEFAULT);
                }
            } catch (Throwable t) {
                thrown.set(t);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        worker.start();
        started.await();
        Thread.sleep(150);

        long interruptedAt = System.nanoTime();
        worker.interrupt();
        worker.join(Duration.ofSeconds(10).toMillis());

        assertThat(worker.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt)).isLessThan(Duration.ofMillis(500));
        assertThat(thrown.get()).isInstanceOf(CancelledException.class);
        assertThat(flagAfter.get()).isTrue();
    }

    @Test
    void renderOnAnAlreadyInterruptedThreadThrowsCancelledException() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> pipeline.render(Samples.resourcePath("input/small.png"), ThumbnailSpec.DEFAULT))
                    .isInstanceOf(CancelledException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anImageThatAlreadyFitsIsOnlyBlurred() throws IOException {
        Path tiny = dir.resolve("tiny.png");
        Files.copy(Samples.resourcePath("pillow-more/tiny.png"), tiny);

        Thumbnail thumbnail = pipeline.render(tiny, ThumbnailSpec.DEFAULT.withBlurRadius(10));

        Samples expected = Samples.of(Samples.resource("pillow-more/tiny.blur-r10.png"));
        Samples actual = Samples.of(thumbnail.image());
        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }

    @Test
    void radiusZeroSkipsTheBlurAndMatchesPillowsPlainThumbnail() throws IOException {
        Thumbnail thumbnail = pipeline.render(
                Samples.resourcePath("input/landscape.jpg"), ThumbnailSpec.DEFAULT.withBlurRadius(0));

        Samples expected = Samples.of(Samples.resource("pillow-nodraft/landscape.thumb.png"));
        Samples actual = Samples.of(thumbnail.image());
        assertThat(actual.identical(expected)).as(actual.describe(expected)).isTrue();
    }

    @Test
    void pngOutputKeepsThePixelsAndTheAlpha() throws IOException {
        Thumbnail thumbnail = pipeline.render(Samples.resourcePath("input/alpha.png"), ThumbnailSpec.DEFAULT);
        var out = new ByteArrayOutputStream();

        pipeline.write(thumbnail, ImageFormat.PNG, out);

        BufferedImage read = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(Samples.of(read).identical(Samples.of(thumbnail.image()))).isTrue();
        assertThat(read.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void grayStaysOneChannelInJpeg() throws IOException {
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

        assertThatThrownBy(() -> pipeline.render(text, ThumbnailSpec.DEFAULT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not an image (unrecognised content)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aTruncatedJpegFailsWithIOException() throws IOException {
        byte[] whole = Files.readAllBytes(Samples.resourcePath("input/landscape.jpg"));
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, java.util.Arrays.copyOf(whole, 300));

        assertThatThrownBy(() -> pipeline.render(cut, ThumbnailSpec.DEFAULT)).isInstanceOf(IOException.class);
    }

    /** A photo-like test JPEG: smooth gradients plus noise, quality 90. */
    static Path writeNoiseJpeg(Path file, int width, int height, long seed) throws IOException {
        BufferedImage image = PhotoLikeImages.create(width, height, seed);
        try (var out = Files.newOutputStream(file)) {
            PhotoLikeImages.writeJpeg(image, 0.9f, out);
        }
        return file;
    }
}
