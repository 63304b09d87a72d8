package org.parathumb.core.batch;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files replaced whole: a reader finds the old file or the new one, never a part of either. The
 * bytes go to a temporary file beside the target, then are moved over it. The temporary's name is
 * drawn from {@link ThreadLocalRandom}: {@code Files.createTempFile} draws it from
 * {@code SecureRandom}, whose security providers and seeding cost a cold command about 9 ms.
 */
public final class FileReplacement {

    private FileReplacement() {
    }

    /** Replaces {@code target} (or creates it) with {@code bytes}; its folder must exist. */
    public static void replace(Path target, byte[] bytes) throws IOException {
        Path temp = createSibling(target);
        try {
            Files.write(temp, bytes);
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Moves the finished file {@code temp} over {@code target}, in one step where the file system
     * can (readers then never see a gap), else by replacing it.
     */
    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path createSibling(Path target) throws IOException {
        while (true) {
            Path temp = target.resolveSibling("." + target.getFileName() + "-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.write(temp, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException taken) {
                // Another writer drew the same name: draw again.
            }
        }
    }
}
