/** The headless commands (run, bench, generate), built on core only. */
package org.parathumb.cli;
