package org.parathumb.core.batch.manifest;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one output folder's thumbnails were made from: for each thumbnail's file name, its
 * source's path, size and modification time, the thumbnail's own size and time, and the settings
 * fingerprint. Kept in a hidden file ({@value #FILE_NAME}) written whole under a temporary name
 * and renamed into place in one step, through a {@link ManifestStore} (the local disk, or the
 * Spark job's Hadoop file systems). Reading never fails: a missing, foreign or damaged file, or a
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

    private final ManifestStore store;
    private final String folder;
    private final Map<String, Entry> entries;

    private OutputManifest(ManifestStore store, String folder, Map<String, Entry> entries) {
        this.store = store;
        this.folder = folder;
        this.entries = entries;
    }

    /** The manifest of the local {@code folder}; empty when there is none or it cannot be read or trusted. */
    public static OutputManifest load(Path folder) {
        return load(ManifestStore.LOCAL, folder.toAbsolutePath().normalize().toString());
    }

    /** The manifest of {@code folder} in {@code store}; empty when there is none or it cannot be read or trusted. */
    public static OutputManifest load(ManifestStore store, String folder) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(folder, "folder");
        Map<String, Entry> entries = new HashMap<>();
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(store.read(store.child(folder, FILE_NAME)))).toString();
            List<String> lines = text.lines().toList();
            if (!lines.isEmpty() && lines.get(0).equals(HEADER)) {
                for (String line : lines.subList(1, lines.size())) {
                    parse(line).ifPresent(e -> entries.put(e.getKey(), e.getValue()));
                }
            }
        } catch (IOException | RuntimeException e) {
            entries.clear(); // missing, unreadable or not text: trust none of it
        }
        return new OutputManifest(store, folder, entries);
    }

    /** The folder this manifest describes, as its store names it. */
    public String folder() {
        return folder;
    }

    /**
     * Whether {@code target} exists as this manifest last saw it, was made from {@code source} as
     * it is now, with {@code fingerprint}, and is not older than the source.
     */
    public boolean isCurrent(Path source, Path target, String fingerprint) {
        return isCurrent(local(source), local(target), fingerprint);
    }

    /** {@link #isCurrent(Path, Path, String)} for locations of this manifest's store. */
    public boolean isCurrent(String source, String target, String fingerprint) {
        Entry entry = entries.get(name(target));
        if (entry == null || !entry.fingerprint().equals(fingerprint) || !entry.source().equals(source)) {
            return false;
        }
        Optional<ManifestStore.Stamp> from = store.stat(source);
        Optional<ManifestStore.Stamp> to = store.stat(target);
        return from.isPresent() && to.isPresent()
                && from.get().size() == entry.sourceSize() && from.get().time() == entry.sourceTime()
                && to.get().size() == entry.targetSize() && to.get().time() == entry.targetTime()
                && to.get().time() >= from.get().time();
    }

    /** Notes that {@code target} was just made from {@code source} with {@code fingerprint}. */
    public void record(Path source, Path target, String fingerprint) {
        record(local(source), local(target), fingerprint);
    }

    /** {@link #record(Path, Path, String)} for locations of this manifest's store. */
    public void record(String source, String target, String fingerprint) {
        Optional<ManifestStore.Stamp> from = store.stat(source);
        Optional<ManifestStore.Stamp> to = store.stat(target);
        String name = name(target);
        if (from.isEmpty() || to.isEmpty()) {
            entries.remove(name);
            return;
        }
        entries.put(name, new Entry(source, from.get().size(), from.get().time(), to.get().size(),
                to.get().time(), fingerprint));
    }

    /** Forgets {@code target}: next time it is made again. */
    public void forget(Path target) {
        forget(local(target));
    }

    /** {@link #forget(Path)} for a location of this manifest's store. */
    public void forget(String target) {
        entries.remove(name(target));
    }

    int size() {
        return entries.size();
    }

    /** Writes the manifest under a temporary name, then renames it over the old one in one step. */
    public void save() throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        entries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Entry v = e.getValue();
            text.append(escape(e.getKey())).append('\t').append(escape(v.source())).append('\t')
                    .append(v.sourceSize()).append('\t').append(v.sourceTime()).append('\t')
                    .append(v.targetSize()).append('\t').append(v.targetTime()).append('\t')
                    .append(escape(v.fingerprint())).append('\n');
        });
        store.replace(store.child(folder, FILE_NAME), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A local path as the manifest records it: absolute and normalized. */
    static String local(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /** The last part of a location: a file's name in its folder. */
    static String name(String location) {
        return location.substring(lastSeparator(location) + 1);
    }

    /** The folder part of a location (the location itself when it has none). */
    static String parent(String location) {
        int at = lastSeparator(location);
        return at <= 0 ? location : location.substring(0, at);
    }

    private static int lastSeparator(String location) {
        return Math.max(location.lastIndexOf('/'), location.lastIndexOf(File.separatorChar));
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
