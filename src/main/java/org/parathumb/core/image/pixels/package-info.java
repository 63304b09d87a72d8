/** Decoded samples and their working buffers: layout conversion, per-thread scratch arrays. */
package org.parathumb.core.image.pixels;
