package org.parathumb.core.image.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.OutputOptions;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.PngChunks;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.nativecodec.NativeDeflate;
import org.parathumb.core.image.write.ImageEncoder;

class ThumbnailWriterTest {

    @Test
    void aProfileTheColourEngineRejectsIsDroppedInsteadOfFailingAsABug() {
        BufferedImage image = PixelLayout.RGB.create(4, 4);

        Optional<BufferedImage> converted = ThumbnailWriter.fromSrgb(image, damagedSrgbProfile());

        assertThat(converted).isEmpty();
    }

    @Test
    void aSoundRgbProfileConvertsTheColours() {
        BufferedImage image = PixelLayout.RGB.create(4, 4);
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

        assertThat(ThumbnailWriter.fromSrgb(image, srgb)).get().isNotSameAs(image);
    }

    @Test
    void aJpegsCommentGoesIntoItsThumbnailAsPillowWritesIt(@TempDir Path dir) throws IOException {
        byte[] plain = Files.readAllBytes(Samples.resourcePath("input/landscape.jpg"));
        Path source = Files.write(dir.resolve("commented.jpg"), withComment(plain, COMMENT));
        FaithfulPipeline pipeline = new FaithfulPipeline();
        var out = new ByteArrayOutputStream();

        ThumbnailWriter.write(pipeline, pipeline.render(source, ThumbnailSpec.DEFAULT), ImageFormat.JPEG,
                OutputOptions.DEFAULT, source, false, out);

        byte[] pillows;
        try (InputStream in = getClass().getResourceAsStream("/fidelity/pillow-comment/landscape-commented.jpg")) {
            pillows = in.readAllBytes();
        }
        assertThat(out.toByteArray()).isEqualTo(pillows);
    }

    @Test
    void aJpegWithoutACommentKeepsTheBytesItHadBefore(@TempDir Path dir) throws IOException {
        Path source = Samples.resourcePath("input/landscape.jpg");
        FaithfulPipeline pipeline = new FaithfulPipeline();
        Thumbnail thumbnail = pipeline.render(source, ThumbnailSpec.DEFAULT);
        var viaWriter = new ByteArrayOutputStream();
        var viaPipeline = new ByteArrayOutputStream();

        ThumbnailWriter.write(pipeline, thumbnail, ImageFormat.JPEG, OutputOptions.DEFAULT, source, false, viaWriter);
        pipeline.write(thumbnail, ImageFormat.JPEG, viaPipeline);

        assertThat(viaWriter.toByteArray()).isEqualTo(viaPipeline.toByteArray());
    }

