package org.parathumb.core.image.read;

import java.io.IOException;
import java.nio.file.Path;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.ImageHeader;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;

/**
 * One way of decoding files of the formats it {@linkplain #reads reads}. {@link ImageDecoder}
 * checks the source and sniffs its format, then hands the file to the decoder it chose. Every
 * decoder keeps one contract (DecoderContract, in the tests): the header's size and layout are
 * the decoded image's; a damaged file ends as an {@link org.parathumb.core.image.ImageFailure}
 * with a one-line reason; an interrupt ends as a {@link org.parathumb.core.image.CancelledException}.
 */
public interface Decoder {

    /** Whether this decoder reads files whose content is {@code format}. */
    boolean reads(ImageFormat format);

    /** In a few words, what reads {@code format} here ("libwebp 1.2.4"), or what is missing. */
    String describe(ImageFormat format);

    /** Whether a file of {@code format} can decode here, rather than fail for a missing library. */
    default boolean ready(ImageFormat format) {
        return true;
    }

    /** The header of {@code file} (content {@code format}): size, orientation, layout. */
    ImageHeader readHeader(Path file, ImageFormat format) throws IOException;

    /** Decodes {@code file} (content {@code format}), into {@code scratch} where it can. */
    DecodedImage decode(Path file, ImageFormat format, Scratch scratch) throws IOException;
}
