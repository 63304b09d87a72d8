package org.parathumb.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.parathumb.core.batch.SourceScanner;

/**
 * Which of the files a user drags are worth loading: image files Parathumb reads, and folders
 * holding at least one directly, or holding sub-folders (which the Sub-folders option loads).
 * Looks one folder level deep only, so it is quick enough to answer while the mouse moves.
 */
final class DropPayload {

    private DropPayload() {
    }

    /** The usable part of {@code files}, in the order given. */
    static List<Path> usable(List<File> files) {
        return files.stream().map(File::toPath).filter(DropPayload::isUsable).toList();
    }

    static boolean isUsable(Path path) {
        if (Files.isDirectory(path)) {
            return holdsImages(path);
        }
        return Files.isRegularFile(path) && !isHidden(path) && SourceScanner.looksLikeImage(path);
    }

    private static boolean holdsImages(Path folder) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!isHidden(entry) && (Files.isDirectory(entry)
                        || SourceScanner.looksLikeImage(entry) && Files.isRegularFile(entry))) {
                    return true;
                }
            }
            return false;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
