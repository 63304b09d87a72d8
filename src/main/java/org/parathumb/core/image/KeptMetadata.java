package org.parathumb.core.image;

import java.util.Locale;

/**
 * What of a source's metadata its thumbnail keeps. {@link #NONE}, the original program's: nothing.
 * {@link #ICC}: the colour profile, with the pixels expressed in it. {@link #ALL}: the profile
 * and the EXIF block (its orientation set to upright when the thumbnail was turned).
 */
public enum KeptMetadata {
    NONE,
    ICC,
    ALL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KeptMetadata fromId(String id) {
        for (KeptMetadata kept : values()) {
            if (kept.id().equalsIgnoreCase(id.strip())) {
                return kept;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a metadata choice: use none, icc or all");
    }

    public boolean keepsIcc() {
        return this != NONE;
    }

    public boolean keepsExif() {
        return this == ALL;
    }
}
