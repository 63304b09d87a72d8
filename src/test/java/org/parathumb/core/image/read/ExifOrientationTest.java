package org.parathumb.core.image.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.Orientation;
import org.parathumb.core.image.TestFiles;

/**
 * A JPEG's orientation comes from its header segments and a PNG's from its eXIf chunks, not from
 * metadata-extractor's reading of all their metadata: the same answer, for both byte orders, the
 * tag's usual and unusual types, the chunk before or after the image data, and damaged directories
 * and chunks.
 */
class ExifOrientationTest {

    private static final int SHORT = 3;
    private static final int LONG = 4;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "tag {0}, {1}, type {2}")
    @CsvSource({
        "1, BIG_ENDIAN, 3", "2, BIG_ENDIAN, 3", "3, LITTLE_ENDIAN, 3", "4, LITTLE_ENDIAN, 3",
        "5, BIG_ENDIAN, 3", "6, LITTLE_ENDIAN, 3", "7, BIG_ENDIAN, 4", "8, LITTLE_ENDIAN, 4",
        "0, BIG_ENDIAN, 3", "9, LITTLE_ENDIAN, 3"})
    void aJpegsOrientationIsReadFromItsHeaderAsMetadataExtractorReadsIt(int tag, String order, int type)
            throws IOException {
        ByteOrder byteOrder = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Path file = jpegWithExif(exif(byteOrder, type, tag, 1));

        Orientation read = new ImageDecoder().readHeader(file).orientation();

        assertThat(read).isEqualTo(Orientation.ofTag(tag));
        assertThat(read).isEqualTo(ExifOrientation.of(file, ImageFormat.JPEG));
    }

    @ParameterizedTest(name = "{0} entries declared")
    @CsvSource({"2", "40", "65535"})
    void aDirectoryCutShortReadsAsUpright(int declaredEntries) throws IOException {
        byte[] tiff = exif(ByteOrder.BIG_ENDIAN, SHORT, 6, declaredEntries);
        Path file = jpegWithExif(java.util.Arrays.copyOf(tiff, tiff.length - 4));

        assertThat(new ImageDecoder().readHeader(file).orientation()).as("the orientation entry itself is whole")
                .isEqualTo(Orientation.NORMAL)
                .isEqualTo(ExifOrientation.viaMetadataExtractor(file));
    }

    @Test
    void aDirectoryWhoseCountReadsByteSwappedIsReadTheOtherWayAsMetadataExtractorDoes() throws IOException {
        byte[] tiff = exif(ByteOrder.BIG_ENDIAN, SHORT, 6, 1);
        tiff[0] = 'I'; // the header says little-endian, the directory is still big-endian: its count reads 256
        tiff[1] = 'I';
        tiff[2] = 42;
        tiff[3] = 0;
        tiff[4] = 8;
        tiff[7] = 0;
        Path file = jpegWithExif(tiff);

        assertThat(new ImageDecoder().readHeader(file).orientation())
                .isEqualTo(ExifOrientation.viaMetadataExtractor(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"II*", "MI", "XX*"})
    void aTiffHeaderThatIsNotOneReadsAsUpright(String start) throws IOException {
        byte[] tiff = exif(ByteOrder.BIG_ENDIAN, LONG, 6, 1);
        byte[] broken = start.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(broken, 0, tiff, 0, broken.length);
        Path file = jpegWithExif(tiff);

        assertThat(new ImageDecoder().readHeader(file).orientation())
                .isEqualTo(Orientation.NORMAL)
                .isEqualTo(ExifOrientation.of(file, ImageFormat.JPEG));
    }

    @ParameterizedTest(name = "tag {0}, {1}, type {2}, {3} the image data")
    @CsvSource({
        "1, BIG_ENDIAN, 3, before", "3, LITTLE_ENDIAN, 3, before", "6, BIG_ENDIAN, 3, after",
        "8, LITTLE_ENDIAN, 4, before", "5, BIG_ENDIAN, 4, after", "0, BIG_ENDIAN, 3, before",
        "9, LITTLE_ENDIAN, 3, after"})
    void aPngsOrientationIsReadFromItsExifChunkAsMetadataExtractorReadsIt(int tag, String order, int type,
            String where) throws IOException {
        ByteOrder byteOrder = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] exif = exif(byteOrder, type, tag, 1);
        Path file = where.equals("before") ? pngWith(exif, null) : pngWith(null, exif);

        Orientation read = new ImageDecoder().readHeader(file).orientation();

        assertThat(read).isEqualTo(Orientation.ofTag(tag));
        assertThat(read).isEqualTo(ExifOrientation.viaMetadataExtractor(file));
    }

    @Test
    void aPngsSecondExifChunkIsIgnoredAsMetadataExtractorIgnoresIt() throws IOException {
        byte[] withoutOrientation = exif(ByteOrder.BIG_ENDIAN, SHORT, 6, 1);
        withoutOrientation[11] = 0x11; // the entry's tag: 0x0112 becomes 0x0111, another tag
        Path file = pngWith(withoutOrientation, exif(ByteOrder.LITTLE_ENDIAN, SHORT, 6, 1));

        assertThat(new ImageDecoder().readHeader(file).orientation())
                .isEqualTo(Orientation.NORMAL)
                .isEqualTo(ExifOrientation.viaMetadataExtractor(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a directory cut short", "a chunk longer than the file"})
    void aDamagedPngExifReadsAsUpright(String damage) throws IOException {
        byte[] tiff = exif(ByteOrder.BIG_ENDIAN, SHORT, 6, 40);
        Path file;
        if (damage.startsWith("a directory")) {
            file = pngWith(java.util.Arrays.copyOf(tiff, tiff.length - 4), null);
        } else {
            byte[] png = Files.readAllBytes(pngWith(null, tiff));
            int chunk = png.length - 12 - (12 + tiff.length); // the eXIf chunk, just before IEND
            ByteBuffer.wrap(png).putInt(chunk, Integer.MAX_VALUE);
            file = Files.write(dir.resolve("long.png"), png);
        }

        assertThat(new ImageDecoder().readHeader(file).orientation()).isEqualTo(Orientation.NORMAL);
        assertThat(ExifOrientation.of(file, ImageFormat.PNG)).isEqualTo(ExifOrientation.viaMetadataExtractor(file));
    }

    /** A small real PNG with an eXIf chunk holding {@code before} after its header and {@code after} before its end. */
    private Path pngWith(byte[] before, byte[] after) throws IOException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageIO.write(TestFiles.picture(32, 24), "png", encoded);
        byte[] png = encoded.toByteArray();
        int afterHeader = 8 + 12 + 13;
        int beforeEnd = png.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        if (before != null) {
            TestFiles.chunk(out, "eXIf", before);
        }
        out.write(png, afterHeader, beforeEnd - afterHeader);
        if (after != null) {
            TestFiles.chunk(out, "eXIf", after);
        }
        out.write(png, beforeEnd, 12);
        return Files.write(dir.resolve("exif.png"), out.toByteArray());
    }

    /** A TIFF structure whose IFD0 declares {@code entries} entries, the first the orientation. */
    private static byte[] exif(ByteOrder order, int type, int tag, int entries) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(order);
        tiff.put(order == ByteOrder.BIG_ENDIAN ? "MM".getBytes(StandardCharsets.ISO_8859_1)
                : "II".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
        tiff.putShort((short) entries);
        tiff.putShort((short) 0x0112).putShort((short) type).putInt(1);
        if (type == LONG) {
            tiff.putInt(tag);
        } else {
            tiff.putShort((short) tag).putShort((short) 0);
        }
        tiff.putInt(0);
        return tiff.array();
    }

    private Path jpegWithExif(byte[] tiff) throws IOException {
        byte[] jpeg = TestFiles.jpeg(TestFiles.picture(32, 24));
        byte[] id = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer file = ByteBuffer.allocate(jpeg.length + 4 + id.length + tiff.length);
        file.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + id.length + tiff.length));
        file.put(id).put(tiff).put(jpeg, 2, jpeg.length - 2);
        return Files.write(dir.resolve("exif.jpg"), file.array());
    }
}
