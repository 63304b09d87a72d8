/**
 * The image API every other package works with: a pipeline turns a file into a thumbnail to a
 * spec, and says why it could not; the rooms below implement it and nothing here depends on them.
 */
package org.parathumb.core.image;
