package org.parathumb.core.image;

import java.awt.image.BufferedImage;

/**
 * One step of a pipeline on pixels (blur, resize, orientation). It returns a new image and never
 * changes its input. Long loops check the thread's interrupt once per band of rows and end with
 * {@link CancelledException} when it is set.
 */
@FunctionalInterface
public interface ImageFilter {

    BufferedImage apply(BufferedImage image);
}
