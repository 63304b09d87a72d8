/** Reading any supported file: choosing a decoder by content, headers, EXIF and ICC, and the one-line reason for a file that cannot be read. */
package org.parathumb.core.image.read;
