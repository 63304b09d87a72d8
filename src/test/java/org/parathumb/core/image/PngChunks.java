package org.parathumb.core.image;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A PNG file's chunks, for tests that compare what a writer put in them. */
public final class PngChunks {

    /** A chunk: its four-letter type and its data. */
    public record Chunk(String type, byte[] data) {
    }

    private PngChunks() {
    }

    /** Every chunk of {@code png} in file order, the signature skipped. */
    public static List<Chunk> of(byte[] png) {
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] name = new byte[4];
            in.get(name);
            byte[] data = new byte[length];
            in.get(data);
            in.getInt(); // the CRC
            chunks.add(new Chunk(new String(name, StandardCharsets.ISO_8859_1), data));
        }
        return chunks;
    }

    /** The types of {@code png}'s chunks, in order. */
    public static List<String> types(byte[] png) {
        return of(png).stream().map(Chunk::type).toList();
    }

    /** The data of every chunk of {@code type}, in order. */
    public static List<byte[]> all(byte[] png, String type) {
        return of(png).stream().filter(chunk -> chunk.type().equals(type)).map(Chunk::data).toList();
    }

    /** The data of the first chunk of {@code type}, empty if there is none. */
    public static byte[] first(byte[] png, String type) {
        return all(png, type).stream().findFirst().orElse(new byte[0]);
    }
}
