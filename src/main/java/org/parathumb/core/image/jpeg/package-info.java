/** Our own JPEG parsing and DCT-scaled decoding, for the fast pipeline. */
package org.parathumb.core.image.jpeg;
