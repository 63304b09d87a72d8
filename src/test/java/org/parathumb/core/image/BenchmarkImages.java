package org.parathumb.core.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.parathumb.core.image.pixels.Scratch;
import org.parathumb.core.image.read.ImageDecoder;
import org.parathumb.core.samples.SampleGenerator;

/**
 * The inputs of the JMH benchmarks: 12 MP photo-like JPEGs from the project's own generator
 * (landscape RGB, portrait RGB, gray), written once per JVM into a temporary folder.
 */
public final class BenchmarkImages {

    private static List<Path> files;

    private BenchmarkImages() {
    }

    /** The generated JPEG of {@code layout} (RGB or GRAY), 12 MP. */
    public static synchronized Path jpeg(PixelLayout layout) {
        if (files == null) {
            try {
                Path folder = Files.createTempDirectory("parathumb-jmh");
                files = new SampleGenerator().generate(folder, 3, 12, 2026);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return switch (layout) {
            case RGB -> files.get(0);
            case GRAY -> files.get(2);
            case RGBA -> throw new IllegalArgumentException("no RGBA JPEG");
        };
    }

    /** That JPEG decoded into a fresh image of its layout. */
    public static java.awt.image.BufferedImage decoded(PixelLayout layout) {
        try {
            java.awt.image.BufferedImage image = new ImageDecoder().decode(jpeg(layout), new Scratch()).image();
            byte[] copy = PixelLayout.samples(image).clone();
            return layout.wrap(copy, image.getWidth(), image.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
