package org.parathumb.core.image.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.JpegVariants;
import org.parathumb.core.image.SpareCores;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.nativecodec.NativeLibrary;

/**
 * The faithful pipeline borrows a spare core for a large JPEG or PNG, gives it back when the image
 * is done, and writes the bytes it writes without one.
 */
class FaithfulPipelineTwoThreadsTest {

    private final FaithfulPipeline pipeline = new FaithfulPipeline();

    @TempDir
    Path dir;

    /** Lends every time it is asked, and counts. */
    private static final class CountingLender implements SpareCores.Lender {
        final AtomicInteger lent = new AtomicInteger();
        final AtomicInteger givenBack = new AtomicInteger();

        @Override
        public boolean tryLend() {
            lent.incrementAndGet();
            return true;
        }

        @Override
        public void giveBack() {
            givenBack.incrementAndGet();
        }
    }

    @Test
    void aLargeJpegBorrowsACoreGivesItBackAndComesOutTheSame() throws Exception {
        FormatSamples.requireLibrary(NativeLibrary.decodesJpeg(), NativeLibrary.status());
        Path jpeg = JpegVariants.BASELINE_420.progressively().write(TestFiles.picture(1200, 800), dir.resolve("a.jpg"));
        CountingLender lender = new CountingLender();

        byte[] alone = onThread(null, jpeg);
        byte[] withLoan = onThread(lender, jpeg);

        assertThat(withLoan).isEqualTo(alone);
        assertThat(lender.lent.get()).isEqualTo(1);
        assertThat(lender.givenBack.get()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY})
    void aLargePngBorrowsACoreForItsBlurGivesItBackAndComesOutTheSame(int type) throws Exception {
        FormatSamples.requireLibrary(NativeLibrary.available(), NativeLibrary.status());
        BufferedImage picture = TestFiles.picture(900, 1300);
        BufferedImage image = new BufferedImage(900, 1300, type);
        image.getGraphics().drawImage(picture, 0, 0, null);
        if (type == BufferedImage.TYPE_4BYTE_ABGR) {
            for (int y = 0; y < 1300; y++) {
                for (int x = 0; x < 900; x++) {
                    image.setRGB(x, y, (image.getRGB(x, y) & 0xFFFFFF) | ((x * 7 + y * 3) % 256) << 24);
                }
            }
        }
        Path png = dir.resolve("a.png");
        ImageIO.write(image, "png", png.toFile());
        CountingLender lender = new CountingLender();

        byte[] alone = onThread(null, png);
        byte[] withLoan = onThread(lender, png);

        assertThat(withLoan).isEqualTo(alone);
        assertThat(lender.lent.get()).isEqualTo(1);
        assertThat(lender.givenBack.get()).isEqualTo(1);
    }

    @Test
    void aSmallJpegDoesNotAsk() throws Exception {
        FormatSamples.requireLibrary(NativeLibrary.decodesJpeg(), NativeLibrary.status());
        Path jpeg = JpegVariants.BASELINE_420.write(TestFiles.picture(400, 300), dir.resolve("small.jpg"));
        CountingLender lender = new CountingLender();

        onThread(lender, jpeg);

        assertThat(lender.lent.get()).isZero();
    }

    /** The thumbnail's bytes, rendered on a fresh thread that borrows from {@code lender} (none if null). */
    private byte[] onThread(SpareCores.Lender lender, Path jpeg) throws Exception {
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                if (lender != null) {
                    SpareCores.lendFrom(lender);
                }
                Thumbnail thumbnail = pipeline.render(jpeg, ThumbnailSpec.DEFAULT);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                pipeline.write(thumbnail, thumbnail.sourceFormat(), out);
                bytes.complete(out.toByteArray());
            } catch (Exception | Error e) {
                bytes.completeExceptionally(e);
            }
        });
        thread.start();
        return bytes.get(1, TimeUnit.MINUTES);
    }
}
