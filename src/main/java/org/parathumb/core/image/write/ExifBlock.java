package org.parathumb.core.image.write;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** An APP1 EXIF payload ("Exif\0\0" then a TIFF structure), edited in a copy. */
final class ExifBlock {

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int HEADER = 6;

    private ExifBlock() {
    }

    /**
     * A copy of {@code exif} whose IFD0 orientation says upright (1), for a thumbnail whose pixels
     * were turned; unchanged when it has no orientation or is not a TIFF structure it can follow.
     */
    static byte[] upright(byte[] exif) {
        byte[] copy = exif.clone();
        try {
            ByteBuffer tiff = ByteBuffer.wrap(copy, HEADER, copy.length - HEADER).slice();
            if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
                tiff.order(ByteOrder.LITTLE_ENDIAN);
            } else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
                return copy;
            }
            int ifd = tiff.getInt(4);
            int entries = Short.toUnsignedInt(tiff.getShort(ifd));
            for (int i = 0; i < entries; i++) {
                int entry = ifd + 2 + 12 * i;
                if (Short.toUnsignedInt(tiff.getShort(entry)) == ORIENTATION_TAG) {
                    tiff.putShort(entry + 8, (short) 1); // SHORT, count 1: the value sits in the entry
                }
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return exif.clone(); // a damaged block: kept as it was
        }
        return copy;
    }
}
