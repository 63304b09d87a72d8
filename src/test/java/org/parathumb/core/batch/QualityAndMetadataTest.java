package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parathumb.core.image.KeptMetadata;
import org.parathumb.core.image.OutputFormat;
import org.parathumb.core.image.OutputOptions;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pipeline.Pipelines;
import org.parathumb.core.image.read.SourceMetadata;

class QualityAndMetadataTest {

    private static final byte[] LINEAR_RGB = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();

    @TempDir
    Path dir;

    private Path process(OutputOptions output, ThumbnailSpec spec, Path source, String target) {
        ImageResult result = new ImageProcessor(Pipelines.byName("faithful"), spec).withOutput(output)
                .process(new ImageJob(source, dir.resolve(target)));
        assertThat(result.isDone()).as(result.failure()).isTrue();
        return dir.resolve(target);
    }

    private static BufferedImage photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(5);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | (96 + random.nextInt(32)));
            }
        }
        return image;
    }

    /** A JPEG of {@code image}'s samples, with {@code profile} embedded (its samples are in that profile). */
    private static byte[] jpeg(BufferedImage image, byte[] profile) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        if (profile != null) {
            IIOMetadataNode app2 = new IIOMetadataNode("app2ICC");
            app2.setUserObject(ICC_Profile.getInstance(profile));
            ((IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0)).appendChild(app2);
            metadata.setFromTree("javax_imageio_jpeg_image_1.0", root);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), null);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The first luminance quantisation value (DC) of a JPEG's first DQT segment. */
    private static int firstQuantisationValue(byte[] jpeg) {
        for (int i = 2; i + 5 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDB) {
                return jpeg[i + 5] & 0xFF;
            }
        }
        throw new AssertionError("no DQT");
    }

    @ParameterizedTest(name = "quality {0}")
    @CsvSource({"30, 27", "75, 8", "90, 3", "100, 1"})
    void qualityScalesTheStandardTablesAsLibjpegAndPillowDo(int quality, int dc) throws IOException {
        Path source = dir.resolve("in.jpg");
        Files.write(source, jpeg(photo(400, 300), null));

        Path out = process(OutputOptions.DEFAULT.withQuality(quality), ThumbnailSpec.DEFAULT, source, "q.jpg");

        // IJG: scale = q < 50 ? 5000 / q : 200 - 2q; the table's 16 becomes (16 * scale + 50) / 100.
        assertThat(firstQuantisationValue(Files.readAllBytes(out))).isEqualTo(dc);
    }

    @Test
    void qualitySeventyFiveIsTheOriginalsBytes() throws IOException {
        Path source = dir.resolve("in.jpg");
        Files.write(source, jpeg(photo(400, 300), null));

        Path plain = process(OutputOptions.DEFAULT, ThumbnailSpec.DEFAULT, source, "plain.jpg");
        new ImageProcessor(Pipelines.byName("faithful"), ThumbnailSpec.DEFAULT)
                .process(new ImageJob(source, dir.resolve("never-heard.jpg")));

        assertThat(Files.readAllBytes(plain)).isEqualTo(Files.readAllBytes(dir.resolve("never-heard.jpg")));
    }

    @Test
    void aKeptProfileTravelsWithPixelsExpressedInIt() throws IOException {
        // The source's samples are linear RGB, and say so with an embedded profile.
        BufferedImage srgb = photo(400, 300);
        ICC_ColorSpace linearSpace = new ICC_ColorSpace(ICC_Profile.getInstance(LINEAR_RGB));
        ComponentColorModel model = new ComponentColorModel(linearSpace, false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        BufferedImage linear = new BufferedImage(model, model.createCompatibleWritableRaster(400, 300), false, null);
        new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), linearSpace, null)
                .filter(srgb.getRaster(), linear.getRaster());
        Path source = dir.resolve("linear.jpg");
        ImageIO.write(linear, "jpg", source.toFile()); // the JDK's writer embeds the image's own profile
        assertThat(SourceMetadata.read(source, KeptMetadata.ICC).iccApplied()).as("a profile to convert from").isTrue();

        Path none = process(OutputOptions.DEFAULT, ThumbnailSpec.DEFAULT, source, "none.jpg");
        Path kept = process(OutputOptions.DEFAULT.withMetadata(KeptMetadata.ICC), ThumbnailSpec.DEFAULT, source,
                "kept.jpg");

        assertThat(SourceMetadata.read(none, KeptMetadata.ICC).iccProfile()).isEmpty();
        byte[] profile = SourceMetadata.read(kept, KeptMetadata.ICC).iccProfile().orElseThrow();
        assertThat(profile).isEqualTo(SourceMetadata.read(source, KeptMetadata.ICC).iccProfile().orElseThrow());
        // Read through its profile (the JPEG reader applies it), the kept thumbnail shows the plain one's colours...
        Samples plain = Samples.of(ImageIO.read(none.toFile()));
        assertThat(Samples.of(ImageIO.read(kept.toFile())).psnr(plain)).isGreaterThan(30);
        // ...and its samples are not sRGB's: read without the profile, they look wrong.
        Path stripped = Files.write(dir.resolve("stripped.jpg"), withoutApp2(Files.readAllBytes(kept)));
        assertThat(Samples.of(ImageIO.read(stripped.toFile())).psnr(plain)).isLessThan(25);
    }

    /** {@code jpeg} without its APP2 segments (where ICC profiles live). */
    private static byte[] withoutApp2(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) != 0xDA) {
            int length = ((jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF)) + 2;
            if ((jpeg[i + 1] & 0xFF) != 0xE2) {
                out.write(jpeg, i, length);
            }
            i += length;
        }
        out.write(jpeg, i, jpeg.length - i);
        return out.toByteArray();
    }

    @Test
    void aKeptProfileGoesIntoPngThumbnailsToo() throws IOException {
        Path source = dir.resolve("srgb-tagged.jpg");
        Files.write(source, jpeg(photo(300, 300), LINEAR_RGB));

        Path kept = process(OutputOptions.DEFAULT.withMetadata(KeptMetadata.ICC),
                ThumbnailSpec.DEFAULT.withFormat(OutputFormat.PNG), source, "kept.png");

        try (ImageInputStream in = ImageIO.createImageInputStream(kept.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            assertThat(root.getElementsByTagName("iCCP").getLength()).isEqualTo(1);
            reader.dispose();
        }
    }

    @Test
    void allKeepsTheExifBlockWithItsOrientationMadeUprightForATurnedThumbnail() throws IOException {
        byte[] plain = jpeg(photo(400, 300), null);
        // APP1: "Exif\0\0", a big-endian TIFF header, IFD0 with one entry: orientation (0x0112) = 6.
        ByteBuffer app1 = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
        app1.putShort((short) 0xFFE1).putShort((short) (app1.capacity() - 2)).put("Exif".getBytes()).putShort((short) 0)
                .put("MM".getBytes()).putShort((short) 42).putInt(8).putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0)
                .putInt(0);
        byte[] withExif = new byte[plain.length + app1.capacity()];
        System.arraycopy(plain, 0, withExif, 0, 2);
        System.arraycopy(app1.array(), 0, withExif, 2, app1.capacity());
        System.arraycopy(plain, 2, withExif, 2 + app1.capacity(), plain.length - 2);
        Path source = dir.resolve("turned.jpg");
        Files.write(source, withExif);

        Path kept = process(OutputOptions.DEFAULT.withMetadata(KeptMetadata.ALL), ThumbnailSpec.DEFAULT, source,
                "kept.jpg");

        byte[] exif = SourceMetadata.read(kept, KeptMetadata.ALL).exif().orElseThrow();
        ByteBuffer tiff = ByteBuffer.wrap(exif, 6, exif.length - 6).slice();
        assertThat(tiff.getShort(10)).isEqualTo((short) 0x0112);
        assertThat(tiff.getShort(18)).as("orientation").isEqualTo((short) 1);
        BufferedImage thumbnail = ImageIO.read(kept.toFile());
        assertThat(thumbnail.getHeight()).as("turned upright: portrait").isGreaterThan(thumbnail.getWidth());
    }
}
