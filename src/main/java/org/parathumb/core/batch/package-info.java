/** Scanning folders, one job per image, the owned worker pool, and results in completion order. */
package org.parathumb.core.batch;