    /** The profile, in Pillow's chunk, in the source's mode: RGB, RGBA, and gray with alpha ("LA", colour type 4). */
    @ParameterizedTest
    @ValueSource(strings = {"rgb-icc", "rgba-icc", "la-icc"})
    void aPngsIccProfileGoesIntoItsThumbnailAsPillowWritesIt(String name) throws IOException {
        Path source = Samples.resourcePath("pillow-icc/" + name + ".png");
        var out = new ByteArrayOutputStream();

        writeAtPillowsDefaults(source, out);

        byte[] pillows = Files.readAllBytes(Samples.resourcePath("pillow-icc/" + name + ".thumb.png"));
        assertThat(chunk(out.toByteArray(), "IHDR")).as("size, depth and colour type").isEqualTo(chunk(pillows, "IHDR"));
        assertThat(chunk(out.toByteArray(), "iCCP")).isNotEmpty().isEqualTo(chunk(pillows, "iCCP"));
        assertThat(chunksBeforeIdat(out.toByteArray())).isEqualTo(chunksBeforeIdat(pillows));
        assertThat(Samples.of(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))).values())
                .isEqualTo(Samples.of(ImageIO.read(new ByteArrayInputStream(pillows))).values());
    }

    /** With the system's zlib, the whole file is the seed program's, byte for byte (decision 0018). */
    @ParameterizedTest
    @ValueSource(strings = {"rgb-icc", "rgba-icc", "la-icc"})
    void aPngThumbnailIsTheSeedProgramsFileByteForByte(String name) throws IOException {
        assumeTrue(NativeDeflate.available(), "Pillow's zlib stream takes the system's zlib");
        Path source = Samples.resourcePath("pillow-icc/" + name + ".png");
        var out = new ByteArrayOutputStream();

        writeAtPillowsDefaults(source, out);

        assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(Samples.resourcePath("pillow-icc/" + name + ".thumb.png")));
    }

    /**
     * The fast pipeline promises pixels, not Pillow's bytes: its PNG thumbnails (with what Pillow
     * writes back from the source, here a profile) are deflated at a faster zlib level than Pillow's
     * (level 4: 10% more bytes in a third of the time), the faithful pipeline's at Pillow's; the
     * chunks before the pixels are the same.
     */
    @Test
    void theFastPipelinesPngsAreDeflatedAtAFasterZlibLevel() throws IOException {
        Path source = Samples.resourcePath("pillow-icc/rgba-icc.png");
        var faithful = new ByteArrayOutputStream();
        var fast = new ByteArrayOutputStream();
        writeAtPillowsDefaults(source, faithful);
        FastPipeline pipeline = new FastPipeline();

        ThumbnailWriter.write(pipeline, pipeline.render(source, ThumbnailSpec.DEFAULT), ImageFormat.PNG,
                OutputOptions.DEFAULT, source, false, fast);

        assertThat(chunksBeforeIdat(fast.toByteArray())).isEqualTo(chunksBeforeIdat(faithful.toByteArray()));
        assertThat(chunk(fast.toByteArray(), "IDAT")[1] & 0xC0).as("FLEVEL: fast").isEqualTo(0x40);
        assertThat(chunk(faithful.toByteArray(), "IDAT")[1] & 0xC0).as("FLEVEL: Pillow's level 6").isEqualTo(0x80);
    }

    /**
     * A WebP's profile goes into its PNG thumbnail as Pillow's {@code save()} writes it back: the
     * fixture is a lossless WebP with an ICCP chunk, and Pillow's blur, thumbnail and PNG save of it.
     */
    @Test
    void aWebpsIccProfileGoesIntoItsPngThumbnailAsPillowWritesIt() throws IOException {
        Path source = Samples.resourcePath("pillow-icc/rgb-icc.webp");
        var out = new ByteArrayOutputStream();

        writeAtPillowsDefaults(source, out);

        byte[] pillows = Files.readAllBytes(Samples.resourcePath("pillow-icc/rgb-icc.webp.thumb.png"));
        assertThat(chunk(out.toByteArray(), "iCCP")).isNotEmpty().isEqualTo(chunk(pillows, "iCCP"));
        assertThat(Samples.of(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))).values())
                .isEqualTo(Samples.of(ImageIO.read(new ByteArrayInputStream(pillows))).values());
        if (NativeDeflate.available()) {
            assertThat(out.toByteArray()).isEqualTo(pillows);
        }
    }

    @Test
    void aWebpWithoutAProfileOrNotExtendedKeepsNone() throws IOException {
        assertThat(WebpIccProfile.of(new ByteArrayInputStream(Base64.getDecoder().decode(TestFiles.LOSSY_WEBP)))).isEmpty();
        assertThat(WebpIccProfile.of(new ByteArrayInputStream(new byte[] {'R', 'I', 'F', 'F'}))).isEmpty();
        byte[] extended = Files.readAllBytes(Samples.resourcePath("pillow-icc/rgb-icc.webp"));
        assertThat(WebpIccProfile.of(new ByteArrayInputStream(Arrays.copyOf(extended, 40)))).as("a profile cut short").isEmpty();
        assertThat(WebpIccProfile.of(new ByteArrayInputStream(extended))).get().satisfies(profile -> assertThat(profile).hasSize(588));
    }

    /** A gray or RGB PNG's transparent colour (tRNS) goes back into its thumbnail, as Pillow writes it. */
    @ParameterizedTest
    @ValueSource(strings = {"rgb-trns", "gray-trns"})
    void aPngsTransparentColourGoesIntoItsThumbnailAsPillowWritesIt(String name) throws IOException {
        Path source = Samples.resourcePath("pillow-trns/" + name + ".png");
        var out = new ByteArrayOutputStream();

        writeAtPillowsDefaults(source, out);

        byte[] pillows = Files.readAllBytes(Samples.resourcePath("pillow-trns/" + name + ".thumb.png"));
        assertThat(chunk(out.toByteArray(), "tRNS")).isNotEmpty().isEqualTo(chunk(pillows, "tRNS"));
        assertThat(PngChunks.types(out.toByteArray())).isEqualTo(PngChunks.types(pillows));
        if (NativeDeflate.available()) {
            assertThat(out.toByteArray()).isEqualTo(pillows);
        }
    }

    /** Gray content is not enough: an RGBA source's thumbnail stays RGBA, as Pillow keeps it. */
    @Test
    void anRgbaPngOfGrayPixelsKeepsItsFourChannels(@TempDir Path dir) throws IOException {
        BufferedImage image = new BufferedImage(160, 100, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 160; x++) {
                int gray = x + y;
                image.setRGB(x, y, (128 + y) << 24 | gray << 16 | gray << 8 | gray);
            }
        }
        Path source = dir.resolve("gray-rgba.png");
        ImageIO.write(image, "png", source.toFile());
        var out = new ByteArrayOutputStream();

        writeAtPillowsDefaults(source, out);

        assertThat(chunk(out.toByteArray(), "IHDR")[9]).as("colour type: RGBA").isEqualTo((byte) 6);
    }

    @Test
    void aPngWithoutAProfileKeepsTheBytesItHadBefore() throws IOException {
        Path source = Samples.resourcePath("input/alpha.png");
        FaithfulPipeline pipeline = new FaithfulPipeline();
        Thumbnail thumbnail = pipeline.render(source, ThumbnailSpec.DEFAULT);
        var viaWriter = new ByteArrayOutputStream();
        var viaPipeline = new ByteArrayOutputStream();

        ThumbnailWriter.write(pipeline, thumbnail, ImageFormat.PNG, OutputOptions.DEFAULT, source, false, viaWriter);
        pipeline.write(thumbnail, ImageFormat.PNG, viaPipeline);

        assertThat(viaWriter.toByteArray()).isEqualTo(viaPipeline.toByteArray());
        assertThat(chunk(viaWriter.toByteArray(), "iCCP")).isEmpty();
    }

    @Test
    void aProfileInAPngIsCompressedSoReadersGetItBack() throws IOException, DataFormatException {
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        var out = new ByteArrayOutputStream();

        new ImageEncoder().write(PixelLayout.RGB.create(4, 4), ImageFormat.PNG,
                new ImageEncoder.Extras(75, srgb, null, false), out);

        byte[] iccp = chunk(out.toByteArray(), "iCCP");
        assertThat(new String(iccp, 0, 13, StandardCharsets.ISO_8859_1)).isEqualTo("ICC Profile\0\0");
        Inflater inflater = new Inflater();
        inflater.setInput(iccp, 13, iccp.length - 13);
        byte[] profile = new byte[srgb.length + 1];
        int n = inflater.inflate(profile);
        assertThat(inflater.finished()).isTrue();
        assertThat(Arrays.copyOf(profile, n)).isEqualTo(srgb);
    }

    /** The faithful pipeline's PNG thumbnail of {@code source}, written as at the defaults. */
    private static void writeAtPillowsDefaults(Path source, ByteArrayOutputStream out) throws IOException {
        FaithfulPipeline pipeline = new FaithfulPipeline();
        ThumbnailWriter.write(pipeline, pipeline.render(source, ThumbnailSpec.DEFAULT), ImageFormat.PNG,
                OutputOptions.DEFAULT, source, false, out);
    }

    /** The data of the first chunk of {@code type} in {@code png}, empty if it has none. */
    private static byte[] chunk(byte[] png, String type) {
        return PngChunks.first(png, type);
    }

    /** The types of the chunks before the first IDAT, in order. */
    private static List<String> chunksBeforeIdat(byte[] png) {
        List<String> types = PngChunks.types(png);
        return types.subList(0, types.contains("IDAT") ? types.indexOf("IDAT") : types.size());
    }

    /** The comment the committed Pillow output was made with (python_original.py on the spliced file). */
    private static final byte[] COMMENT = "Photo: Parathumb test, \u00e9t\u00e9 2026".getBytes(StandardCharsets.ISO_8859_1);

    /** {@code jpeg} with a COM segment holding {@code comment} right after its JFIF segment. */
    private static byte[] withComment(byte[] jpeg, byte[] comment) {
        int at = 2;
        if ((jpeg[2] & 255) == 0xFF && (jpeg[3] & 255) == 0xE0) {
            at = 4 + (((jpeg[4] & 255) << 8) | (jpeg[5] & 255));
        }
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        out.write(0xFF);
        out.write(0xFE);
        out.write((comment.length + 2) >> 8);
        out.write((comment.length + 2) & 255);
        out.write(comment, 0, comment.length);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** sRGB's header and tag table, its tag data overwritten: parsed by Java, refused by LCMS. */
    private static byte[] damagedSrgbProfile() {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData().clone();
        int tags = ((profile[128] & 255) << 24) | ((profile[129] & 255) << 16) | ((profile[130] & 255) << 8)
                | (profile[131] & 255);
        for (int i = 132 + 12 * tags; i < profile.length; i++) {
            profile[i] = (byte) 0xFF;
        }
        return profile;
    }
}
