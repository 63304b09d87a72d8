package org.parathumb.core.image;

import java.util.Objects;

/**
 * How a rendered thumbnail is framed and written, beyond its size and blur: its {@link Fit}.
 * The default is the original program's: contain.
 */
public record OutputOptions(Fit fit) {

    public static final OutputOptions DEFAULT = new OutputOptions(Fit.CONTAIN);

    public OutputOptions {
        Objects.requireNonNull(fit, "fit");
    }

    public OutputOptions withFit(Fit newFit) {
        return new OutputOptions(newFit);
    }
}
