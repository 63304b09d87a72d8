package org.parathumb.core.image.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.parathumb.core.image.CancelledException;
import org.parathumb.core.image.ImageFailure;
import org.parathumb.core.image.ImageFormat;

/**
 * The checks every source passes before a decoder sees it: a regular file (not a folder, a
 * broken link, a pipe), not empty, readable, and of a format recognised by its content (never its
 * name).
 */
final class SourceFile {

    /** Bytes {@link ImageFormat#sniff} looks at. */
    static final int HEAD = 32;

    private SourceFile() {
    }

    /** The format of {@code file}'s content, or the failure that says why it is none. */
    static ImageFormat formatOf(Path file) throws IOException {
        CancelledException.checkInterrupt();
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            String what = attributes.isDirectory() ? "a folder"
                    : Files.isSymbolicLink(file) && !Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "a broken link"
                    : "a device, pipe or socket";
            throw new ImageFailure(ImageFailure.Kind.UNREADABLE, "not a regular file (" + what + ")");
        }
        if (attributes.size() == 0) {
            throw new ImageFailure(ImageFailure.Kind.NOT_AN_IMAGE, "empty file (0 bytes)");
        }
        byte[] head = new byte[HEAD];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
        } catch (NoSuchFileException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new ImageFailure(ImageFailure.Kind.UNREADABLE, "permission denied", e);
        }
        return ImageFormat.sniff(head, n).orElseThrow(
                () -> new ImageFailure(ImageFailure.Kind.NOT_AN_IMAGE, "not an image (unrecognised content)"));
    }
}
