package org.parathumb.core.image.pipeline;

import java.util.Optional;
import org.parathumb.core.image.ThumbnailSize;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.pillow.PillowThumbnail;

/**
 * How Pillow's thumbnail of a {@code width x height} image starts: the size it fits, and the
 * integer reduce by {@code factorX x factorY} ({@link PillowThumbnail#reduceFactor}) it makes
 * before the bicubic resize. The faithful pipeline streams its blur into that reduce; the fast
 * routes decode or reduce straight to its size.
 */
record PillowReduce(int width, int height, int factorX, int factorY, ThumbnailSize size) {

    /** The reduce of a {@code width x height} image under {@code spec}; empty when it fits already or is not reduced. */
    static Optional<PillowReduce> of(int width, int height, ThumbnailSpec spec) {
        return ThumbnailSize.fit(width, height, spec.maxWidth(), spec.maxHeight())
                .map(size -> new PillowReduce(width, height, PillowThumbnail.reduceFactor(width, size.width()),
                        PillowThumbnail.reduceFactor(height, size.height()), size))
                .filter(reduce -> reduce.factorX() > 1 || reduce.factorY() > 1);
    }

    /** The reduced image's width: a narrower last column of blocks counts as one. */
    int reducedWidth() {
        return (width + factorX - 1) / factorX;
    }

    /** The reduced image's height: a shorter last row of blocks counts as one. */
    int reducedHeight() {
        return (height + factorY - 1) / factorY;
    }
}
