package org.parathumb.core.image.read;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;

/**
 * The last decoder for formats only a system library reads (HEIF, AVIF, JPEG XL): where that
 * library is missing, each such file fails with one line naming the package to install, and the
 * batch goes on. Why the library is missing is asked only when a file of those formats is met (or
 * {@code formats} lists them): asking opens the library, which a run of JPEGs never needs.
 */
record MissingLibraryDecoder(Set<ImageFormat> formats, String debianPackage, Supplier<String> why)
        implements Decoder {

    MissingLibraryDecoder {
        formats = Set.copyOf(formats);
        Objects.requireNonNull(debianPackage, "debianPackage");
        Objects.requireNonNull(why, "why");
    }

    @Override
    public boolean reads(ImageFormat format) {
        return formats.contains(format);
    }

    @Override
    public boolean ready(ImageFormat format) {
        return false;
    }

    @Override
    public String describe(ImageFormat format) {
        return "needs " + debianPackage + " (" + why.get() + ")";
    }

    @Override
    public ImageHeader readHeader(Path file, ImageFormat format) throws ImageFailure {
        throw failure(format);
    }

    @Override
    public DecodedImage decode(Path file, ImageFormat format, Scratch scratch) throws ImageFailure {
        throw failure(format);
    }

    private ImageFailure failure(ImageFormat format) {
        return new ImageFailure(ImageFailure.Kind.UNSUPPORTED,
                format.name() + " needs " + debianPackage + " (" + why.get() + "; on Debian or Ubuntu: apt-get install "
                        + debianPackage + ")");
    }
}
