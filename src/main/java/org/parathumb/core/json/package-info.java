/** Hand-written JSON for what the program exports: one object at a time, strings escaped as RFC 8259 says. */
package org.parathumb.core.json;
