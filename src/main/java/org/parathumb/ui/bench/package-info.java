/** The benchmark's charts, numbers table, exports and the per-worker timeline, as self-contained views. */
package org.parathumb.ui.bench;
