package org.parathumb.core.image.pipeline;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The comment of a JPEG file, as Pillow reads it: the bytes of its last COM segment before the
 * first scan. Pillow keeps it in the image's info and writes it into the thumbnail it saves, so the
 * faithful pipeline does too.
 */
final class JpegComment {

    private static final int COM = 0xFE;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    private JpegComment() {
    }

    /** The comment of {@code source}, empty when it has none or its markers cannot be followed. */
    static Optional<byte[]> read(Path source) {
        try (InputStream in = Files.newInputStream(source)) {
            return read(new DataInputStream(new java.io.BufferedInputStream(in, 8192)));
        } catch (IOException e) {
            return Optional.empty(); // the decode already read this file; a cut header just has no comment
        }
    }

    private static Optional<byte[]> read(DataInputStream in) throws IOException {
        if (in.readUnsignedShort() != 0xFFD8) {
            return Optional.empty();
        }
        byte[] comment = null;
        try {
            while (true) {
                int b = in.readUnsignedByte();
                if (b != 0xFF) {
                    return Optional.ofNullable(comment);
                }
                int marker = in.readUnsignedByte();
                while (marker == 0xFF) {
                    marker = in.readUnsignedByte(); // fill bytes
                }
                if (marker == SOS || marker == EOI) {
                    return Optional.ofNullable(comment);
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    continue; // markers without a length
                }
                int length = in.readUnsignedShort() - 2;
                if (length < 0) {
                    return Optional.ofNullable(comment);
                }
                if (marker == COM) {
                    comment = in.readNBytes(length);
                } else {
                    in.skipNBytes(length);
                }
            }
        } catch (EOFException e) {
            return Optional.ofNullable(comment);
        }
    }
}
