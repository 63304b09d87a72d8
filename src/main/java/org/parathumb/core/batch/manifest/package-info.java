/** Skip-unchanged: a small manifest per output folder says which thumbnail was made from what, and how. */
package org.parathumb.core.batch.manifest;
