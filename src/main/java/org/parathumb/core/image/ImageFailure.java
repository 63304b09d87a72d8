package org.parathumb.core.image;

import java.io.IOException;
import java.util.Objects;

/**
 * Why a file gave no image, as one line a user can act on: its message is the reason shown
 * beside the file name ("not an image (unrecognised content)", "truncated (decoded 38% of
 * rows)"), and its {@link Kind} is the class of problem, for whoever wants to group them.
 */
public final class ImageFailure extends IOException {

    /** The classes of problem a file can have. */
    public enum Kind {
        /** Empty, or content that is no image format Parathumb reads. */
        NOT_AN_IMAGE,
        /** An image, but a variant no reader handles. */
        UNSUPPORTED,
        /** The file ends before the image does. */
        TRUNCATED,
        /** The image data is damaged. */
        CORRUPT,
        /** More pixels than the configured limit. */
        TOO_LARGE,
        /** Not a regular file, or one that cannot be read. */
        UNREADABLE
    }

    private final Kind kind;

    public ImageFailure(Kind kind, String reason) {
        this(kind, reason, null);
    }

    public ImageFailure(Kind kind, String reason, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
