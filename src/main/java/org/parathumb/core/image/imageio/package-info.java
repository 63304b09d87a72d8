/** ImageIO plumbing shared by reading and writing: which registered plugin to prefer. */
package org.parathumb.core.image.imageio;
