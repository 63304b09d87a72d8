/** Timing sequential and parallel runs, their statistics, speedup and Amdahl fit, and their export. */
package org.parathumb.core.bench;
