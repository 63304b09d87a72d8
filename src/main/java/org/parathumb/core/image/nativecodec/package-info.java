/** The optional JNI library and its Java binding: the native blur+reduce kernel and libjpeg, opened at run time. */
package org.parathumb.core.image.nativecodec;
