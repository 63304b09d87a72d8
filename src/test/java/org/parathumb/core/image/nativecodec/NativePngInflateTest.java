package org.parathumb.core.image.nativecodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.FaithfulPipeline;
import org.parathumb.core.image.pixels.Scratch;
import org.parathumb.core.image.read.ImageDecoder;

/**
 * The common PNG (8 bits a sample, not interlaced) through libdeflate (png_inflate.c): PNGs built
 * here row by row, each row under one of the five filters, decode to the samples they were built
 * from, as ImageIO decodes them; the files libspng decoded before decode to the same samples; what
 * the engine is unsure of goes to libspng, and what it finds damaged to ImageIO.
 */
class NativePngInflateTest {

    private static final int GRAY = 0;
    private static final int RGB = 2;
    private static final int PALETTE = 3;
    private static final int GRAY_ALPHA = 4;
    private static final int RGBA = 6;

    @TempDir
    Path dir;

    @BeforeEach
    void needsLibdeflate() {
        NativeRequired.require(NativePng.Engine.LIBDEFLATE.open(), NativeLibrary::status);
    }

    @ParameterizedTest(name = "colour type {0}, {1} pixels wide{2}")
    @CsvSource({"0, 1, ''", "0, 33, ''", "2, 1, ''", "2, 2, ''", "2, 37, ''", "6, 1, ''", "6, 3, ''", "6, 64, ''",
        "4, 1, ''", "4, 31, ''", "3, 5, ''", "3, 40, ' with tRNS'", "3, 1, ' with tRNS'"})
    void everyFilterGivesBackTheSamplesItWasBuiltFrom(int colorType, int width, String trns) throws IOException {
        Built built = new Built(colorType, width, 37, !trns.isEmpty(), new Random(colorType * 1000L + width));
        Path file = Files.write(dir.resolve("filters.png"), built.png(3));

        BufferedImage decoded = decode(file, NativePng.Engine.LIBDEFLATE).orElseThrow();
        BufferedImage imageIo = new ImageDecoder().decode(file, new Scratch()).image();

        assertThat(PixelLayout.of(decoded)).isEqualTo(PixelLayout.of(imageIo));
        assertThat(samples(decoded)).as("the samples the file was built from").isEqualTo(built.expected());
        assertThat(samples(imageIo)).as("ImageIO agrees").isEqualTo(built.expected());
    }

