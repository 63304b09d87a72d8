package org.parathumb.core.image.pipeline;

import java.nio.file.Path;
import java.util.Optional;
import org.parathumb.core.image.ImageFormat;
import org.parathumb.core.image.nativecodec.NativePng;
import org.parathumb.core.image.pixels.DecodedImage;
import org.parathumb.core.image.pixels.Scratch;

/** A PNG decoded by libdeflate or libspng into the thread's reused buffer, with the samples ImageDecoder gives. */
final class NativePngDecoding {

    private NativePngDecoding() {
    }

    /**
     * {@code source} decoded natively, when it is a PNG libdeflate or libspng takes; empty otherwise (then
     * {@link org.parathumb.core.image.read.ImageDecoder} decodes it, and names what is wrong if anything is).
     */
    static Optional<DecodedImage> decode(Path source, Scratch buffers) {
        if (!NativePng.available()) {
            return Optional.empty();
        }
        Optional<WholeFile> file = WholeFile.read(source, buffers);
        if (file.isEmpty() || !file.get().isPng()) {
            return Optional.empty();
        }
        Optional<NativePng.PngHeader> header = NativePng.header(file.get().data(), file.get().length());
        if (header.isEmpty() || (long) header.get().width() * header.get().height() > Integer.MAX_VALUE / 4) {
            return Optional.empty(); // ImageDecoder says "too large"
        }
        NativePng.PngHeader h = header.get();
        byte[] into = buffers.bytes(h.outputBytes());
        return NativePng.decode(file.get().data(), file.get().length(), h, into, buffers)
                .map(decoded -> new DecodedImage(decoded.image(), ImageFormat.PNG));
    }
}
