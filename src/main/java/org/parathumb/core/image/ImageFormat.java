package org.parathumb.core.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A file format Parathumb reads, with the extensions it goes by, the ImageIO name of its writer,
 * and whether a thumbnail can be written in it (WebP, HEIF, AVIF and JPEG XL cannot: see
 * {@link OutputFormat#resolve}).
 */
public enum ImageFormat {
    JPEG("jpeg", true, "jpg", "jpeg", "jpe", "jfif"),
    PNG("png", true, "png"),
    GIF("gif", true, "gif"),
    BMP("bmp", true, "bmp", "dib"),
    TIFF("tiff", true, "tif", "tiff"),
    WEBP("webp", false, "webp"),
    /** HEIF and HEIC (HEVC in the HEIF container), as phones write them. */
    HEIF("heif", false, "heic", "heif", "hif"),
    /** AV1 in the HEIF container. */
    AVIF("avif", false, "avif"),
    /** JPEG XL, bare codestream or in its container. */
    JXL("jxl", false, "jxl");

    private final String imageIoName;
    private final boolean writable;
    private final List<String> extensions;

    ImageFormat(String imageIoName, boolean writable, String... extensions) {
        this.imageIoName = imageIoName;
        this.writable = writable;
        this.extensions = List.of(extensions);
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extensions.get(0);
    }

    /** Every extension this format goes by, lower case, without the dot. */
    public List<String> extensions() {
        return extensions;
    }

    /** The format name ImageIO knows the reader and writer by. */
    public String imageIoName() {
        return imageIoName;
    }

    /** Whether thumbnails can be written in this format. */
    public boolean isWritable() {
        return writable;
    }

    /**
     * The format a thumbnail of this format's image is written in when the user asks for "the
     * same": this one where Parathumb writes it; PNG for WebP (web graphics, often with alpha);
     * for the formats phones and cameras make (HEIF, AVIF, JPEG XL), JPEG for a photo and PNG for
     * an image with alpha.
     */
    public ImageFormat thumbnailFormat(boolean alpha) {
        if (writable) {
            return this;
        }
        return this == WEBP || alpha ? PNG : JPEG;
    }

    /** Whether this format can store an alpha channel as Parathumb writes it. */
    public boolean keepsAlpha() {
        return this == PNG || this == TIFF;
    }

    /** The format a file name's extension promises, in any case: {@code a.JPEG} is JPEG. */
    public static Optional<ImageFormat> fromFileName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat format : values()) {
            if (format.extensions.contains(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * The format {@code head} (the first bytes of a file, 12 suffice) starts like, whatever the
     * file is called: JPEG's SOI marker, PNG's signature, "GIF8", "BM", TIFF's byte order mark,
     * "RIFF....WEBP", an ISO box "ftyp" with a HEIF or AVIF brand, JPEG XL's codestream (FF 0A)
     * or container signature. Give 32 bytes to see the compatible brands of an ftyp box.
     */
    public static Optional<ImageFormat> sniff(byte[] head, int length) {
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (startsWith(head, length, 'I', 'I', 42, 0) || startsWith(head, length, 'M', 'M', 0, 42)
                || startsWith(head, length, 'I', 'I', 43, 0) || startsWith(head, length, 'M', 'M', 0, 43)) {
            return Optional.of(TIFF);
        }
        if (startsWith(head, length, 'R', 'I', 'F', 'F') && length >= 12
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        Optional<ImageFormat> heif = heifBrand(head, length);
        if (heif.isPresent()) {
            return heif;
        }
        if (startsWith(head, length, 0xFF, 0x0A)
                || startsWith(head, length, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, 0x87, 0x0A)) {
            return Optional.of(JXL);
        }
        // "BM" then a 4-byte size, 4 reserved bytes and the pixel offset; text rarely has
        // zero bytes there, so also ask for a plausible DIB header size at offset 14.
        if (startsWith(head, length, 'B', 'M') && length >= 18) {
            int dibSize = (head[14] & 0xFF) | (head[15] & 0xFF) << 8 | (head[16] & 0xFF) << 16 | (head[17] & 0xFF) << 24;
            if (dibSize == 12 || dibSize == 16 || dibSize == 40 || dibSize == 52 || dibSize == 56
                    || dibSize == 64 || dibSize == 108 || dibSize == 124) {
                return Optional.of(BMP);
            }
        }
        return Optional.empty();
    }

    /**
     * HEIF or AVIF from an ftyp box's brands: the major brand says it (avif, avis; heic, heix,
     * hevc, hevx, heim, heis), or a general one (mif1, msf1) leaves it to the compatible brands.
     */
    private static Optional<ImageFormat> heifBrand(byte[] head, int length) {
        if (length < 12 || head[4] != 'f' || head[5] != 't' || head[6] != 'y' || head[7] != 'p') {
            return Optional.empty();
        }
        long boxSize = (head[0] & 0xFFL) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | (head[3] & 0xFF);
        String major = brand(head, 8);
        if (major.equals("avif") || major.equals("avis")) {
            return Optional.of(AVIF);
        }
        if (List.of("heic", "heix", "hevc", "hevx", "heim", "heis").contains(major)) {
            return Optional.of(HEIF);
        }
        if (!major.equals("mif1") && !major.equals("msf1")) {
            return Optional.empty();
        }
        for (int at = 16; at + 4 <= Math.min(length, boxSize); at += 4) {
            String compatible = brand(head, at);
            if (compatible.equals("avif") || compatible.equals("avis")) {
                return Optional.of(AVIF);
            }
        }
        return Optional.of(HEIF);
    }

    private static String brand(byte[] head, int at) {
        return new String(head, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