    @ParameterizedTest(name = "colour type {0}")
    @CsvSource({"0, 1", "2, 3", "6, 4"})
    void grayRgbAndRgbaAreInflatedIntoTheArrayTheyDecodeToWithOnlyABandOfRowsBeside(int colorType, int channels)
            throws IOException {
        Built built = new Built(colorType, 300, 200, false, new Random(colorType));
        Path file = Files.write(dir.resolve("in-place.png"), built.png(1));
        NativePng.PngHeader header = header(built.png(1)).orElseThrow();
        int rowBytes = 300 * channels;

        assertThat(header.outputBytes()).as("the rows as inflated, a filter byte each, and a few bytes of slack")
                .isBetween(200 * (rowBytes + 1), 200 * (rowBytes + 1) + 64);
        assertThat(header.workBytes()).as("a band of 16 rows and the row above it").isLessThan(18 * rowBytes + 64);
        assertThat(samples(decode(file, NativePng.Engine.LIBDEFLATE).orElseThrow())).isEqualTo(built.expected());
        byte[] samplesOnly = new byte[300 * 200 * channels];
        ByteBuffer data = ByteBuffer.allocateDirect(built.png(1).length).put(built.png(1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NativePng.decode(data, built.png(1).length, header, samplesOnly))
                .withMessageContaining("too small");
    }

    @Test
    void aPaletteIsInflatedBesideTheArrayItDecodesTo() {
        Built built = new Built(PALETTE, 300, 200, false, new Random(3));
        NativePng.PngHeader header = header(built.png(1)).orElseThrow();

        assertThat(header.outputBytes()).as("its RGB samples").isEqualTo(300 * 200 * 3);
        assertThat(header.workBytes()).as("its rows as inflated, among others").isGreaterThan(200 * 301);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rgb8.png", "rgba8.png", "gray8.png", "gray-alpha.png", "palette.png", "palette-alpha.png",
        "palette4.png"})
    void theEightBitSamplesGoToLibdeflateWithTheSamplesLibspngGave(String name) throws IOException {
        Path file = NativeScaledJpegTest.codecFile(name);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.allocateDirect(bytes.length).put(bytes);

        NativePng.PngHeader header = NativePng.header(data, bytes.length).orElseThrow();

        assertThat(header.engine()).isEqualTo(NativePng.Engine.LIBDEFLATE);
        NativeRequired.require(NativePng.Engine.LIBSPNG.open(), NativeLibrary::status);
        assertThat(samples(decode(file, NativePng.Engine.LIBDEFLATE).orElseThrow()))
                .isEqualTo(samples(decode(file, NativePng.Engine.LIBSPNG).orElseThrow()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rgb16.png", "rgba16.png", "gray16.png", "gray-alpha16.png", "interlaced.png",
        "interlaced16.png", "two-bit palette"})
    void otherDepthsAndInterlacingStayWithLibspng(String name) throws IOException {
        byte[] bytes = name.endsWith(".png") ? Files.readAllBytes(NativeScaledJpegTest.codecFile(name))
                : TestFiles.encode(TestFiles.palette(120, 90, true), "png");
        ByteBuffer data = ByteBuffer.allocateDirect(bytes.length).put(bytes);

        assertThat(NativePng.header(data, bytes.length, NativePng.Engine.LIBDEFLATE)).isEmpty();
        if (NativePng.Engine.LIBSPNG.open()) {
            assertThat(NativePng.header(data, bytes.length).orElseThrow().engine()).isEqualTo(NativePng.Engine.LIBSPNG);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tEXt, 'Comment\0made here', true", "tEXt, 'a keyword of more than 80 bytes, never ended, "
        + "which ImageIO refuses to read on a palette image', false", "tEXt, 'Creation Time\0yesterday', false",
        "zTXt, 'Comment\0\0not deflated', false"})
    void onAPaletteImageAChunkImageIoMightRefuseLeavesThePngToLibspng(String type, String body, boolean taken) {
        byte[] data = body.replace("\\0", "\0").getBytes(StandardCharsets.ISO_8859_1);
        Built palette = new Built(PALETTE, 20, 10, false, new Random(1));
        Built rgb = new Built(RGB, 20, 10, false, new Random(2));
        palette.extra(type, data);
        rgb.extra(type, data);

        // ImageIO parses every chunk of a palette image, skips them on the others.
        assertThat(header(palette.png(1)).isPresent()).isEqualTo(taken);
        assertThat(header(rgb.png(1))).isPresent();
    }

    @Test
    void damageOnlyZlibsChecksumShowsIsLeftToImageIo() throws IOException {
        Built built = new Built(RGB, 50, 40, false, new Random(3));
        built.damageAdler = true;
        Path file = Files.write(dir.resolve("adler.png"), built.png(1));

        assertThat(header(built.png(1))).isPresent();
        assertThat(decode(file, NativePng.Engine.LIBDEFLATE)).as("declined").isEmpty();
        assertThat(outcome(new FaithfulPipeline(true), file)).isEqualTo(outcome(new FaithfulPipeline(false), file));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a row too many", "data after the stream", "a row too few", "filter type 5",
        "an index beyond the palette"})
    void whatTheDecodeFindsDamagedIsLeftToImageIo(String damage) throws IOException {
        Built built = new Built(damage.contains("palette") ? PALETTE : RGBA, 30, 20, false, new Random(4));
        switch (damage) {
            case "a row too many" -> built.extraRows = 1;
            case "data after the stream" -> built.trailing = new byte[] {1, 2, 3};
            case "a row too few" -> built.extraRows = -1;
            case "filter type 5" -> built.filterOfRow7 = 5;
            default -> built.indexBeyondPalette = true;
        }
        Path file = Files.write(dir.resolve("damaged.png"), built.png(2));

        assertThat(decode(file, NativePng.Engine.LIBDEFLATE)).as("declined").isEmpty();
        assertThat(outcome(new FaithfulPipeline(true), file)).isEqualTo(outcome(new FaithfulPipeline(false), file));
    }

    @Test
    void theFaithfulPipelineWritesTheSameBytesThroughLibdeflate() throws IOException {
        for (int colorType : new int[] {GRAY, RGB, PALETTE, GRAY_ALPHA, RGBA}) {
            Path file = Files.write(dir.resolve(colorType + ".png"),
                    new Built(colorType, 300, 200, colorType == PALETTE, new Random(colorType)).png(4));

            assertThat(outcome(new FaithfulPipeline(true), file)).isEqualTo(outcome(new FaithfulPipeline(false), file));
        }
    }

