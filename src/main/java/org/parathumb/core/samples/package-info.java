/** Deterministic, photo-like sample images for demos, tests and benchmarks. */
package org.parathumb.core.samples;
