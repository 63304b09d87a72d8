package org.parathumb.core.image.read;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parathumb.core.image.PhotoLikeImages;
import org.parathumb.core.image.PixelLayout;
import org.parathumb.core.image.TestFiles;
import org.parathumb.core.image.pixels.Scratch;

/**
 * Decoding a 12 MP photo-like JPEG, untagged and with an embedded sRGB profile (made at set-up),
 * by the JDK's reader as ImageIO hands it the file ("jdk": what Parathumb did before, a colour
 * conversion per scanline when a profile is present) and by {@link ImageDecoder} (which skips an
 * sRGB profile). Run: {@code mvn -Pjmh test-compile exec:exec -Djmh.args="IccDecode"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IccDecodeBenchmark {

    @Param({"none", "srgb"})
    public String profile;

    private Path file;
    private final Scratch scratch = new Scratch();
    private final ImageDecoder decoder = new ImageDecoder();

    @Setup(Level.Trial)
    public void makeFile() throws IOException {
        BufferedImage photo = PhotoLikeImages.create(4000, 3000, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PhotoLikeImages.writeJpeg(photo, 0.9f, out);
        byte[] jpeg = out.toByteArray();
        if (profile.equals("srgb")) {
            jpeg = TestFiles.withIccProfile(jpeg, ICC_Profile.getInstance(ColorSpace.CS_sRGB));
        }
        file = Files.createTempFile("icc-bench", ".jpg");
        Files.write(file, jpeg);
    }

    @TearDown(Level.Trial)
    public void removeFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public BufferedImage jdk() throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = jdkJpegReader();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setDestination(PixelLayout.RGB.wrap(scratch.bytes(w * h * 3), w, h,
                        reader.getRawImageType(0).getColorModel().getColorSpace()));
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    @Benchmark
    public BufferedImage parathumb() throws IOException {
        return decoder.decode(file, scratch).image();
    }

    private static ImageReader jdkJpegReader() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith("com.sun.imageio.")) {
                return reader;
            }
        }
        throw new IllegalStateException("no JDK JPEG reader");
    }
}
