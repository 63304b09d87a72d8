/** The entry point: runs a headless command or launches the window, nothing else. */
package org.parathumb.app;
