package org.parathumb.core.batch;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The hidden temporary files a thumbnail is encoded into before it is moved into place. Each is
 * named after the process writing it ({@code .parathumb-<pid>-<random>.tmp}), so that a run can
 * tell the leftovers of a crashed run from the live temporaries of another run writing into the
 * same output folder at the same moment: only the first are removed.
 */
final class TemporaryFiles {

    /** Prefix of the temporary files; they are hidden, so no scan ever picks them up. */
    static final String PREFIX = ".parathumb-";

    static final String SUFFIX = ".tmp";

    /**
     * How long a temporary that names no process (written by a version before the names held
     * one) must have lain untouched to be taken for a leftover: a live one is written within the
     * few milliseconds of one thumbnail's encode.
     */
    static final Duration UNOWNED_AGE = Duration.ofHours(1);

    private TemporaryFiles() {
    }

    /**
     * A new, empty, hidden temporary file in {@code folder}, named after this process. Unlike
     * {@code Files.createTempFile}, whose files are private to their owner (rw-------), it takes
     * the permissions of any file the user creates (the umask), which the thumbnail keeps once
     * moved into place.
     */
    static Path createIn(Path folder) throws IOException {
        String owner = PREFIX + ProcessHandle.current().pid() + "-";
        while (true) {
            Path temp = folder.resolve(owner
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + SUFFIX);
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                // Another worker drew the same name: draw again.
            }
        }
    }

    /** Removes the temporaries in {@code folder} that are provably stale ({@link #isStale}). */
    static void removeStale(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (isStale(file)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Whether {@code file} is a temporary no live run can still be writing: the process it names
     * has ended, or that pid now belongs to a process started after the file was last written
     * (the pid was reused); a temporary naming no process counts once it lay untouched for
     * {@link #UNOWNED_AGE}. Anything else, and any file not named as a temporary, is kept.
     */
    static boolean isStale(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return false;
        }
        Instant written;
        try {
            written = Files.getLastModifiedTime(file).toInstant();
        } catch (NoSuchFileException gone) {
            return false;
        }
        Optional<Long> owner = ownerPid(name);
        if (owner.isEmpty()) {
            return written.isBefore(Instant.now().minus(UNOWNED_AGE));
        }
        Optional<ProcessHandle> process = ProcessHandle.of(owner.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        return process.get().info().startInstant().map(written::isBefore).orElse(false);
    }

    /** The pid in {@code .parathumb-<pid>-<random>.tmp}, if the name holds one. */
    private static Optional<Long> ownerPid(String name) {
        String middle = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        int dash = middle.indexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(middle.substring(0, dash)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
