/** Batches as Chrome trace-event JSON, for Perfetto and chrome://tracing: a track per worker, an event per image and stage. */
package org.parathumb.core.trace;
