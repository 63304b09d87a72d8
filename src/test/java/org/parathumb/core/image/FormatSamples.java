package org.parathumb.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The committed WebP, HEIF, AVIF and JPEG XL samples (src/test/resources/formats, made by its
 * make.sh with Debian's encoders) and their references, and the rule for tests that need a system
 * library: skipped where it is missing, except in CI on Linux x86-64, where they fail instead.
 */
public final class FormatSamples {

    private FormatSamples() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = FormatSamples.class.getResourceAsStream("/formats/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource formats/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path path(String name) {
        try {
            return Path.of(FormatSamples.class.getResource("/formats/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pillow's decode of {@code name} (through the library's own decoder for HEIF, AVIF, JPEG XL). */
    public static BufferedImage decodedReference(String name) {
        return image("reference/" + name + ".decoded.png");
    }

    /** The original program's thumbnail of {@link #decodedReference}. */
    public static BufferedImage thumbnailReference(String name) {
        return image("reference/" + name + ".thumb.png");
    }

    private static BufferedImage image(String name) {
        try {
            return ImageIO.read(path(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this is CI on the platform the native library is built for: there nothing skips. */
    public static boolean nativeRequired() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return "true".equals(System.getenv("CI")) && os.startsWith("linux")
                && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /** Skips the test when {@code available} is false, but fails it in CI on Linux x86-64. */
    public static void requireLibrary(boolean available, String why) {
        if (nativeRequired()) {
            assertThat(available).as("CI installs the system codecs (.ci/run): " + why).isTrue();
        }
        assumeTrue(available, why);
    }
}
