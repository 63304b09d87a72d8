/** The JavaFX window: views and view models, built on core only. */
package org.parathumb.ui;
