package org.parathumb.core.batch.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What one output folder's thumbnails were made from: for each thumbnail's file name, its
 * source's path, size and modification time, the thumbnail's own size and time, and the settings
 * fingerprint. Kept in a hidden file ({@value #FILE_NAME}) written whole into a temporary file and
 * moved into place in one step. Reading never fails: a missing, foreign or damaged file, or a
 * damaged line, simply has no entries, which means "make it again". Not thread-safe: its owner
 * ({@link SkipPolicy}) locks.
 */
public final class OutputManifest {

    /** The manifest's name in each output folder; hidden, so no scan takes it for an image. */
    public static final String FILE_NAME = ".parathumb-manifest";

    private static final String HEADER = "parathumb manifest 1";
    private static final int FIELDS = 7;

    /** One thumbnail: what it was made from and how, and how it looked once written. */
    record Entry(String source, long sourceSize, long sourceTime, long targetSize, long targetTime,
            String fingerprint) {
        Entry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    private final Path folder;
    private final Map<String, Entry> entries;

    private OutputManifest(Path folder, Map<String, Entry> entries) {
        this.folder = folder;
        this.entries = entries;
    }

    /** The manifest of {@code folder}; empty when there is none or it cannot be read or trusted. */
    public static OutputManifest load(Path folder) {
        Map<String, Entry> entries = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(folder.resolve(FILE_NAME), StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).equals(HEADER)) {
                for (String line : lines.subList(1, lines.size())) {
                    parse(line).ifPresent(e -> entries.put(e.getKey(), e.getValue()));
                }
            }
        } catch (IOException | RuntimeException e) {
            entries.clear(); // unreadable or not text: trust none of it
        }
        return new OutputManifest(folder, entries);
    }

    public Path folder() {
        return folder;
    }

    /**
     * Whether {@code target} exists as this manifest last saw it, was made from {@code source} as
     * it is now, with {@code fingerprint}, and is not older than the source.
     */
    public boolean isCurrent(Path source, Path target, String fingerprint) {
        Entry entry = entries.get(target.getFileName().toString());
        if (entry == null || !entry.fingerprint().equals(fingerprint)
                || !entry.source().equals(source.toAbsolutePath().normalize().toString())) {
            return false;
        }
        Optional<BasicFileAttributes> from = attributes(source);
        Optional<BasicFileAttributes> to = attributes(target);
        return from.isPresent() && to.isPresent()
                && from.get().size() == entry.sourceSize() && nanos(from.get()) == entry.sourceTime()
                && to.get().size() == entry.targetSize() && nanos(to.get()) == entry.targetTime()
                && nanos(to.get()) >= nanos(from.get());
    }

    /** Notes that {@code target} was just made from {@code source} with {@code fingerprint}. */
    public void record(Path source, Path target, String fingerprint) {
        Optional<BasicFileAttributes> from = attributes(source);
        Optional<BasicFileAttributes> to = attributes(target);
        String name = target.getFileName().toString();
        if (from.isEmpty() || to.isEmpty()) {
            entries.remove(name);
            return;
        }
        entries.put(name, new Entry(source.toAbsolutePath().normalize().toString(), from.get().size(),
                nanos(from.get()), to.get().size(), nanos(to.get()), fingerprint));
    }

    /** Forgets {@code target}: next time it is made again. */
    public void forget(Path target) {
        entries.remove(target.getFileName().toString());
    }

    int size() {
        return entries.size();
    }

    /** Writes the manifest into a temporary file, then moves it over the old one in one step. */
    public void save() throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        entries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Entry v = e.getValue();
            text.append(escape(e.getKey())).append('\t').append(escape(v.source())).append('\t')
                    .append(v.sourceSize()).append('\t').append(v.sourceTime()).append('\t')
                    .append(v.targetSize()).append('\t').append(v.targetTime()).append('\t')
                    .append(escape(v.fingerprint())).append('\n');
        });
        Path temp = folder.resolve(".parathumb-manifest-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, folder.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Optional<Map.Entry<String, Entry>> parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.entry(unescape(f[0]), new Entry(unescape(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), unescape(f[6]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<BasicFileAttributes> attributes(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? Optional.of(attributes) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long nanos(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    /** Tabs, line breaks and backslashes as {@code \t \n \r \\}: one entry is one line. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == text.length()) {
                throw new IllegalArgumentException("dangling escape");
            }
            out.append(switch (text.charAt(i)) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case '\\' -> '\\';
                default -> throw new IllegalArgumentException("unknown escape");
            });
        }
        return out.toString();
    }
}
