package org.parathumb.core.image.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.PngCompression;
import org.parathumb.core.image.PngChunks;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.nativecodec.NativeDeflate;
import org.parathumb.core.image.nativecodec.NativePngFilter;

/**
 * Pillow's own PNG files, decoded and written again, give the same bytes: the fidelity fixtures
 * Pillow 9.4 saved at its defaults (README there), gray, gray with alpha, RGB and RGBA, from 7x7 to
 * 300x300, with and without an ICC profile. Ten of them have a zlib stream that the JDK's Deflater
 * (memory level 8) makes differently.
 */
class PillowPngTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pillow/alpha.seed.png", "pillow/alpha.thumb.png", "pillow/edges.blur.png",
            "pillow/edges.seed.png", "pillow/edges.thumb.png", "pillow/gray.seed.png", "pillow/gray.thumb.png",
            "pillow/landscape.seed.png", "pillow/landscape.thumb.png", "pillow/portrait.seed.png",
            "pillow/portrait.thumb.png", "pillow/small.blur.png", "pillow/small.seed.png", "pillow/small.thumb.png",
            "pillow-more/edges-crop.blur-r3.png", "pillow-more/edges-crop.png", "pillow-more/edges.thumb-300x300.png",
            "pillow-more/gray.thumb-7x7.png", "pillow-more/landscape.thumb-120x120.png",
            "pillow-more/portrait.thumb-333x50.png", "pillow-more/small.blur-r0.5.png", "pillow-more/small.blur-r1.png",
            "pillow-more/small.blur-r12.5.png", "pillow-more/small.blur-r5.png", "pillow-more/small.thumb-13x70.png",
            "pillow-more/tiny.blur-r10.png", "pillow-more/tiny.png", "pillow-icc/la-icc.png",
            "pillow-icc/la-icc.thumb.png", "pillow-icc/rgb-icc.thumb.png", "pillow-icc/rgba-icc.thumb.png"})
    void pillowsFileWrittenAgainIsTheSameFile(String fixture) throws IOException, DataFormatException {
        assumeTrue(NativeDeflate.available(), "the memory level Pillow's zlib stream needs takes the system's zlib");
        byte[] pillows = Files.readAllBytes(Samples.resourcePath(fixture));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(pillows));
        var out = new ByteArrayOutputStream();

        PillowPng.write(image, profile(pillows), null, out);

        assertThat(chunkTypes(out.toByteArray())).isEqualTo(chunkTypes(pillows));
        assertThat(out.toByteArray()).isEqualTo(pillows);
    }

    /** Without the native library, the JDK's Deflater: the same chunks, the same pixels, bytes perhaps not. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pillow/edges.thumb.png", "pillow/gray.seed.png", "pillow-icc/la-icc.png",
            "pillow-icc/rgb-icc.thumb.png"})
    void theJdksDeflaterGivesTheSamePixels(String fixture) throws IOException, DataFormatException {
        byte[] pillows = Files.readAllBytes(Samples.resourcePath(fixture));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(pillows));
        var out = new ByteArrayOutputStream();

        PillowPng.write(image, profile(pillows), null, PngCompression.PILLOW, false, out);

        assertThat(chunkTypes(out.toByteArray()).stream().distinct().toList())
                .isEqualTo(chunkTypes(pillows).stream().distinct().toList());
        assertThat(profile(out.toByteArray())).isEqualTo(profile(pillows));
        assertThat(Samples.of(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))).values())
                .isEqualTo(Samples.of(image).values());
    }

    /**
     * QUICK (the fast pipeline's): the same chunks and pixels, the rows deflated at zlib's level 4
     * (its header's FLEVEL 1, "fast"; Pillow's level 6 gives FLEVEL 2, "default").
     */
    @Test
    void quickCompressionGivesTheSamePixelsAtAFasterZlibLevel() throws IOException, DataFormatException {
        byte[] pillows = Files.readAllBytes(Samples.resourcePath("pillow-icc/rgba-icc.thumb.png"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(pillows));
        var out = new ByteArrayOutputStream();

        PillowPng.write(image, profile(pillows), null, PngCompression.QUICK, out);

        byte[] quick = out.toByteArray();
        assertThat(chunkTypes(quick).stream().distinct().toList()).isEqualTo(chunkTypes(pillows).stream().distinct().toList());
        assertThat(Samples.of(ImageIO.read(new ByteArrayInputStream(quick))).values()).isEqualTo(Samples.of(image).values());
        assertThat(PngChunks.all(quick, "IDAT").get(0)[1] & 0xC0).as("FLEVEL, fast").isEqualTo(0x40);
        assertThat(PngChunks.all(pillows, "IDAT").get(0)[1] & 0xC0).as("FLEVEL, Pillow's default").isEqualTo(0x80);
    }

    /** A stream over 65,536 bytes goes into IDAT chunks of that size, as Pillow's encoder buffer cuts it. */
    @Test
    void aBigStreamIsCutIntoChunksOfPillowsBuffer() throws IOException {
        BufferedImage noise = PixelLayout.RGB.create(300, 200);
        byte[] samples = new byte[300 * 200 * 3];
        new Random(11).nextBytes(samples);
        noise.getRaster().setDataElements(0, 0, 300, 200, samples);
        var out = new ByteArrayOutputStream();

        PillowPng.write(noise, null, null, out);

        List<Integer> idat = chunkLengths(out.toByteArray(), "IDAT");
        assertThat(idat).hasSizeGreaterThan(1);
        assertThat(idat.subList(0, idat.size() - 1)).containsOnly(65536);
        assertThat(Samples.of(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))).values())
                .isEqualTo(Samples.of(noise).values());
    }

    /**
     * A big thumbnail takes as long to write as Pillow's save() (1.6 s at 4096x2304), so a cancel
     * must stop it part-way: the image's raster interrupts the writing thread as one of its rows is
     * read, and the write ends at the next row, before any pixel data is written.
     */
    @Test
    void aCancelStopsTheFilteringAtTheNextRow() {
        AtomicInteger rowsRead = new AtomicInteger();
        BufferedImage image = interruptingAtRow(10, 1000, rowsRead);
        var out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> PillowPng.write(image, null, null, out)).isInstanceOf(CancelledException.class);

        assertThat(rowsRead.get()).as("rows read of 1000").isEqualTo(11);
        assertThat(PngChunks.types(out.toByteArray())).doesNotContain("IDAT");
    }

    /** Cancelled once every row is filtered, the deflate (the system's zlib or the JDK's) stops before its end. */
    @ParameterizedTest(name = "system zlib: {0}")
    @ValueSource(booleans = {true, false})
    void aCancelAfterTheLastRowStopsTheDeflate(boolean systemZlib) {
        assumeTrue(!systemZlib || NativeDeflate.available(), "the system's zlib is open");
        AtomicInteger rowsRead = new AtomicInteger();
        BufferedImage image = interruptingAtRow(999, 1000, rowsRead);
        var out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> PillowPng.write(image, null, null, PngCompression.PILLOW, systemZlib, out))
                .isInstanceOf(CancelledException.class);

        assertThat(rowsRead.get()).isEqualTo(1000);
        assertThat(PngChunks.types(out.toByteArray())).doesNotContain("IDAT");
    }

    /** The native filters choose what the Java ones choose, byte for byte, for gray, RGB and RGBA of any width. */
    @ParameterizedTest(name = "{0} bytes a pixel")
    @ValueSource(ints = {1, 3, 4})
    void theNativeFiltersAreTheJavaOnes(int bpp) {
        assumeTrue(NativePngFilter.available(), "the native library is loaded");
        Random random = new Random(bpp);
        for (int width : new int[] {1, 2, 5, 31, 64, 301}) {
            PixelLayout layout = bpp == 1 ? PixelLayout.GRAY : bpp == 3 ? PixelLayout.RGB : PixelLayout.RGBA;
            BufferedImage image = layout.create(width, 40);
            byte[] samples = PixelLayout.samples(image);
            for (int i = 0; i < samples.length; i++) {
                // Smooth runs, noise and flat stretches, so every filter wins somewhere.
                samples[i] = (byte) (i % 97 < 30 ? i / 7 : i % 97 < 60 ? random.nextInt(256) : 200);
            }

            byte[] nativeRows = PillowPng.filtered(image, width, 40, bpp);

            assertThat(nativeRows).as("%d pixels wide", width).isEqualTo(PillowPng.filtered(image.getRaster(), width, 40, bpp));
        }
    }

    @AfterEach
    void clearTheInterrupt() {
        Thread.interrupted();
    }

    /**
     * A 300 x {@code height} RGB noise image whose raster counts the rows read and interrupts the
     * reading thread when row {@code row} is read: the rows go through the Java filters.
     */
    private static BufferedImage interruptingAtRow(int row, int height, AtomicInteger rowsRead) {
        BufferedImage noise = PixelLayout.RGB.create(300, height);
        byte[] samples = new byte[300 * height * 3];
        new Random(5).nextBytes(samples);
        // Not a PixelInterleavedSampleModel, so not packed samples the native filter would read itself.
        var model = new ComponentSampleModel(DataBuffer.TYPE_BYTE, 300, height, 3, 900, new int[] {0, 1, 2});
        WritableRaster raster = new WritableRaster(model, new DataBufferByte(samples, samples.length), new Point()) {
            @Override
            public Object getDataElements(int x, int y, int w, int h, Object into) {
                if (rowsRead.getAndIncrement() == row) {
                    Thread.currentThread().interrupt();
                }
                return super.getDataElements(x, y, w, h, into);
            }
        };
        return new BufferedImage(noise.getColorModel(), raster, false, null);
    }

    @Test
    void aPaletteImageIsNotItsToWrite() {
        assertThat(PillowPng.writes(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED))).isFalse();
        assertThat(PillowPng.writes(new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY))).isFalse();
        assertThat(PillowPng.writes(PixelLayout.RGBA.create(4, 4))).isTrue();
    }

    /** The profile in {@code png}'s iCCP chunk, inflated; null without one. */
    private static byte[] profile(byte[] png) throws DataFormatException {
        for (byte[] chunk : PngChunks.all(png, "iCCP")) {
            int name = 0;
            while (chunk[name] != 0) {
                name++;
            }
            Inflater inflater = new Inflater();
            inflater.setInput(chunk, name + 2, chunk.length - name - 2);
            var profile = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                profile.write(buffer, 0, inflater.inflate(buffer));
            }
            inflater.end();
            assertThat(new String(chunk, 0, name, StandardCharsets.ISO_8859_1)).isEqualTo("ICC Profile");
            return profile.toByteArray();
        }
        return null;
    }

    private static List<String> chunkTypes(byte[] png) {
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        return PngChunks.types(png);
    }

    private static List<Integer> chunkLengths(byte[] png, String type) {
        return PngChunks.all(png, type).stream().map(data -> data.length).toList();
    }
}