    /**
     * Over 64 MB of rows, zlib inflates them 4 MB at a time with a cancel check before each step
     * (libdeflate's one call would take 0.1 to 0.3 s that nothing could stop): the same samples,
     * and a check every 4 MB on top of the band checks.
     */
    @Test
    void aPngOfOver64MbOfRowsIsInflatedInStepsAFourMbStepAtATime() {
        int width = 4200;
        int height = 4000;
        byte[] png = bigRgba(width, height, false);
        ByteBuffer data = ByteBuffer.allocateDirect(png.length).put(png);
        NativePng.PngHeader header = NativePng.header(data, png.length, NativePng.Engine.LIBDEFLATE).orElseThrow();
        AtomicInteger checks = new AtomicInteger();
        NativeAbort.onCheck = checks::incrementAndGet;
        try {
            byte[] into = new byte[header.outputBytes()];
            NativePng.Decoded decoded = NativePng.decode(data, png.length, header, into).orElseThrow();

            assertThat(samples(decoded.image())).isEqualTo(bigRgbaSamples(width, height));
            long rows = (long) (4 * width + 1) * height;
            assertThat(checks.get()).as("a check every 4 MB of %d bytes of rows, and every band of 16 rows", rows)
                    .isGreaterThanOrEqualTo((int) (rows >> 22) + height / 16);
        } finally {
            NativeAbort.onCheck = null;
        }
    }

    /** A stream with data after the rows is declined there as it is by libdeflate: ImageIO says what is wrong. */
    @Test
    void overSixtyFourMbAStreamLongerThanTheRowsIsDeclined() {
        byte[] png = bigRgba(4200, 4000, true);
        ByteBuffer data = ByteBuffer.allocateDirect(png.length).put(png);
        NativePng.PngHeader header = NativePng.header(data, png.length, NativePng.Engine.LIBDEFLATE).orElseThrow();

        assertThat(NativePng.decode(data, png.length, header, new byte[header.outputBytes()])).isEmpty();
    }

