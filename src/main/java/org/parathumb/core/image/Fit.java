package org.parathumb.core.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a thumbnail meets its WxH box. {@link #CONTAIN}, the original program's (Pillow's
 * {@code thumbnail()}): the whole image inside the box, aspect kept, never enlarged.
 * {@link #COVER}: exactly WxH, the image scaled to cover the box and its centre kept.
 * {@link #CROP}: exactly WxH like cover, but the kept window is the one with the most detail
 * (the highest entropy of its grey levels, as libvips' {@code --smartcrop entropy}).
 */
public enum Fit {
    CONTAIN,
    COVER,
    CROP;

    /** The name users type: "contain", "cover", "crop". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fit named {@code id}, in any case. */
    public static Fit fromId(String id) {
        for (Fit fit : values()) {
            if (fit.id().equalsIgnoreCase(id.strip())) {
                return fit;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a fit: use "
                + Arrays.stream(values()).map(Fit::id).collect(Collectors.joining(", ")));
    }
}
