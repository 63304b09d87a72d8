package org.parathumb.core.image.read;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.FormatSupport;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.nativecodec.NativeHeif;
import org.parathumb.core.image.nativecodec.NativeJxl;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;

/**
 * Reads any file Parathumb knows: checks the source ({@link SourceFile}), recognises its format
 * by content, never by name, and hands it to the first {@link Decoder} that reads that format.
 * Every problem ends as an {@link ImageFailure} with a one-line reason ({@link FailureWording}).
 */
public final class ImageDecoder {

    private final List<Decoder> decoders;

    /**
     * The decoders of this installation, the preferred first: libwebp before ImageIO's WebP
     * reader; libheif and libjxl, else a reason naming the package to install. Each library is
     * opened when a file of its format is first met, not here.
     */
    public ImageDecoder() {
        this(List.of(new WebpDecoder(), new HeifDecoder(), new JxlDecoder(), new ImageIoDecoder(),
                new MissingLibraryDecoder(Set.of(ImageFormat.HEIF, ImageFormat.AVIF), NativeHeif.debianPackage(),
                        () -> NativeHeif.availability().description()),
                new MissingLibraryDecoder(Set.of(ImageFormat.JXL), NativeJxl.debianPackage(),
                        () -> NativeJxl.availability().description())));
    }

    ImageDecoder(List<Decoder> decoders) {
        this.decoders = List.copyOf(Objects.requireNonNull(decoders, "decoders"));
    }

    /** Reads the header of {@code file}: format, size, orientation, layout. Decodes no pixel. */
    public ImageHeader readHeader(Path file) throws IOException {
        try {
            ImageFormat format = SourceFile.formatOf(file);
            return decoderFor(format).readHeader(file, format);
        } catch (ImageFailure | NoSuchFileException | CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw FailureWording.classify(e, List.of(), -1, false);
        }
    }

    /** Decodes {@code file}, into {@code scratch}'s byte buffer when the layout allows it. */
    public DecodedImage decode(Path file, Scratch scratch) throws IOException {
        try {
            ImageFormat format = SourceFile.formatOf(file);
            return decoderFor(format).decode(file, format, scratch);
        } catch (ImageFailure | NoSuchFileException | CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw FailureWording.classify(e, List.of(), -1, false);
        }
    }

    /** For each format, whether this installation reads it and with what. */
    public List<FormatSupport> support() {
        return Arrays.stream(ImageFormat.values()).map(format -> find(format)
                .map(d -> new FormatSupport(format, d.ready(format), d.describe(format)))
                .orElse(new FormatSupport(format, false, "no reader"))).toList();
    }

    /** The decoder for {@code format}, if this installation has one. */
    Optional<Decoder> find(ImageFormat format) {
        return decoders.stream().filter(d -> d.reads(format)).findFirst();
    }

    private Decoder decoderFor(ImageFormat format) throws ImageFailure {
        return find(format).orElseThrow(() -> new ImageFailure(ImageFailure.Kind.UNSUPPORTED,
                "unsupported format (no reader for " + format.name() + " installed)"));
    }
}
