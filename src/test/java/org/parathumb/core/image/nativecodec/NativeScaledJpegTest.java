package org.parathumb.core.image.nativecodec;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.jpeg.ScaledJpegDecoder;
import org.parathumb.core.image.jpeg.UnsupportedJpegException;
import org.parathumb.core.image.pipeline.FastPipeline;

/**
 * The fast pipeline's JPEG decode through libjpeg-turbo's DCT scaling, against its pure-Java twin
 * (ScaledJpegDecoder, or ImageIO where that declines): the same picture within rounding (an
 * integer IDCT against a float one), on files in the shapes real encoders write; CMYK and
 * anything else libjpeg's plain path does not take go the Java way and come out byte for byte.
 */
class NativeScaledJpegTest {

    /** Rounding of two IDCTs and two chroma upsamplers; a wrong channel order or offset is far below. */
    private static final double SAME_PICTURE_DB = 40;
    /**
     * At 1/8 a 4:2:2 file's chroma is one sample per two pixels: libjpeg interpolates it, the Java
     * decoder reconstructs it at size from two coefficients (measured 34 dB apart; the thumbnails, 40+).
     */
    private static final double SAME_EIGHTH_DB = 32;

    private final FastPipeline nativePath = NativeScaledJpeg.available() ? new FastPipeline(true) : null;
    private final FastPipeline javaPath = new FastPipeline(false);

    @TempDir
    Path dir;

