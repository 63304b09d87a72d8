package org.parathumb.core.image.imageio;

import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Choosing among the ImageIO readers or writers installed for a format: the one whose class
 * starts with a preferred package (the JDK's, or TwelveMonkeys'), else the first of the others.
 * Every candidate not returned is disposed of.
 */
public final class ImageIoPlugins {

    private ImageIoPlugins() {
    }

    public static <T> Optional<T> preferring(Iterator<T> candidates, String classPrefix, Consumer<? super T> dispose) {
        T fallback = null;
        while (candidates.hasNext()) {
            T candidate = candidates.next();
            if (candidate.getClass().getName().startsWith(classPrefix)) {
                if (fallback != null) {
                    dispose.accept(fallback);
                }
                return Optional.of(candidate);
            }
            if (fallback == null) {
                fallback = candidate;
            } else {
                dispose.accept(candidate);
            }
        }
        return Optional.ofNullable(fallback);
    }
}
