/** Encoders: each thumbnail saved as Pillow saves it. */
package org.parathumb.core.image.write;