    @BeforeEach
    void needsLibjpeg() {
        NativeRequired.require(NativeScaledJpeg.available(), NativeLibrary::status);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"progressive.jpg", "444.jpg", "restarts.jpg", "422.jpg", "gray.jpg",
        "gray-progressive.jpg"})
    void aPlainJpegDecodesAtAnEighthAsTheJavaDecoderDoes(String name) throws IOException {
        Path file = codecFile(name);
        BufferedImage scaled = decode(file, 8).orElseThrow();

        assertThat(scaled.getWidth()).isEqualTo(100);
        assertThat(scaled.getHeight()).isEqualTo(67);
        Optional<BufferedImage> java = javaScaled(file, 8);
        if (java.isPresent()) { // the Java decoder declines progressive files
            assertThat(psnr(scaled, java.get())).isGreaterThanOrEqualTo(SAME_EIGHTH_DB);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"progressive.jpg", "444.jpg", "restarts.jpg", "422.jpg", "gray.jpg",
        "gray-progressive.jpg"})
    void theFastPipelineGivesTheSameThumbnailThroughLibjpegAsThroughJava(String name) throws IOException {
        Path file = codecFile(name);

        assertThat(psnr(nativePath.render(file, ThumbnailSpec.DEFAULT).image(),
                javaPath.render(file, ThumbnailSpec.DEFAULT).image())).isGreaterThanOrEqualTo(SAME_PICTURE_DB);
    }

    /**
     * At 1/8 libjpeg reconstructs luma (and 4:4:4 or 4:2:2 chroma) from the DC coefficient alone,
     * so the scans of its AC coefficients, most of the file, are not given to it; 4:2:0 chroma is
     * scaled to 2x2 from AC coefficients too, and its scans stay.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"progressive.jpg", "progressive-444.jpg", "progressive-422.jpg", "gray-progressive.jpg"})
    void aProgressiveJpegAtAnEighthGivesTheSameSamplesWithoutTheScansItDoesNotNeed(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(codecFile(name));
        ByteBuffer data = ByteBuffer.allocateDirect(bytes.length).put(bytes);
        NativeJpeg.Header header = NativeJpeg.header(data, bytes.length).orElseThrow();

        NativeScaledJpeg.Decoded skipping = NativeScaledJpeg.decode(data, bytes.length, header, 8, false).orElseThrow();
        NativeScaledJpeg.Decoded everyScan = NativeScaledJpeg.decode(data, bytes.length, header, 8, true).orElseThrow();

        assertThat(PixelLayout.samples(skipping.image())).isEqualTo(PixelLayout.samples(everyScan.image()));
        assertThat(everyScan.bytesRead()).isEqualTo(bytes.length);
        assertThat(skipping.bytesRead()).isLessThan(bytes.length / 2);
    }

    @Test
    void damageInALumaAcScanLeavesTheThumbnailAsTheUndamagedFilesIs() throws IOException {
        Path file = codecFile("progressive.jpg");
        byte[] bytes = Files.readAllBytes(file);
        int lastScan = lastStartOfScan(bytes); // 4:2:0 as cjpeg writes it: the last scan refines luma's AC
        byte[] damaged = bytes.clone();
        Arrays.fill(damaged, lastScan + 20, lastScan + 220, (byte) 0x5A);
        Path damagedFile = Files.write(dir.resolve("damaged.jpg"), damaged);

        assertThat(PixelLayout.samples(nativePath.render(damagedFile, ThumbnailSpec.DEFAULT).image()))
                .isEqualTo(PixelLayout.samples(nativePath.render(file, ThumbnailSpec.DEFAULT).image()));
    }

    private static int lastStartOfScan(byte[] jpeg) {
        for (int i = jpeg.length - 2; i > 0; i--) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xDA) {
                return i;
            }
        }
        throw new IllegalArgumentException("no scan");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"444.jpg", "422.jpg", "gray.jpg"})
    void aBaselineJpegIsGivenWhole(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(codecFile(name));
        ByteBuffer data = ByteBuffer.allocateDirect(bytes.length).put(bytes);
        NativeJpeg.Header header = NativeJpeg.header(data, bytes.length).orElseThrow();

        assertThat(NativeScaledJpeg.decode(data, bytes.length, header, 8, false).orElseThrow().bytesRead())
                .isEqualTo(bytes.length);
    }

    @Test
    void aCmykJpegIsLeftToJavaAndComesOutByteForByte() throws IOException {
        Path file = codecFile("cmyk.jpg");
        byte[] bytes = Files.readAllBytes(file);

        assertThat(NativeJpeg.header(ByteBuffer.allocateDirect(bytes.length).put(bytes), bytes.length))
                .isEmpty();
        assertThat(written(nativePath, file)).isEqualTo(written(javaPath, file));
    }

    @Test
    void aDamagedJpegFailsAsThroughJavaOrDecodesThereToo() throws Exception {
        List<byte[]> seeds = List.of(Files.readAllBytes(codecFile("progressive.jpg")),
                Files.readAllBytes(codecFile("restarts.jpg")), Files.readAllBytes(codecFile("gray.jpg")));
        Random random = new Random(20261202);
        List<String> differences = new ArrayList<>();
        int decoded = 0;
        ExecutorService worker = TestFiles.fuzzWorker();
        try {
            for (int s = 0; s < seeds.size(); s++) {
                for (int m = 0; m < 100; m++) {
                    Path file = Files.write(dir.resolve(s + "-" + m + ".jpg"), TestFiles.mutate(seeds.get(s), random));
                    Optional<Object[]> finished = TestFiles.within(worker, () -> new Object[] {
                        outcome(nativePath, file), outcome(javaPath, file)}, 20);
                    if (finished.isEmpty()) {
                        differences.add(file.getFileName() + ": hung");
                        continue;
                    }
                    Object[] both = finished.get();
                    if (both[0] instanceof BufferedImage && both[1] instanceof BufferedImage) {
                        // Both took it. Not compared: two decoders may read garbage that libjpeg does not
                        // flag (bytes inside an interval, before its restart marker) into different garbage.
                        decoded++;
                    } else if (both[0] instanceof BufferedImage && damageShowsOnlyInScansAnEighthSkips(file)) {
                        // Only native took it: libjpeg flags the damage only in AC scans it is not given
                        // at 1/8 (damage to the DC scans that it does not flag then goes unseen, as it
                        // does in a baseline file when both decoders take it).
                        decoded++;
                    } else if (!String.valueOf(both[0]).equals(String.valueOf(both[1]))) {
                        differences.add(file.getFileName() + ": native " + both[0] + ", Java " + both[1]);
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertThat(differences).isEmpty();
        assertThat(decoded).isPositive();
    }

    /** Whether libjpeg declines the whole of {@code file} but not the part of it that it is given at 1/8. */
    private static boolean damageShowsOnlyInScansAnEighthSkips(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.allocateDirect(bytes.length).put(bytes);
        Optional<NativeJpeg.Header> header = NativeJpeg.header(data, bytes.length);
        return header.isPresent() && NativeScaledJpeg.decode(data, bytes.length, header.get(), 8, true).isEmpty()
                && NativeScaledJpeg.decode(data, bytes.length, header.get(), 8, false).isPresent();
    }

    private static Object outcome(FastPipeline pipeline, Path source) {
        try {
            return pipeline.render(source, ThumbnailSpec.DEFAULT).image();
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    static Path codecFile(String name) {
        try {
            return Path.of(NativeScaledJpegTest.class.getResource("/codecs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<BufferedImage> decode(Path file, int scale) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.allocateDirect(bytes.length).put(bytes);
        return NativeJpeg.header(data, bytes.length)
                .flatMap(header -> NativeScaledJpeg.decode(data, bytes.length, header, scale));
    }

    private static Optional<BufferedImage> javaScaled(Path file, int scale) throws IOException {
        ScaledJpegDecoder decoder = new ScaledJpegDecoder();
        try {
            return Optional.of(decoder.decode(decoder.open(file), scale));
        } catch (UnsupportedJpegException e) {
            return Optional.empty();
        }
    }

    private static byte[] written(FastPipeline pipeline, Path file) throws IOException {
        Thumbnail thumbnail = pipeline.render(file, ThumbnailSpec.DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pipeline.write(thumbnail, thumbnail.sourceFormat(), out);
        return out.toByteArray();
    }

    /** The lowest PSNR of any channel, in dB (infinite when equal). */
    static double psnr(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        byte[] x = PixelLayout.samples(a);
        byte[] y = PixelLayout.samples(b);
        assertThat(x.length).isEqualTo(y.length);
        int channels = PixelLayout.of(a).orElseThrow().channels();
        double worst = Double.POSITIVE_INFINITY;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int i = c; i < x.length; i += channels) {
                double d = (x[i] & 0xFF) - (y[i] & 0xFF);
                sum += d * d;
            }
            double mse = sum / (x.length / channels);
            worst = Math.min(worst, mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse));
        }
        return worst;
    }

}
