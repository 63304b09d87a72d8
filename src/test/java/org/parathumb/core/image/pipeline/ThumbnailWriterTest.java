package org.parathumb.core.image.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.OutputOptions;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.Samples;
import org.parathumb.core.image.Thumbnail;
import org.parathumb.core.image.ThumbnailSpec;

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