    /** An RGBA PNG of smooth gradients, every row unfiltered, deflated fast; one byte too many when asked. */
    static byte[] bigRgba(int width, int height, boolean byteTooMany) {
        byte[] samples = bigRgbaSamples(width, height);
        int rowBytes = 4 * width;
        byte[] raw = new byte[(rowBytes + 1) * height + (byteTooMany ? 1 : 0)];
        for (int y = 0; y < height; y++) {
            System.arraycopy(samples, y * rowBytes, raw, y * (rowBytes + 1) + 1, rowBytes);
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 20];
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) RGBA)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] bigRgbaSamples(int width, int height) {
        byte[] samples = new byte[4 * width * height];
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                samples[i++] = (byte) (x >> 4);
                samples[i++] = (byte) (y >> 4);
                samples[i++] = (byte) ((x + y) >> 5);
                samples[i++] = (byte) (255 - (y >> 6));
            }
        }
        return samples;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static Optional<NativePng.PngHeader> header(byte[] png) {
        ByteBuffer data = ByteBuffer.allocateDirect(png.length).put(png);
        return NativePng.header(data, png.length, NativePng.Engine.LIBDEFLATE);
    }

    static Optional<BufferedImage> decode(Path file, NativePng.Engine engine) throws IOException {
        return decoded(file, engine).map(NativePng.Decoded::image);
    }

    /** {@code file} decoded by {@code engine}, with what it says of the alpha; empty when declined. */
    static Optional<NativePng.Decoded> decoded(Path file, NativePng.Engine engine) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.allocateDirect(bytes.length).put(bytes);
        return NativePng.header(data, bytes.length, engine).flatMap(header -> NativePng.decode(data, bytes.length,
                header, new byte[header.outputBytes()]));
    }

    private static byte[] samples(BufferedImage image) {
        int length = image.getWidth() * image.getHeight() * PixelLayout.of(image).orElseThrow().channels();
        return Arrays.copyOf(PixelLayout.samples(image), length);
    }

    private static String outcome(FaithfulPipeline pipeline, Path source) {
        try {
            var thumbnail = pipeline.render(source, ThumbnailSpec.DEFAULT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pipeline.write(thumbnail, thumbnail.sourceFormat(), out);
            return Arrays.toString(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * A PNG built here: random samples (indices within the palette), row y filtered with filter
     * type y % 5 as an encoder would, then deflated and cut into IDAT chunks; and the samples its
     * decode must give, in the layout ImageIO gives.
     */
    private static final class Built {
        final int colorType;
        final int width;
        final int height;
        final int bpp;
        final byte[] palette;
        final byte[] alphas;
        final byte[][] rows;
        final ByteArrayOutputStream extra = new ByteArrayOutputStream();
        boolean damageAdler;
        int extraRows;
        byte[] trailing = new byte[0];
        int filterOfRow7 = -1;
        boolean indexBeyondPalette;

        Built(int colorType, int width, int height, boolean transparent, Random random) {
            this.colorType = colorType;
            this.width = width;
            this.height = height;
            this.bpp = switch (colorType) {
                case GRAY, PALETTE -> 1;
                case GRAY_ALPHA -> 2;
                case RGB -> 3;
                default -> 4;
            };
            int entries = 1 + random.nextInt(255);
            palette = new byte[3 * entries];
            random.nextBytes(palette);
            alphas = transparent ? new byte[1 + random.nextInt(entries)] : null;
            if (alphas != null) {
                random.nextBytes(alphas);
            }
            rows = new byte[height][width * bpp];
            for (byte[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    // Smooth runs and noise, so that every predictor wins somewhere.
                    row[i] = (byte) (colorType == PALETTE ? random.nextInt(entries)
                            : i >= bpp && random.nextInt(4) > 0 ? row[i - bpp] + random.nextInt(5) - 2 : random.nextInt(256));
                }
            }
        }

        void extra(String type, byte[] data) {
            TestFiles.chunk(extra, type, data);
        }

        byte[] png(int idatChunks) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            for (int y = 0; y < height + extraRows; y++) {
                int filter = y == 7 && filterOfRow7 >= 0 ? filterOfRow7 : y % 5;
                raw.write(filter);
                byte[] row = rows[Math.min(y, height - 1)].clone();
                if (indexBeyondPalette && y == 3) {
                    row[row.length / 2] = (byte) (palette.length / 3);
                }
                raw.writeBytes(filtered(row, y == 0 ? new byte[row.length] : rows[y - 1], filter % 5));
            }
            Deflater deflater = new Deflater();
            deflater.setInput(raw.toByteArray());
            deflater.finish();
            ByteArrayOutputStream zlib = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                zlib.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            byte[] stream = zlib.toByteArray();
            if (damageAdler) {
                stream[stream.length - 1] ^= 1;
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(stream);
            all.writeBytes(trailing);
            stream = all.toByteArray();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            TestFiles.chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                    .put((byte) 8).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0).array());
            if (colorType == PALETTE) {
                TestFiles.chunk(out, "PLTE", palette);
                if (alphas != null) {
                    TestFiles.chunk(out, "tRNS", alphas);
                }
            }
            out.writeBytes(extra.toByteArray());
            int step = Math.max(1, (stream.length + idatChunks - 1) / idatChunks);
            for (int at = 0; at < stream.length; at += step) {
                TestFiles.chunk(out, "IDAT", Arrays.copyOfRange(stream, at, Math.min(stream.length, at + step)));
            }
            TestFiles.chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        }

        /** The samples in ImageIO's layout: gray with alpha as RGBA, a palette as RGB or RGBA. */
        byte[] expected() {
            int channels = switch (colorType) {
                case GRAY -> 1;
                case RGB -> 3;
                case PALETTE -> alphas != null ? 4 : 3;
                default -> 4;
            };
            byte[] out = new byte[width * height * channels];
            int o = 0;
            for (byte[] row : rows) {
                for (int x = 0; x < width; x++) {
                    switch (colorType) {
                        case GRAY_ALPHA -> {
                            out[o++] = row[2 * x];
                            out[o++] = row[2 * x];
                            out[o++] = row[2 * x];
                            out[o++] = row[2 * x + 1];
                        }
                        case PALETTE -> {
                            int index = row[x] & 0xFF;
                            System.arraycopy(palette, 3 * index, out, o, 3);
                            o += 3;
                            if (alphas != null) {
                                out[o++] = index < alphas.length ? alphas[index] : (byte) 255;
                            }
                        }
                        default -> {
                            System.arraycopy(row, x * bpp, out, o, bpp);
                            o += bpp;
                        }
                    }
                }
            }
            return out;
        }

        private byte[] filtered(byte[] row, byte[] above, int filter) {
            byte[] out = new byte[row.length];
            for (int i = 0; i < row.length; i++) {
                int a = i >= bpp ? row[i - bpp] & 0xFF : 0;
                int b = above[i] & 0xFF;
                int c = i >= bpp ? above[i - bpp] & 0xFF : 0;
                int predictor = switch (filter) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) / 2;
                    default -> paeth(a, b, c);
                };
                out[i] = (byte) (row[i] - predictor);
            }
            return out;
        }

        /** The specification's Paeth predictor, as written there. */
        private static int paeth(int a, int b, int c) {
            int p = a + b - c;
            int pa = Math.abs(p - a);
            int pb = Math.abs(p - b);
            int pc = Math.abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
