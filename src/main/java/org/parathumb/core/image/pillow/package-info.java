/** Pillow's exact kernels, ported: extended-box Gaussian blur, box reduce, bicubic resample, premultiplied alpha. */
package org.parathumb.core.image.pillow;
