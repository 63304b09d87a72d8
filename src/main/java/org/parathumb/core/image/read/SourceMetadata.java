package org.parathumb.core.image.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.parathumb.core.image.KeptMetadata;

/**
 * The metadata a thumbnail may keep, read from a JPEG source's header: its ICC profile (and
 * whether {@link ImageDecoder} converted the pixels from it to sRGB, as it does for any profile
 * that is not sRGB's in all but name), and its EXIF block. Other formats give nothing.
 */
public record SourceMetadata(Optional<byte[]> iccProfile, boolean iccApplied, Optional<byte[]> exif) {

    public static final SourceMetadata NONE = new SourceMetadata(Optional.empty(), false, Optional.empty());

    /** What {@code kept} asks for of {@code source}; nothing when it is not a JPEG or cannot be read. */
    public static SourceMetadata read(Path source, KeptMetadata kept) {
        if (kept == KeptMetadata.NONE) {
            return NONE;
        }
        try (InputStream raw = Files.newInputStream(source);
                ImageInputStream in = new MemoryCacheImageInputStream(raw)) {
            if (in.read() != 0xFF || in.read() != 0xD8) {
                return NONE;
            }
            in.seek(0);
            JpegStructure jpeg = JpegStructure.read(in);
            Optional<byte[]> icc = kept.keepsIcc() ? Optional.ofNullable(jpeg.iccProfile()) : Optional.empty();
            boolean applied = icc.isPresent() && !jpeg.colour().iccProfileIsIgnorable();
            Optional<byte[]> exif = kept.keepsExif() ? exif(source) : Optional.empty();
            return new SourceMetadata(icc, applied, exif);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** The payload of the first APP1 segment that starts with "Exif\0\0", that prefix included. */
    private static Optional<byte[]> exif(Path source) throws IOException {
        try (InputStream raw = Files.newInputStream(source);
                ImageInputStream in = new MemoryCacheImageInputStream(raw)) {
            in.seek(2);
            while (true) {
                int marker = in.read();
                while (marker == 0xFF) {
                    marker = in.read();
                }
                if (marker < 0 || marker == 0xDA || marker == 0xD9) {
                    return Optional.empty();
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    return Optional.empty();
                }
                byte[] payload = new byte[length - 2];
                in.readFully(payload);
                if (marker == 0xE1 && payload.length > 6 && payload[0] == 'E' && payload[1] == 'x'
                        && payload[2] == 'i' && payload[3] == 'f' && payload[4] == 0 && payload[5] == 0) {
                    return Optional.of(payload);
                }
            }
        }
    }
}
