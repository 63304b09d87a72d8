/** The faithful and the fast pipeline, composed from the rooms beside this one, and the choice between them by name. */
package org.parathumb.core.image.pipeline;
