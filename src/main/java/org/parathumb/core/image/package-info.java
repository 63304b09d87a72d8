/** Decoding, blur, resize and encoding: pure functions on pixels, with no JavaFX and no I/O policy. */
package org.parathumb.core.image;
