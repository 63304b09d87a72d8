package org.parathumb.core.batch;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailPipeline;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.read.ImageDecoder;

/**
 * A real but simple pipeline for batch tests (ImageIO decode, AWT scale), which can hold each
 * render until released, the way a long pixel loop holds a worker, and counts how many run at
 * once. Holding renders check the interrupt as the real kernels do.
 */
public final class ControllablePipeline implements ThumbnailPipeline {

    private final CountDownLatch release;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger headerReads = new AtomicInteger();
    private final AtomicInteger readingHeaders = new AtomicInteger();
    private final AtomicInteger mostHeadersAtOnce = new AtomicInteger();
    private volatile CountDownLatch headerMeeting = new CountDownLatch(0);

    /** Renders run freely. */
    public ControllablePipeline() {
        this(new CountDownLatch(0));
    }

    /** Renders wait, interruptibly, until {@code release} opens. */
    ControllablePipeline(CountDownLatch release) {
        this.release = release;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public Thumbnail render(Path source, ThumbnailSpec spec) throws IOException {
        started.incrementAndGet();
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        try {
            while (release.getCount() > 0) {
                CancelledException.checkInterrupt();
                Thread.onSpinWait();
            }
            BufferedImage image = ImageIO.read(source.toFile());
            if (image == null) {
                throw new IOException("not an image (unrecognised content)");
            }
            double scale = Math.min(spec.maxWidth() / (double) image.getWidth(), spec.maxHeight() / (double) image.getHeight());
            int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = small.createGraphics();
            g.drawImage(image, 0, 0, w, h, null);
            g.dispose();
            ImageFormat format = ImageFormat.fromFileName(source).orElse(ImageFormat.PNG);
            return new Thumbnail(small, format, image.getWidth(), image.getHeight(), 1, 1, 1);
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public void write(Thumbnail thumbnail, ImageFormat format, OutputStream out) throws IOException {
        ImageIO.write(thumbnail.image(), format.imageIoName(), out);
    }

    int started() {
        return started.get();
    }

    int running() {
        return running.get();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    /**
     * Makes the first {@code readers} header reads wait for one another (for at most a few
     * seconds, so a serial reader still ends): they meet only if they run at once.
     */
    ControllablePipeline meetingInHeaders(int readers) {
        headerMeeting = new CountDownLatch(readers);
        return this;
    }

    @Override
    public ImageHeader readHeader(Path source) throws IOException {
        headerReads.incrementAndGet();
        mostHeadersAtOnce.accumulateAndGet(readingHeaders.incrementAndGet(), Math::max);
        try {
            CountDownLatch meeting = headerMeeting;
            meeting.countDown();
            meeting.await(5, TimeUnit.SECONDS);
            return new ImageDecoder().readHeader(source);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            readingHeaders.decrementAndGet();
        }
    }

    public int headerReads() {
        return headerReads.get();
    }

    int mostHeadersAtOnce() {
        return mostHeadersAtOnce.get();
    }
}
